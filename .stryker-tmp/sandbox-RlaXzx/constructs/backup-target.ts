// @ts-nocheck
import { CronJobV1 } from "@cdktf/provider-kubernetes/lib/cron-job-v1";
import { DeploymentV1SpecTemplateSpec } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { Construct } from "constructs";
import { ContainerSpec, renderPodSpec } from "./container";
import { HomelabStack } from "./homelab-stack";
import { appLabels } from "./kubernetes-names";
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

/**
 * A shell script writing one timestamped archive per run into /backup, atomically
 * (written as .partial, then renamed), and deleting this prefix's archives older than
 * `retentionDays`. `produce` gets the (quoted) path to write the archive to.
 */
export function rotatingArchiveScript(prefix: string, extension: string, produce: (partial: string) => string, retentionDays: number): string {
  return [
    `archive="/backup/${prefix}$(date -u +%Y%m%dT%H%M%SZ).${extension}"`,
    produce('"$archive.partial"'),
    `mv "$archive.partial" "$archive"`,
    `find /backup -maxdepth 1 -name '${prefix}*.${extension}' -mtime +${retentionDays} -delete`,
  ].join("\n");
}

export interface BackupCronJobProps {
  readonly namespace: Namespace;
  /** The app backed up: labels the job as its backup. */
  readonly app: string;
  /** The CronJob's name. */
  readonly name: string;
  readonly schedule: string;
  readonly container: ContainerSpec;
  /** Pod settings beyond restartPolicy, e.g. affinity. @default - none */
  readonly pod?: Partial<DeploymentV1SpecTemplateSpec>;
}

/** The backup CronJob under `scope` (construct id "CronJob"): one run at a time, retried twice. */
export function backupCronJob(scope: Construct, props: BackupCronJobProps): CronJobV1 {
  // Its own name label, so an affinity to the app's pods can never match the job itself.
  const labels = { ...appLabels(`${props.app}-backup`, "backup"), "app.kubernetes.io/part-of": props.app };
  return new CronJobV1(scope, "CronJob", {
    provider: HomelabStack.of(scope).provider("kubernetes", scope),
    metadata: { name: props.name, namespace: props.namespace.name, labels },
    spec: {
      schedule: props.schedule,
      concurrencyPolicy: "Forbid",
      successfulJobsHistoryLimit: 1,
      failedJobsHistoryLimit: 3,
      jobTemplate: {
        metadata: { labels },
        spec: {
          backoffLimit: 2,
          template: { metadata: { labels }, spec: renderPodSpec([props.container], { restartPolicy: "OnFailure", ...props.pod }) },
        },
      },
    },
  });
}
