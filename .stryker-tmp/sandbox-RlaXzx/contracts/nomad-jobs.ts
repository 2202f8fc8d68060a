/**
 * The Nomad jobs of the synthesized estate, read back as the provider reads them: every
 * `nomad_job` with `json = true`, its jobspec un-escaped and parsed (policy/resource-data's
 * parseNomadJob). Jobs in HCL (LegacyNomadJob, json = false) are not read: only Nomad's
 * own HCL parser can say what they decode to, and `nomad job validate` does that at deploy.
 */
// @ts-nocheck

import { parseNomadJob } from "../policy/resource-data";
import { ContractFinding, SynthesizedStack } from "./contract";
import { locate, resourcesOfType } from "./synthesized";

export interface SynthesizedJob {
  readonly stack: string;
  /** "nomad_job.Synapse_Resource_1A2B3C4D". */
  readonly address: string;
  /** The API job (inside {"Job": …}). */
  readonly job: Record<string, any>;
}

/** Every JSON job, and a finding for each JSON jobspec that does not parse. */
export function synthesizedNomadJobs(stacks: readonly SynthesizedStack[], upstream: string): { jobs: SynthesizedJob[]; unreadable: ContractFinding[] } {
  const jobs: SynthesizedJob[] = [];
  const unreadable: ContractFinding[] = [];
  for (const r of resourcesOfType(stacks, "nomad_job")) {
    if (r.body.json !== true) continue;
    const parsed = parseNomadJob({ type: r.type, path: r.address, stackId: r.stack, attributes: r.body });
    if ("error" in parsed) unreadable.push({ where: locate(r.stack, r.address, ["jobspec"]), problem: `json = true but the jobspec ${parsed.error.replace(/^has /, "is ")}`, upstream });
    else jobs.push({ stack: r.stack, address: r.address, job: parsed.job });
  }
  return { jobs, unreadable };
}

/** Where a value inside a job sits: `<stack>/<address>.jobspec.TaskGroups[0].Tasks[1].Resources`. */
function locateInJob(job: SynthesizedJob, path: readonly (string | number)[]): string {
  return locate(job.stack, job.address, ["jobspec", ...path]);
}

/** A finding at a path inside a job, its message led by the group and task it concerns. */
export function jobFinding(job: SynthesizedJob, path: readonly (string | number)[], problem: string, upstream: string): ContractFinding {
  return { where: locateInJob(job, path), problem: `${jobContext(job.job, path)}${problem}`, upstream };
}

/** The group and task a path inside a job goes through, as a prefix for messages: `group "web", task "nginx": `. */
function jobContext(job: Record<string, any>, path: readonly (string | number)[]): string {
  const parts: string[] = [];
  if (path[0] === "TaskGroups" && typeof path[1] === "number") {
    const group = job.TaskGroups?.[path[1]];
    parts.push(`group ${JSON.stringify(group?.Name)}`);
    if (path[2] === "Tasks" && typeof path[3] === "number") parts.push(`task ${JSON.stringify(group?.Tasks?.[path[3]]?.Name)}`);
  }
  return parts.length ? `${parts.join(", ")}: ` : "";
}

/** Every task of a job with its path: `TaskGroups[i].Tasks[j]`. */
export function jobTasks(job: Record<string, any>): Array<{ task: Record<string, any>; path: (string | number)[] }> {
  const found: Array<{ task: Record<string, any>; path: (string | number)[] }> = [];
  (Array.isArray(job.TaskGroups) ? job.TaskGroups : []).forEach((group: any, g: number) => {
    (Array.isArray(group?.Tasks) ? group.Tasks : []).forEach((task: any, t: number) => {
      if (task && typeof task === "object") found.push({ task, path: ["TaskGroups", g, "Tasks", t] });
    });
  });
  return found;
}
