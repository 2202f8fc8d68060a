// @ts-nocheck
import { k8sKyvernoDnsConfig } from "../../policy/rules/k8s-kyverno-dns-config";
import { context, res } from "./k8s-rules.fixtures";

describe("HL-K8S-6: workloads ignore dns_config", () => {
  test("compliant: the Deployment path is ignored", () => {
    const d = res("kubernetes_deployment_v1", { lifecycle: { ignore_changes: ["spec[0].template[0].spec[0].dns_config"] } });
    expect(k8sKyvernoDnsConfig.check(d, context)).toEqual([]);
  });

  test("compliant: ignore_changes = all", () => {
    expect(k8sKyvernoDnsConfig.check(res("kubernetes_stateful_set_v1", { lifecycle: { ignore_changes: "all" } }), context)).toEqual([]);
  });

  test("non-compliant: a CronJob with the Deployment's path instead of its own", () => {
    const c = res("kubernetes_cron_job_v1", { lifecycle: { ignore_changes: ["spec[0].template[0].spec[0].dns_config"] } });
    expect(k8sKyvernoDnsConfig.check(c, context)).toEqual([
      expect.stringContaining("does not ignore spec[0].job_template[0].spec[0].template[0].spec[0].dns_config"),
    ]);
  });

  test("non-compliant: an older resource name with no lifecycle", () => {
    expect(k8sKyvernoDnsConfig.check(res("kubernetes_deployment", {}), context)).toHaveLength(1);
  });

  test("not applicable to non-workloads", () => {
    expect(k8sKyvernoDnsConfig.check(res("kubernetes_service_v1", {}), context)).toBe("not-applicable");
  });
});
