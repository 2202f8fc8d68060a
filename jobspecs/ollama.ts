/**
 * Ollama (on the GPU node), SearXNG, Open WebUI and their PostgreSQL, over Consul
 * Connect. The stack mounts the three GlusterFS volumes.
 */
import { archConstraint, DEFAULT_RESTART, DEFAULT_UPDATE, JobContext, POSTGRES_PORT, postgresGroup, nodeConstraint, vaultEnv } from "./common";
import { connectService } from "./connect";
import { IMAGES, imageRef } from "./images";
import { MeshEdge } from "./mesh";
import { Job } from "./model";

export interface OllamaContext extends JobContext {
  /** The one node with the NVIDIA GPU (inventory). */
  readonly gpuNode: { readonly name: string; readonly arch: "amd64" | "arm64" };
}

export const OLLAMA_PORT = 11434;
export const SEARXNG_PORT = 8080;
export const OPEN_WEBUI_PORT = 8080;
export const OLLAMA_SECRETS = "secret/data/ollama/postgres";
/** Where the ollama image keeps models and its key ($HOME/.ollama; docs/docker.mdx mounts it there). */
export const OLLAMA_DATA_DIR = "/root/.ollama";

/** Whom the ollama job's services may call in the mesh. */
export const OLLAMA_MESH: readonly MeshEdge[] = [
  { from: "open-webui", to: "ollama", why: "Open WebUI runs its chats on Ollama's models" },
  { from: "open-webui", to: "searxng", why: "Open WebUI's web search (RAG) queries SearXNG" },
  { from: "open-webui", to: "ollama-postgres", why: "Open WebUI keeps its data and vectors in PostgreSQL (pgvector)" },
];

export function ollamaJob(ctx: OllamaContext): Job {
  return {
    ID: "ollama",
    Type: "service",
    Datacenters: ctx.datacenters,
    TaskGroups: [
      {
        Name: "ollama",
        Count: 1,
        Constraints: [nodeConstraint(ctx.gpuNode.name), archConstraint(ctx.gpuNode.arch)],
        Networks: [{ Mode: "bridge" }],
        Services: [connectService({ name: "ollama", port: OLLAMA_PORT })],
        RestartPolicy: DEFAULT_RESTART,
        Update: DEFAULT_UPDATE,
        Tasks: [
          {
            Name: "ollama",
            Driver: "docker",
            Config: { image: imageRef(IMAGES.ollama) },
            // Models (and the instance key) live under the image's /root/.ollama, where the stack mounts the volume.
            Env: { OLLAMA_HOST: `0.0.0.0:${OLLAMA_PORT}` },
            Resources: { CPU: 4000, MemoryMB: 8192, MemoryMaxMB: 12288, Devices: [{ Name: "nvidia/gpu", Count: 1 }] },
          },
        ],
      },
      {
        Name: "searxng",
        Count: 1,
        Networks: [{ Mode: "bridge" }],
        Services: [connectService({ name: "searxng", port: SEARXNG_PORT, httpCheck: { path: "/healthz" } })],
        RestartPolicy: DEFAULT_RESTART,
        Update: DEFAULT_UPDATE,
        Tasks: [
          {
            Name: "searxng",
            Driver: "docker",
            Config: { image: imageRef(IMAGES.searxng) },
            Env: { SEARXNG_BASE_URL: `http://127.0.0.1:${SEARXNG_PORT}/` },
            Resources: { CPU: 300, MemoryMB: 256, MemoryMaxMB: 512 },
          },
        ],
      },
      {
        Name: "open-webui",
        Count: 1,
        Networks: [{ Mode: "bridge" }],
        Services: [
          connectService({
            name: "open-webui",
            port: OPEN_WEBUI_PORT,
            httpCheck: { path: "/health" },
            upstreams: [
              { service: "ollama", localPort: OLLAMA_PORT },
              { service: "searxng", localPort: 8081 },
              { service: "ollama-postgres", localPort: POSTGRES_PORT },
            ],
          }),
        ],
        RestartPolicy: DEFAULT_RESTART,
        Update: DEFAULT_UPDATE,
        Tasks: [
          {
            Name: "open-webui",
            Driver: "docker",
            Config: { image: imageRef(IMAGES.openWebui) },
            Env: {
              OLLAMA_BASE_URL: `http://127.0.0.1:${OLLAMA_PORT}`,
              ENABLE_RAG_WEB_SEARCH: "true",
              RAG_WEB_SEARCH_ENGINE: "searxng",
              SEARXNG_QUERY_URL: "http://127.0.0.1:8081/search?q=<query>",
              // Application data and vectors in PostgreSQL, not SQLite on the disk.
              VECTOR_DB: "pgvector",
            },
            Vault: { ChangeMode: "restart" },
            Templates: [vaultEnv(OLLAMA_SECRETS, { DATABASE_URL: "database_url" })],
            Resources: { CPU: 500, MemoryMB: 1024, MemoryMaxMB: 2048 },
          },
        ],
      },
      postgresGroup({ service: "ollama-postgres", user: "openwebui", database: "openwebui", secretsPath: OLLAMA_SECRETS }),
    ],
  };
}
