/**
 * Matrix: Synapse, the WhatsApp bridge, the Matrix Authentication Service, nginx for
 * .well-known, and the Cinny and Element clients, talking over Consul Connect. Storage is
 * mounted by the stack (volumes are Terraform resources); databases live on the external
 * PostgreSQL.
 */
import { DEFAULT_RESTART, DEFAULT_UPDATE, JobContext, jsonFile, vaultValue, yamlFile } from "./common";
import { connectService } from "./connect";
import { IMAGES, imageRef } from "./images";
import { Job, TaskGroup } from "./model";

export interface MatrixContext extends JobContext {
  /** Public domain: the server name and the clients' homeserver. */
  readonly domain: string;
  readonly postgres: { readonly host: string; readonly port: number };
}

export const SYNAPSE_PORT = 8008;
export const SYNAPSE_ENVOY_METRICS_PORT = 9102;
export const WHATSAPP_PORT = 29318;
export const MAS_PORT = 8080;
const HTTP_PORT = 80;

/** Vault KV v2 paths of the matrix secrets. */
export const MATRIX_SECRETS = { synapse: "secret/data/matrix/synapse" } as const;

const bridge = (...dynamic: { Label: string; To: number }[]) => [{ Mode: "bridge" as const, DynamicPorts: dynamic.length ? dynamic : undefined }];

function synapse(ctx: MatrixContext): TaskGroup {
  return {
    Name: "synapse",
    Count: 1,
    Networks: bridge({ Label: "envoy_metrics", To: SYNAPSE_ENVOY_METRICS_PORT }),
    Services: [
      connectService({
        name: "matrix-synapse",
        port: SYNAPSE_PORT,
        httpCheck: { path: "/health" },
        envoyMetricsPortLabel: "envoy_metrics",
        envoyMetricsPort: SYNAPSE_ENVOY_METRICS_PORT,
      }),
    ],
    RestartPolicy: DEFAULT_RESTART,
    Update: DEFAULT_UPDATE,
    Tasks: [
      {
        Name: "synapse",
        Driver: "docker",
        Config: {
          image: imageRef(IMAGES.synapse),
          // homeserver.yaml (signing key beside it) lives on the config volume at /data;
          // the database block is rendered from Vault into a second config file.
          entrypoint: ["python", "-m", "synapse.app.homeserver"],
          args: ["--config-path=/data/homeserver.yaml", "--config-path=/secrets/database.yaml"],
        },
        Env: { SYNAPSE_CONFIG_DIR: "/data", SYNAPSE_CONFIG_PATH: "/data/homeserver.yaml" },
        Vault: { ChangeMode: "restart" },
        Templates: [
          yamlFile("secrets/database.yaml", {
            media_store_path: "/media",
            database: {
              name: "psycopg2",
              args: {
                user: "synapse",
                password: vaultValue(MATRIX_SECRETS.synapse, "db_password"),
                dbname: "synapse",
                host: ctx.postgres.host,
                port: ctx.postgres.port,
                cp_min: 5,
                cp_max: 10,
              },
            },
          }),
        ],
        Resources: { CPU: 1000, MemoryMB: 1024, MemoryMaxMB: 2048 },
      },
    ],
  };
}

function whatsapp(): TaskGroup {
  return {
    Name: "whatsapp-bridge",
    Count: 1,
    Networks: bridge(),
    Services: [
      connectService({
        name: "matrix-whatsapp",
        port: WHATSAPP_PORT,
        upstreams: [{ service: "matrix-synapse", localPort: SYNAPSE_PORT }],
      }),
    ],
    RestartPolicy: DEFAULT_RESTART,
    Update: DEFAULT_UPDATE,
    Tasks: [
      {
        Name: "whatsapp",
        Driver: "docker",
        // config.yaml (PostgreSQL database matrix-whatsapp, registration) lives on the data volume.
        Config: { image: imageRef(IMAGES.mautrixWhatsapp), args: ["-c", "/data/config.yaml", "-r", "/data/registration.yaml", "--no-update"] },
        Resources: { CPU: 200, MemoryMB: 256, MemoryMaxMB: 512 },
      },
    ],
  };
}

