// @ts-nocheck
import { ResourceRule } from "../rule";
import { first } from "./k8s-support";

const POLICY_KINDS = ["ClusterPolicy", "Policy"];

/**
 * Kyverno resolves a policy's failure policy from spec.webhookConfiguration.failurePolicy,
 * then the deprecated spec.failurePolicy, and otherwise uses Fail (kyverno 1.15
 * api/kyverno/v1 spec_types.go GetFailurePolicy). With Fail, a Kyverno admission controller
 * that is down or slow refuses every matching request cluster-wide: no pod starts, Kyverno's
 * own replacement included. Every policy says so explicitly, and says Ignore.
 */
export const k8sKyvernoFailurePolicy: ResourceRule = {
  id: "HL-K8S-12",
  scope: "resource",
  level: "error",
  description: "every Kyverno policy sets its failure policy explicitly, to Ignore (spec.webhookConfiguration.failurePolicy), so an unavailable webhook never blocks admission cluster-wide",
  fix: "set spec.webhookConfiguration: KYVERNO_FAILURE_POLICY (constructs/kyverno-wave1-policies); acknowledge HL-K8S-12 with a reason to keep Fail",
  check(resource) {
    if (resource.type !== "kubernetes_manifest") return "not-applicable";
    const manifest = first(resource.attributes.manifest);
    if (!String(manifest?.apiVersion ?? "").startsWith("kyverno.io/") || !POLICY_KINDS.includes(manifest?.kind)) return "not-applicable";
    const spec = first(manifest?.spec) ?? {};
    const explicit = first(spec.webhookConfiguration)?.failurePolicy ?? spec.failurePolicy;
    const name = `${manifest?.kind} ${first(manifest?.metadata)?.name}`;
    if (explicit === undefined) {
      return [`${name} sets no failure policy, so Kyverno uses Fail and refuses every matching request while its webhook is down; allowed: spec.webhookConfiguration.failurePolicy "Ignore"`];
    }
    return explicit === "Ignore"
      ? []
      : [`${name} has failure policy ${JSON.stringify(explicit)}: matching requests are refused cluster-wide while Kyverno's webhook is down; allowed: "Ignore"`];
  },
};
