/**
 * What the runbooks say, read from the estate's construct tree: per Nomad stack its jobs
 * (namespace, groups, tasks, the volumes mounted, Litestream's databases, bucket and
 * prefix), its volumes and external databases with their backup choices; and for the
 * cluster, the backup jobs, the volume MinIO keeps its buckets on, the CSI node plugin job
 * and the inventory. Nothing is written by hand into a runbook that the estate knows.
 */
import YAML from "yaml";
import { IConstruct } from "constructs";
import { HomelabApp, HomelabStack } from "../constructs";
import { ExternalDatabase } from "../constructs/external-database";
import { CsiPluginKind, NomadCsiVolume } from "../constructs/nomad-csi-volume";
import { NomadJob } from "../constructs/nomad-job";
import { BackupPlan, DatabaseBackup, plansOf, VolumeBackup } from "../jobspecs/backup-plans";
import { BACKUP_PLAN_META } from "../jobspecs/backups";
import { BackupListing } from "../constructs/backup-listing";
import { IMAGES, parseImageRef } from "../jobspecs/images";
import { LITESTREAM_REPLICATE_TASK, LITESTREAM_RESTORE_TASK } from "../jobspecs/litestream";
import { Job } from "../jobspecs/model";
import { jobVaultReads } from "../jobspecs/vault";
import type { Inventory } from "../inventory";

export interface LitestreamFact {
  readonly group: string;
  readonly database: string;
  readonly bucket: string;
  readonly prefix: string;
  readonly restoreTasks: readonly string[];
  readonly replicateTask: string;
}

export interface JobFact {
  readonly id: string;
  readonly namespace: string;
  /** meta.version, where the job carries one (bumped to force a new job version). */
  readonly version?: string;
  readonly groups: readonly { readonly name: string; readonly tasks: readonly string[]; readonly mounts: readonly { readonly task: string; readonly destination: string; readonly volume: string }[] }[];
  readonly litestream: readonly LitestreamFact[];
}

export interface VolumeFact {
  readonly id: string;
  readonly plugin: CsiPluginKind;
  readonly backup: VolumeBackup;
}

export interface ServiceFact {
  readonly id: string;
  readonly description: string;
  readonly cluster: string;
  readonly jobs: readonly JobFact[];
  readonly volumes: readonly VolumeFact[];
  readonly databases: readonly { readonly name: string; readonly backup: DatabaseBackup }[];
}

export interface BackupJobFact {
  readonly id: string;
  readonly plan: BackupPlan;
  readonly job: Job;
  /** What it saves: the volumes (or files) and databases listed for its plan, sorted. */
  readonly items: readonly string[];
  readonly databases: readonly string[];
}

export interface RunbookEstate {
  readonly inventory: Inventory;
  readonly services: readonly ServiceFact[];
  /** The backup jobs by plan name. */
  readonly backups: ReadonlyMap<string, BackupJobFact>;
  /** Where MinIO keeps its buckets: the volume its server's data directory is. */
  readonly minio?: { readonly volume: string };
  /** The GlusterFS CSI node plugin's job. */
  readonly glusterNodePluginJob?: string;
  /** Vault read paths of the backup secrets, as the jobs' templates name them. */
  readonly vaultReads: readonly string[];
}

function litestreamOf(job: Job): LitestreamFact[] {
  return job.TaskGroups.flatMap((group) => {
    const replicate = group.Tasks.find((t) => t.Name === LITESTREAM_REPLICATE_TASK);
    const config = replicate?.Templates?.find((t) => t.DestPath.endsWith("litestream.yml"))?.EmbeddedTmpl;
    if (!replicate || !config) return [];
    const dbs = (YAML.parse(config) as { dbs: { path: string; replica: { bucket: string; path: string } }[] }).dbs;
    const restoreTasks = group.Tasks.filter((t) => t.Name.startsWith(LITESTREAM_RESTORE_TASK)).map((t) => t.Name);
    return dbs.map((db) => ({ group: group.Name, database: db.path, bucket: db.replica.bucket, prefix: db.replica.path, restoreTasks, replicateTask: replicate.Name }));
  });
}

