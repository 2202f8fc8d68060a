import { z } from "zod";
import { addressBounds, addressRange, annotationKey, bucketName, dnsName, emailAddress, hostLabel, httpOrigin, httpUrl, identifier, ipv4Number, ipv6Address, issuerUrl, isWithin, kubeContext, middlewareRef, namespaceName, nodeAddress, port, registryPrefix, serverPath, timeZone } from "./fields";

/** The typed description of the estate: what the stacks are built from. */

export const cpuArchSchema = z.enum(["amd64", "arm64"]);
export type CpuArch = z.infer<typeof cpuArchSchema>;

/** More nodes than any homelab has: a bound, so a runaway list fails early. */
const MAX_NODES = 256;

const nomadNodeSchema = z.strictObject({
  name: hostLabel,
  address: nodeAddress,
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
    address: httpOrigin,
    /**
     * The servers' oidc_issuer, written into every workload identity as `iss`: Vault binds
     * Nomad logins to it. Required for a cluster whose jobs read Vault (the main one).
     */
    oidcIssuer: issuerUrl.optional(),
    region: identifier.default("global"),
    datacenter: identifier,
    nodes: z.array(nomadNodeSchema).min(1).max(MAX_NODES, `has more than ${MAX_NODES} nodes`),
  })
  .superRefine((cluster, ctx) => {
    // Two nodes under one name or one address: placement and rpcallowip would silently pick one.
    for (const field of ["name", "address"] as const) {
      const seen = new Set<string>();
      cluster.nodes.forEach((node, i) => {
        if (seen.has(node[field])) ctx.addIssue({ code: "custom", path: ["nodes", i, field], message: `is a duplicate node ${field}` });
        seen.add(node[field]);
      });
    }
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
    main: nomadClusterSchema
      .extend({
        /** Where Terraform reaches Consul's HTTP API (the mesh's intentions); the token comes from CONSUL_HTTP_TOKEN. */
        consul: z.strictObject({ address: httpOrigin }),
        /** Traefik on this cluster: the public entry to its routed services. */
        ingress: z.strictObject({
          /** The node the router forwards ports 80 and 443 to; Traefik runs there. */
          node: hostLabel,
          /** TLS: Let's Encrypt certificates for every routed host (TLS-ALPN challenge on port 443). */
          acme: z.strictObject({
            email: emailAddress,
            /** @default Let's Encrypt's production directory */
            caServer: httpUrl.default("https://acme-v02.api.letsencrypt.org/directory"),
          }),
        }),
      })
      .refine((c) => c.nodes.filter((n) => n.gpu).length <= 1, {
        message: "has more than one GPU node; GPU workloads are pinned to exactly one",
        path: ["nodes"],
      })
      .superRefine((c, ctx) => {
        const names = c.nodes.map((n) => n.name);
        if (!names.includes(c.ingress.node)) {
          ctx.addIssue({ code: "custom", path: ["ingress", "node"], message: `is not a node of this cluster; allowed: ${names.join(", ")}` });
        }
      }),
    /** The Raspberry Pi cluster running the Bitcoin namespace. */
    bitcoin: nomadClusterSchema.extend({
      namespace: identifier,
      /** The NFS CSI plugin of the Pi cluster (volumes are multi-node-single-writer). */
      csiPlugin: identifier.default("nfs"),
      /**
       * The NFS server outside the cluster holding the Bitcoin volumes (a DNS name or IPv4
       * address), and the export under which each volume is the directory <export>/<volume id>.
       */
      nfs: z.strictObject({ server: dnsName, export: serverPath }),
    }),
  }),
  /** Nomad CSI plugin ids; a node plugin's csi_plugin.id equals the driver's --csi-name. */
  csiPlugins: z.strictObject({ glusterfs: identifier, martinibar: identifier }),
  kubernetes: z.strictObject({
    /** kubeconfig context; the kubeconfig itself comes from KUBE_CONFIG_PATH. */
    context: kubeContext,
    traefik: z.strictObject({
      middlewares: z.strictObject({
        authentikForwardAuth: middlewareRef,
        authentikPublicForwardAuth: middlewareRef,
        antiAiScraping: middlewareRef,
        retry: middlewareRef,
        rateLimit: middlewareRef,
        /** On every router of the entrypoints: drops client-sent X-authentik-* identity headers. */
        stripAuthentikHeaders: middlewareRef,
        /** CrowdSec's bouncer (the crowdsec stack makes it): first on every ingress, before the rate limit. */
        crowdsecBouncer: middlewareRef,
      }),
      /** Traefik's own load-balancer address (MetalLB), not shared: its Service keeps client IPs (externalTrafficPolicy Local). */
      loadBalancerAddress: nodeAddress,
      /** The only senders whose PROXY protocol header Traefik believes (the router's IPv6 relay). */
      proxyProtocolTrustedIPs: z.array(nodeAddress).min(1).max(16),
    }),
    /** Kyverno's enforced policies: where they do not apply, and where images may come from. */
    kyverno: z.strictObject({
      /** Namespaces the wave-1 policies skip: the cluster's own and those whose pods need host access. */
      excludedNamespaces: z.array(namespaceName).min(1).max(256),
      /** Registries (and paths in them) images may be pulled from, e.g. ghcr.io. */
      trustedRegistries: z.array(registryPrefix).min(1).max(64),
    }),
    /** MetalLB's shared address pools, advertised on layer 2; services of type LoadBalancer take their addresses from them. */
    metallb: z.strictObject({
      addressPools: z
        .array(z.strictObject({ name: hostLabel, addresses: z.array(addressRange).min(1).max(32) }))
        .min(1)
        .max(16)
        .superRefine((pools, ctx) => {
          const seen = new Set<string>();
          pools.forEach((pool, i) => {
            if (seen.has(pool.name)) ctx.addIssue({ code: "custom", path: [i, "name"], message: "is a duplicate pool name" });
            seen.add(pool.name);
          });
          // An address in two pools could be handed out twice.
          const blocks = pools.flatMap((pool, i) => pool.addresses.map((block, j) => ({ block, at: [i, "addresses", j], ...addressBounds(block) })));
          blocks.forEach((a, k) => {
            const other = blocks.slice(0, k).find((b) => a.first <= b.last && b.first <= a.last);
            if (other) ctx.addIssue({ code: "custom", path: a.at, message: `overlaps ${other.block}; each address belongs to one pool` });
          });
        }),
    }),
    /** Where external-dns points the hosts of ingresses (constructs/ingress-factory.ts, dns). */
    externalDns: z.strictObject({
      /** Proxied hosts: a CNAME to this name, the Cloudflare tunnel (<tunnel-id>.cfargotunnel.com). */
      proxiedTarget: dnsName,
      /** Non-proxied hosts: A (and AAAA) records to the public addresses the router forwards to Traefik. */
      publicAddresses: z.strictObject({ ipv4: nodeAddress, ipv6: ipv6Address.optional() }),
    }),
    /** The Proxmox VE API the CSI plugin provisions volumes through; its token comes from Vault. */
    proxmox: z.strictObject({
      /** e.g. https://pve.home.arpa:8006 (the plugin adds /api2/json). */
      apiAddress: httpOrigin,
      /** The Proxmox cluster name, the nodes' topology.kubernetes.io/region label. */
      region: identifier,
      /** The Proxmox storage the volumes are carved from, e.g. local-lvm. */
      storage: identifier,
      /** Skip TLS verification of the API (a self-signed certificate). @default false */
      insecureTls: z.boolean().default(false),
    }),
    /** The NFS server of the Kubernetes side: RWX data, media, backup targets. */
    nfs: z
      .strictObject({
        server: dnsName,
        /** The directories the server exports (/etc/exports; never / itself); the paths below lie inside one. */
        exports: z.array(serverPath).min(1).max(64),
        /** Export holding the per-app backup directories, <backupRoot>/<app>-backup. */
        backupRoot: serverPath,
        /** Export holding the media library. */
        mediaPath: serverPath,
      })
      .superRefine((nfs, ctx) => {
        for (const field of ["backupRoot", "mediaPath"] as const) {
          if (!nfs.exports.some((root) => isWithin(nfs[field], root))) {
            ctx.addIssue({
              code: "custom",
              path: [field],
              message: `is not inside an export of the NFS server; allowed: a path at or under ${nfs.exports.join(", ")} (kubernetes.nfs.exports)`,
            });
          }
        }
      }),
    /** Annotation the external uptime monitor discovers ingresses by, set to "true". */
    uptimeMonitorAnnotation: annotationKey,
  })
    .superRefine((k8s, ctx) => {
      // A shared pool holding Traefik's address would hand it to another service.
      const address = k8s.traefik.loadBalancerAddress;
      const n = ipv4Number(address);
      for (const pool of k8s.metallb.addressPools) {
        const block = pool.addresses.find((b) => addressBounds(b).first <= n && n <= addressBounds(b).last);
        if (block) {
          ctx.addIssue({
            code: "custom",
            path: ["traefik", "loadBalancerAddress"],
            message: `lies in ${block} of MetalLB pool ${pool.name}, which would hand it to other services; allowed: an address outside kubernetes.metallb.addressPools`,
          });
        }
      }
    }),
  vault: z.strictObject({
    /** Where Terraform reaches Vault; the token comes from VAULT_TOKEN. */
    address: httpOrigin,
  }),
  /** MinIO's S3 endpoint as Litestream reaches it. */
  minio: z.strictObject({ endpoint: httpOrigin }),
  /** The PostgreSQL server outside Kubernetes holding app databases. */
  externalPostgres: z.strictObject({ host: dnsName, port }),
  /**
   * Where the main Nomad cluster's backup jobs keep what they save (001, 000). The nodes
   * named must be nodes of nomad.main: the jobs are pinned to them.
   */
  backups: z.strictObject({
    /** The time zone the schedules run in (Nomad periodic time_zone); the operators' cron ran in the node's local time. */
    timeZone: timeZone.default("UTC"),
    /** The daily and weekly copies: a node with room (001: a brick node's btrfs, 700 GB free) and the directory there. */
    copies: z.strictObject({ node: hostLabel, path: serverPath }),
    /** The restic repository Litestream recovery restores MinIO from: a directory on a node (000). */
    restic: z.strictObject({ node: hostLabel, repository: serverPath }),
    /** The off-site restic repository for what cannot be regenerated (the Matrix signing key): an S3-compatible endpoint and bucket. */
    offsite: z.strictObject({ endpoint: httpOrigin, bucket: bucketName }),
  }),
  /** Tier-1 Terraform state; the connection string itself comes from PG_CONN_STR. */
  stateBackend: z.strictObject({
    pg: z.strictObject({ host: dnsName, port, database: identifier }),
  }),
}).superRefine((inventory, ctx) => {
  // The backup jobs are pinned to these nodes: a name that is not a node would never be placed.
  const nodes = inventory.nomad.main.nodes.map((n) => n.name);
  for (const part of ["copies", "restic"] as const) {
    if (!nodes.includes(inventory.backups[part].node)) {
      ctx.addIssue({ code: "custom", path: ["backups", part, "node"], message: `is not a node of nomad.main; allowed: ${nodes.join(", ")}` });
    }
  }
});

export type Inventory = z.infer<typeof inventorySchema>;
export type InventoryInput = z.input<typeof inventorySchema>;
