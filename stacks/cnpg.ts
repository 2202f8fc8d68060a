import { Construct } from "constructs";
import { HomelabStack, Namespace } from "../constructs";

/** The CloudNativePG operator, which runs the PostgreSQL cluster holding tier-1 state. */
export class CnpgStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "cnpg", { tier: 0, cluster: "kubernetes", description: "CloudNativePG operator" });
    new Namespace(this, "Namespace", { name: "cnpg-system" });
  }
}
