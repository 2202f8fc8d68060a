// @ts-nocheck
import { Construct } from "constructs";
import { HomelabStack } from "../constructs/homelab-stack";
import { NomadSchedulerConfig } from "../constructs/nomad-scheduler-config";

/** Cluster-wide settings of the main Nomad cluster: the scheduler, with memory oversubscription on. */
export class NomadClusterStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "nomad-cluster", { tier: 1, cluster: "nomad-main", description: "Main Nomad cluster settings: scheduler (memory oversubscription)" });
    new NomadSchedulerConfig(this, "Scheduler");
  }
}
