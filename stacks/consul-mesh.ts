import { Construct, IConstruct } from "constructs";
import { ConsulIntentions, DeclaredEdge } from "../constructs/consul-intentions";
import { declareRemoval } from "../constructs/declare-move";
import { HomelabStack } from "../constructs/homelab-stack";
import { MeshEdges } from "../constructs/mesh-edges";
import { NomadJob } from "../constructs/nomad-job";
import { connectServices } from "../jobspecs/mesh";
import { isRouted, serviceRoutes, TRAEFIK_SERVICE } from "../jobspecs/traefik-routes";
import { INTENTIONS_HELD_BY_MESH } from "./moved-to-service-stacks";

/**
 * The Consul service mesh of the main Nomad cluster: the default deny here; each
 * destination's intentions beside the job that registers it (ConsulIntentions).
 */
export class ConsulMeshStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "consul-mesh", { tier: 1, cluster: "nomad-main", description: "Consul intentions: which Nomad service may call which (default deny)" });
    for (const [destination, address] of Object.entries(INTENTIONS_HELD_BY_MESH)) {
      declareRemoval(this, address, { reason: `${destination}'s intentions are held by the stack of the job registering it now, which imports them` });
    }
  }

  /**
   * The intentions of every job of the main cluster in `scope`: the edges declared beside
   * the jobs (MeshEdges), and Traefik to each routed service. Call it once every job exists.
   */
  intentionsFor(scope: IConstruct): ConsulIntentions {
    const all = scope.node.findAll();
    const jobs = all.filter((c): c is NomadJob => c instanceof NomadJob && HomelabStack.of(c).cluster === "nomad-main");
    const services = new Map<string, NomadJob>();
    const edges: DeclaredEdge[] = [];
    for (const job of jobs) {
      for (const { service } of connectServices(job.job)) {
        services.set(service.Name, job);
        if (!isRouted(service)) continue;
        const hosts = [...new Set(serviceRoutes(service).flatMap((r) => r.hosts))];
        edges.push({ from: TRAEFIK_SERVICE, to: service.Name, why: `Traefik routes ${hosts.join(", ")} to it`, declaredAt: job.node.path });
      }
    }
    for (const declared of all.filter((c): c is MeshEdges => c instanceof MeshEdges)) {
      edges.push(...declared.edges.map((e) => ({ ...e, declaredAt: declared.node.path })));
    }
    return new ConsulIntentions(this, "Intentions", { edges, services });
  }
}
