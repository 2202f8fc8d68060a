/**
 * Matrix: Synapse, the WhatsApp bridge, the Matrix Authentication Service, nginx for
 * .well-known, and the Cinny and Element clients, talking over Consul Connect. Storage is
 * mounted by the stack (volumes are Terraform resources); databases live on the external
 * PostgreSQL. Every group's Envoy sidecar serves Prometheus metrics on 9102, as the
 * operators' job has it.
 */
import { DEFAULT_RESTART, DEFAULT_UPDATE, JobContext, jsonFile, vaultValue, yamlFile } from "./common";
import { connectService, ConnectServiceProps } from "./connect";
import { IMAGES, imageRef } from "./images";
import { MeshEdge } from "./mesh";
import { Job, TaskGroup } from "./model";

export interface MatrixContext extends JobContext {
  /** Public domain: the server name and the clients' homeserver. */
  readonly domain: string;
  readonly postgres: { readonly host: string; readonly port: number };
}

export const SYNAPSE_PORT = 8008;
/** Envoy's Prometheus listener in every group (the guide's `port "envoy_metrics" { to = 9102 }`). */
export const ENVOY_METRICS_PORT = 9102;
export const WHATSAPP_PORT = 29318;
export const MAS_PORT = 8080;
const HTTP_PORT = 80;

/** Vault KV v2 paths of the matrix secrets. */
export const MATRIX_SECRETS = { synapse: "secret/data/matrix/synapse" } as const;

/**
 * The homeserver's public names, from the public domain: Synapse's config, the clients'
 * config and the routes all take them from here, so they cannot disagree.
 */
export function matrixNames(domain: string) {
  const homeserverHost = `matrix.${domain}`;
  const homeserverUrl = `https://${homeserverHost}`;
  return {
    /** Synapse's server_name: user ids are @user:<domain>; /.well-known/matrix on the apex delegates to the homeserver host. */
    serverName: domain,
    homeserverHost,
    /** What clients are configured with (no trailing slash: they append /_matrix/…). */
    homeserverUrl,
    /** Synapse's public_baseurl, as its docs write it. */
    publicBaseUrl: `${homeserverUrl}/`,
    elementHost: `element.${domain}`,
    cinnyHost: `cinny.${domain}`,
  };
}

/** Whom each Matrix service may call in the mesh (everything else is denied). */
export const MATRIX_MESH: readonly MeshEdge[] = [
  { from: "matrix-synapse", to: "matrix-mas", why: "Synapse delegates authentication to MAS and introspects access tokens there" },
  { from: "matrix-synapse", to: "matrix-whatsapp", why: "Synapse pushes appservice transactions for bridged rooms to the bridge" },
  { from: "matrix-whatsapp", to: "matrix-synapse", why: "the bridge acts through Synapse's client-server and appservice APIs" },
  { from: "matrix-mas", to: "matrix-synapse", why: "MAS provisions users and devices through Synapse's admin API" },
  { from: "matrix-nginx", to: "matrix-synapse", why: "nginx proxies the public /_matrix and /_synapse/client APIs to Synapse" },
  { from: "matrix-nginx", to: "matrix-mas", why: "nginx proxies the login, logout and refresh endpoints to MAS" },
];

const ENVOY_METRICS_LABEL = "envoy_metrics";
/** A group's bridge network, with the port Prometheus scrapes its Envoy sidecar on. */
const bridge = () => [{ Mode: "bridge" as const, DynamicPorts: [{ Label: ENVOY_METRICS_LABEL, To: ENVOY_METRICS_PORT }] }];
/** A Connect service whose sidecar exposes Envoy's metrics on the group's envoy_metrics port. */
const meshService = (props: ConnectServiceProps) => connectService({ ...props, envoyMetricsPortLabel: ENVOY_METRICS_LABEL, envoyMetricsPort: ENVOY_METRICS_PORT });

