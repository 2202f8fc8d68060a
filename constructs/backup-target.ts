import { Construct } from "constructs";
import { HomelabStack } from "./homelab-stack";
import { Namespace } from "./namespace";
import { NfsVolume } from "./nfs-volume";

const CRON = /^(\S+\s+){4}\S+$/;

/** Why a backup schedule is not a five-field cron expression, or undefined when it is. */
export function cronScheduleProblem(schedule: string): string | undefined {
  return CRON.test(schedule) ? undefined : `schedule ${JSON.stringify(schedule)} must be a five-field cron expression such as "30 3 * * *"`;
}

/**
 * The NFS directory an app's backups land in, <backupRoot>/<app>-backup/, as a volume
 * under `scope` (construct id "Target") that a backup job mounts.
 */
export function nfsBackupTarget(scope: Construct, namespace: Namespace, app: string): { readonly exportPath: string; readonly target: NfsVolume } {
  const exportPath = `${HomelabStack.of(scope).inventory.kubernetes.nfs.backupRoot}/${app}-backup`;
  const target = new NfsVolume(scope, "Target", { namespace, name: `${app}-backup`, path: exportPath, sizeGiB: 50 });
  return { exportPath, target };
}
