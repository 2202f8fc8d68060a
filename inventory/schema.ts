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

const absolutePath = z.string().regex(/^(\/[A-Za-z0-9._-]+)+$/, "must be an absolute path such as /mnt/main");
/** A Kubernetes annotation key: an optional DNS-name prefix, a slash, and a name. */
const annotationKey = z
  .string()
  .regex(/^([a-z0-9]([-a-z0-9.]*[a-z0-9])?\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/, "must be an annotation key such as uptime.example.org/monitor");

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
    /**
     * The servers' oidc_issuer, written into every workload identity as `iss`: Vault binds
     * Nomad logins to it. Required for a cluster whose jobs read Vault (the main one).
     */
    oidcIssuer: httpUrl.optional(),
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
    bitcoin: nomadClusterSchema.extend({
      namespace: identifier,
      /** The NFS CSI plugin of the Pi cluster (volumes are multi-node-single-writer). */
      csiPlugin: identifier.default("nfs"),
    }),
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
    /** The NFS server of the Kubernetes side (TrueNAS): RWX data, media, backup targets. */
    nfs: z.strictObject({
      server: dnsName,
      /** Export holding the per-app backup directories, <backupRoot>/<app>-backup. */
      backupRoot: absolutePath,
      /** Export holding the media library. */
      mediaPath: absolutePath,
    }),
    /** Annotation the external uptime monitor discovers ingresses by, set to "true". */
    uptimeMonitorAnnotation: annotationKey,
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
