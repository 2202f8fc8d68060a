// @ts-nocheck
import { EstateProblem, EstateRule, SynthStack } from "../rule";
import { memoryMaxUses, nomadJobOf } from "./nomad-support";

/**
 * memory_max is ignored (with only a warning) unless the cluster's scheduler has memory
 * oversubscription on: a job using it needs some stack of its cluster to set it.
 */
export const nomadMemoryMaxOversubscription: EstateRule = {
  id: "HL-NOMAD-7",
  scope: "estate",
  level: "error",
  description: "a job using memory_max runs on a cluster where some stack sets nomad_scheduler_config memory_oversubscription_enabled = true",
  fix: "add NomadSchedulerConfig to the cluster's settings stack (nomad-cluster for the main cluster), or drop memory_max",
  check(stacks: readonly SynthStack[]): EstateProblem[] {
    const enabled = new Set(
      stacks
        .filter((s) => s.resources.some((r) => r.type === "nomad_scheduler_config" && r.attributes.memory_oversubscription_enabled === true))
        .map((s) => s.cluster),
    );
    return stacks.flatMap((stack) =>
      enabled.has(stack.cluster)
        ? []
        : stack.resources.flatMap((r) => {
            const job = nomadJobOf(r);
            const uses = job ? memoryMaxUses(job) : [];
            return uses.length
              ? [
                  {
                    stackId: stack.id,
                    path: r.path,
                    message: `job ${job!.ID} sets memory_max (${uses.join("; ")}) but no stack of cluster ${stack.cluster ?? "?"} enables memory oversubscription, so Nomad ignores it`,
                  },
                ]
              : [];
          }),
    );
  },
};
