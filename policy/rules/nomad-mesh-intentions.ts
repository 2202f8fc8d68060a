import { connectServices } from "../../jobspecs/mesh";
import { isRouted, TRAEFIK_SERVICE } from "../../jobspecs/traefik-routes";
import { EstateProblem, EstateRule, SynthStack } from "../rule";
import { nomadJobOf } from "./nomad-support";

const INTENTIONS = "consul_config_entry_service_intentions";

interface IntentionSource {
  readonly name?: string;
  readonly action?: string;
}

/**
 * The mesh denies by default, so every call a job makes through Connect needs an allow
 * intention: each upstream of a Connect service, and Traefik to each service it routes.
 * Intentions come from the edges declared beside the jobs (MeshEdges) and the routes.
 */
export const nomadMeshIntentions: EstateRule = {
  id: "HL-MESH-1",
  scope: "estate",
  level: "error",
  description: "every Connect upstream of a main-cluster job, and Traefik's call to every routed service, has an allow intention (the mesh denies the rest)",
  fix: "declare the edge beside the job with MeshEdges (constructs/mesh-edges.ts), a route with NomadRoute; ConsulMeshStack.intentionsFor(app) in main.ts turns them into intentions",
  acknowledgeable: false,
  check(stacks: readonly SynthStack[]): EstateProblem[] {
    const allowed = new Set<string>();
    for (const stack of stacks) {
      for (const r of stack.resources) {
        if (r.type !== INTENTIONS) continue;
        const sources = (Array.isArray(r.attributes.sources) ? r.attributes.sources : []) as IntentionSource[];
        for (const s of sources) if (s.action === "allow") allowed.add(`${s.name}\u0000${String(r.attributes.name)}`);
      }
    }
    const allows = (from: string, to: string) => [from, "*"].some((f) => [to, "*"].some((t) => allowed.has(`${f}\u0000${t}`)));
    const calleesOf = (from: string) =>
      [...allowed].filter((k) => k.startsWith(`${from}\u0000`) || k.startsWith("*\u0000")).map((k) => k.split("\u0000")[1]).sort();

    const problems: EstateProblem[] = [];
    for (const stack of stacks) {
      if (stack.cluster !== "nomad-main") continue;
      for (const resource of stack.resources) {
        const job = nomadJobOf(resource);
        if (!job) continue;
        for (const { group, service } of connectServices(job)) {
          const say = (message: string) => problems.push({ stackId: stack.id, path: resource.path, message: `group ${group.Name}, service ${service.Name}: ${message}` });
          for (const upstream of service.Connect?.SidecarService?.Proxy?.Upstreams ?? []) {
            if (allows(service.Name, upstream.DestinationName)) continue;
            const callees = calleesOf(service.Name);
            say(
              `upstream ${upstream.DestinationName} has no declared edge ${service.Name} → ${upstream.DestinationName}, so the mesh denies the call; ` +
                `allowed: ${callees.length ? callees.join(", ") : `no callee of ${service.Name} is declared`}`,
            );
          }
          if (isRouted(service) && !allows(TRAEFIK_SERVICE, service.Name)) {
            say(`Traefik routes to it, but no intention allows ${TRAEFIK_SERVICE} → ${service.Name}: every request would be refused`);
          }
        }
      }
    }
    return problems;
  },
};