function synapse(ctx: MatrixContext): TaskGroup {
  const names = matrixNames(ctx.domain);
  return {
    Name: "synapse",
    Count: 1,
    Networks: bridge(),
    Services: [meshService({ name: "matrix-synapse", port: SYNAPSE_PORT, httpCheck: { path: "/health" } })],
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
          // The last file wins: server_name and public_baseurl always come from the inventory.
          args: ["--config-path=/data/homeserver.yaml", "--config-path=/secrets/database.yaml", "--config-path=/local/public.yaml"],
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
          yamlFile("local/public.yaml", { server_name: names.serverName, public_baseurl: names.publicBaseUrl }),
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
      meshService({
        name: "matrix-whatsapp",
        port: WHATSAPP_PORT,
        upstreams: [{ service: "matrix-synapse", localPort: SYNAPSE_PORT }],
      }),
    ],
    RestartPolicy: DEFAULT_RESTART,
    Update: DEFAULT_UPDATE,
    Tasks: [
      {
        // The operators' runbooks read this task's logs by this name.
        Name: "whatsapp-bridge",
        Driver: "docker",
        // The image's command (/docker-run.sh, mautrix/whatsapp v0.2512.0) reads /data/config.yaml
        // (PostgreSQL database matrix-whatsapp) and /data/registration.yaml from the data volume
        // and drops to the bridge's own user; args here would replace that script as the command.
        Config: { image: imageRef(IMAGES.mautrixWhatsapp) },
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
      meshService({
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

/**
 * The /.well-known/matrix documents of the apex domain, from the inventory (Matrix spec:
 * `m.server` delegates federation, `m.homeserver.base_url` points clients at Synapse).
 * Rendered into the nginx task rather than read from the shared volume: that volume is
 * single-node-writer and takes one claim, which MAS holds for its config.
 */
export function wellKnownMatrix(domain: string): { readonly server: object; readonly client: object } {
  const names = matrixNames(domain);
  return { server: { "m.server": `${names.homeserverHost}:443` }, client: { "m.homeserver": { base_url: names.homeserverUrl } } };
}

/** Where nginx finds the .well-known tree: the task's local directory. */
const WELL_KNOWN_ROOT = "local/html";

/** nginx serves /.well-known/matrix (rendered by the job) and routes the client API. */
export function nginxConfig(): string {
  // nginx's own configuration language; no HCL or YAML is assembled here.
  return [
    "server {",
    `  listen ${HTTP_PORT};`,
    "  location /.well-known/matrix/ {",
    `    root /${WELL_KNOWN_ROOT};`,
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

function nginx(ctx: MatrixContext): TaskGroup {
  const wellKnown = wellKnownMatrix(ctx.domain);
  return {
    Name: "nginx",
    Count: 1,
    Networks: bridge(),
    Services: [
      meshService({
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
        Templates: [
          { EmbeddedTmpl: nginxConfig(), DestPath: "local/matrix.conf", ChangeMode: "signal", ChangeSignal: "SIGHUP" },
          jsonFile(`${WELL_KNOWN_ROOT}/.well-known/matrix/server`, wellKnown.server),
          jsonFile(`${WELL_KNOWN_ROOT}/.well-known/matrix/client`, wellKnown.client),
        ],
        Resources: { CPU: 100, MemoryMB: 64 },
      },
    ],
  };
}

/**
 * Cinny's config.json (its ClientConfig: defaultHomeserver, homeserverList,
 * allowCustomHomeservers): this estate's homeserver only. Rendered into the task, not read
 * from the single-claim shared volume (see wellKnownMatrix).
 */
export function cinnyConfig(domain: string): object {
  return { defaultHomeserver: 0, homeserverList: [matrixNames(domain).serverName], allowCustomHomeservers: false };
}

function cinny(ctx: MatrixContext): TaskGroup {
  return {
    Name: "cinny",
    Count: 1,
    Networks: bridge(),
    Services: [meshService({ name: "matrix-cinny", port: HTTP_PORT, httpCheck: { path: "/" } })],
    RestartPolicy: DEFAULT_RESTART,
    Update: DEFAULT_UPDATE,
    Tasks: [
      {
        Name: "cinny",
        Driver: "docker",
        // The image serves its build from /app; config.json there is read by the browser.
        Config: { image: imageRef(IMAGES.cinny), volumes: ["local/config.json:/app/config.json"] },
        Templates: [jsonFile("local/config.json", cinnyConfig(ctx.domain))],
        Resources: { CPU: 100, MemoryMB: 64 },
      },
    ],
  };
}

function element(ctx: MatrixContext): TaskGroup {
  const names = matrixNames(ctx.domain);
  return {
    Name: "element",
    Count: 1,
    Networks: bridge(),
    Services: [meshService({ name: "matrix-element", port: HTTP_PORT, httpCheck: { path: "/" } })],
    RestartPolicy: DEFAULT_RESTART,
    Update: DEFAULT_UPDATE,
    Tasks: [
      {
        Name: "element",
        Driver: "docker",
        Config: { image: imageRef(IMAGES.element), volumes: ["local/config.json:/app/config.json"] },
        Templates: [
          jsonFile("local/config.json", {
            default_server_config: { "m.homeserver": { base_url: names.homeserverUrl, server_name: names.serverName } },
            disable_custom_urls: true,
            brand: "Element",
          }),
        ],
        Resources: { CPU: 100, MemoryMB: 64 },
      },
    ],
  };
}

/** The matrix job: six groups; the stack mounts the four volumes (the shared config into MAS alone). */
export function matrixJob(ctx: MatrixContext): Job {
  return {
    ID: "matrix",
    Type: "service",
    Datacenters: ctx.datacenters,
    TaskGroups: [synapse(ctx), whatsapp(), mas(), nginx(ctx), cinny(ctx), element(ctx)],
  };
}

/** Synapse's signing key, beside homeserver.yaml on the config volume: `<server_name>.signing.key`. It cannot be regenerated. */
export function signingKeyFile(serverName: string): string {
  return `${serverName}.signing.key`;
}
