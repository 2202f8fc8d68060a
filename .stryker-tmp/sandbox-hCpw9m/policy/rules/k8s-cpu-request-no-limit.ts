// @ts-nocheck
import { ResourceRule } from "../rule";
import { containersOf, first, parseQuantity, podSpecOf } from "./k8s-support";

/** CPU limits cause CFS throttling; requests alone give the scheduler what it needs. */
export const k8sCpuRequestNoLimit: ResourceRule = {
  id: "HL-K8S-3",
  scope: "resource",
  level: "error",
  description: "every Kubernetes container requests CPU and sets no CPU limit",
  fix: "build containers with a ContainerSpec (cpuMillis becomes the request, never a limit), or set resources.requests.cpu and drop limits.cpu",
  check(resource) {
    const pod = podSpecOf(resource);
    if (!pod) return "not-applicable";
    return containersOf(pod).flatMap(({ label, container }) => {
      const resources = first(container.resources) ?? {};
      const problems: string[] = [];
      const request = resources.requests?.cpu;
      const parsed = parseQuantity(request);
      if (parsed === undefined || parsed <= 0) {
        problems.push(`${label} has CPU request ${JSON.stringify(request ?? null)}; allowed: a positive quantity such as 100m`);
      }
      if (resources.limits?.cpu !== undefined) {
        problems.push(`${label} has CPU limit ${JSON.stringify(resources.limits.cpu)}; allowed: no CPU limit (CFS throttling)`);
      }
      return problems;
    });
  },
};
