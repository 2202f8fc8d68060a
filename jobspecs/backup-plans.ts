/**
 * The main Nomad cluster's backup plans, and the choice every volume and database makes
 * among them. The schedule is the operators' (001): daily at 02:00 the critical volumes and
 * the app databases, kept 7 days; weekly, Sunday 03:00, every GlusterFS volume and the
 * databases, kept 4 weeks; plus the restic repository Litestream recovery restores MinIO
 * from (000), and an off-site copy of what cannot be regenerated (the Matrix signing key).
 * Each plan becomes one Nomad periodic batch job (stacks/nomad-backups.ts).
 */
import { cronScheduleProblem } from "./cron";

/**
 * Where a plan keeps what it saves: dated directories on the inventory's backup node
 * (`copies`), the local restic repository (`restic`), or the off-site restic repository.
 */
export type BackupStore = "copies" | "restic" | "offsite";
const STORES: readonly BackupStore[] = ["copies", "restic", "offsite"];

export interface BackupPlan {
  /** Names the job, backup-<name>, and the directory under the backup root. */
  readonly name: string;
  /** When it runs: a cron expression as Nomad's periodic jobs take it, in the inventory's backups.timeZone. */
  readonly cron: string;
  /** How long what it saves is kept, in days. */
  readonly keepDays: number;
  readonly store: BackupStore;
}

export const DAILY: BackupPlan = { name: "daily", cron: "0 2 * * *", keepDays: 7, store: "copies" };
export const WEEKLY: BackupPlan = { name: "weekly", cron: "0 3 * * 0", keepDays: 28, store: "copies" };
/** MinIO's data (Litestream's replicas) into the restic repository the Litestream recovery restores from. */
export const RESTIC: BackupPlan = { name: "restic", cron: "30 4 * * *", keepDays: 30, store: "restic" };
/** What cannot be regenerated, to the off-site repository; kept a year (restic always keeps the latest). */
export const OFFSITE: BackupPlan = { name: "offsite", cron: "30 2 * * *", keepDays: 365, store: "offsite" };

/** A volume's backup choice: the plans that save the whole volume, or none with the reason. */
export type VolumeBackup =
  | {
      /** Plans that save the whole volume, e.g. [DAILY, WEEKLY]. */
      readonly plans: readonly BackupPlan[];
      /**
       * Files of the volume that cannot be regenerated (the Matrix signing key): they also go
       * off-site (OFFSITE), and every copy of them is compared byte for byte with the source.
       * @default - none
       */
      readonly offsite?: readonly string[];
    }
  | {
      /** Why nothing backs the volume up: 10+ characters. */
      readonly none: string;
    };

/** A database's backup choice: pg_dump by copy plans, or none with the reason. */
export type DatabaseBackup = { readonly plans: readonly BackupPlan[] } | { readonly none: string };

/** Where a synthesized volume records its backup choice: a key of its Terraform "//" comment, which Terraform ignores and HL-BACKUP-1 reads. */
export const BACKUP_COMMENT_KEY = "homelab_backup";

export const MIN_REASON = 10;
const NAME = /^[a-z][a-z0-9-]{0,30}$/;
/** A file inside a volume: relative, no "." or ".." segments, no spaces (job lists are space-separated). */
const FILE = /^[A-Za-z0-9_][A-Za-z0-9._-]*(\/[A-Za-z0-9_][A-Za-z0-9._-]*)*$/;

export const BACKUP_CHOICES = '{ plans: [DAILY, WEEKLY, …] } (jobspecs/backup-plans.ts) or { none: "<reason of 10+ characters>" }';

/** What is wrong with one plan, each a sentence naming the value and what is allowed. */
export function backupPlanProblems(plan: BackupPlan): string[] {
  const problems: string[] = [];
  const name = typeof plan?.name === "string" ? plan.name : String(plan?.name);
  if (!NAME.test(name)) problems.push(`plan name ${JSON.stringify(plan?.name)} must be lowercase letters, digits and - (it names the job backup-<name>)`);
  const cron = cronScheduleProblem(`plan ${name}: schedule`, plan?.cron);
  if (cron) problems.push(cron);
  if (!Number.isInteger(plan?.keepDays) || plan.keepDays < 1 || plan.keepDays > 3650) {
    problems.push(`plan ${name}: keepDays ${JSON.stringify(plan?.keepDays)} must be a whole number of days from 1 to 3650`);
  }
  if (!STORES.includes(plan?.store)) problems.push(`plan ${name}: store ${JSON.stringify(plan?.store)} is unknown; allowed: ${STORES.join(", ")}`);
  return problems;
}

