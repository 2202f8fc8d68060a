/**
 * The backup jobs, as data: one Nomad periodic batch job per backup plan. They never claim
 * a CSI volume (a single-node-writer volume takes one claim, held by its service): they
 * read the volumes where the operators' scripts did, on the node's own GlusterFS mount
 * (/storage/v/<volume id>), bound read-only into the container, and are pinned to the node
 * that holds their target. What a plan saves is not in its job: each volume and database
 * that chose the plan lists itself in a Nomad variable under backups/<plan>/, written by its
 * own stack, and the job reads the lists when it starts. Secrets are rendered by Nomad from
 * Vault at run time.
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
}

export interface CopyJobContext extends BackupJobContext {
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
export function backupJobId(plan: Pick<BackupPlan, "name">): string {
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

/** Where the lists of what the plans save live: Nomad variables backups/<plan>/<kind>/<name>. */
export const BACKUP_LISTS = "backups";

/** What one volume or database adds to a plan's lists. */
export interface BackupListEntry {
  /** Paths under the GlusterFS mount: a volume id, or volume/file. */
  readonly items?: readonly string[];
  /** Items compared byte for byte with the source after each copy (copy plans). */
  readonly verify?: readonly string[];
  /** Database names dumped with pg_dump (copy plans). */
  readonly databases?: readonly string[];
}

/** The keys of a list variable, one per list, each a space-separated list. */
export const BACKUP_LIST_KEYS = ["items", "verify", "databases"] as const;

/** The variables a plan's job lists: every one under backups/<plan>/. */
export function backupListPrefix(plan: Pick<BackupPlan, "name">): string {
  return `${BACKUP_LISTS}/${plan.name}/`;
}

/** The variable one volume (or database) lists itself in for a plan. */
export function backupListPath(plan: Pick<BackupPlan, "name">, kind: "volumes" | "databases", name: string): string {
  return `${backupListPrefix(plan)}${kind}/${name}`;
}

/** The plan a list variable's path lists for (backups/<plan>/…), or undefined for any other path. */
export function backupListPlanOf(path: unknown): string | undefined {
  return new RegExp(`^${BACKUP_LISTS}/([^/]+)/`).exec(String(path))?.[1];
}

/** A list entry as a variable's items: the non-empty lists, space-separated. */
export function backupListItems(entry: BackupListEntry): Record<string, string> {
  return Object.fromEntries(BACKUP_LIST_KEYS.flatMap((key) => (entry[key]?.length ? [[key, [...entry[key]!].sort().join(" ")]] : [])));
}

/** A list variable's items read back. */
export function backupListEntry(items: Readonly<Record<string, unknown>>): Required<BackupListEntry> {
  const list = (key: (typeof BACKUP_LIST_KEYS)[number]) => (typeof items[key] === "string" ? (items[key] as string).split(" ").filter(Boolean) : []);
  return { items: list("items"), verify: list("verify"), databases: list("databases") };
}

/**
 * The plan's lists as the scripts' environment, rendered when the job starts from every
 * variable under backups/<plan>/ (a missing key reads as empty). Nomad's template hides a
 * refused listing as an empty one: the scripts refuse to run with nothing to save.
 */
function backupListTemplate(plan: BackupPlan, keys: readonly (typeof BACKUP_LIST_KEYS)[number][]): Template {
  const env = { items: COPY_SCRIPT_ENV.items, verify: COPY_SCRIPT_ENV.verify, databases: COPY_SCRIPT_ENV.databases } as const;
  const list = (key: (typeof BACKUP_LIST_KEYS)[number]) =>
    `${env[key]}="{{ range nomadVarList ${JSON.stringify(backupListPrefix(plan))} }}{{ with nomadVar .Path }}{{ .${key} }} {{ end }}{{ end }}"`;
  return { EmbeddedTmpl: `${keys.map(list).join("\n")}\n`, DestPath: "local/backup-lists.env", Envvars: true, ChangeMode: "noop" };
}

/** The node's GlusterFS mount, read-only, at `root` in the container: the lists say what under it is saved. */
function shareBind(root: string): NonNullable<DockerConfig["mount"]>[number] {
  return { type: "bind", source: SHARE_BASE_PATH, target: root, readonly: true };
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
  // The database credentials are rendered always: a database may list itself after the job is deployed.
  const templates: Template[] = [backupListTemplate(ctx.plan, BACKUP_LIST_KEYS), vaultEnv(BACKUP_SECRETS.postgres, { PGUSER: "username", PGPASSWORD: "password" }, "postgres")];
  const env: Record<Exclude<(typeof COPY_SCRIPT_ENV)[keyof typeof COPY_SCRIPT_ENV], "BACKUP_ITEMS" | "BACKUP_VERIFY" | "BACKUP_DATABASES">, string> = {
    BACKUP_SOURCE: COPY_SOURCE,
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
      mount: [shareBind(COPY_SOURCE), { type: "bind", source: ctx.copies.path, target: COPY_MOUNT, readonly: false }],
    },
    Env: { ...env, PGHOST: ctx.postgres.host, PGPORT: String(ctx.postgres.port) },
    Vault: { ChangeMode: "noop" },
    Templates: templates,
    Resources: { CPU: 500, MemoryMB: 512 },
  };
  return periodicJob(ctx, task, ctx.copies.node);
}

/** A restic plan: the items into a repository, retention, a repository check and a restore test. */
export function resticBackupJob(ctx: ResticJobContext): Job {
  const repository = ctx.repository;
  const env: Record<Exclude<(typeof RESTIC_SCRIPT_ENV)[keyof typeof RESTIC_SCRIPT_ENV], "BACKUP_ITEMS">, string> = {
    BACKUP_SOURCE: RESTIC_SOURCE,
    BACKUP_HOST: RESTIC_HOST,
    BACKUP_KEEP_DAYS: String(ctx.plan.keepDays),
    BACKUP_SAMPLE: String(RESTIC_SAMPLE),
  };
  const repositoryBind = repository.kind === "directory" ? [{ type: "bind" as const, source: repository.path, target: RESTIC_REPOSITORY_MOUNT, readonly: false }] : [];
  const task: Task = {
    Name: "restic",
    Driver: "docker",
    Config: { image: imageRef(IMAGES.restic), entrypoint: ["/bin/sh", "-c"], args: [RESTIC_SCRIPT], mount: [shareBind(RESTIC_SOURCE), ...repositoryBind] },
    Env: { ...env, RESTIC_REPOSITORY: repository.kind === "directory" ? RESTIC_REPOSITORY_MOUNT : resticRepositoryUrl(repository) },
    Vault: { ChangeMode: "noop" },
    Templates: [
      backupListTemplate(ctx.plan, ["items"]),
      vaultEnv(BACKUP_SECRETS.restic.path, { RESTIC_PASSWORD: BACKUP_SECRETS.restic.key }, "restic"),
      ...(repository.kind === "s3" ? [vaultEnv(BACKUP_SECRETS.offsite, { AWS_ACCESS_KEY_ID: "access_key_id", AWS_SECRET_ACCESS_KEY: "secret_access_key" }, "offsite")] : []),
    ],
    // Prune and check hold the repository's index in memory.
    Resources: { CPU: 500, MemoryMB: 1024 },
  };
  return periodicJob(ctx, task, repository.kind === "directory" ? repository.node : undefined);
}

