// @ts-nocheck
import { ResourceRule } from "../rule";
import { containersOf, first, parseQuantity, podSpecOf } from "./k8s-support";

/** Memory is not compressible: a request below the limit overcommits the node and invites OOM kills. */
export const k8sMemoryRequestEqualsLimit: ResourceRule = {
  id: "HL-K8S-4",
  scope: "resource",
  level: "error",
  description: "every Kubernetes container sets a memory request equal to its memory limit",
  fix: "build containers with a ContainerSpec (memoryMiB becomes both), or set resources.requests.memory and limits.memory to the same quantity",
  check(resource) {
    const pod = podSpecOf(resource);
    if (!pod) return "not-applicable";
    return containersOf(pod).flatMap(({ label, container }) => {
      const resources = first(container.resources) ?? {};
      const request = resources.requests?.memory;
      const limit = resources.limits?.memory;
      const r = parseQuantity(request);
      const l = parseQuantity(limit);
      if (r === undefined || l === undefined || r <= 0) {
        return [
          `${label} has memory request ${JSON.stringify(request ?? null)} and limit ${JSON.stringify(limit ?? null)}; allowed: both set to the same positive quantity`,
        ];
      }
      return r === l ? [] : [`${label} has memory request ${request} but limit ${limit}; allowed: request equal to limit`];
    });
  },
};
