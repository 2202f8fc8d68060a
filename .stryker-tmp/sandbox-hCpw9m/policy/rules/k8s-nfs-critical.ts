// @ts-nocheck
import { EstateProblem, EstateRule, SynthResource } from "../rule";
import { asList, CLAIM_TYPES, first, podSpecOf, PV_TYPES } from "./k8s-support";

/** What in a resource depends on NFS, one phrase each. */
function nfsUses(resource: SynthResource): string[] {
  if (PV_TYPES.includes(resource.type)) {
    const source = first(first(resource.attributes.spec)?.persistent_volume_source);
    return source?.nfs ? ["persistent volume with an NFS source"] : [];
  }
  if (CLAIM_TYPES.includes(resource.type)) {
    const storageClass = first(resource.attributes.spec)?.storage_class_name;
    return typeof storageClass === "string" && /nfs/i.test(storageClass) ? [`claim of storage class ${storageClass}`] : [];
  }
  return asList(podSpecOf(resource)?.volume)
    .filter((v) => first(v.nfs))
    .map((v) => `pod volume ${v.name ?? ""} mounted straight from NFS`.replace("  ", " "));
}

/** Monitoring and alerting must keep working when the NFS server is down. */
export const k8sNfsCritical: EstateRule = {
  id: "HL-K8S-2",
  scope: "estate",
  level: "error",
  acknowledgeable: false,
  description: "stacks marked critical (monitoring, alerting) use no NFS: no NFS volumes, NFS claims or pod NFS mounts",
  fix: "put the data on an EncryptedPvc or ProxmoxPvc (local LVM), or move the workload out of the critical stack",
  check(stacks) {
    const problems: EstateProblem[] = [];
    for (const stack of stacks.filter((s) => s.critical)) {
      for (const resource of stack.resources) {
        for (const use of nfsUses(resource)) {
          problems.push({ stackId: stack.id, path: resource.path, message: `${use} in critical stack ${stack.id}; allowed: no NFS` });
        }
      }
    }
    return problems;
  },
};
