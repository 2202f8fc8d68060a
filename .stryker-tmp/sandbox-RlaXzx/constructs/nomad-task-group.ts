// @ts-nocheck
import { posix } from "path";
import { TerraformStack } from "cdktf";
import { Mutable, Task, TaskGroup, VolumeRequest } from "../jobspecs/model";
import type { NomadCsiVolume } from "./nomad-csi-volume";
import type { NomadJob } from "./nomad-job";

export interface MountOptions {
  /** Absolute path inside the task, e.g. "/data". */
  readonly destination: string;
  /** @default false */
  readonly readOnly?: boolean;
  /** @default - the group's only main (non-lifecycle) task; required when there are several */
  readonly task?: string;
}

/** A volume mounted into a task of the group. */
export interface GroupMount {
  readonly task: string;
  readonly destination: string;
  readonly volume: NomadCsiVolume;
  readonly readOnly: boolean;
}

/** Task directories Nomad owns inside every task: a volume there would hide them. */
const RESERVED = ["/alloc", "/local", "/secrets"];

/**
 * A task group of a NomadJob, as the constructs that edit it see it: mounting a volume
 * by object writes the group volume, the task's volume mount and the job's dependency in
 * one step, and remembers what is mounted where so SQLite can be kept off volumes.
 */
export class NomadTaskGroup {
  private readonly mountList: GroupMount[] = [];
  private readonly databases: { path: string; by: string }[] = [];

  constructor(
    readonly job: NomadJob,
    /** The group's data, edited in place until the job renders. */
    readonly spec: Mutable<TaskGroup>,
  ) {}

  get name(): string {
    return this.spec.Name;
  }

  get mounts(): readonly GroupMount[] {
    return this.mountList;
  }

  /** The tasks without a lifecycle hook: the app itself. */
  get mainTasks(): readonly Task[] {
    return this.spec.Tasks.filter((t) => !t.Lifecycle) as Task[];
  }

  /**
   * Mounts a CSI volume into a task: the group volume (with the volume's access and
   * attachment modes), the task's volume mount, and the job's depends_on the volume.
   */
  mount(volume: NomadCsiVolume, options: MountOptions): void {
    const where = `${this.job.node.path}: group ${this.name}`;
    const readOnly = options.readOnly ?? false;
    const errors: string[] = [];
    const taskName = options.task ?? (this.mainTasks.length === 1 ? this.mainTasks[0].Name : undefined);
    const task = this.spec.Tasks.find((t) => t.Name === taskName);
    if (!task) {
      errors.push(
        options.task === undefined
          ? `mounting ${volume.volumeId} needs a task: the group has ${this.mainTasks.length} main tasks (${this.mainTasks.map((t) => t.Name).join(", ")})`
          : `has no task ${JSON.stringify(options.task)}; tasks: ${this.spec.Tasks.map((t) => t.Name).join(", ")}`,
      );
    }
    const dest = options.destination;
    if (!posix.isAbsolute(dest) || posix.normalize(dest) !== dest || dest === "/" || dest.endsWith("/")) {
      errors.push(`destination ${JSON.stringify(dest)} must be an absolute, normalized path other than /, such as /data`);
    } else if (RESERVED.some((r) => dest === r || dest.startsWith(`${r}/`))) {
      errors.push(`destination ${dest} is inside Nomad's task directories (${RESERVED.join(", ")}); mount volumes elsewhere`);
    }
    if (volume.accessMode.endsWith("reader-only") && !readOnly) {
      errors.push(`volume ${volume.volumeId} is ${volume.accessMode}: mount it with readOnly: true`);
    }
    if (TerraformStack.of(volume) !== TerraformStack.of(this.job)) {
      errors.push(`volume ${volume.volumeId} is declared in stack ${TerraformStack.of(volume).node.id}; declare it in the job's stack ${TerraformStack.of(this.job).node.id}`);
    }
    if (volume.namespace !== this.job.namespace) {
      errors.push(`volume ${volume.volumeId} is in namespace ${volume.namespace}, the job in ${this.job.namespace}`);
    }
    if (task && (task.VolumeMounts ?? []).some((m) => m.Destination === dest)) {
      errors.push(`task ${task.Name} already has a volume mounted at ${dest}`);
    }
    for (const db of this.databases) {
      if (isUnder(db.path, dest)) {
        errors.push(sqliteOnVolumeMessage(db.path, volume.volumeId, dest, db.by));
      }
    }
    if (errors.length) throw new Error(`${where}: ${errors.join("; ")}`);

    const volumes = (this.spec.Volumes ??= {});
    const existing = volumes[volume.volumeId];
    const request: Mutable<VolumeRequest> = {
      Name: volume.volumeId,
      Type: "csi",
      Source: volume.volumeId,
      ReadOnly: (existing?.ReadOnly ?? true) && readOnly,
      AccessMode: volume.accessMode,
      AttachmentMode: volume.attachmentMode,
      PerAlloc: false,
    };
    volumes[volume.volumeId] = request;
    (task!.VolumeMounts ??= []).push({ Volume: volume.volumeId, Destination: dest, ReadOnly: readOnly, PropagationMode: "private" });
    this.mountList.push({ task: task!.Name, destination: dest, volume, readOnly });
    this.job.dependOn(volume.resource);
  }

  /**
   * Declares an SQLite database the group keeps (for LitestreamSidecar): fails when the
   * path is under a mounted volume.
   */
  registerDatabase(path: string, by: string): string[] {
    const problems = this.mountList
      .filter((m) => isUnder(path, m.destination))
      .map((m) => sqliteOnVolumeMessage(path, m.volume.volumeId, m.destination, by));
    if (!problems.length) this.databases.push({ path, by });
    return problems;
  }
}

export function isUnder(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir.replace(/\/+$/, "")}/`);
}

function sqliteOnVolumeMessage(db: string, volumeId: string, dest: string, by: string): string {
  return (
    `SQLite database ${db} (${by}) would live on CSI volume ${volumeId} mounted at ${dest}: ` +
    `network file locking on GlusterFS/NFS corrupts SQLite even with Litestream; keep the database under /alloc/data (ephemeral disk) and let Litestream replicate it`
  );
}
