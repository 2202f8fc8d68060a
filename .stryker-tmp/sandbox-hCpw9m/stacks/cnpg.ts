// @ts-nocheck
import { Construct } from "constructs";
import { HelmChart } from "../constructs/helm-chart";
import { HomelabStack } from "../constructs/homelab-stack";
import { Namespace } from "../constructs/namespace";
import { chartResources } from "./platform";

/** The CloudNativePG operator, which runs the PostgreSQL cluster holding tier-1 state. */
export class CnpgStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "cnpg", { tier: 0, cluster: "kubernetes", description: "CloudNativePG operator" });
    const namespace = new Namespace(this, "Namespace", { name: "cnpg-system" });
    new HelmChart(this, "Operator", {
      name: "cnpg",
      namespace,
      repository: "https://cloudnative-pg.github.io/charts",
      chart: "cloudnative-pg",
      version: "0.26.1",
      values: { replicaCount: 1, resources: chartResources(100, 256) },
    });
  }
}
