// @ts-nocheck
import { Construct } from "constructs";
import type { IClusterPolicy } from "../.gen/models/kyverno.io/v1/ClusterPolicy";
import { CustomResource } from "./custom-resource";
import { HelmChart } from "./helm-chart";
import { SYS_ADMIN_CAPABILITIES } from "../policy/rules/k8s-kyverno-wave1-admission";
import { HomelabStack } from "./homelab-stack";

type PolicySpec = IClusterPolicy["spec"];
type PolicyRule = NonNullable<PolicySpec["rules"]>[number];
type Validation = NonNullable<PolicyRule["validate"]>;

/**
 * How every Kyverno policy of the estate handles its webhook being down or failing: let the
 * request through. With Fail (Kyverno's default) an unavailable admission controller blocks
 * every matching pod cluster-wide, Kyverno's own replacement included.
 */
export const KYVERNO_FAILURE_POLICY = { failurePolicy: "Ignore" } as const satisfies PolicySpec["webhookConfiguration"];

/** The same check on every kind of container of a pod, each list optional but containers. */
function eachContainer(check: Record<string, unknown>): Record<string, unknown> {
  return { "=(ephemeralContainers)": [check], "=(initContainers)": [check], containers: [check] };
}

/** The wave-1 policies, by construct id: name and what each one validates on a Pod. */
function wave1(trustedRegistries: readonly string[]): Record<string, { name: string; validate: Validation }> {
  return {
    DenyPrivilegedContainers: {
      name: "deny-privileged-containers",
      validate: {
        message: "privileged containers are not allowed here: they hold every capability of the node",
        pattern: { spec: eachContainer({ "=(securityContext)": { "=(privileged)": "false" } }) },
      },
    },
    DenyHostNamespaces: {
      name: "deny-host-namespaces",
      validate: {
        message: "pods may not share the node's network, PID or IPC namespace here",
        pattern: { spec: { "=(hostNetwork)": "false", "=(hostPID)": "false", "=(hostIPC)": "false" } },
      },
    },
    RestrictSysAdmin: {
      name: "restrict-sys-admin",
      validate: {
        message: `containers may not add ${SYS_ADMIN_CAPABILITIES.join(", ")}: SYS_ADMIN is nearly root on the node`,
        deny: {
          conditions: {
            any: [
              {
                key: "{{ request.object.spec.[ephemeralContainers, initContainers, containers][].securityContext.capabilities.add[] }}",
                operator: "AnyIn",
                value: SYS_ADMIN_CAPABILITIES,
              },
            ],
          },
        },
      },
    },
    RequireTrustedRegistries: {
      name: "require-trusted-registries",
      validate: {
        message: `images must be named in full from a trusted registry: ${trustedRegistries.join(", ")}`,
        pattern: { spec: eachContainer({ image: trustedRegistries.map((r) => `${r}/*`).join(" | ") }) },
      },
    },
  };
}

export interface KyvernoWave1PoliciesProps {
  /** The Kyverno release that installs the ClusterPolicy CRD and runs the webhook. */
  readonly kyverno: HelmChart;
}

/**
 * The wave-1 security policies, in Enforce, with failure policy Ignore: no privileged
 * containers, no host namespaces, no SYS_ADMIN, images only from trusted registries. They
 * skip the inventory's excluded namespaces (kubernetes.kyverno); a chart of the estate whose
 * pods need host access (HelmChart hostAccess) must run in one of them, or synth fails.
 */
export class KyvernoWave1Policies extends Construct {
  /** The policies' names, e.g. deny-privileged-containers. */
  readonly names: readonly string[];

  constructor(scope: Construct, id: string, props: KyvernoWave1PoliciesProps) {
    super(scope, id);
    const { excludedNamespaces, trustedRegistries } = HomelabStack.of(this).inventory.kubernetes.kyverno;
    const policies = Object.entries(wave1(trustedRegistries));
    for (const [policyId, { name, validate }] of policies) {
      new CustomResource<IClusterPolicy>(this, policyId, {
        apiVersion: "kyverno.io/v1",
        kind: "ClusterPolicy",
        name,
        body: {
          spec: {
            background: true,
            webhookConfiguration: KYVERNO_FAILURE_POLICY,
            rules: [
              {
                name,
                match: { any: [{ resources: { kinds: ["Pod"], operations: ["CREATE", "UPDATE"] } }] },
                exclude: { any: [{ resources: { namespaces: [...excludedNamespaces] } }] },
                validate: { failureAction: "Enforce", ...validate },
              },
            ],
          },
        },
        after: [props.kyverno],
      });
    }
    this.names = policies.map(([, p]) => p.name);
    this.node.addValidation({ validate: () => this.hostAccessOutsideExclusions(excludedNamespaces) });
  }

  /** Charts whose pods need host access, installed where these policies would refuse them. */
  private hostAccessOutsideExclusions(excluded: readonly string[]): string[] {
    return this.node.root.node
      .findAll()
      .filter((c): c is HelmChart => c instanceof HelmChart && c.hostAccess !== undefined && !excluded.includes(c.namespaceName))
      .map(
        (chart) =>
          `${chart.node.path}: chart ${chart.name} runs pods with host access (${chart.hostAccess}) in namespace ${chart.namespaceName}, ` +
          `where ${this.names.join(", ")} refuse them; allowed: a namespace in the inventory's kubernetes.kyverno.excludedNamespaces (${excluded.join(", ")})`,
      );
  }
}
