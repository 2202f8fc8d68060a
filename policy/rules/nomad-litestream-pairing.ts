import { FittedProblem, ResourceRule } from "../rule";
import { isLitestreamTask, litestreamMode, nomadJobOf } from "./nomad-support";

/**
 * A group with Litestream has both halves (a prestart restore that finishes before the
 * app, a replicating sidecar), count 1 (one writer), and a sticky, migrating ephemeral disk.
 */
export const nomadLitestreamPairing: ResourceRule = {
  id: "HL-NOMAD-2",
  scope: "resource",
  level: "error",
  description: "a group with Litestream has a prestart restore and a replicate sidecar, count 1, and ephemeral_disk sticky and migrate",
  fix: "add Litestream with LitestreamSidecar (constructs/litestream-sidecar.ts), which adds both tasks, the disk settings and count 1",
  check(resource) {
    const job = nomadJobOf(resource);
    if (!job) return "not-applicable";
    const groups = job.TaskGroups.filter((g) => g.Tasks.some(isLitestreamTask));
    if (!groups.length) return "not-applicable";
    return groups.flatMap((g) => {
      const problems: FittedProblem[] = [];
      const restores = g.Tasks.filter((t) => litestreamMode(t) === "restore");
      const replicas = g.Tasks.filter((t) => litestreamMode(t) === "replicate");
      const sidecar = replicas.find((t) => t.Lifecycle?.Sidecar === true);
      // The general fix (add LitestreamSidecar) fits only a group with no replicating sidecar yet.
      const alreadyThere = (setting: string, field: string) =>
        `the Litestream tasks are already there, so adding LitestreamSidecar is not the fix: ${setting} where group ${g.Name}'s ${field} is written (LitestreamSidecar sets it; a change to the group's spec after it undoes that)`;
      if (!restores.some((t) => t.Lifecycle?.Hook === "prestart" && t.Lifecycle.Sidecar !== true)) {
        problems.push({
          message: `group ${g.Name} runs Litestream without a prestart, non-sidecar restore task: a new allocation would start with an empty database`,
          fix: sidecar
            ? `the replicating sidecar ${sidecar.Name} is already there: add its restore half, a task running litestream restore -if-db-not-exists -if-replica-exists with lifecycle hook prestart, sidecar false (or replace the hand-written Litestream task with LitestreamSidecar, which writes both halves)`
            : nomadLitestreamPairing.fix,
        });
      }
      for (const t of restores) {
        const args = t.Config.args ?? [];
        const missing = ["-if-db-not-exists", "-if-replica-exists"].filter((flag) => !args.includes(flag));
        if (missing.length) {
          problems.push({
            message: `group ${g.Name} task ${t.Name} restores without ${missing.join(" and ")}: it would overwrite a database or fail on first start`,
            fix: `add ${missing.join(" and ")} to task ${t.Name}'s args, before the database path`,
          });
        }
      }
      if (!sidecar) {
        problems.push({
          message: `group ${g.Name} runs Litestream without a replicate sidecar task (lifecycle sidecar = true): nothing is replicated`,
          fix: replicas.length
            ? `task ${replicas[0].Name} already runs litestream replicate: give it lifecycle hook poststart, sidecar true, so it runs beside the app for the allocation's life`
            : nomadLitestreamPairing.fix,
        });
      }
      if (g.Count !== undefined && g.Count !== 1) {
        problems.push({
          message: `group ${g.Name} has count ${g.Count}; Litestream allows one replicating writer, so count must be 1`,
          fix: sidecar ? alreadyThere("set count 1", "count") : nomadLitestreamPairing.fix,
        });
      }
      if (g.EphemeralDisk?.Sticky !== true || g.EphemeralDisk?.Migrate !== true) {
        problems.push({
          message: `group ${g.Name} has ephemeral_disk sticky=${g.EphemeralDisk?.Sticky ?? false} migrate=${g.EphemeralDisk?.Migrate ?? false}; both must be true or the database is lost on every update`,
          fix: sidecar ? alreadyThere("set sticky and migrate to true", "ephemeral_disk") : nomadLitestreamPairing.fix,
        });
      }
      return problems;
    });
  },
};
