// @ts-nocheck
import { Construct } from "constructs";
import { HomelabStack } from "../constructs/homelab-stack";
import { NomadSchedulerConfig } from "../constructs/nomad-scheduler-config";

/**
 * Cluster-wide settings of the Bitcoin (Pi) cluster: the spread scheduler, so allocations
 * spread over the three clients. Memory oversubscription stays off, as the operators run
 * it: no job there sets memory_max (HL-NOMAD-7 fails synth when one does).
 */
export class BitcoinClusterStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "bitcoin-cluster", { tier: 1, cluster: "nomad-bitcoin", description: "Bitcoin Nomad cluster settings: scheduler (spread)" });
    new NomadSchedulerConfig(this, "Scheduler", { algorithm: "spread", memoryOversubscription: false });
  }
}
