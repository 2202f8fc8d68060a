// @ts-nocheck
import { Construct } from "constructs";
import { ContainerSpec, PodVolumeSource } from "./container";
import { intProblem, throwIfProblems } from "./kubernetes-names";
import { Namespace } from "./namespace";
import { backupCronJob, cronScheduleProblem, nfsBackupTarget, rotatingArchiveScript } from "./backup-target";
import { NfsVolume } from "./nfs-volume";

/** The image the backup job runs: busybox tar and find are all it needs. */
export const BACKUP_IMAGE = "docker.io/library/alpine:3.22.2";

export interface PvcBackupProps {
  readonly namespace: Namespace;
  /** The app: the backup lands in <backupRoot>/<app>-backup/ on the NFS server. */
  readonly app: string;
  /** The ReadWriteOnce claim to copy. */
  readonly claim: PodVolumeSource;
  /** @default "30 3 * * *" */
  readonly schedule?: string;
  /** Archives older than this are deleted. @default 14 */
  readonly retentionDays?: number;
}


/**
 * A nightly CronJob that archives a claim into NFS at <backupRoot>/<app>-backup/. The claim
 * is ReadWriteOnce, so the job's pod is scheduled onto the node where the app's pod runs.
 */
export class PvcBackup extends Construct {
  /** The NFS backup target, <backupRoot>/<app>-backup. */
  readonly target: NfsVolume;
  readonly exportPath: string;

  constructor(scope: Construct, id: string, props: PvcBackupProps) {
    super(scope, id);
    const schedule = props.schedule ?? "30 3 * * *";
    const retentionDays = props.retentionDays ?? 14;
    throwIfProblems(this.node.path, [
      cronScheduleProblem(schedule),
      intProblem("retentionDays", retentionDays, 1, 3650),
    ]);
    ({ exportPath: this.exportPath, target: this.target } = nfsBackupTarget(this, props.namespace, props.app));
    const prefix = `${props.claim.volumeName}-`;
    const container: ContainerSpec = {
      name: "backup",
      image: BACKUP_IMAGE,
      command: ["/bin/sh", "-euc"],
      args: [rotatingArchiveScript(prefix, "tar.gz", (partial) => `tar -czf ${partial} -C /data .`, retentionDays)],
      cpuMillis: 50,
      memoryMiB: 128,
      mounts: [
        { volume: props.claim, path: "/data", readOnly: true },
        { volume: this.target, path: "/backup" },
      ],
    };
    backupCronJob(this, {
      namespace: props.namespace,
      app: props.app,
      name: `${props.claim.volumeName}-backup`,
      schedule,
      container,
      // A ReadWriteOnce claim mounts on one node only: run where the app's pod runs.
      pod: {
        affinity: {
          podAffinity: {
            requiredDuringSchedulingIgnoredDuringExecution: [
              { topologyKey: "kubernetes.io/hostname", labelSelector: [{ matchLabels: { "app.kubernetes.io/name": props.app } }] },
            ],
          },
        },
      },
    });
  }
}
