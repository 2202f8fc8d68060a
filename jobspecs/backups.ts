/**
 * The backup jobs, as data: one Nomad periodic batch job per backup plan. They never claim
 * a CSI volume (a single-node-writer volume takes one claim, held by its service): they
 * read the volumes where the operators' scripts did, on the node's own GlusterFS mount
 * (/storage/v/<volume id>), bound read-only into the container, and are pinned to the node
 * that holds their target. Secrets are rendered by Nomad from Vault at run time.
 */
import { posix } from "path";
import { BackupPlan } from "./backup-plans";
import { COPY_SCRIPT, COPY_SCRIPT_ENV, RESTIC_SCRIPT, RESTIC_SCRIPT_ENV } from "./backup-scripts";
import { JobContext, nodeConstraint, vaultEnv } from "./common";
import { SHARE_BASE_PATH } from "./democratic-csi";
import { minutes } from "./duration";
import { IMAGES, imageRef } from "./images";
import { DockerConfig, Job, Task, Template } from "./model";

/** Vault KV v2 paths the backup jobs read (the restic password at the seeds' path, under the estate's KV mount). */
export const BACKUP_SECRETS = {
  /** RESTIC_PASSWORD: the seeds keep it at nomad/default/restic-backup. */
  restic: { path: "secret/data/nomad/default/restic-backup", key: "RESTIC_PASSWORD" },
  /** username, password of a PostgreSQL role that may dump the app databases. */
  postgres: "secret/data/backups/postgres",
  /** access_key_id, secret_access_key of the off-site S3 bucket. */
  offsite: "secret/data/backups/offsite",
} as const;

/** Where the volumes appear inside the copy job, and where the restic job's tree is rooted. */
export const COPY_SOURCE = "/volumes";
export const RESTIC_SOURCE = "/data";
/** Where the copy job sees the backup directory of its node. */
const COPY_MOUNT = "/backups";
const RESTIC_REPOSITORY_MOUNT = "/repo";
/** The meta key that marks a job as a backup plan's job, and names the plan (HL-BACKUP-1 and the runbooks find them by it). */
export const BACKUP_PLAN_META = "backup-plan";
/** The host name of every snapshot the jobs take, so retention groups them, and leaves others' snapshots alone. */
export const RESTIC_HOST = "nomad-backup";
const RESTIC_SAMPLE = 16;

export interface BackupJobContext extends JobContext {
  readonly plan: BackupPlan;
  /** IANA time zone the plan's schedule is read in. */
  readonly timeZone: string;
  /** Paths under the GlusterFS mount: a volume id, or volume/file. */
  readonly items: readonly string[];
}

export interface CopyJobContext extends BackupJobContext {
  /** Items compared byte for byte with the source after each copy. */
  readonly verify: readonly string[];
  readonly databases: readonly string[];
  /** The node holding the copies, and the directory there. */
  readonly copies: { readonly node: string; readonly path: string };
  readonly postgres: { readonly host: string; readonly port: number };
}

export type ResticRepository =
  | { readonly kind: "directory"; readonly node: string; readonly path: string }
  | { readonly kind: "s3"; readonly endpoint: string; readonly bucket: string };

export interface ResticJobContext extends BackupJobContext {
  readonly repository: ResticRepository;
}

/** The job of a plan: backup-<plan>. */
export function backupJobId(plan: BackupPlan): string {
  return `backup-${plan.name}`;
}

/** The host directory a copy plan writes its dated runs into. */
export function copiesDirectory(copiesPath: string, plan: BackupPlan): string {
  return posix.join(copiesPath, plan.name);
}

/** The restic repository as restic names it: a directory on the node, or s3:<endpoint>/<bucket>. */
export function resticRepositoryUrl(repository: ResticRepository): string {
  return repository.kind === "directory" ? repository.path : `s3:${repository.endpoint}/${repository.bucket}`;
}

/** Read-only binds of the items from the node's GlusterFS mount, under `root` in the container. */
function itemBinds(items: readonly string[], root: string): NonNullable<DockerConfig["mount"]> {
  return items.map((item) => ({ type: "bind" as const, source: posix.join(SHARE_BASE_PATH, item), target: posix.join(root, item), readonly: true }));
}

function periodicJob(ctx: BackupJobContext, task: Task, pinnedTo: string | undefined): Job {
  return {
    ID: backupJobId(ctx.plan),
    Type: "batch",
    Datacenters: ctx.datacenters,
    Priority: 60,
    Periodic: { Enabled: true, Spec: ctx.plan.cron, SpecType: "cron", ProhibitOverlap: true, TimeZone: ctx.timeZone },
    Meta: { [BACKUP_PLAN_META]: ctx.plan.name, "keep-days": String(ctx.plan.keepDays) },
    ...(pinnedTo ? { Constraints: [nodeConstraint(pinnedTo)] } : {}),
    TaskGroups: [
      {
        Name: "backup",
        Count: 1,
        // A transient failure (the database restarting) gets two more tries; then the run fails loudly.
        RestartPolicy: { Attempts: 2, Interval: minutes(30), Delay: minutes(2), Mode: "fail" },
        ReschedulePolicy: { Attempts: 0, Unlimited: false },
        Tasks: [task],
      },
    ],
  };
}

