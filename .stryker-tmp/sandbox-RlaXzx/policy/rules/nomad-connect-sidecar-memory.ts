// @ts-nocheck
import { groupSidecarProblems, SIDECAR_MEMORY_MAX_MIB, SIDECAR_MEMORY_MIB } from "../../jobspecs/connect";
import { ResourceRule } from "../rule";
import { nomadJobOf } from "./nomad-support";

/** Every Consul Connect sidecar has at least 256 MiB memory and 512 MiB memory_max. */
export const nomadConnectSidecarMemory: ResourceRule = {
  id: "HL-NOMAD-1",
  scope: "resource",
  level: "error",
  description: `Connect sidecars get memory >= ${SIDECAR_MEMORY_MIB} and memory_max >= ${SIDECAR_MEMORY_MAX_MIB} MiB (the 128 MB default OOMs and the kills cascade)`,
  fix: "build the service with connectService() (jobspecs/connect.ts), which sets the sidecar task's resources",
  check(resource) {
    const job = nomadJobOf(resource);
    if (!job) return "not-applicable";
    const connect = job.TaskGroups.some((g) => [...(g.Services ?? []), ...g.Tasks.flatMap((t) => t.Services ?? [])].some((s) => s.Connect?.SidecarService));
    if (!connect) return "not-applicable";
    return job.TaskGroups.flatMap(groupSidecarProblems);
  },
};
