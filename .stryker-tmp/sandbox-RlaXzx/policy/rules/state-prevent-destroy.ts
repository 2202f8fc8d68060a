// @ts-nocheck
import { EstateProblem, EstateRule, SynthStack } from "../rule";
import { isProtected, statefulKindOf } from "../stateful-kinds";

/** Every resource of a stateful kind (policy/stateful-kinds.ts) carries prevent_destroy. */
export const statePreventDestroy: EstateRule = {
  id: "HL-STATE-1",
  scope: "estate",
  level: "error",
  description: "every resource that holds data (the stateful kinds listed below) carries lifecycle.prevent_destroy",
  fix:
    "synth adds prevent_destroy to every stateful kind, so something removed it (an override); to let destroy delete the data " +
    "on purpose, acknowledge HL-STATE-1 on the construct with the reason (constructs with a retain opt-out do this for you)",
  check(stacks: readonly SynthStack[]): EstateProblem[] {
    const estate = stacks.flatMap((s) => s.resources);
    return estate.flatMap((r) => {
      const kind = statefulKindOf(r, estate);
      if (!kind || isProtected(r)) return [];
      return [
        {
          stackId: r.stackId,
          path: r.path,
          message: `${r.type} ${JSON.stringify(kind.identity(r))} has no lifecycle.prevent_destroy: ${kind.reason}`,
        },
      ];
    });
  },
};
