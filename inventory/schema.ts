import { z } from "zod";

/** The typed description of the estate: what the stacks are built from. */

const dnsName = z
  .string()
  .regex(
    /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/,
    "must be a lowercase DNS name such as example.org",
  );
const hostLabel = z
  .string()
  .regex(/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/, "must be a lowercase host name label such as hestia");
const httpUrl = z.url({ protocol: /^https?$/, error: "must be an http:// or https:// URL" });
const port = z.number().int().min(1).max(65535);
const identifier = z.string().regex(/^[a-z0-9][a-z0-9_-]*$/, "must be lowercase letters, digits, - or _");
/** A Traefik middleware reference as the router annotation takes it: <namespace>-<name>@<provider>. */
const middlewareRef = z
  .string()
  .regex(/^[a-z0-9-]+@(kubernetescrd|file)$/, "must be a Traefik middleware reference such as traefik-retry@kubernetescrd");

export const cpuArchSchema = z.enum(["amd64", "arm64"]);
export type CpuArch = z.infer<typeof cpuArchSchema>;

const nomadNodeSchema = z.strictObject({
  name: hostLabel,
  address: z.ipv4({ error: "must be an IPv4 address" }),
  arch: cpuArchSchema,
  /** Runs the Nomad server (the Bitcoin cluster has one); clients run workloads. */
  role: z.enum(["client", "server"]).default("client"),
  gpu: z.boolean().default(false),
  /** Holds a GlusterFS brick: losing it loses data. */
  glusterBrick: z.boolean().default(false),
});
export type NomadNode = z.infer<typeof nomadNodeSchema>;

const nomadClusterSchema = z
  .strictObject({
    /** Where Terraform reaches the Nomad API; the token comes from NOMAD_TOKEN. */
    address: httpUrl,
    region: identifier.default("global"),
    datacenter: identifier,
    nodes: z.array(nomadNodeSchema).min(1),
  })
  .superRefine((cluster, ctx) => {
    const seen = new Set<string>();
    cluster.nodes.forEach((node, i) => {
      if (seen.has(node.name)) {
        ctx.addIssue({ code: "custom", path: ["nodes", i, "name"], message: "is a duplicate node name" });
      }
      seen.add(node.name);
    });
  });
export type NomadCluster = z.infer<typeof nomadClusterSchema>;

export const inventorySchema = z.strictObject({
  domains: z.strictObject({
    /** Public domain of ingresses and the remote Nomad address, e.g. example.org. */
    public: dnsName,
    /** LAN domain, e.g. home.arpa. */
    lan: dnsName,
  }),
  nomad: z.strictObject({
    /** The main cluster: Consul Connect, GlusterFS storage. */
    main: nomadClusterSchema.refine((c) => c.nodes.filter((n) => n.gpu).length <= 1, {
      message: "has more than one GPU node; GPU workloads are pinned to exactly one",
      path: ["nodes"],
    }),
    /** The Raspberry Pi cluster running the Bitcoin namespace. */
    bitcoin: nomadClusterSchema.extend({ namespace: identifier }),
  }),
  /** Nomad CSI plugin ids; a node plugin's csi_plugin.id equals the driver's --csi-name. */
  csiPlugins: z.strictObject({ glusterfs: identifier, martinibar: identifier }),
  kubernetes: z.strictObject({
    /** kubeconfig context; the kubeconfig itself comes from KUBE_CONFIG_PATH. */
    context: z.string().min(1),
    traefik: z.strictObject({
      middlewares: z.strictObject({
        authentikForwardAuth: middlewareRef,
        authentikPublicForwardAuth: middlewareRef,
        antiAiScraping: middlewareRef,
        retry: middlewareRef,
        rateLimit: middlewareRef,
      }),
    }),
  }),
  vault: z.strictObject({
    /** Where Terraform reaches Vault; the token comes from VAULT_TOKEN. */
    address: httpUrl,
  }),
  /** MinIO's S3 endpoint as Litestream reaches it. */
  minio: z.strictObject({ endpoint: httpUrl }),
  /** The PostgreSQL server outside Kubernetes holding app databases. */
  externalPostgres: z.strictObject({ host: dnsName, port }),
  /** Tier-1 Terraform state; the connection string itself comes from PG_CONN_STR. */
  stateBackend: z.strictObject({
    pg: z.strictObject({ host: dnsName, port, database: identifier }),
  }),
});

export type Inventory = z.infer<typeof inventorySchema>;
export type InventoryInput = z.input<typeof inventorySchema>;