/** A daily or weekly copy: volumes and pg_dumps into <copies>/<plan>/<date>, pinned to the copies' node. */
export function copyBackupJob(ctx: CopyJobContext): Job {
  const templates: Template[] = ctx.databases.length ? [vaultEnv(BACKUP_SECRETS.postgres, { PGUSER: "username", PGPASSWORD: "password" }, "postgres")] : [];
  const env: Record<(typeof COPY_SCRIPT_ENV)[keyof typeof COPY_SCRIPT_ENV], string> = {
    BACKUP_SOURCE: COPY_SOURCE,
    BACKUP_ITEMS: ctx.items.join(" "),
    BACKUP_VERIFY: ctx.verify.join(" "),
    BACKUP_DATABASES: ctx.databases.join(" "),
    BACKUP_TARGET: posix.join(COPY_MOUNT, ctx.plan.name),
    BACKUP_KEEP_DAYS: String(ctx.plan.keepDays),
  };
  const task: Task = {
    Name: "backup",
    Driver: "docker",
    Config: {
      // The PostgreSQL image: pg_dump (17 dumps any older server) and busybox's cp, find, sha256sum.
      image: imageRef(IMAGES.postgres),
      entrypoint: ["/bin/sh", "-c"],
      args: [COPY_SCRIPT],
      mount: [...itemBinds(ctx.items, COPY_SOURCE), { type: "bind", source: ctx.copies.path, target: COPY_MOUNT, readonly: false }],
    },
    Env: { ...env, PGHOST: ctx.postgres.host, PGPORT: String(ctx.postgres.port) },
    ...(templates.length ? { Vault: { ChangeMode: "noop" as const }, Templates: templates } : {}),
    Resources: { CPU: 500, MemoryMB: 512 },
  };
  return periodicJob(ctx, task, ctx.copies.node);
}

/** A restic plan: the items into a repository, retention, a repository check and a restore test. */
export function resticBackupJob(ctx: ResticJobContext): Job {
  const repository = ctx.repository;
  const env: Record<(typeof RESTIC_SCRIPT_ENV)[keyof typeof RESTIC_SCRIPT_ENV], string> = {
    BACKUP_SOURCE: RESTIC_SOURCE,
    BACKUP_HOST: RESTIC_HOST,
    BACKUP_KEEP_DAYS: String(ctx.plan.keepDays),
    BACKUP_SAMPLE: String(RESTIC_SAMPLE),
  };
  const repositoryBind = repository.kind === "directory" ? [{ type: "bind" as const, source: repository.path, target: RESTIC_REPOSITORY_MOUNT, readonly: false }] : [];
  const task: Task = {
    Name: "restic",
    Driver: "docker",
    Config: { image: imageRef(IMAGES.restic), entrypoint: ["/bin/sh", "-c"], args: [RESTIC_SCRIPT], mount: [...itemBinds(ctx.items, RESTIC_SOURCE), ...repositoryBind] },
    Env: { ...env, RESTIC_REPOSITORY: repository.kind === "directory" ? RESTIC_REPOSITORY_MOUNT : resticRepositoryUrl(repository) },
    Vault: { ChangeMode: "noop" },
    Templates: [
      vaultEnv(BACKUP_SECRETS.restic.path, { RESTIC_PASSWORD: BACKUP_SECRETS.restic.key }, "restic"),
      ...(repository.kind === "s3" ? [vaultEnv(BACKUP_SECRETS.offsite, { AWS_ACCESS_KEY_ID: "access_key_id", AWS_SECRET_ACCESS_KEY: "secret_access_key" }, "offsite")] : []),
    ],
    // Prune and check hold the repository's index in memory.
    Resources: { CPU: 500, MemoryMB: 1024 },
  };
  return periodicJob(ctx, task, repository.kind === "directory" ? repository.node : undefined);
}

/** What a backup plan's job saves, read back from the job: the volumes (or files) it binds from the GlusterFS mount, and the databases it dumps. */
export function backupJobReads(job: Job): { readonly items: string[]; readonly databases: string[] } {
  const tasks = job.TaskGroups.flatMap((g) => g.Tasks);
  const items = tasks.flatMap((t) => (t.Config.mount ?? []).filter((m) => m.source?.startsWith(`${SHARE_BASE_PATH}/`)).map((m) => m.source!.slice(SHARE_BASE_PATH.length + 1)));
  const databases = tasks.flatMap((t) => (t.Env?.[COPY_SCRIPT_ENV.databases] ?? "").split(" ").filter(Boolean));
  return { items, databases };
}
