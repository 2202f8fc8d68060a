import { Construct } from "constructs";
import { ContainerSpec, PodVolumeSource } from "./container";
import { KUBERNETES_IMAGES } from "./kubernetes-images";
import { intProblem, throwIfProblems } from "./kubernetes-names";
import { Namespace } from "./namespace";
import { backupCronJob, backupDestination, cronScheduleProblem } from "./backup-target";
import { sqliteSnapshotScript, tarScript } from "./backup-scripts";
import { recordCatalogFacts } from "./catalog-facts";

/** The image the backup job runs: busybox tar and find are all it needs; SQLite's shell comes from Alpine's own packages. */
export const BACKUP_IMAGE = KUBERNETES_IMAGES.alpine.ref;

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
  /**
   * SQLite databases in the claim (paths relative to it), snapshotted with `sqlite3 .backup`
   * and checked with PRAGMA integrity_check instead of copied live.
   * @default - none: the claim's files are archived as they are
   */
  readonly sqliteDatabases?: readonly string[];
}


/**
 * A CronJob that archives a claim to the app's backup destination (NFS at
 * <backupRoot>/<app>-backup/, or a local claim in a critical stack): its SQLite databases as
 * consistent, integrity-checked snapshots, the rest as files. The claim is ReadWriteOnce, so
 * the job's pod is scheduled onto the node where the app's pod runs.
 */
export class PvcBackup extends Construct {
  /** Where the archives land, for the catalog. */
  readonly where: string;

  constructor(scope: Construct, id: string, props: PvcBackupProps) {
    super(scope, id);
    const schedule = props.schedule ?? "30 3 * * *";
    const retentionDays = props.retentionDays ?? 14;
    const databases = props.sqliteDatabases ?? [];
    throwIfProblems(this.node.path, [
      cronScheduleProblem(schedule),
      intProblem("retentionDays", retentionDays, 1, 3650),
      ...databases.map((db) =>
        /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(db) && !db.split("/").includes("..")
          ? undefined
          : `sqliteDatabases entry ${JSON.stringify(db)} must be a path inside the claim such as db.sqlite3`,
      ),
    ]);
    const destination = backupDestination(this, props.namespace, props.app);
    this.where = destination.where;
    const prefix = `${props.claim.volumeName}-`;
    const dirs = { dataDir: "/data", backupDir: "/backup" };
    const script = databases.length
      ? `apk add --no-cache sqlite >/dev/null\n${sqliteSnapshotScript(dirs, databases, prefix, retentionDays)}`
      : tarScript(dirs, prefix, retentionDays);
    const container: ContainerSpec = {
      name: "backup",
      image: BACKUP_IMAGE,
      command: ["/bin/sh", "-euc"],
      args: [script],
      cpuMillis: 50,
      memoryMiB: 128,
      mounts: [
        // SQLite reads a WAL database through its -shm file, which it must be able to write.
        { volume: props.claim, path: "/data", readOnly: databases.length === 0 },
        { volume: destination.target, path: "/backup" },
      ],
    };
    recordCatalogFacts(scope, {
      backup: `${databases.length ? `SQLite snapshots (${databases.join(", ")}, integrity-checked) and files` : "files"}, ${schedule}, ${retentionDays} days, to ${destination.where}`,
    });
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
