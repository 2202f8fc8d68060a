import { Construct } from "constructs";
import { HomelabStack, Namespace } from "../constructs";

/** External Secrets Operator: syncs Vault secrets into Kubernetes Secrets. */
export class ExternalSecretsStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "external-secrets", {
      tier: 0,
      cluster: "kubernetes",
      description: "External Secrets Operator and the Vault ClusterSecretStores",
    });
    new Namespace(this, "Namespace", { name: "external-secrets" });
  }
}
