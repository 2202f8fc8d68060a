// @ts-nocheck
import { EstateProblem, EstateRule, SynthResource, SynthStack } from "../rule";
import { containersOf, first, namespaceName, podSpecOf } from "./k8s-support";

/** Added capabilities that amount to SYS_ADMIN (ALL includes it; runtimes accept the CAP_ prefix). */
export const SYS_ADMIN_CAPABILITIES = ["SYS_ADMIN", "CAP_SYS_ADMIN", "ALL"];

/**
 * Whether an image is named in full under a trusted registry (or path in it), as Kyverno's
 * pattern `<registry>/*` reads it: "nginx:1" is Docker Hub's, but names no registry.
 */
export function fromTrustedRegistry(image: string, trustedRegistries: readonly string[]): boolean {
  return trustedRegistries.some((registry) => image.startsWith(`${registry}/`));
}

/** What the wave-1 policies would refuse in one pod spec, one phrase each with the policy. */
function refusals(podSpec: Record<string, any>, trustedRegistries: readonly string[]): string[] {
  const found: string[] = [];
  for (const field of ["host_network", "host_pid", "host_ipc"]) {
    if (podSpec[field] === true) found.push(`${field} = true (deny-host-namespaces)`);
  }
  for (const { label, container } of containersOf(podSpec)) {
    const security = first(container.security_context);
    if (security?.privileged === true) found.push(`${label} is privileged (deny-privileged-containers)`);
    const add: unknown = first(security?.capabilities)?.add;
    const added = Array.isArray(add) ? add : [];
    const sysAdmin = added.filter((c) => SYS_ADMIN_CAPABILITIES.includes(String(c)));
    if (sysAdmin.length) found.push(`${label} adds ${sysAdmin.join(", ")} (restrict-sys-admin)`);
    const image = String(container.image ?? "");
    if (!fromTrustedRegistry(image, trustedRegistries)) found.push(`${label} image ${JSON.stringify(image)} is not from a trusted registry (require-trusted-registries)`);
  }
  return found;
}

/**
 * Kyverno enforces the wave-1 policies in every namespace the inventory does not exclude
 * (kubernetes.kyverno.excludedNamespaces): a workload of the estate they refuse would be
 * applied by Terraform and then never get a pod. Charts are judged by their hostAccess
 * declaration instead (KyvernoWave1Policies), their pod specs being the chart's.
 */
export const k8sKyvernoWave1Admission: EstateRule = {
  id: "HL-K8S-13",
  scope: "estate",
  level: "error",
  // Kyverno refuses the pod whatever the code acknowledges.
  acknowledgeable: false,
  description:
    "every pod the estate builds outside the inventory's kubernetes.kyverno.excludedNamespaces passes the wave-1 Enforce policies: not privileged, no host namespaces, no SYS_ADMIN, images from kubernetes.kyverno.trustedRegistries",
  fix: "drop the host access, name the image in full from a trusted registry, or run the workload in an excluded namespace",
  check(stacks, { inventory }) {
    const { excludedNamespaces, trustedRegistries } = inventory.kubernetes.kyverno;
    const problems: EstateProblem[] = [];
    for (const stack of stacks) {
      for (const resource of stack.resources) {
        const podSpec = podSpecOf(resource);
        if (!podSpec) continue;
        const found = refusals(podSpec, trustedRegistries);
        if (!found.length) continue;
        const namespace = workloadNamespace(resource, stack);
        if (namespace !== undefined && excludedNamespaces.includes(namespace)) continue;
        problems.push({
          stackId: stack.id,
          path: resource.path,
          message:
            `${found.join("; ")}: Kyverno refuses it in namespace ${namespace ?? "(a reference that cannot be resolved here)"}; ` +
            `allowed: none of these, or a namespace in kubernetes.kyverno.excludedNamespaces (${excludedNamespaces.join(", ")})`,
        });
      }
    }
    return problems;
  },
};

function workloadNamespace(resource: SynthResource, stack: SynthStack): string | undefined {
  return namespaceName(first(resource.attributes.metadata)?.namespace ?? "default", stack);
}
