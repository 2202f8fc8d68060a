// @ts-nocheck
import { AuthBackend } from "@cdktf/provider-vault/lib/auth-backend";
import { KubernetesAuthBackendConfig } from "@cdktf/provider-vault/lib/kubernetes-auth-backend-config";
import { KubernetesAuthBackendRole } from "@cdktf/provider-vault/lib/kubernetes-auth-backend-role";
import { Construct } from "constructs";
import { HomelabStack } from "./homelab-stack";
import { dnsLabelProblem, throwIfProblems } from "./kubernetes-names";

export interface VaultKubernetesAuthProps {
  /** @default "kubernetes" */
  readonly path?: string;
  /** @default "https://kubernetes.default.svc" (Vault runs in the cluster and uses its own service account) */
  readonly kubernetesHost?: string;
}

export interface KubernetesAuthRoleProps {
  readonly name: string;
  readonly serviceAccounts: readonly string[];
  readonly namespaces: readonly string[];
  /** Policy names; at least one. */
  readonly policies: readonly string[];
  /** @default 3600 */
  readonly tokenTtlSeconds?: number;
}

/** Vault's Kubernetes auth method: pods log in with their service account token. */
export class VaultKubernetesAuth extends Construct {
  readonly path: string;
  private readonly backend: AuthBackend;

  constructor(scope: Construct, id: string, props: VaultKubernetesAuthProps = {}) {
    super(scope, id);
    const provider = HomelabStack.of(this).provider("vault", this);
    this.backend = new AuthBackend(this, "Backend", { provider, type: "kubernetes", path: props.path ?? "kubernetes" });
    this.path = this.backend.path;
    new KubernetesAuthBackendConfig(this, "Config", {
      provider,
      backend: this.backend.path,
      kubernetesHost: props.kubernetesHost ?? "https://kubernetes.default.svc",
    });
  }

  /** A role binding service accounts in namespaces to policies. */
  role(id: string, props: KubernetesAuthRoleProps): KubernetesAuthBackendRole {
    const scope = new Construct(this, id);
    throwIfProblems(scope.node.path, [
      dnsLabelProblem("role name", props.name),
      props.serviceAccounts.length && props.namespaces.length ? undefined : "serviceAccounts and namespaces must each list at least one",
      props.serviceAccounts.includes("*") || props.namespaces.includes("*")
        ? "a wildcard service account or namespace lets any pod log in; allowed: explicit names"
        : undefined,
      props.policies.length ? undefined : "policies must list at least one policy",
    ]);
    return new KubernetesAuthBackendRole(scope, "Role", {
      provider: HomelabStack.of(this).provider("vault", this),
      backend: this.backend.path,
      roleName: props.name,
      boundServiceAccountNames: [...props.serviceAccounts],
      boundServiceAccountNamespaces: [...props.namespaces],
      tokenPolicies: [...props.policies],
      tokenTtl: props.tokenTtlSeconds ?? 3600,
    });
  }
}
