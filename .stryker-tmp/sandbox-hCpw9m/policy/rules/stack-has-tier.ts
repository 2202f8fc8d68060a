// @ts-nocheck
import { EstateRule } from "../rule";

export const stackHasTier: EstateRule = {
  id: "HL-STATE-2",
  scope: "estate",
  level: "error",
  acknowledgeable: false,
  description: "every stack is a HomelabStack with a tier, so its state backend is chosen for it",
  fix: "build the stack on HomelabStack and declare its tier (0 = bootstrap, 1 = PostgreSQL state) and cluster",
  check(stacks) {
    return stacks
      .filter((s) => s.tier === undefined)
      .map((s) => ({
        stackId: s.id,
        path: s.id,
        message: `stack ${s.id} is a plain TerraformStack: no tier, so its state would land in a local file at an absolute path of the synth machine`,
      }));
  },
};
