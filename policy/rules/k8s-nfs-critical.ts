import { EstateProblem, EstateRule, RuleContext, SynthResource } from "../rule";
import { asList, CLAIM_TYPES, first, podSpecOf, PV_TYPES } from "./k8s-support";

/** One way a resource depends on NFS, and whether that NFS is a backup target. */
interface NfsUse {
  readonly phrase: string;
  readonly backupTarget: boolean;
}

/** An export path where backupDestination puts an app's backups: <backupRoot>/<app>-backup. */
function isBackupExport(path: unknown, context: RuleContext): boolean {
  const root = context.inventory.kubernetes.nfs.backupRoot.replace(/\/$/, "");
  return typeof path === "string" && path.startsWith(`${root}/`) && /^[^/]+-backup\/?$/.test(path.slice(root.length + 1));
}

/** What in a resource depends on NFS; `backupVolumes` are the stack's backup-target PVs as references name them ("type.logicalId"). */
function nfsUses(resource: SynthResource, context: RuleContext, backupVolumes: ReadonlySet<string>): NfsUse[] {
  if (PV_TYPES.includes(resource.type)) {
    const nfs = first(first(first(resource.attributes.spec)?.persistent_volume_source)?.nfs);
    return nfs ? [{ phrase: "persistent volume with an NFS source", backupTarget: isBackupExport(nfs.path, context) }] : [];
  }
  if (CLAIM_TYPES.includes(resource.type)) {
    const spec = first(resource.attributes.spec);
    const storageClass = spec?.storage_class_name;
    if (typeof storageClass !== "string" || !/nfs/i.test(storageClass)) return [];
    const volume = String(spec?.volume_name ?? "");
    return [{ phrase: `claim of storage class ${storageClass}`, backupTarget: [...backupVolumes].some((pv) => volume.includes(`\${${pv}.`)) }];
  }
  return asList(podSpecOf(resource)?.volume)
    .filter((v) => first(v.nfs))
    .map((v) => ({ phrase: `pod volume ${v.name ?? ""} mounted straight from NFS`.replace("  ", " "), backupTarget: isBackupExport(first(v.nfs)?.path, context) }));
}

/** The fix when the NFS is where backups land: the backup constructs already keep a critical stack's copy off NFS. */
const BACKUP_TARGET_FIX =
  "this NFS is a backup target (<backupRoot>/<app>-backup); a critical stack keeps its backups on a local claim: make the backup with PvcBackup (an EncryptedPvc's backup option), PgDumpBackup or VaultRaftBackup, which in a critical stack write to a ProxmoxPvc <app>-backup that the Proxmox host's daily backup copies off the thin pool, instead of an NfsVolume";

/** Monitoring and alerting must keep working when the NFS server is down. */
export const k8sNfsCritical: EstateRule = {
  id: "HL-K8S-2",
  scope: "estate",
  level: "error",
  acknowledgeable: false,
  description: "stacks marked critical (monitoring, alerting) use no NFS: no NFS volumes, NFS claims or pod NFS mounts",
  fix: "put the data on an EncryptedPvc or ProxmoxPvc (local LVM), or move the workload out of the critical stack",
  check(stacks, context) {
    const problems: EstateProblem[] = [];
    for (const stack of stacks.filter((s) => s.critical)) {
      const backupVolumes = new Set(
        stack.resources.filter((r) => r.logicalId && nfsUses(r, context, new Set()).some((u) => u.backupTarget)).map((r) => `${r.type}.${r.logicalId}`),
      );
      for (const resource of stack.resources) {
        for (const use of nfsUses(resource, context, backupVolumes)) {
          const message = `${use.phrase}${use.backupTarget ? " (a backup target)" : ""} in critical stack ${stack.id}; allowed: no NFS`;
          problems.push({ stackId: stack.id, path: resource.path, message, ...(use.backupTarget ? { fix: BACKUP_TARGET_FIX } : {}) });
        }
      }
    }
    return problems;
  },
};
