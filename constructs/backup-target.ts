import { CronJobV1 } from "@cdktf/provider-kubernetes/lib/cron-job-v1";
import { DeploymentV1SpecTemplateSpec } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { Construct } from "constructs";
import { ContainerSpec, PodVolumeSource, renderPodSpec } from "./container";
import { HomelabStack } from "./homelab-stack";
import { appLabels } from "./kubernetes-names";
import { Namespace } from "./namespace";
import { NfsVolume } from "./nfs-volume";

const CRON = /^(\S+\s+){4}\S+$/;

/** Why a backup schedule is not a five-field cron expression, or undefined when it is. */
export function cronScheduleProblem(schedule: string): string | undefined {
  return CRON.test(schedule) ? undefined : `schedule ${JSON.stringify(schedule)} must be a five-field cron expression such as "30 3 * * *"`;
}

/** Where a backup job writes: the volume it mounts at /backup, and a description for the catalog. */
export interface BackupDestination {
  readonly target: PodVolumeSource;
  /** e.g. "NFS nas.home.arpa:/mnt/main/vaultwarden-backup", or "claim uptime-kuma-backup (proxmox-lvm)". */
  readonly where: string;
}

/**
 * Where an app's backups land, as a volume under `scope` (construct id "Target"): the NFS
 * directory <backupRoot>/<app>-backup/, or, in a critical stack (which must not use NFS,
 * HL-K8S-2), a claim <app>-backup of its own on local LVM, which the Proxmox host's daily
 * backup copies off the thin pool with every other claim.
 */
export function backupDestination(scope: Construct, namespace: Namespace, app: string): BackupDestination {
  const stack = HomelabStack.of(scope);
  if (stack.critical) {
    // Required here, not at the top: proxmox-pvc's own backups are built through this module.
    const { ProxmoxPvc } = require("./proxmox-pvc") as typeof import("./proxmox-pvc");
    const claim = new ProxmoxPvc(scope, "Target", {
      namespace,
      app,
      name: `${app}-backup`,
      sizeGiB: 5,
      storageLimitGiB: 50,
      backup: { none: `it is the backup copy of ${app}, kept off NFS because the stack is critical; the Proxmox host's daily backup copies it off the thin pool` },
    });
    return { target: claim, where: `claim ${app}-backup (proxmox-lvm, off NFS: critical stack)` };
  }
  const { server, backupRoot } = stack.inventory.kubernetes.nfs;
  const exportPath = `${backupRoot}/${app}-backup`;
  const target = new NfsVolume(scope, "Target", { namespace, name: `${app}-backup`, path: exportPath, sizeGiB: 50 });
  return { target, where: `NFS ${server}:${exportPath}` };
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