/** Problems common to volumes and databases: exactly one of plans / none, a real reason, valid distinct plans. */
function choiceProblems(choice: unknown, what: string): string[] {
  const c = (choice ?? {}) as { plans?: unknown; none?: unknown };
  const hasPlans = c.plans !== undefined;
  const hasNone = c.none !== undefined;
  if (hasPlans === hasNone) {
    return [`${what} ${choice === undefined ? "declares no backup choice" : `backup ${JSON.stringify(choice)} must choose exactly one`}; allowed: ${BACKUP_CHOICES}`];
  }
  if (hasNone) {
    return typeof c.none === "string" && c.none.trim().length >= MIN_REASON
      ? []
      : [`${what} backup none must give a reason of ${MIN_REASON}+ characters; got ${JSON.stringify(c.none)}`];
  }
  if (!Array.isArray(c.plans) || c.plans.length === 0) return [`${what} backup plans must list at least one plan; to back up nothing, say { none: "<reason>" }`];
  const plans = c.plans as BackupPlan[];
  const names = plans.map((p) => p?.name);
  const repeated = names.filter((n, i) => names.indexOf(n) !== i);
  return [
    ...plans.flatMap(backupPlanProblems).map((p) => `${what} ${p}`),
    ...(repeated.length ? [`${what} backup lists plan ${[...new Set(repeated)].join(", ")} twice`] : []),
  ];
}

/** What is wrong with a volume's backup choice; `readable` says whether the backup jobs can read the volume at all. */
export function volumeBackupProblems(choice: VolumeBackup | undefined, readable: { readonly ok: boolean; readonly why: string }): string[] {
  const problems = choiceProblems(choice, "volume");
  if (problems.length || !choice || !("plans" in choice)) return problems;
  if (!readable.ok) return [`volume backup plans ${choice.plans.map((p) => p.name).join(", ")} cannot run: ${readable.why}; choose { none: "<reason>" }`];
  const offsite = choice.offsite ?? [];
  if (choice.plans.some((p) => p.store === "offsite")) problems.push(`volume backup plans list an off-site plan; name the files that go off-site in offsite: [...] instead`);
  for (const file of offsite) {
    if (typeof file !== "string" || !FILE.test(file)) {
      problems.push(`volume backup offsite file ${JSON.stringify(file)} must be a path relative to the volume (letters, digits, ., _, -, /; no "..", no spaces)`);
    }
  }
  return problems;
}

/** What is wrong with a database's backup choice: only plans that keep copies can hold a dump. */
export function databaseBackupProblems(choice: DatabaseBackup | undefined): string[] {
  const problems = choiceProblems(choice, "database");
  if (problems.length || !choice || !("plans" in choice)) return problems;
  return choice.plans.filter((p) => p.store !== "copies").map((p) => `database backup plan ${p.name} keeps ${p.store}, not dated copies; a pg_dump goes to a plan with store "copies"`);
}

/** The plans a choice puts the volume in, the off-site plan included when it names files. */
export function plansOf(choice: VolumeBackup | DatabaseBackup): readonly BackupPlan[] {
  if (!("plans" in choice)) return [];
  const offsite = "offsite" in choice && choice.offsite?.length ? [OFFSITE] : [];
  return [...choice.plans, ...offsite];
}

/** The choice in a sentence, for the catalog and the runbooks. */
export function describeBackup(choice: VolumeBackup | DatabaseBackup): string {
  if (!("plans" in choice)) return `none: ${choice.none}`;
  const plans = choice.plans.map((p) => `${p.name} (${p.cron}, ${p.keepDays} d)`);
  const offsite = "offsite" in choice && choice.offsite?.length ? [`off-site ${choice.offsite.join(", ")} (${OFFSITE.cron}, ${OFFSITE.keepDays} d)`] : [];
  return [...plans, ...offsite].join("; ");
}