function mas(): TaskGroup {
  return {
    Name: "mas",
    Count: 1,
    Networks: bridge(),
    Services: [
      connectService({
        name: "matrix-mas",
        port: MAS_PORT,
        httpCheck: { path: "/health" },
        upstreams: [{ service: "matrix-synapse", localPort: SYNAPSE_PORT }],
      }),
    ],
    RestartPolicy: DEFAULT_RESTART,
    Update: DEFAULT_UPDATE,
    Tasks: [
      {
        Name: "mas",
        Driver: "docker",
        Config: { image: imageRef(IMAGES.mas), args: ["server"] },
        Env: { MAS_CONFIG: "/shared/mas/config.yaml" },
        Resources: { CPU: 200, MemoryMB: 256, MemoryMaxMB: 512 },
      },
    ],
  };
}

/** nginx serves /.well-known/matrix from the shared volume and routes the client API. */
export function nginxConfig(): string {
  // nginx's own configuration language; no HCL or YAML is assembled here.
  return [
    "server {",
    `  listen ${HTTP_PORT};`,
    "  location /.well-known/matrix/ {",
    "    root /shared/nginx/html;",
    "    default_type application/json;",
    '    add_header Access-Control-Allow-Origin "*";',
    "  }",
    "  location ~ ^/_matrix/client/(.*)/(login|logout|refresh) {",
    `    proxy_pass http://127.0.0.1:${MAS_PORT};`,
    "  }",
    "  location ~ ^(/_matrix|/_synapse/client) {",
    `    proxy_pass http://127.0.0.1:${SYNAPSE_PORT};`,
    "    proxy_set_header X-Forwarded-For $remote_addr;",
    "    proxy_set_header X-Forwarded-Proto https;",
    "    client_max_body_size 100M;",
    "  }",
    "}",
    "",
  ].join("\n");
}

function nginx(): TaskGroup {
  return {
    Name: "nginx",
    Count: 1,
    Networks: bridge(),
    Services: [
      connectService({
        name: "matrix-nginx",
        port: HTTP_PORT,
        upstreams: [
          { service: "matrix-synapse", localPort: SYNAPSE_PORT },
          { service: "matrix-mas", localPort: MAS_PORT },
        ],
      }),
    ],
    RestartPolicy: DEFAULT_RESTART,
    Update: DEFAULT_UPDATE,
    Tasks: [
      {
        Name: "nginx",
        Driver: "docker",
        Config: { image: imageRef(IMAGES.nginx), volumes: ["local/matrix.conf:/etc/nginx/conf.d/default.conf"] },
        Templates: [{ EmbeddedTmpl: nginxConfig(), DestPath: "local/matrix.conf", ChangeMode: "signal", ChangeSignal: "SIGHUP" }],
        Resources: { CPU: 100, MemoryMB: 64 },
      },
    ],
  };
}

function cinny(): TaskGroup {
  return {
    Name: "cinny",
    Count: 1,
    Networks: bridge(),
    Services: [connectService({ name: "matrix-cinny", port: HTTP_PORT, httpCheck: { path: "/" } })],
    RestartPolicy: DEFAULT_RESTART,
    Update: DEFAULT_UPDATE,
    Tasks: [
      {
        Name: "cinny",
        Driver: "docker",
        Config: {
          image: imageRef(IMAGES.cinny),
          // /app/config.json comes from the shared config volume (mounted at /shared).
          entrypoint: ["/bin/sh", "-c"],
          args: ["ln -sf /shared/cinny/config.json /app/config.json && exec nginx -g 'daemon off;'"],
        },
        Resources: { CPU: 100, MemoryMB: 64 },
      },
    ],
  };
}

function element(ctx: MatrixContext): TaskGroup {
  return {
    Name: "element",
    Count: 1,
    Networks: bridge(),
    Services: [connectService({ name: "matrix-element", port: HTTP_PORT, httpCheck: { path: "/" } })],
    RestartPolicy: DEFAULT_RESTART,
    Update: DEFAULT_UPDATE,
    Tasks: [
      {
        Name: "element",
        Driver: "docker",
        Config: { image: imageRef(IMAGES.element), volumes: ["local/config.json:/app/config.json"] },
        Templates: [
          jsonFile("local/config.json", {
            default_server_config: { "m.homeserver": { base_url: `https://matrix.${ctx.domain}`, server_name: ctx.domain } },
            disable_custom_urls: true,
            brand: "Element",
          }),
        ],
        Resources: { CPU: 100, MemoryMB: 64 },
      },
    ],
  };
}

/** The matrix job: six groups; the stack mounts the four volumes. */
export function matrixJob(ctx: MatrixContext): Job {
  return {
    ID: "matrix",
    Type: "service",
    Datacenters: ctx.datacenters,
    TaskGroups: [synapse(ctx), whatsapp(), mas(), nginx(), cinny(), element(ctx)],
  };
}
