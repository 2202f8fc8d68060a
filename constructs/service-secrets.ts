import { Policy } from "@cdktf/provider-vault/lib/policy";
import { Construct } from "constructs";
import { HomelabStack } from "./homelab-stack";
import { VaultKvStore } from "./vault-kv-store";

export interface ServiceSecretsProps {
  /** The KV store the secrets live in. */
  readonly store: VaultKvStore;
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
  readonly policyName: string;

  constructor(scope: Construct, id: string, props: ServiceSecretsProps) {
    super(scope, id);
    const bad = props.reads.filter((p) => !KV_PATH.test(p));
    if (props.reads.length === 0 || bad.length) {
      throw new Error(
        `${this.node.path}: reads must list at least one KV path of lowercase segments such as "vaultwarden/admin"` +
          (bad.length ? `; bad: ${bad.map((p) => JSON.stringify(p)).join(", ")}` : ""),
      );
    }
    this.policyName = `service-${props.service}`;
    const rules = [...props.reads].sort().map((path) => ({
      path: `${props.store.path}/data/${path}`,
      capabilities: ["read"],
    }));
    new Policy(this, "Policy", {
      provider: HomelabStack.of(this).provider("vault", this),
      name: this.policyName,
      // Vault accepts policies as JSON; built as data, not as concatenated HCL.
      policy: JSON.stringify({ path: Object.fromEntries(rules.map((r) => [r.path, { capabilities: r.capabilities }])) }),
    });
  }
}
