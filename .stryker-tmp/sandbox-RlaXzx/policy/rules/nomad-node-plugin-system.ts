// @ts-nocheck
import { ResourceRule } from "../rule";
import { nomadJobOf } from "./nomad-support";

/** The flags CSI drivers take their registered name from: democratic-csi, csi-driver-nfs. */
export const DRIVER_NAME_FLAGS = ["--csi-name", "--drivername"] as const;

/** The driver name a plugin task passes, from `--flag=value` or `--flag value`. */
function driverName(args: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    for (const flag of DRIVER_NAME_FLAGS) {
      if (args[i] === flag) return args[i + 1];
      if (args[i].startsWith(`${flag}=`)) return args[i].slice(flag.length + 1);
    }
  }
  return undefined;
}

/**
 * CSI node plugins run on every client (system job) and can mount (privileged); every
 * plugin task names its driver with its csi_plugin id, so the driver and Nomad agree on
 * which plugin the volumes belong to.
 */
export const nomadNodePluginSystem: ResourceRule = {
  id: "HL-NOMAD-6",
  scope: "resource",
  level: "error",
  description: "CSI node plugin jobs are type system and their plugin task is privileged; every CSI plugin task passes its csi_plugin id as the driver's name",
  fix: `set Type "system" on the job and privileged: true on the task, and pass the plugin id as ${DRIVER_NAME_FLAGS.join(" or ")} (see jobspecs/democratic-csi.ts, jobspecs/csi-driver-nfs.ts)`,
  check(resource) {
    const job = nomadJobOf(resource);
    if (!job) return "not-applicable";
    const pluginTasks = job.TaskGroups.flatMap((g) => g.Tasks.filter((t) => t.CSIPluginConfig).map((t) => ({ g, t })));
    if (!pluginTasks.length) return "not-applicable";
    const problems: string[] = [];
    const nodeTasks = pluginTasks.filter(({ t }) => t.CSIPluginConfig?.Type === "node" || t.CSIPluginConfig?.Type === "monolith");
    if (nodeTasks.length && job.Type !== "system") {
      problems.push(`job ${job.ID} runs a CSI node plugin but is type ${JSON.stringify(job.Type)}: only a system job puts the plugin on every node that may mount volumes`);
    }
    for (const { g, t } of nodeTasks) {
      if (t.Config?.privileged !== true) problems.push(`group ${g.Name} task ${t.Name} is a CSI node plugin but not privileged: it cannot mount`);
    }
    for (const { g, t } of pluginTasks) {
      const id = t.CSIPluginConfig!.ID;
      const name = driverName((t.Config?.args ?? []).filter((a): a is string => typeof a === "string"));
      if (name === undefined) {
        problems.push(`group ${g.Name} task ${t.Name} is CSI plugin ${id} but passes no driver name (${DRIVER_NAME_FLAGS.join(", ")}): the driver registers under its own default name`);
      } else if (name !== id) {
        problems.push(`group ${g.Name} task ${t.Name} is CSI plugin ${id} but names its driver ${JSON.stringify(name)}: the csi_plugin id and the driver's name must be equal`);
      }
    }
    return problems;
  },
};
