import { InventoryInput } from "./schema";

/**
 * The embedded default: the estate's shape with placeholder domains (example.org,
 * home.arpa) and the example addresses of the domain brief, so that synth works with
 * nothing configured. Real names belong in the operator's file (HOMELAB_INVENTORY).
 */
export const defaultInventory: InventoryInput = {
  domains: { public: "example.org", lan: "home.arpa" },
  nomad: {
    main: {
      address: "https://nomad.example.org:443",
      oidcIssuer: "https://nomad.example.org",
      datacenter: "dc1",
      nodes: [
        { name: "hestia", address: "192.168.1.5", arch: "amd64", gpu: true },
        { name: "heracles", address: "192.168.1.6", arch: "arm64", glusterBrick: true },
        { name: "nyx", address: "192.168.1.7", arch: "arm64", glusterBrick: true },
      ],
      consul: { address: "https://consul.example.org" },
      ingress: {
        node: "hestia",
        acme: { email: "admin@example.org" },
      },
    },
    bitcoin: {
      address: "http://bitcoin-nomad.home.arpa:4646",
      datacenter: "homelab",
      namespace: "bitcoin",
      csiPlugin: "nfs",
      nfs: { server: "nas.home.arpa", export: "/srv/nfs/bitcoin" },
      nodes: [
        { name: "pi-1", address: "192.168.2.11", arch: "arm64", role: "server" },
        { name: "pi-2", address: "192.168.2.12", arch: "arm64" },
        { name: "pi-3", address: "192.168.2.13", arch: "arm64" },
        { name: "pi-4", address: "192.168.2.14", arch: "arm64" },
      ],
    },
  },
  csiPlugins: { glusterfs: "glusterfs", martinibar: "martinibar" },
  kubernetes: {
    context: "homelab",
    traefik: {
      middlewares: {
        authentikForwardAuth: "traefik-authentik-forward-auth@kubernetescrd",
        authentikPublicForwardAuth: "traefik-authentik-forward-auth-public@kubernetescrd",
        antiAiScraping: "traefik-anti-ai-scraping@kubernetescrd",
        retry: "traefik-retry@kubernetescrd",
        rateLimit: "traefik-rate-limit@kubernetescrd",
        stripAuthentikHeaders: "traefik-strip-authentik-headers@kubernetescrd",
        crowdsecBouncer: "traefik-crowdsec@kubernetescrd",
      },
      loadBalancerAddress: "192.168.20.203",
      proxyProtocolTrustedIPs: ["192.168.20.1"],
    },
    kyverno: {
      excludedNamespaces: ["kube-system", "kube-public", "kube-node-lease", "kyverno", "metallb-system", "proxmox-csi", "crowdsec", "monitoring"],
      trustedRegistries: ["docker.io", "ghcr.io", "lscr.io", "quay.io", "registry.k8s.io", "reg.kyverno.io", "oci.external-secrets.io", "forgejo.example.org"],
    },
    metallb: { addressPools: [{ name: "default", addresses: ["192.168.20.200-192.168.20.202", "192.168.20.204-192.168.20.220"] }] },
    // Documentation addresses (RFC 5737, RFC 3849) stand in for the public ones.
    externalDns: { proxiedTarget: "tunnel.example.org", publicAddresses: { ipv4: "203.0.113.10", ipv6: "2001:db8::10" } },
    proxmox: { apiAddress: "https://pve.home.arpa:8006", region: "pve", storage: "local-lvm", insecureTls: true },
    // The Proxmox host's exports (the seed retired TrueNAS): HDD pool and SSD pool.
    nfs: { server: "proxmox.home.arpa", exports: ["/srv/nfs", "/srv/nfs-ssd"], backupRoot: "/srv/nfs", mediaPath: "/srv/nfs/media" },
    uptimeMonitorAnnotation: "uptime.example.org/external-monitor",
  },
  vault: { address: "https://vault.example.org" },
  minio: { endpoint: "http://minio.service.consul:9000" },
  externalPostgres: { host: "martinibar.home.arpa", port: 5433 },
  backups: {
    timeZone: "UTC",
    copies: { node: "heracles", path: "/data/backups" },
    restic: { node: "hestia", repository: "/mnt/csi/backups/restic" },
    offsite: { endpoint: "https://s3.example.org", bucket: "homelab-offsite" },
  },
  stateBackend: {
    pg: { host: "pg-cluster-rw.dbaas.svc.cluster.local", port: 5432, database: "terraform_state" },
  },
};
