/**
 * Readers the Nomad rules share: the typed job inside a nomad_job resource (Terraform's
 * `$${` escapes undone), its tasks, the SQLite databases a group declares, and where
 * volumes are mounted. Pure functions.
 */
import YAML from "yaml";
import { parseImageRef } from "../../jobspecs/images";
import { ALLOC_DATA_DIR } from "../../jobspecs/litestream";
import { Job, Task, TaskGroup } from "../../jobspecs/model";
import { parseNomadJob } from "../resource-data";
import { SynthResource, SynthStack } from "../rule";

/** The task's mounts of CSI volumes it may write to: where HL-NOMAD-11 holds its image's data to be. */
export function writableCsiMounts(group: TaskGroup, task: Task): NonNullable<Task["VolumeMounts"]> {
  return (task.VolumeMounts ?? []).filter((m) => !m.ReadOnly && group.Volumes?.[m.Volume]?.Type === "csi");
}

/** The job of a nomad_job resource, or undefined (not a job, HCL, computed). */
export function nomadJobOf(resource: SynthResource): Job | undefined {
  if (resource.type !== "nomad_job") return undefined;
  const parsed = parseNomadJob(resource);
  return "job" in parsed ? (parsed.job as Job) : undefined;
}

/** A task of the estate, with the job, group, resource and stack it is in. */
export interface EstateTask {
  readonly stack: SynthStack;
  readonly resource: SynthResource;
  readonly job: Job;
  readonly group: TaskGroup;
  readonly task: Task;
}

/** Every task of every Nomad job of the estate. */
export function estateTasks(stacks: readonly SynthStack[]): EstateTask[] {
  return stacks.flatMap((stack) =>
    stack.resources.flatMap((resource) => {
      const job = nomadJobOf(resource);
      return (job?.TaskGroups ?? []).flatMap((group) => group.Tasks.map((task) => ({ stack, resource, job: job!, group, task })));
    }),
  );
}

export function isLitestreamTask(task: Task): boolean {
  const image = task.Config?.image;
  return typeof image === "string" && /(^|\/)litestream$/.test(parseImageRef(image).repository);
}

export function litestreamMode(task: Task): "restore" | "replicate" | undefined {
  if (!isLitestreamTask(task)) return undefined;
  const first = task.Config.args?.[0];
  return first === "restore" || first === "replicate" ? first : undefined;
}

/** A database a group declares, and who declares it. */
export interface DeclaredDatabase {
  readonly path: string;
  readonly source: string;
}

const SQLITE_FILE = /\.(db|sqlite|sqlite3)$/;

/**
 * The SQLite databases a group declares: Litestream restore targets, the `dbs` of a
 * rendered litestream.yml, and environment values that are SQLite paths or URLs.
 */
export function groupDatabases(group: TaskGroup): DeclaredDatabase[] {
  const found: DeclaredDatabase[] = [];
  for (const task of group.Tasks ?? []) {
    if (litestreamMode(task) === "restore") {
      const db = task.Config.args?.[task.Config.args.length - 1];
      if (db) found.push({ path: db, source: `task ${task.Name} (litestream restore)` });
    }
    for (const template of task.Templates ?? []) {
      if (!template.DestPath?.endsWith("litestream.yml") || !template.EmbeddedTmpl) continue;
      try {
        const config = YAML.parse(template.EmbeddedTmpl) as { dbs?: { path?: unknown }[] };
        for (const db of config?.dbs ?? []) {
          if (typeof db.path === "string") found.push({ path: db.path, source: `task ${task.Name} litestream.yml` });
        }
      } catch {
        // a template that is not plain YAML: nothing to read
      }
    }
    for (const [name, value] of Object.entries(task.Env ?? {})) {
      const path = value.replace(/^sqlite3?:\/\//, "").replace(/^file:/, "").split("?")[0].replace(/^\/+/, "/");
      if (path.startsWith("/") && (SQLITE_FILE.test(path) || /^sqlite/.test(value))) {
        found.push({ path, source: `task ${task.Name} env ${name}` });
      }
    }
  }
  const seen = new Set<string>();
  return found.filter((d) => !seen.has(`${d.path}\0${d.source}`) && seen.add(`${d.path}\0${d.source}`));
}

export interface MountPoint {
  readonly task: string;
  readonly volume: string;
  readonly destination: string;
}

/** Every volume mount of a group's tasks. */
export function groupMounts(group: TaskGroup): MountPoint[] {
  return (group.Tasks ?? []).flatMap((t) => (t.VolumeMounts ?? []).map((m) => ({ task: t.Name, volume: m.Volume, destination: m.Destination })));
}

export function isUnder(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir.replace(/\/+$/, "")}/`);
}

export { ALLOC_DATA_DIR };

/** Every task memory_max of a job, Connect sidecars included, as "where" strings. */
export function memoryMaxUses(job: Job): string[] {
  return (job.TaskGroups ?? []).flatMap((group) => [
    ...(group.Tasks ?? []).filter((t) => (t.Resources?.MemoryMaxMB ?? 0) > 0).map((t) => `group ${group.Name} task ${t.Name} (memory_max ${t.Resources.MemoryMaxMB})`),
    ...[...(group.Services ?? []), ...(group.Tasks ?? []).flatMap((t) => t.Services ?? [])]
      .filter((s) => (s.Connect?.SidecarTask?.Resources?.MemoryMaxMB ?? 0) > 0)
      .map((s) => `group ${group.Name} sidecar of ${s.Name} (memory_max ${s.Connect!.SidecarTask!.Resources!.MemoryMaxMB})`),
  ]);
}
