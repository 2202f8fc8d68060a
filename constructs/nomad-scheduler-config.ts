import { SchedulerConfig } from "@cdktf/provider-nomad/lib/scheduler-config";
import { Construct } from "constructs";
import { HomelabStack } from "./homelab-stack";

export interface NomadSchedulerConfigProps {
  /** @default "binpack" */
  readonly algorithm?: "binpack" | "spread";
}

/**
 * The cluster's scheduler settings, with memory oversubscription on: without it Nomad
 * ignores every memory_max (Connect sidecars rely on it) with only a warning. Exactly one
 * per cluster, in the stack that owns cluster-wide settings (nomad-cluster).
 */
export class NomadSchedulerConfig extends Construct {
  constructor(scope: Construct, id: string, props: NomadSchedulerConfigProps = {}) {
    super(scope, id);
    const algorithm = props.algorithm ?? "binpack";
    if (algorithm !== "binpack" && algorithm !== "spread") {
      throw new Error(`${this.node.path}: algorithm ${JSON.stringify(algorithm)} is unknown; allowed: binpack, spread`);
    }
    new SchedulerConfig(this, "Resource", {
      provider: HomelabStack.of(this).provider("nomad", this),
      memoryOversubscriptionEnabled: true,
      schedulerAlgorithm: algorithm,
      preemptionConfig: {
        system_scheduler_enabled: true,
        sysbatch_scheduler_enabled: false,
        batch_scheduler_enabled: false,
        service_scheduler_enabled: false,
      },
    });
  }
}
