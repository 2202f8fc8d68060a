import { Construct } from "constructs";
import { connectServices, MeshEdge, SERVICE_NAME } from "../jobspecs/mesh";
import { throwIfProblems } from "./kubernetes-names";
import type { NomadJob } from "./nomad-job";

export interface MeshEdgesProps {
  /** The job whose services make the calls. */
  readonly job: NomadJob;
  /** Whom each of its Connect services may call, and why; every other call is denied. */
  readonly edges: readonly MeshEdge[];
}

const MIN_WHY = 10;

/**
 * The calls a job's Connect services may make in the service mesh, declared beside the
 * job. The consul-mesh stack turns every declaration of the estate into Consul intentions
 * (default deny), and fails synth for an edge to a service that does not run.
 */
export class MeshEdges extends Construct {
  readonly job: NomadJob;
  readonly edges: readonly MeshEdge[];

  constructor(scope: Construct, id: string, props: MeshEdgesProps) {
    super(scope, id);
    const own = connectServices(props.job.job).map((s) => s.service.Name);
    const seen = new Set<string>();
    throwIfProblems(
      this.node.path,
      props.edges.flatMap((e) => {
        const edge = `edge ${e.from} → ${e.to}`;
        const key = `${e.from}\u0000${e.to}`;
        const duplicate = seen.has(key);
        seen.add(key);
        return [
          own.includes(e.from) ? undefined : `${edge}: ${JSON.stringify(e.from)} is not a Connect service of job ${props.job.jobId}; allowed: ${own.join(", ") || "none (the job has no Connect service)"}`,
          SERVICE_NAME.test(e.to) ? undefined : `${edge}: ${JSON.stringify(e.to)} is not a service name; allowed: lowercase letters, digits and -`,
          e.from === e.to ? `${edge}: a service needs no intention to reach itself` : undefined,
          (e.why ?? "").trim().length >= MIN_WHY ? undefined : `${edge}: why must say in ${MIN_WHY}+ characters what the call is for; got ${JSON.stringify(e.why ?? null)}`,
          duplicate ? `${edge} is declared twice` : undefined,
        ];
      }),
    );
    this.job = props.job;
    this.edges = props.edges;
  }
}
