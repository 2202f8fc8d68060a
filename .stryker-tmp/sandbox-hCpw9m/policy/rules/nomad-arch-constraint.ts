// @ts-nocheck
import type { CpuArch } from "../../inventory/schema";
import { catalogArchs } from "../../jobspecs/images";
import { Constraint, Job, TaskGroup } from "../../jobspecs/model";
import { EstateProblem, EstateRule, RuleContext, SynthStack } from "../rule";
import { nomadJobOf } from "./nomad-support";

interface ClusterNodes {
  readonly archs: readonly CpuArch[];
  readonly nodeArch: ReadonlyMap<string, CpuArch>;
}

function clusterNodes(context: RuleContext, cluster: string | undefined): ClusterNodes | undefined {
  const inv = context.inventory.nomad;
  const c = cluster === "nomad-main" ? inv.main : cluster === "nomad-bitcoin" ? inv.bitcoin : undefined;
  if (!c) return undefined;
  const clients = c.nodes.filter((n) => n.role !== "server");
  return { archs: [...new Set(clients.map((n) => n.arch))], nodeArch: new Map(clients.map((n) => [n.name, n.arch])) };
}

/** The architectures the constraints allow, or undefined when they do not restrict it. */
function allowedArchs(constraints: readonly Constraint[], nodes: ClusterNodes): CpuArch[] | undefined {
  let allowed: CpuArch[] | undefined;
  const narrow = (archs: CpuArch[]) => (allowed = allowed ? allowed.filter((a) => archs.includes(a)) : archs);
  for (const c of constraints) {
    if (c.LTarget === "${attr.cpu.arch}" && c.Operand === "=" && c.RTarget) narrow([c.RTarget as CpuArch]);
    if (c.LTarget === "${attr.cpu.arch}" && c.Operand === "set_contains_any" && c.RTarget) narrow(c.RTarget.split(",").map((s) => s.trim() as CpuArch));
    if (c.LTarget === "${node.unique.name}" && c.Operand === "=" && c.RTarget && nodes.nodeArch.has(c.RTarget)) narrow([nodes.nodeArch.get(c.RTarget)!]);
  }
  return allowed;
}

function taskProblems(job: Job, group: TaskGroup, nodes: ClusterNodes): string[] {
  return group.Tasks.flatMap((task) => {
    const image = task.Config?.image;
    if (typeof image !== "string") return [];
    const published = catalogArchs(image);
    const allowed = allowedArchs([...(job.Constraints ?? []), ...(group.Constraints ?? []), ...(task.Constraints ?? [])], nodes) ?? [...nodes.archs];
    if (!published) {
      return allowed.length > 1 ? [`group ${group.Name} task ${task.Name}: image ${image} is not in the image catalog, so its architectures are unknown, and nothing constrains \${attr.cpu.arch}`] : [];
    }
    const missing = allowed.filter((a) => !published.includes(a));
    return missing.length
      ? [`group ${group.Name} task ${task.Name}: image ${image} is published for ${published.join(", ")} but may be placed on ${missing.join(", ")} nodes; add a \${attr.cpu.arch} constraint`]
      : [];
  });
}

/**
 * On a cluster whose clients mix architectures, a task whose image lacks one of them is
 * constrained to the architectures it has (a warning: the job would crash-loop, not corrupt).
 */
export const nomadArchConstraint: EstateRule = {
  id: "HL-NOMAD-8",
  scope: "estate",
  level: "warning",
  description: "on mixed-architecture clusters, images not published for every client architecture carry a ${attr.cpu.arch} (or node) constraint",
  fix: "add archConstraint(<arch>) (jobspecs/common.ts) to the group, and list the image's architectures in jobspecs/images.ts",
  check(stacks: readonly SynthStack[], context: RuleContext): EstateProblem[] {
    return stacks.flatMap((stack) => {
      const nodes = clusterNodes(context, stack.cluster);
      if (!nodes || nodes.archs.length < 2) return [];
      return stack.resources.flatMap((r) => {
        const job = nomadJobOf(r);
        if (!job) return [];
        return job.TaskGroups.flatMap((g) => taskProblems(job, g, nodes)).map((message) => ({ stackId: stack.id, path: r.path, message }));
      });
    });
  },
};
