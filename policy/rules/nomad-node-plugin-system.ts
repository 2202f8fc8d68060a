import { ResourceRule } from "../rule";
import { nomadJobOf } from "./nomad-support";

/** CSI node plugins run on every client (system job) and can mount (privileged). */
export const nomadNodePluginSystem: ResourceRule = {
  id: "HL-NOMAD-6",
  scope: "resource",
  level: "error",
  description: "CSI node plugin jobs are type system and their plugin task is privileged",
  fix: 'set Type "system" on the job and privileged: true on the task (see jobspecs/democratic-csi.ts)',
  check(resource) {
    const job = nomadJobOf(resource);
    if (!job) return "not-applicable";
    const nodeTasks = job.TaskGroups.flatMap((g) =>
      g.Tasks.filter((t) => t.CSIPluginConfig?.Type === "node" || t.CSIPluginConfig?.Type === "monolith").map((t) => ({ g, t })),
    );
    if (!nodeTasks.length) return "not-applicable";
    const problems: string[] = [];
    if (job.Type !== "system") {
      problems.push(`job ${job.ID} runs a CSI node plugin but is type ${JSON.stringify(job.Type)}: only a system job puts the plugin on every node that may mount volumes`);
    }
    for (const { g, t } of nodeTasks) {
      if (t.Config?.privileged !== true) problems.push(`group ${g.Name} task ${t.Name} is a CSI node plugin but not privileged: it cannot mount`);
    }
    return problems;
  },
};
