import { Construct } from "constructs";
import { HomelabStack, Namespace } from "../constructs";

/** The CNPG pg-cluster, home of the terraform_state database: what brings tier 1 back. */
export class DbaasStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "dbaas", {
      tier: 0,
      cluster: "kubernetes",
      description: "CNPG pg-cluster holding the terraform_state database",
    });
    new Namespace(this, "Namespace", { name: "dbaas" });
  }
}
