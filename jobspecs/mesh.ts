/**
 * The Consul service mesh as data: which Connect service may call which. Consul denies
 * every call no edge allows (a default-deny intention), so an edge is the only way one
 * service reaches another; a job's upstreams must each have one.
 */
import { Job, Service, TaskGroup } from "./model";

/** One allowed call: `from` may open connections to `to`. */
export interface MeshEdge {
  /** The calling Connect service, e.g. "matrix-mas". */
  readonly from: string;
  /** The called Connect service, e.g. "matrix-synapse". */
  readonly to: string;
  /** Why the call is needed: the intention's description in Consul. */
  readonly why: string;
}

/** Consul service names as Nomad registers them. */
export const SERVICE_NAME = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;

/** Every Connect service of a job (sidecar or native), with its group. */
export function connectServices(job: Pick<Job, "TaskGroups">): Array<{ group: TaskGroup; service: Service }> {
  return (job.TaskGroups ?? []).flatMap((group) =>
    [...(group.Services ?? []), ...(group.Tasks ?? []).flatMap((t) => t.Services ?? [])]
      .filter((service) => service.Connect?.SidecarService !== undefined || service.Connect?.Native === true)
      .map((service) => ({ group, service })),
  );
}
