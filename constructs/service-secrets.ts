import { Policy } from "@cdktf/provider-vault/lib/policy";
import { Construct } from "constructs";
import { HomelabStack } from "./homelab-stack";
import { VaultKvStore } from "./vault-kv-store";
import { vaultPolicyJson } from "./vault-policy-document";

/** What a service declares about its secrets, as data: the vault stack turns it into a policy and a login role. */
export type ServiceSecretsDeclaration = {
  /** Service name; the policy is named service-<service>. */
  readonly service: string;
  /** KV paths the service reads, relative to the mount, e.g. ["vaultwarden/admin"]. */
  readonly reads: readonly string[];
} & (
  | {
      /** Kubernetes services read through External Secrets… */
      readonly runsOn: "kubernetes";
      /** …into this namespace, the only one the store serves them in, e.g. "vaultwarden". */
      readonly namespace: string;
    }
  | {
      /** Nomad jobs log in with their workload identity. */
      readonly runsOn: "nomad";
    }
);

export interface ServiceSecretsProps {
  /**
   * The KV store the secrets live in: the store itself in its own stack, or its mount path
   * ({ path: KV_MOUNT }) in another, which then needs no reference across stacks.
   */
  readonly store: Pick<VaultKvStore, "path">;
  /** Service name; the policy is named service-<service>. */
  readonly service: string;
  /** KV paths the service reads, relative to the mount, e.g. ["vaultwarden/admin"]. */
  readonly reads: readonly string[];
}

const KV_PATH = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*$/;

/**
 * The secrets one service declares it reads, and the least-privilege Vault policy that
 * follows from them: read on exactly those KV v2 paths, nothing else.
 */
export class ServiceSecrets extends Construct {
  readonly service: string;
  /** The policy's name, as a reference: reading it from another stack orders that stack after this one. */
  readonly policyName: string;
  /** The KV paths the policy allows, relative to the mount. */
  readonly reads: readonly string[];

  constructor(scope: Construct, id: string, props: ServiceSecretsProps) {
    super(scope, id);
    const bad = props.reads.filter((p) => !KV_PATH.test(p));
    if (props.reads.length === 0 || bad.length) {
      throw new Error(
        `${this.node.path}: reads must list at least one KV path of lowercase segments such as "vaultwarden/admin"` +
          (bad.length ? `; bad: ${bad.map((p) => JSON.stringify(p)).join(", ")}` : ""),
      );
    }
    this.service = props.service;
    this.reads = [...props.reads].sort();
    const policy = new Policy(this, "Policy", {
      provider: HomelabStack.of(this).provider("vault", this),
      name: `service-${props.service}`,
      policy: vaultPolicyJson(this.reads.map((path) => ({ path: `${props.store.path}/data/${path}`, capabilities: ["read"] }))),
    });
    this.policyName = policy.name;
  }
}
