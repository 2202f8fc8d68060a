// @ts-nocheck
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { Job as JobResource } from "@cdktf/provider-nomad/lib/job";
import { dependable, ISynthesisSession, ITerraformDependable, Lazy } from "cdktf";
// The custom-synthesis hook is public API of cdktf but not re-exported from the package root.
import { addCustomSynthesis } from "cdktf/lib/synthesize/synthesizer";
import { Construct } from "constructs";
import { groupSidecarProblems } from "../jobspecs/connect";
import { Job, Mutable, TaskGroup } from "../jobspecs/model";
import { toPlanFile, toTerraformJobspec } from "../jobspecs/render";
import { jobVaultReads, withVaultRole } from "../jobspecs/vault";
import { HomelabStack } from "./homelab-stack";
import { NomadNamespace } from "./nomad-namespace";
import { NomadTaskGroup } from "./nomad-task-group";

export interface NomadJobProps {
  /** The job as data (jobspecs/). It is copied: later edits go through this construct. */
  readonly job: Job;
  /**
   * Purge the job from Nomad on destroy instead of only stopping it.
   * @default false
   */
  readonly purgeOnDestroy?: boolean;
  /**
   * Return as soon as Nomad accepts the job instead of waiting for its deployment;
   * with false a failed deployment fails the apply.
   * @default false
   */
  readonly detach?: boolean;
  /** The namespace the job runs in; the job depends on it. @default - Nomad's "default" namespace */
  readonly namespace?: NomadNamespace;
}

const JOB_ID = /^[a-z0-9][a-z0-9-]{0,127}$/;
const NAME = /^[a-z0-9][a-z0-9-]*$/;

/**
 * One Nomad job: typed data in, `nomad_job` out with `json = true`, rendered once at
 * synth after every construct (mounts, Connect, Litestream) has edited it, plus the same
 * job pretty-printed at `<stack dir>/jobs/<id>.json` for `nomad job plan -json`.
 */
export class NomadJob extends Construct {
  readonly jobId: string;
  readonly namespace: string;
  readonly resource: JobResource;
  private readonly spec: Mutable<Job>;
  private readonly groups = new Map<string, NomadTaskGroup>();
  private readonly dependencies = new Set<ITerraformDependable>();

  constructor(scope: Construct, id: string, props: NomadJobProps) {
    super(scope, id);
    const stack = HomelabStack.of(this);
    this.spec = structuredClone(props.job) as Mutable<Job>;
    const job = this.spec;
    const namespace = props.namespace?.name ?? job.Namespace ?? "default";

    const errors: string[] = [];
    if (!JOB_ID.test(job.ID)) errors.push(`job ID ${JSON.stringify(job.ID)} must be lowercase letters, digits and -`);
    if (!["service", "system", "batch", "sysbatch"].includes(job.Type)) {
      errors.push(`job type ${JSON.stringify(job.Type)} is unknown; allowed: service, system, batch, sysbatch`);
    }
    if (!job.Datacenters?.length) errors.push("Datacenters must name at least one datacenter");
    if (job.Namespace !== undefined && props.namespace && job.Namespace !== props.namespace.name) {
      errors.push(`job Namespace ${JSON.stringify(job.Namespace)} differs from the namespace construct's ${JSON.stringify(props.namespace.name)}`);
    }
    if (!job.TaskGroups?.length) errors.push("a job needs at least one task group");
    errors.push(...duplicates(job.TaskGroups.map((g) => g.Name)).map((n) => `group name ${JSON.stringify(n)} is used twice`));
    for (const group of job.TaskGroups) {
      if (!NAME.test(group.Name)) errors.push(`group name ${JSON.stringify(group.Name)} must be lowercase letters, digits and -`);
      if (!group.Tasks.length) errors.push(`group ${group.Name} has no task`);
      errors.push(...duplicates(group.Tasks.map((t) => t.Name)).map((n) => `group ${group.Name}: task name ${JSON.stringify(n)} is used twice`));
      errors.push(...groupSidecarProblems(group as TaskGroup));
      for (const task of group.Tasks) {
        if (task.CSIPluginConfig?.Type === "node" && (job.Type !== "system" || task.Config.privileged !== true)) {
          errors.push(
            `group ${group.Name} task ${task.Name} is a CSI node plugin: its job must be type "system" (is ${JSON.stringify(job.Type)}) ` +
              `and the task privileged (is ${task.Config.privileged ?? false}), so every node can mount volumes`,
          );
        }
      }
    }
    const clash = stack.node.findAll().find((c) => c instanceof NomadJob && c !== this && c.jobId === job.ID && c.namespace === namespace);
    if (clash) errors.push(`job ID ${JSON.stringify(job.ID)} is already used by ${clash.node.path} in namespace ${namespace}`);
    if (errors.length) throw new Error(`${this.node.path}: ${errors.join("; ")}`);

    if (props.namespace) job.Namespace = props.namespace.name;
    this.jobId = job.ID;
    this.namespace = namespace;
    for (const group of job.TaskGroups) this.groups.set(group.Name, new NomadTaskGroup(this, group));

    this.resource = new JobResource(this, "Resource", {
      provider: stack.provider("nomad", this),
      jobspec: Lazy.stringValue({ produce: () => toTerraformJobspec(this.rendered()) }),
      json: true,
      purgeOnDestroy: props.purgeOnDestroy ?? false,
      detach: props.detach ?? false,
      deregisterOnDestroy: true,
    });
    if (props.namespace) this.dependOn(props.namespace.resource);

    const self = this;
    addCustomSynthesis(this, {
      onSynthesize(session: ISynthesisSession) {
        const dir = join(session.outdir, session.manifest.forStack(stack).workingDirectory, "jobs");
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(dir, `${self.jobId}.json`), toPlanFile(self.rendered()));
      },
    });
  }

  /** The task group of that name; fails naming the groups there are. */
  group(name: string): NomadTaskGroup {
    const group = this.groups.get(name);
    if (!group) {
      throw new Error(`${this.node.path}: job ${this.jobId} has no group ${JSON.stringify(name)}; groups: ${[...this.groups.keys()].join(", ")}`);
    }
    return group;
  }

  /** The job as it will be rendered (a copy). */
  get job(): Job {
    return structuredClone(this.rendered());
  }

  /** The Vault paths the job's templates read, as the job stands now; the vault stack grants exactly these. */
  get vaultReads(): string[] {
    return jobVaultReads(this.spec as Job);
  }

  /** What Nomad receives: the data, with tasks that use Vault logging in with the job's own role. */
  private rendered(): Job {
    return withVaultRole(this.spec as Job);
  }

  /** Makes the job's resource depend on another (a volume it mounts, its namespace). */
  dependOn(resource: ITerraformDependable): void {
    if (this.dependencies.has(resource)) return;
    this.dependencies.add(resource);
    this.resource.dependsOn = [...(this.resource.dependsOn ?? []), dependable(resource)];
  }
}

function duplicates(names: readonly string[]): string[] {
  return [...new Set(names.filter((n, i) => names.indexOf(n) !== i))];
}
