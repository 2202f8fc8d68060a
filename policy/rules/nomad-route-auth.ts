import { connectServices } from "../../jobspecs/mesh";
import { Service, TaskGroup } from "../../jobspecs/model";
import { isRouted, ROUTE_MIDDLEWARES, serviceRoutes } from "../../jobspecs/traefik-routes";
import { EstateProblem, EstateRule, SynthStack } from "../rule";
import { AUTH_MODES, MIN_AUTH_REASON_LENGTH } from "./ingress-auth-mode";
import { nomadJobOf } from "./nomad-support";

/** Every service of a group, group- and task-level. */
function groupServices(group: TaskGroup): Service[] {
  return [...(group.Services ?? []), ...(group.Tasks ?? []).flatMap((t) => t.Services ?? [])];
}

/**
 * Routes Traefik on Nomad serves are gated like ingresses: each router's auth decision is
 * recorded in its service's meta, required means Authentik's forward-auth, the other modes
 * say why; Traefik reaches them only through Connect; no two routers clash.
 */
export const nomadRouteAuth: EstateRule = {
  id: "HL-ROUTE-1",
  scope: "estate",
  level: "error",
  description:
    "every router Traefik on Nomad serves records its auth mode (service meta auth-mode-<router>); required carries Authentik forward-auth, the other modes a reason of 10+ characters; routed services are Connect services; router names and rules are unique",
  fix: "declare routes with NomadRoute beside the job: auth defaults to required; app, public and none need a reason",
  check(stacks: readonly SynthStack[]): EstateProblem[] {
    const problems: EstateProblem[] = [];
    const routers = new Map<string, string>();
    const rules = new Map<string, string>();
    for (const stack of stacks) {
      for (const resource of stack.resources) {
        const job = nomadJobOf(resource);
        if (!job) continue;
        const connect = new Set(connectServices(job).map((s) => s.service));
        for (const group of job.TaskGroups) {
          for (const service of groupServices(group)) {
            const routes = serviceRoutes(service);
            if (!routes.length) continue;
            const say = (message: string) => problems.push({ stackId: stack.id, path: resource.path, message: `group ${group.Name}, service ${service.Name}: ${message}` });
            if (!isRouted(service)) say(`declares routers ${routes.map((r) => r.router).join(", ")} without traefik.enable=true: Traefik ignores them (exposedByDefault is off)`);
            if (!connect.has(service)) say("is routed but not a Connect service: Traefik reaches routed services through Consul Connect only; build it with connectService()");
            for (const route of routes) {
              const at = `router ${route.router}`;
              const elsewhere = routers.get(route.router);
              if (elsewhere) say(`${at} is also declared at ${elsewhere}: Traefik drops both; allowed: a router name used once`);
              routers.set(route.router, resource.path);
              const sameRule = rules.get(route.rule);
              if (sameRule) say(`${at} serves ${route.rule}, which ${sameRule} already serves; allowed: one service per host and path`);
              rules.set(route.rule, `${resource.path} ${at}`);
              const mode = route.mode;
              if (!AUTH_MODES.includes(mode as (typeof AUTH_MODES)[number])) {
                say(`${at} records auth-mode-${route.router} = ${JSON.stringify(mode ?? null)}; allowed: ${AUTH_MODES.join(", ")}`);
              } else if (mode === "required" && !route.middlewares.includes(ROUTE_MIDDLEWARES.forwardAuth)) {
                say(`${at} has auth mode required, but its middlewares (${route.middlewares.join(", ") || "none"}) lack ${ROUTE_MIDDLEWARES.forwardAuth}: the route is not gated`);
              } else if (mode === "public" && !route.middlewares.includes(ROUTE_MIDDLEWARES.publicForwardAuth)) {
                say(`${at} has auth mode public, but its middlewares lack the public outpost's ${ROUTE_MIDDLEWARES.publicForwardAuth}`);
              }
              if (mode !== "required" && AUTH_MODES.includes(mode as (typeof AUTH_MODES)[number]) && (route.reason ?? "").trim().length < MIN_AUTH_REASON_LENGTH) {
                say(`${at} has auth mode ${mode}, which needs auth-reason-${route.router} of ${MIN_AUTH_REASON_LENGTH}+ characters saying why; got ${JSON.stringify(route.reason ?? "")}`);
              }
            }
          }
        }
      }
    }
    return problems;
  },
};
