import { Construct } from "constructs";
import { HomelabStack, Namespace, VaultKvStore } from "../constructs";

/** Vault and its configuration: the KV v2 store every secret lives in. */
export class VaultStack extends HomelabStack {
  readonly kv: VaultKvStore;

  constructor(scope: Construct) {
    super(scope, "vault", { tier: 0, cluster: "kubernetes", description: "Vault: KV v2, auth methods, policies" });
    new Namespace(this, "Namespace", { name: "vault" });
    this.kv = new VaultKvStore(this, "Kv", { path: "secret" });
  }
}
