// @ts-nocheck
import { Construct } from "constructs";
import type { IIPAddressPool } from "../.gen/models/metallb.io/v1beta1/IPAddressPool";
import type { IL2Advertisement } from "../.gen/models/metallb.io/v1beta1/L2Advertisement";
import { CustomResource } from "../constructs/custom-resource";
import { HelmChart } from "../constructs/helm-chart";
import { HomelabStack } from "../constructs/homelab-stack";
import { throwIfProblems } from "../constructs/kubernetes-names";
import { Namespace } from "../constructs/namespace";
import { chartResources } from "./platform";

/**
 * Traefik's own address pool: one address, never handed out on its own (autoAssign off), so
 * only a Service that names it gets it. Traefik's Service takes it with the annotations below.
 */
export const TRAEFIK_ADDRESS_POOL = "traefik";

/** The Service annotations that give a LoadBalancer Service an address of a MetalLB pool (MetalLB 0.15). */
export function metallbAddressAnnotations(pool: string, address: string): Record<string, string> {
  return { "metallb.io/address-pool": pool, "metallb.io/loadBalancerIPs": address };
}

/**
 * MetalLB, announcing load-balancer addresses on layer 2: the inventory's shared pools, and
 * Traefik's dedicated address as a pool of its own. Traefik runs with externalTrafficPolicy
 * Local (the client's address reaches CrowdSec) and MetalLB refuses to share one address
 * between Services of different traffic policies, so Traefik cannot sit in a shared pool.
 *
 * Tier 0: Traefik (platform) gets its address here, and through it Vault and the tier-1
 * state backend's load balancer are reached from a workstation; nothing here needs PostgreSQL.
 */
export class MetallbStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "metallb", {
      tier: 0,
      cluster: "kubernetes",
      description: "MetalLB: layer-2 load-balancer addresses, the shared pools and Traefik's own",
    });
    const { metallb, traefik } = this.inventory.kubernetes;
    throwIfProblems(this.node.path, [
      metallb.addressPools.some((p) => p.name === TRAEFIK_ADDRESS_POOL)
        ? `inventory kubernetes.metallb.addressPools names a pool ${JSON.stringify(TRAEFIK_ADDRESS_POOL)}, the name of Traefik's own pool; allowed: any other name`
        : undefined,
    ]);
    const namespace = new Namespace(this, "Namespace", { name: "metallb-system" });
    const release = new HelmChart(this, "Release", {
      name: "metallb",
      namespace,
      repository: "https://metallb.github.io/metallb",
      chart: "metallb",
      version: "0.15.3",
      hostAccess: "the speaker answers ARP for the pool addresses on the node's network (host network, NET_RAW)",
      values: {
        controller: { resources: chartResources(10, 64) },
        // Layer 2 only: no BGP router to peer with, so no FRR.
        speaker: { frr: { enabled: false }, resources: chartResources(10, 64) },
      },
    });

    const pools = new Construct(this, "Pools");
    const poolNames: string[] = [];
    const pool = (id: string, name: string, addresses: readonly string[], autoAssign: boolean) => {
      poolNames.push(name);
      new CustomResource<IIPAddressPool>(pools, id, {
        apiVersion: "metallb.io/v1beta1",
        kind: "IPAddressPool",
        name,
        namespace: namespace.name,
        body: { spec: { addresses: [...addresses], autoAssign } },
        after: [release],
      });
    };
    for (const shared of metallb.addressPools) pool(shared.name, shared.name, shared.addresses, true);
    pool("Traefik", TRAEFIK_ADDRESS_POOL, [`${traefik.loadBalancerAddress}/32`], false);

    new CustomResource<IL2Advertisement>(this, "L2Advertisement", {
      apiVersion: "metallb.io/v1beta1",
      kind: "L2Advertisement",
      name: "layer2",
      namespace: namespace.name,
      body: { spec: { ipAddressPools: poolNames } },
      after: [release],
    });
  }
}
