import { Construct } from "constructs";
import { HomelabStack } from "../constructs/homelab-stack";
import { KUBERNETES_IMAGES } from "../constructs/kubernetes-images";
import { Namespace } from "../constructs/namespace";
import { PrometheusRule } from "../constructs/prometheus-rule";
import { QuorumStatefulSet } from "../constructs/quorum-stateful-set";

export const GAIA_GO_IMAGE = KUBERNETES_IMAGES.gaiaGo.ref;
/** The service's binary inside the image, started by the entrypoint below. */
const GAIA_GO_BINARY = "/app/gaia-go";

const RAFT_PORT = 8300;
const HTTP_PORT = 8080;
const METRICS_PORT = 9090;

/** How members find each other (CLUSTER_DISCOVERY_TYPE and the settings each type needs). */
export type GaiaGoDiscovery =
  | { readonly type: "static"; readonly nodes: readonly string[] }
  | { readonly type: "dns"; readonly domain: string; readonly port: number; readonly refreshRate: string }
  | { readonly type: "consul"; readonly address: string; readonly datacenter: string };

/** The discovery settings as the service's environment. */
export function discoveryEnv(d: GaiaGoDiscovery): Record<string, string> {
  switch (d.type) {
    case "static":
      return { CLUSTER_DISCOVERY_TYPE: "static", CLUSTER_DISCOVERY_NODES: d.nodes.join(",") };
    case "dns":
      return {
        CLUSTER_DISCOVERY_TYPE: "dns",
        CLUSTER_DISCOVERY_DOMAIN: d.domain,
        CLUSTER_DISCOVERY_PORT: String(d.port),
        CLUSTER_DISCOVERY_REFRESH_RATE: d.refreshRate,
      };
    case "consul":
      return { CLUSTER_DISCOVERY_TYPE: "consul", CONSUL_ADDR: d.address, CONSUL_DATACENTER: d.datacenter };
  }
}

/**
 * Bootstraps the cluster from the first member only. StatefulSet pods share one template,
 * so the per-pod value is derived at start from the pod's hostname (<name>-<ordinal>).
 */
export const BOOTSTRAP_ENTRYPOINT = [
  'case "${HOSTNAME##*-}" in 0) CLUSTER_BOOTSTRAP=true ;; *) CLUSTER_BOOTSTRAP=false ;; esac',
  "export CLUSTER_BOOTSTRAP",
  `exec ${GAIA_GO_BINARY}`,
].join("\n");

/**
 * GAIA_GO, the Raft-replicated service (domain brief §4): three members that keep quorum
 * through rolling changes, peers found by DNS through the headless Service, each member's
 * Raft log and snapshots on its own encrypted local claim, and the three Raft alerts.
 */
export class GaiaGoStack extends HomelabStack {
  readonly raft: QuorumStatefulSet;

  constructor(scope: Construct) {
    super(scope, "gaia-go", { tier: 1, cluster: "kubernetes", description: "GAIA_GO Raft-replicated service" });
    const namespace = new Namespace(this, "Namespace", { name: "gaia-go" });
    const peerDomain = QuorumStatefulSet.peerDomainOf("gaia-go", namespace);
    this.raft = new QuorumStatefulSet(this, "Cluster", {
      namespace,
      name: "gaia-go",
      members: 3,
      clientPort: "http",
      // Every member's Raft metrics, for the three alerts below.
      metrics: { port: "metrics" },
      dataClaim: {
        name: "data-encrypted",
        mountPath: "/app/data",
        sizeGiB: 5,
        storageLimitGiB: 20,
        backup: {
          none: "every committed entry is replicated to all three members and each keeps Raft snapshots in /app/data/snapshots; a lost member rejoins from the leader",
        },
      },
      container: {
        name: "gaia-go",
        image: GAIA_GO_IMAGE,
        command: ["/bin/sh", "-c", BOOTSTRAP_ENTRYPOINT],
        cpuMillis: 250,
        memoryMiB: 512,
        ports: { raft: RAFT_PORT, http: HTTP_PORT, metrics: METRICS_PORT },
        envFromFields: { POD_NAME: "metadata.name" },
        env: {
          RAFT_HEARTBEAT_TIMEOUT: "150ms",
          RAFT_ELECTION_TIMEOUT: "300ms",
          RAFT_SNAPSHOT_INTERVAL: "120s",
          RAFT_LOG_SIZE_THRESHOLD: "1GB",
          RAFT_LOG_DIR: "/app/data/raft_logs",
          RAFT_SNAPSHOT_DIR: "/app/data/snapshots",
          CLUSTER_BIND_ADDR: `0.0.0.0:${RAFT_PORT}`,
          CLUSTER_ADVERTISE_ADDR: `$(POD_NAME).${peerDomain}:${RAFT_PORT}`,
          CLUSTER_RPC_TIMEOUT: "5s",
          ...discoveryEnv({ type: "dns", domain: peerDomain, port: RAFT_PORT, refreshRate: "30s" }),
        },
        livenessProbe: { path: "/health", port: HTTP_PORT, initialDelaySeconds: 10, failureThreshold: 6 },
        readinessProbe: { path: "/health", port: HTTP_PORT, periodSeconds: 5 },
      },
    });
    new PrometheusRule(this, "Alerts", {
      namespace,
      name: "gaia-go",
      alerts: [
        {
          alert: "GaiaGoLeaderElection",
          expr: "increase(raft_leader_elections_total[5m]) > 0",
          summary: "GAIA_GO elected a new Raft leader in the last 5 minutes",
        },
        {
          alert: "GaiaGoRaftLogTooLarge",
          expr: "raft_log_size_bytes > 1e9",
          summary: "GAIA_GO's Raft log is over 1 GB: snapshots are not compacting it",
        },
        {
          alert: "GaiaGoUnhealthyPeers",
          expr: "raft_unhealthy_peers > 0",
          severity: "critical",
          summary: "a GAIA_GO Raft peer is unhealthy: the cluster is one failure from losing quorum",
        },
      ],
    });
  }
}
