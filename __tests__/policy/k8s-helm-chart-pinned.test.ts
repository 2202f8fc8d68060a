import { k8sHelmChartPinned } from "../../policy/rules/k8s-helm-chart-pinned";
import { context, res } from "./k8s-rules.fixtures";

describe("HL-K8S-5: chart version pinned", () => {
  test.each(["3.1.4", "v1.17.0", "0.15.0-rc.1", "10.20.30", "1.0.0+build.5", "2.0.0-rc.1+sha.5114f85"])("compliant: %s", (version) => {
    expect(k8sHelmChartPinned.check(res("helm_release", { chart: "x", version }), context)).toEqual([]);
  });

  test.each(["^3.1.0", "~1.2", "3.x", "*", "latest", ">=1.0.0", "1.2.3 || >=2.0.0", "1.2.3 - 1.4.0", "1.2.3+"])("non-compliant: %s", (version) => {
    expect(k8sHelmChartPinned.check(res("helm_release", { chart: "x", version }), context)).toEqual([
      `helm_release chart version ${JSON.stringify(version)} is not exact; allowed: an exact version such as 3.1.4`,
    ]);
  });

  test("non-compliant: no version at all, or an empty one", () => {
    for (const version of [undefined, ""]) {
      expect(k8sHelmChartPinned.check(res("helm_release", { chart: "x", version }), context)).toEqual([
        "helm_release has no chart version, so it installs the latest; allowed: an exact version such as 3.1.4",
      ]);
    }
  });

  test("not applicable to other resources", () => {
    expect(k8sHelmChartPinned.check(res("kubernetes_namespace_v1", {}), context)).toBe("not-applicable");
  });
});