function jobFact(job: NomadJob): JobFact {
  const data = job.job;
  return {
    id: data.ID,
    namespace: job.namespace,
    version: data.Meta?.version,
    groups: data.TaskGroups.map((g) => ({
      name: g.Name,
      tasks: g.Tasks.map((t) => t.Name),
      mounts: job.group(g.Name).mounts.map((m) => ({ task: m.task, destination: m.destination, volume: m.volume.volumeId })),
    })),
    litestream: litestreamOf(data),
  };
}

/** The volume a MinIO server keeps its buckets on: the mount at the directory its `server` argument names. */
function minioOf(jobs: readonly NomadJob[]): RunbookEstate["minio"] {
  for (const job of jobs) {
    for (const group of job.job.TaskGroups) {
      for (const task of group.Tasks) {
        if (parseImageRef(task.Config.image).repository !== IMAGES.minio.repository) continue;
        const dataDir = task.Config.args?.[task.Config.args.indexOf("server") + 1];
        const mount = job.group(group.Name).mounts.find((m) => m.task === task.Name && m.destination === dataDir);
        if (mount) return { volume: mount.volume.volumeId };
      }
    }
  }
  return undefined;
}

/** The runbooks' facts, from an app whose estate is defined (not synthesized). */
export function runbookEstate(app: HomelabApp, inventory: Inventory): RunbookEstate {
  const all = app.node.findAll();
  const stackOf = (c: IConstruct) => HomelabStack.of(c);
  const onNomad = (c: IConstruct) => stackOf(c).cluster.startsWith("nomad-");
  const jobs = all.filter((c): c is NomadJob => c instanceof NomadJob && onNomad(c));
  const stacks = app.node.children.filter((c): c is HomelabStack => c instanceof HomelabStack && c.cluster.startsWith("nomad-"));
  const services: ServiceFact[] = stacks.map((stack) => {
    const mine = <T extends IConstruct>(type: abstract new (...args: never[]) => T) => all.filter((c): c is T => c instanceof type && stackOf(c) === stack);
    return {
      id: stack.node.id,
      description: stack.description,
      cluster: stack.cluster,
      jobs: mine(NomadJob).map(jobFact),
      volumes: mine(NomadCsiVolume).map((v) => ({ id: v.volumeId, plugin: v.plugin, backup: v.backup })),
      databases: mine(ExternalDatabase).map((d) => ({ name: d.databaseName, backup: d.backup })),
    };
  });
  // The plans as the volumes and databases chose them, each with the job that carries it out.
  const plans = new Map(services.flatMap((s) => [...s.volumes, ...s.databases]).flatMap((c) => plansOf(c.backup)).map((p) => [p.name, p]));
  const listings = all.filter((c): c is BackupListing => c instanceof BackupListing && stackOf(c).cluster === "nomad-main");
  const listed = (plan: BackupPlan, key: "items" | "databases") => [...new Set(listings.flatMap((l) => l.entries.get(plan.name)?.[key] ?? []))].sort();
  const backups = new Map<string, BackupJobFact>();
  for (const job of jobs) {
    const plan = plans.get(job.job.Meta?.[BACKUP_PLAN_META] ?? "");
    if (plan) backups.set(plan.name, { id: job.jobId, plan, job: job.job, items: listed(plan, "items"), databases: listed(plan, "databases") });
  }
  const nodePlugin = jobs.find((j) => j.job.TaskGroups.some((g) => g.Tasks.some((t) => t.CSIPluginConfig?.Type === "node" && t.CSIPluginConfig.ID === inventory.csiPlugins.glusterfs)));
  return {
    inventory,
    services: services.filter((s) => s.jobs.length || s.volumes.length),
    backups,
    minio: minioOf(jobs),
    glusterNodePluginJob: nodePlugin?.jobId,
    vaultReads: [...new Set([...backups.values()].flatMap((b) => jobVaultReads(b.job)))].sort(),
  };
}
