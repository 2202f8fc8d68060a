// @ts-nocheck
import { EstateProblem, EstateRule } from "../rule";
import { asList, CLAIM_TYPES, claimKeyFromVolume, claimKeys, DEPLOYMENT_TYPES, first, podSpecOf } from "./k8s-support";

const SINGLE_ATTACH = ["ReadWriteOnce", "ReadWriteOncePod"];

/**
 * A ReadWriteOnce claim attaches to one node: a RollingUpdate starts the new pod before
 * the old one stops, and the new pod hangs (or, on another node, never starts).
 */
export const k8sRwoRollingUpdate: EstateRule = {
  id: "HL-K8S-1",
  scope: "estate",
  level: "error",
  description: "a Deployment that mounts a ReadWriteOnce claim uses the Recreate strategy",
  fix: "build the Deployment with AppDeployment, which picks Recreate when an RWO claim is mounted, or set strategy { type = \"Recreate\" }",
  check(stacks) {
    const problems: EstateProblem[] = [];
    for (const stack of stacks) {
      const rwoClaims = new Map<string, string>();
      for (const claim of stack.resources.filter((r) => CLAIM_TYPES.includes(r.type))) {
        const modes = (first(claim.attributes.spec)?.access_modes ?? []) as string[];
        if (!modes.some((m) => SINGLE_ATTACH.includes(m))) continue;
        const name = String(first(claim.attributes.metadata)?.name);
        for (const key of claimKeys(claim)) rwoClaims.set(key, name);
      }
      for (const deployment of stack.resources.filter((r) => DEPLOYMENT_TYPES.includes(r.type))) {
        const strategy = first(first(deployment.attributes.spec)?.strategy)?.type ?? "RollingUpdate";
        if (strategy === "Recreate") continue;
        const namespace = first(deployment.attributes.metadata)?.namespace;
        const mounted = asList(podSpecOf(deployment)?.volume)
          .map((v) => first(v.persistent_volume_claim)?.claim_name)
          .filter((c): c is string => typeof c === "string")
          .map((c) => rwoClaims.get(claimKeyFromVolume(c, namespace)))
          .filter((c): c is string => c !== undefined);
        if (mounted.length) {
          problems.push({
            stackId: stack.id,
            path: deployment.path,
            message: `deployment mounts ReadWriteOnce claim ${mounted.join(", ")} with strategy ${strategy}; allowed: Recreate`,
          });
        }
      }
    }
    return problems;
  },
};
