import { ConfigEntryServiceIntentions } from "@cdktf/provider-consul/lib/config-entry-service-intentions";
import { Construct } from "constructs";
import { MeshEdge } from "../jobspecs/mesh";
import { HomelabStack } from "./homelab-stack";
import { throwIfProblems } from "./kubernetes-names";
import { INTENTIONS_HELD_BY_MESH } from "../stacks/moved-to-service-stacks";
import { adopt } from "./adopt";
import { NomadJob } from "./nomad-job";
import { ServiceIntentions } from "./service-intentions";

/** An edge and the construct that declared it, for messages. */
export interface DeclaredEdge extends MeshEdge {
  readonly declaredAt: string;
}

export interface ConsulIntentionsProps {
  /** Every call the mesh allows. */
  readonly edges: readonly DeclaredEdge[];
  /** The Connect services that run, by name, with the job that registers each. */
  readonly services: ReadonlyMap<string, NomadJob>;
}

/**
 * The mesh's Consul intentions: one default-deny intention (every source to every
 * destination), here, and per destination one config entry allowing exactly its declared
 * callers (ServiceIntentions), beside the job that registers it. Consul applies the most
 * specific intention, so what no edge names stays denied. An edge naming a service that
 * does not run fails, at the construct that declared it.
 */
export class ConsulIntentions extends Construct {
  /** Allowed callers by destination. */
  readonly allowed: ReadonlyMap<string, readonly DeclaredEdge[]>;

  constructor(scope: Construct, id: string, props: ConsulIntentionsProps) {
    super(scope, id);
    const known = [...props.services.keys()].sort();
    for (const e of props.edges) {
      throwIfProblems(
        e.declaredAt,
        [e.from, e.to].map((name) =>
          props.services.has(name) ? undefined : `edge ${e.from} → ${e.to}: no Connect service ${JSON.stringify(name)} runs on the main Nomad cluster; allowed: ${known.join(", ") || "none"}`,
        ),
      );
    }
    const byDestination = new Map<string, DeclaredEdge[]>();
    for (const e of props.edges) byDestination.set(e.to, [...(byDestination.get(e.to) ?? []), e]);
    this.allowed = byDestination;

    new ConfigEntryServiceIntentions(this, "DefaultDeny", {
      provider: HomelabStack.of(this).provider("consul", this),
      name: "*",
      sources: [{ name: "*", action: "deny", description: "default deny: a call is allowed only by an edge declared beside its job" }],
    });
    for (const [destination, edges] of [...byDestination.entries()].sort(([a], [b]) => a.localeCompare(b))) {
      const entry = new ServiceIntentions(props.services.get(destination)!, `Intentions-${destination}`, { destination, edges });
      if (INTENTIONS_HELD_BY_MESH[destination]) adopt(entry, { importId: destination });
    }
  }
}
