import { PersistentVolumeClaimV1 } from "@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1";
import { Construct } from "constructs";
import type { PodVolumeSource } from "./container";
import { HomelabStack } from "./homelab-stack";
import { appLabels, dnsLabelProblem, gib, throwIfProblems } from "./kubernetes-names";
import { Namespace } from "./namespace";
import {
  BACKUP_MODE_ANNOTATION,
  BACKUP_REASON_ANNOTATION,
  ProxmoxStorageClass,
  RESIZE_INCREASE_ANNOTATION,
  RESIZE_LIMIT_ANNOTATION,
  RESIZE_THRESHOLD_ANNOTATION,
  STORAGE_REQUEST_PATH,
} from "./proxmox-claim-template";
import { PvcBackup } from "./pvc-backup";

/**
 * Backup is a required choice: a CronJob copying the claim to NFS at
 * <backupRoot>/<app>-backup/, or no backup with a reason of 10+ characters.
 */
export type ClaimBackup =
  | {
      readonly cronjob: {
        /** @default "30 3 * * *" */
        readonly schedule?: string;
        /** @default 14 */
        readonly retentionDays?: number;
        /** SQLite databases in the claim, snapshotted consistently (see PvcBackup). @default - none */
        readonly sqliteDatabases?: readonly string[];
      };
    }
  | { readonly none: string };

export interface ProxmoxClaimProps {
  readonly namespace: Namespace;
  /** The app using the claim: names the backup directory <app>-backup and finds its pods. */
  readonly app: string;
  /** Claim name (a DNS label). */
  readonly name: string;
  readonly backup: ClaimBackup;
  /** Initial request; the autoresizer grows it. @default 1 */
  readonly sizeGiB?: number;
  /** Ceiling for the autoresizer; non-zero and at least sizeGiB. @default 5 */
  readonly storageLimitGiB?: number;
  /** @default "10%" */
  readonly resizeThreshold?: string;
  /** @default "100%" */
  readonly resizeIncrease?: string;
}

const PERCENT = /^([1-9][0-9]?|100)%$/;

/** Problems with the claim template fields common to every Proxmox claim (names, sizes, backup). */
export function claimTemplateProblems(props: ProxmoxClaimProps): string[] {
  const size = props.sizeGiB ?? 1;
  const limit = props.storageLimitGiB ?? 5;
  const problems = [
    dnsLabelProblem("claim name", props.name),
    dnsLabelProblem("app", props.app),
    Number.isInteger(size) && size >= 1 ? undefined : `sizeGiB ${size} must be a whole number of at least 1`,
    Number.isInteger(limit) && limit >= 1
      ? undefined
      : `storageLimitGiB ${limit} must be a whole number of at least 1: the autoresizer needs a non-zero limit`,
    limit < size ? `storageLimitGiB ${limit} is below sizeGiB ${size}; allowed: a limit at or above the request` : undefined,
    ...(["resizeThreshold", "resizeIncrease"] as const).map((k) =>
      props[k] === undefined || PERCENT.test(props[k]!) ? undefined : `${k} ${JSON.stringify(props[k])} must be a percentage from 1% to 100%`,
    ),
  ];
  if ("none" in props.backup) {
    if (typeof props.backup.none !== "string" || props.backup.none.trim().length < 10) {
      problems.push(`backup none needs a reason of 10+ characters saying why the data need no backup; got ${JSON.stringify(props.backup.none)}`);
    }
  } else if (!("cronjob" in props.backup)) {
    problems.push("backup must be { cronjob: { … } } or { none: \"<reason>\" }");
  }
  return problems.filter((p): p is string => p !== undefined);
}

/** The template's annotations: autoresizer settings and the backup choice. */
export function claimTemplateAnnotations(props: ProxmoxClaimProps): Record<string, string> {
  return {
    [RESIZE_THRESHOLD_ANNOTATION]: props.resizeThreshold ?? "10%",
    [RESIZE_INCREASE_ANNOTATION]: props.resizeIncrease ?? "100%",
    [RESIZE_LIMIT_ANNOTATION]: gib(props.storageLimitGiB ?? 5),
    ...("none" in props.backup
      ? { [BACKUP_MODE_ANNOTATION]: "none", [BACKUP_REASON_ANNOTATION]: props.backup.none.trim() }
      : { [BACKUP_MODE_ANNOTATION]: "cronjob" }),
  };
}

/**
 * A ReadWriteOnce claim on a Proxmox LVM storage class built from the cluster's template:
 * autoresizer annotations with a non-zero limit, no wait for binding
 * (WaitForFirstConsumer), the request left to the autoresizer, prevent_destroy, and a
 * backup choice. Use EncryptedPvc or ProxmoxPvc.
 */
export abstract class ProxmoxClaim extends Construct implements PodVolumeSource {
  readonly claimName: string;
  readonly accessMode = "ReadWriteOnce" as const;
  readonly volumeName: string;
  readonly storageClass: ProxmoxStorageClass;
  /** The backup CronJob, when backup is a cronjob. */
  readonly backupJob?: PvcBackup;

  protected constructor(scope: Construct, id: string, props: ProxmoxClaimProps, storageClass: ProxmoxStorageClass, extra: readonly string[]) {
    super(scope, id);
    throwIfProblems(this.node.path, [...extra, ...claimTemplateProblems(props)]);
    this.storageClass = storageClass;
    const claim = new PersistentVolumeClaimV1(this, "Resource", {
      provider: HomelabStack.of(this).provider("kubernetes", this),
      metadata: {
        name: props.name,
        namespace: props.namespace.name,
        labels: appLabels(props.app, "storage"),
        annotations: claimTemplateAnnotations(props),
      },
      spec: {
        accessModes: ["ReadWriteOnce"],
        storageClassName: storageClass,
        resources: { requests: { storage: gib(props.sizeGiB ?? 1) } },
      },
      waitUntilBound: false,
      lifecycle: { preventDestroy: true, ignoreChanges: [STORAGE_REQUEST_PATH] },
    });
    this.claimName = claim.metadata.name;
    this.volumeName = props.name;
    if ("cronjob" in props.backup) {
      this.backupJob = new PvcBackup(this, "Backup", {
        namespace: props.namespace,
        app: props.app,
        claim: this,
        schedule: props.backup.cronjob.schedule,
        retentionDays: props.backup.cronjob.retentionDays,
        sqliteDatabases: props.backup.cronjob.sqliteDatabases,
      });
    }
  }
}
