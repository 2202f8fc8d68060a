import { k8sCpuRequestNoLimit } from "../../policy/rules/k8s-cpu-request-no-limit";
import { k8sMemoryRequestEqualsLimit } from "../../policy/rules/k8s-memory-request-equals-limit";
import { parseQuantity } from "../../policy/rules/k8s-support";
import { context, deployment, goodContainer, res } from "./k8s-rules.fixtures";

const withResources = (resources: unknown) => deployment({ container: [{ ...goodContainer, resources }] });

describe("HL-K8S-3: CPU request, no CPU limit", () => {
  test("compliant: a CPU request and no CPU limit", () => {
    expect(k8sCpuRequestNoLimit.check(deployment({ container: [goodContainer] }), context)).toEqual([]);
  });

  test("non-compliant: a CPU limit", () => {
    expect(
      k8sCpuRequestNoLimit.check(withResources({ requests: { cpu: "100m", memory: "1Gi" }, limits: { cpu: "1", memory: "1Gi" } }), context),
    ).toEqual(['container app has CPU limit "1"; allowed: no CPU limit (CFS throttling)']);
  });

  test("non-compliant: no CPU request, init containers included", () => {
    const d = deployment({ init_container: [{ name: "init", image: "docker.io/library/busybox:1.37.0" }], container: [goodContainer] });
    expect(k8sCpuRequestNoLimit.check(d, context)).toEqual(["init container init has CPU request null; allowed: a positive quantity such as 100m"]);
  });

  test("non-compliant: a CPU request of zero, in any unit, is no request", () => {
    for (const cpu of ["0", "0m", 0]) {
      expect([cpu, k8sCpuRequestNoLimit.check(withResources({ requests: { cpu, memory: "1Gi" }, limits: { memory: "1Gi" } }), context)]).toEqual([
        cpu,
        [`container app has CPU request ${JSON.stringify(cpu)}; allowed: a positive quantity such as 100m`],
      ]);
    }
    expect(k8sCpuRequestNoLimit.check(withResources({ requests: { cpu: "1m", memory: "1Gi" }, limits: { memory: "1Gi" } }), context)).toEqual([]);
  });

  test("non-compliant: a container without resources, or with limits only, has no CPU request", () => {
    expect(k8sCpuRequestNoLimit.check(deployment({ container: [{ name: "app", image: goodContainer.image }] }), context)).toEqual([
      "container app has CPU request null; allowed: a positive quantity such as 100m",
    ]);
    expect(k8sCpuRequestNoLimit.check(withResources({ limits: { memory: "1Gi" } }), context)).toEqual([
      "container app has CPU request null; allowed: a positive quantity such as 100m",
    ]);
  });

  test("covers CronJobs", () => {
    const cron = res("kubernetes_cron_job_v1", {
      spec: { job_template: { spec: { template: { spec: { container: [{ name: "c", resources: { limits: { cpu: "1" } } }] } } } } },
    });
    expect(k8sCpuRequestNoLimit.check(cron, context)).toEqual([
      "container c has CPU request null; allowed: a positive quantity such as 100m",
      'container c has CPU limit "1"; allowed: no CPU limit (CFS throttling)',
    ]);
  });

  test("not applicable to resources without pods", () => {
    expect(k8sCpuRequestNoLimit.check(res("kubernetes_service_v1", { spec: {} }), context)).toBe("not-applicable");
  });
});

describe("HL-K8S-4: memory request equals limit", () => {
  test("compliant: equal, even when written in different units", () => {
    expect(k8sMemoryRequestEqualsLimit.check(withResources({ requests: { cpu: "1m", memory: "1Gi" }, limits: { memory: "1024Mi" } }), context)).toEqual([]);
  });

  test("non-compliant: limit above request", () => {
    expect(
      k8sMemoryRequestEqualsLimit.check(withResources({ requests: { cpu: "1m", memory: "256Mi" }, limits: { memory: "512Mi" } }), context),
    ).toEqual(["container app has memory request 256Mi but limit 512Mi; allowed: request equal to limit"]);
  });

  test("non-compliant: no limit", () => {
    expect(k8sMemoryRequestEqualsLimit.check(withResources({ requests: { cpu: "1m", memory: "256Mi" } }), context)).toEqual([
      'container app has memory request "256Mi" and limit null; allowed: both set to the same positive quantity',
    ]);
  });

  test("non-compliant: a container without resources, or with limits only, has no memory request", () => {
    expect(k8sMemoryRequestEqualsLimit.check(deployment({ container: [{ name: "app", image: goodContainer.image }] }), context)).toEqual([
      "container app has memory request null and limit null; allowed: both set to the same positive quantity",
    ]);
    expect(k8sMemoryRequestEqualsLimit.check(withResources({ limits: { memory: "1Gi" } }), context)).toEqual([
      'container app has memory request null and limit "1Gi"; allowed: both set to the same positive quantity',
    ]);
  });

  test("non-compliant: zero memory, though request and limit are equal; a request that is no quantity", () => {
    for (const memory of ["0", "0Mi"]) {
      expect(k8sMemoryRequestEqualsLimit.check(withResources({ requests: { cpu: "1m", memory }, limits: { memory } }), context)).toEqual([
        `container app has memory request "${memory}" and limit "${memory}"; allowed: both set to the same positive quantity`,
      ]);
    }
    expect(k8sMemoryRequestEqualsLimit.check(withResources({ requests: { cpu: "1m", memory: "lots" }, limits: { memory: "1Gi" } }), context)).toEqual([
      'container app has memory request "lots" and limit "1Gi"; allowed: both set to the same positive quantity',
    ]);
  });

  test("non-compliant: limit below request", () => {
    expect(
      k8sMemoryRequestEqualsLimit.check(withResources({ requests: { cpu: "1m", memory: "512Mi" }, limits: { memory: "256Mi" } }), context),
    ).toEqual(["container app has memory request 512Mi but limit 256Mi; allowed: request equal to limit"]);
  });

  test("not applicable to resources without pods", () => {
    expect(k8sMemoryRequestEqualsLimit.check(res("helm_release", {}), context)).toBe("not-applicable");
  });
});

test("quantities parse in every unit Kubernetes accepts", () => {
  expect(parseQuantity("250m")).toBe(0.25);
  expect(parseQuantity("1Gi")).toBe(parseQuantity("1024Mi"));
  expect(parseQuantity("1G")).toBe(1e9);
  expect(parseQuantity("1e3")).toBe(1000);
  expect(parseQuantity("lots")).toBeUndefined();
});
