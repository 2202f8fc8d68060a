import { ConfigEntryServiceIntentions } from "@cdktf/provider-consul/lib/config-entry-service-intentions";
import { Construct } from "constructs";
import type { DeclaredEdge } from "./consul-intentions";
import { HomelabStack } from "./homelab-stack";
import { terraformLiteral } from "./terraform-literal";

export interface ServiceIntentionsProps {
  /** The Connect service called. */
  readonly destination: string;
  /** Every declared call to it (their `to` is the destination). */
  readonly edges: readonly DeclaredEdge[];
}

/**
 * One destination's intentions: the service-intentions config entry allowing exactly its
 * declared callers, with their reasons. Consul keeps one entry per destination, so it is
 * held once, beside the job that registers the destination: adding a service changes its
 * own stack.
 */
export class ServiceIntentions extends Construct {
  readonly entry: ConfigEntryServiceIntentions;

  constructor(scope: Construct, id: string, props: ServiceIntentionsProps) {
    super(scope, id);
    const strays = props.edges.filter((e) => e.to !== props.destination);
    if (strays.length) {
      throw new Error(`${this.node.path}: edges ${strays.map((e) => `${e.from} → ${e.to}`).join(", ")} do not call ${props.destination}; give each destination its own ServiceIntentions`);
    }
    this.entry = new ConfigEntryServiceIntentions(this, "Entry", {
      provider: HomelabStack.of(this).provider("consul", this),
      name: props.destination,
      sources: [...props.edges].sort((a, b) => a.from.localeCompare(b.from)).map((e) => ({ name: e.from, action: "allow", description: terraformLiteral(e.why.trim()) })),
    });
  }
}
