import { k8sKyvernoFailurePolicy } from "../../policy/rules/k8s-kyverno-failure-policy";
import { context, res } from "./k8s-rules.fixtures";

const policy = (spec: Record<string, unknown>, kind = "ClusterPolicy") =>
  res("kubernetes_manifest", { manifest: { apiVersion: "kyverno.io/v1", kind, metadata: { name: "p" }, spec: { rules: [], ...spec } } });
const check = (spec: Record<string, unknown>, kind?: string) => k8sKyvernoFailurePolicy.check(policy(spec, kind), context);

describe("HL-K8S-12 Kyverno policies fail open", () => {
  test("compliant: webhookConfiguration.failurePolicy Ignore, or the deprecated spec.failurePolicy Ignore", () => {
    expect(check({ webhookConfiguration: { failurePolicy: "Ignore" } })).toEqual([]);
    expect(check({ failurePolicy: "Ignore" }, "Policy")).toEqual([]);
  });

  test("non-compliant: no failure policy at all, which Kyverno reads as Fail", () => {
    expect(check({})).toEqual([
      'ClusterPolicy p sets no failure policy, so Kyverno uses Fail and refuses every matching request while its webhook is down; allowed: spec.webhookConfiguration.failurePolicy "Ignore"',
    ]);
  });

  test("non-compliant: Fail, also when only the deprecated field says Ignore (webhookConfiguration wins)", () => {
    const fail = ['ClusterPolicy p has failure policy "Fail": matching requests are refused cluster-wide while Kyverno\'s webhook is down; allowed: "Ignore"'];
    expect(check({ webhookConfiguration: { failurePolicy: "Fail" } })).toEqual(fail);
    expect(check({ failurePolicy: "Ignore", webhookConfiguration: { failurePolicy: "Fail" } })).toEqual(fail);
  });

  test("non-compliant: a policy without a spec, and a Policy of another kyverno.io version", () => {
    const bare = res("kubernetes_manifest", { manifest: { apiVersion: "kyverno.io/v1", kind: "ClusterPolicy", metadata: { name: "bare" } } });
    expect(k8sKyvernoFailurePolicy.check(bare, context)).toEqual([
      'ClusterPolicy bare sets no failure policy, so Kyverno uses Fail and refuses every matching request while its webhook is down; allowed: spec.webhookConfiguration.failurePolicy "Ignore"',
    ]);
    const v2 = res("kubernetes_manifest", { manifest: { apiVersion: "kyverno.io/v2beta1", kind: "Policy", metadata: { name: "p" }, spec: { failurePolicy: "Fail" } } });
    expect(k8sKyvernoFailurePolicy.check(v2, context)).toEqual(['Policy p has failure policy "Fail": matching requests are refused cluster-wide while Kyverno\'s webhook is down; allowed: "Ignore"']);
  });

  test("not applicable: a ClusterPolicy or Policy of another API group, or of none", () => {
    const foreign = (apiVersion: string | undefined, kind: string) =>
      res("kubernetes_manifest", { manifest: { ...(apiVersion ? { apiVersion } : {}), kind, metadata: { name: "p" }, spec: { rules: [] } } });
    expect(k8sKyvernoFailurePolicy.check(foreign("example.org/v1", "ClusterPolicy"), context)).toBe("not-applicable");
    expect(k8sKyvernoFailurePolicy.check(foreign("policy.example.org/v1", "Policy"), context)).toBe("not-applicable");
    expect(k8sKyvernoFailurePolicy.check(foreign(undefined, "ClusterPolicy"), context)).toBe("not-applicable");
  });

  test("not applicable: only a kubernetes_manifest is a Kyverno policy, whatever another resource carries", () => {
    const policyAttributes = policy({}).attributes;
    for (const type of ["kubernetes_config_map_v1", "helm_release"]) {
      expect([type, k8sKyvernoFailurePolicy.check(res(type, policyAttributes), context)]).toEqual([type, "not-applicable"]);
    }
  });

  test("not applicable: other manifests and kinds", () => {
    expect(k8sKyvernoFailurePolicy.check(res("kubernetes_manifest", { manifest: { apiVersion: "traefik.io/v1alpha1", kind: "Middleware", spec: {} } }), context)).toBe("not-applicable");
    expect(check({}, "PolicyException")).toBe("not-applicable");
    expect(k8sKyvernoFailurePolicy.check(res("kubernetes_namespace_v1", { metadata: { name: "x" } }), context)).toBe("not-applicable");
  });
});
