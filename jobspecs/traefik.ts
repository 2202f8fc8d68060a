/**
 * Traefik on the main Nomad cluster: the public entry to the routed services. It is a
 * Consul Connect native service, so it reaches each service through the mesh with its own
 * certificate (intentions decide which); it learns the routes from the services' own
 * `traefik.*` tags (Consul Catalog provider), and defines the middlewares those tags name.
 * TLS: Let's Encrypt (TLS-ALPN on 443) for every routed host, certificates kept on the
 * allocation's sticky disk, on the one node the router forwards 80 and 443 to.
 */
import { AUTHENTIK_HEADERS_REGEX, AUTHENTIK_IDENTITY_HEADERS } from "../constructs/authentik-outposts";
import { DEFAULT_RESTART, DEFAULT_UPDATE, httpCheck, JobContext, nodeConstraint, yamlFile } from "./common";
import { IMAGES, imageRef } from "./images";
import { ALLOC_DATA_DIR } from "./litestream";
import { Job } from "./model";
import { ROUTE_MIDDLEWARES, TRAEFIK_SERVICE, WEB, WEBSECURE } from "./traefik-routes";

export interface TraefikContext extends JobContext {
  /** The node the router forwards 80 and 443 to. */
  readonly node: string;
  readonly acme: { readonly email: string; readonly caServer: string };
  /** Authentik's forward-auth endpoints, for auth modes required and public. */
  readonly authentik: { readonly forwardAuth: string; readonly publicForwardAuth: string };
}

export const TRAEFIK_STATIC_CONFIG = "/local/traefik.yaml";
export const TRAEFIK_DYNAMIC_DIR = "/local/dynamic";
const PING_PORT = 8082;
const CERT_RESOLVER = "letsencrypt";

/** Traefik's static configuration (read once at start). */
export function traefikStaticConfig(ctx: TraefikContext): object {
  return {
    global: { checkNewVersion: false, sendAnonymousUsage: false },
    entryPoints: {
      [WEB]: { address: ":80", http: { redirections: { entryPoint: { to: WEBSECURE, scheme: "https" } } } },
      [WEBSECURE]: {
        address: ":443",
        http: { tls: { certResolver: CERT_RESOLVER }, middlewares: [ROUTE_MIDDLEWARES.stripAuthentikHeaders] },
        // Long uploads and syncs (Matrix media, AppFlowy) and idle clients, as on Kubernetes.
        transport: { respondingTimeouts: { readTimeout: "3600s", writeTimeout: "0s", idleTimeout: "600s" } },
      },
      ping: { address: `:${PING_PORT}` },
    },
    ping: { entryPoint: "ping" },
    providers: {
      // Consul's address and token come from the environment Nomad gives a Connect native
      // task (CONSUL_HTTP_ADDR, a socket into the allocation; CONSUL_HTTP_TOKEN).
      consulCatalog: { exposedByDefault: false, connectAware: true, connectByDefault: true, serviceName: TRAEFIK_SERVICE },
      file: { directory: TRAEFIK_DYNAMIC_DIR, watch: true },
    },
    certificatesResolvers: {
      [CERT_RESOLVER]: { acme: { email: ctx.acme.email, caServer: ctx.acme.caServer, storage: `${ALLOC_DATA_DIR}/acme.json`, tlsChallenge: {} } },
    },
    log: { level: "INFO" },
    accessLog: {},
  };
}

const fileName = (reference: string) => reference.replace(/@file$/, "");

/** The middlewares routes refer to, for the file provider. */
export function traefikMiddlewares(ctx: TraefikContext): object {
  // As on Kubernetes: every X-authentik-* header of the request is dropped, then the outpost's copied.
  const forwardAuth = (address: string) => ({ forwardAuth: { address, trustForwardHeader: true, authResponseHeadersRegex: AUTHENTIK_HEADERS_REGEX } });
  return {
    http: {
      middlewares: {
        [fileName(ROUTE_MIDDLEWARES.forwardAuth)]: forwardAuth(ctx.authentik.forwardAuth),
        [fileName(ROUTE_MIDDLEWARES.publicForwardAuth)]: forwardAuth(ctx.authentik.publicForwardAuth),
        [fileName(ROUTE_MIDDLEWARES.antiAiScraping)]: { headers: { customResponseHeaders: { "X-Robots-Tag": "noai, noimageai, noarchive" } } },
        // An empty value removes the header: a client must never send these itself.
        [fileName(ROUTE_MIDDLEWARES.stripAuthentikHeaders)]: { headers: { customRequestHeaders: Object.fromEntries(AUTHENTIK_IDENTITY_HEADERS.map((h) => [h, ""])) } },
      },
    },
  };
}

export function traefikJob(ctx: TraefikContext): Job {
  return {
    ID: "traefik",
    Type: "service",
    Datacenters: ctx.datacenters,
    Priority: 90,
    TaskGroups: [
      {
        Name: "traefik",
        Count: 1,
        Constraints: [nodeConstraint(ctx.node)],
        // acme.json: kept across updates, moved with the allocation.
        EphemeralDisk: { Sticky: true, Migrate: true, SizeMB: 300 },
        Networks: [
          {
            Mode: "bridge",
            ReservedPorts: [
              { Label: "http", Value: 80, To: 80 },
              { Label: "https", Value: 443, To: 443 },
            ],
            DynamicPorts: [{ Label: "ping", To: PING_PORT }],
          },
        ],
        Services: [
          {
            Name: TRAEFIK_SERVICE,
            PortLabel: "https",
            Provider: "consul",
            TaskName: "traefik",
            Connect: { Native: true },
            Checks: [httpCheck("/ping", "ping")],
          },
        ],
        RestartPolicy: DEFAULT_RESTART,
        Update: DEFAULT_UPDATE,
        Tasks: [
          {
            Name: "traefik",
            Driver: "docker",
            Config: { image: imageRef(IMAGES.traefik), args: [`--configFile=${TRAEFIK_STATIC_CONFIG}`] },
            Templates: [
              yamlFile(TRAEFIK_STATIC_CONFIG.slice(1), traefikStaticConfig(ctx)),
              // The file provider watches the directory: a change applies without a restart.
              yamlFile(`${TRAEFIK_DYNAMIC_DIR.slice(1)}/middlewares.yaml`, traefikMiddlewares(ctx), "noop"),
            ],
            Resources: { CPU: 500, MemoryMB: 256, MemoryMaxMB: 512 },
          },
        ],
      },
    ],
  };
}
