import { Construct } from "constructs";
import { HomelabStack, Namespace, ServiceSecrets, VaultKvStore } from "../constructs";

export interface VaultwardenStackProps {
  /** The KV store (vault stack) holding vaultwarden's secrets. */
  readonly kv: VaultKvStore;
}

/** Vaultwarden, the password manager. */
export class VaultwardenStack extends HomelabStack {
  constructor(scope: Construct, props: VaultwardenStackProps) {
    super(scope, "vaultwarden", { tier: 1, cluster: "kubernetes", description: "Vaultwarden password manager" });
    new Namespace(this, "Namespace", { name: "vaultwarden" });
    new ServiceSecrets(this, "Secrets", { store: props.kv, service: "vaultwarden", reads: ["vaultwarden/admin"] });
  }
}
