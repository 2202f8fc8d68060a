// @ts-nocheck
import { SchedulerConfig } from "@cdktf/provider-nomad/lib/scheduler-config";
import { Construct } from "constructs";
import { HomelabStack } from "./homelab-stack";

export interface NomadSchedulerConfigProps {
  /** @default "binpack" */
  readonly algorithm?: "binpack" | "spread";
  /**
   * Honour memory_max: without it Nomad ignores every memory_max (Connect sidecars rely on
   * it) with only a warning, and HL-NOMAD-7 fails synth for jobs that set one.
   * @default true
   */
  readonly memoryOversubscription?: boolean;
}

/**
 * A cluster's scheduler settings, memory oversubscription on unless told otherwise.
 * Exactly one per cluster, in the stack that owns its cluster-wide settings (nomad-cluster,
 * bitcoin-cluster).
 */
export class NomadSchedulerConfig extends Construct {
  constructor(scope: Construct, id: string, props: NomadSchedulerConfigProps = {}) {
    super(scope, id);
    const algorithm = props.algorithm ?? "binpack";
    if (algorithm !== "binpack" && algorithm !== "spread") {
      throw new Error(`${this.node.path}: algorithm ${JSON.stringify(algorithm)} is unknown; allowed: binpack, spread`);
    }
    if (props.memoryOversubscription !== undefined && typeof props.memoryOversubscription !== "boolean") {
      throw new Error(`${this.node.path}: memoryOversubscription ${JSON.stringify(props.memoryOversubscription)} must be true or false`);
    }
    new SchedulerConfig(this, "Resource", {
      provider: HomelabStack.of(this).provider("nomad", this),
      memoryOversubscriptionEnabled: props.memoryOversubscription ?? true,
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
