/**
 * How a routed Nomad service tells Traefik (its Consul Catalog provider) what to serve: the
 * `traefik.*` tags of its Consul service, one router per route, and the auth decision
 * recorded beside them in the service's meta (Consul meta keys admit letters, digits, - and _).
 * The Traefik job defines the entry points and middlewares these names refer to.
 */
import type { IngressAuth } from "../constructs/ingress-factory";
import { Service } from "./model";
import { hostPathRule, matcherArgs, parseRule } from "./traefik-rule";

/** The Consul service Traefik registers (Connect native): the source of every route's intention. */
export const TRAEFIK_SERVICE = "traefik";
/** The TLS entry point every route is served on; plain HTTP only redirects to it. */
export const WEBSECURE = "websecure";
export const WEB = "web";

/** Middlewares the Traefik job defines in its file provider, as routers reference them. */
export const ROUTE_MIDDLEWARES = {
  /** Authentik forward-auth on every request (auth mode required). */
  forwardAuth: "authentik-forward-auth@file",
  /** Authentik's anonymous public outpost (auth mode public). */
  publicForwardAuth: "authentik-public-forward-auth@file",
  /** X-Robots-Tag against AI crawlers (auth modes app and none, as on Kubernetes). */
  antiAiScraping: "anti-ai-scraping@file",
  /** Drops client-sent X-authentik-* headers on every request (on the entry point). */
  stripAuthentikHeaders: "strip-authentik-headers@file",
} as const;

export const ENABLE_TAG = "traefik.enable=true";
const ROUTER_TAG = /^traefik\.http\.routers\.([^.=]+)\.([^=]+)=(.*)$/s;

/** Service meta keys holding a router's auth decision. */
export const authModeKey = (router: string) => `auth-mode-${router}`;
export const authReasonKey = (router: string) => `auth-reason-${router}`;

/** The middlewares of an auth decision, in order: the gate, then anti-AI for routes without Authentik. */
export function authMiddlewares(auth: IngressAuth): string[] {
  if (auth.mode === "required") return [ROUTE_MIDDLEWARES.forwardAuth];
  if (auth.mode === "public") return [ROUTE_MIDDLEWARES.publicForwardAuth];
  return [ROUTE_MIDDLEWARES.antiAiScraping];
}

export interface RouteSpec {
  /** The router's name, unique in the estate. */
  readonly router: string;
  readonly hosts: readonly string[];
  /** Path prefixes; empty for every path. */
  readonly paths: readonly string[];
  readonly auth: IngressAuth;
}

/** The tags and meta a service gets for one route. */
export function routeRegistration(route: RouteSpec): { tags: string[]; meta: Record<string, string> } {
  const r = `traefik.http.routers.${route.router}`;
  return {
    tags: [
      `${r}.rule=${hostPathRule(route.hosts, route.paths)}`,
      `${r}.entrypoints=${WEBSECURE}`,
      `${r}.middlewares=${authMiddlewares(route.auth).join(",")}`,
    ],
    meta:
      route.auth.mode === "required"
        ? { [authModeKey(route.router)]: "required" }
        : { [authModeKey(route.router)]: route.auth.mode, [authReasonKey(route.router)]: route.auth.reason.trim() },
  };
}

/** A route as a service's registration states it. */
export interface ServiceRoute {
  readonly router: string;
  readonly rule: string;
  /** Host and PathPrefix arguments of the rule (empty when it does not parse). */
  readonly hosts: readonly string[];
  readonly paths: readonly string[];
  readonly entryPoints: readonly string[];
  readonly middlewares: readonly string[];
  /** The recorded auth decision (undefined when none is recorded). */
  readonly mode?: string;
  readonly reason?: string;
}

/** The HTTP routers a service's tags declare, with the auth its meta records; only for services Traefik is enabled on. */
export function serviceRoutes(service: Pick<Service, "Tags" | "Meta">): ServiceRoute[] {
  const tags = service.Tags ?? [];
  const byRouter = new Map<string, Record<string, string>>();
  for (const tag of tags) {
    const m = ROUTER_TAG.exec(tag);
    if (m) byRouter.set(m[1], { ...byRouter.get(m[1]), [m[2].toLowerCase()]: m[3] });
  }
  return [...byRouter.entries()].map(([router, fields]) => {
    const rule = fields.rule ?? "";
    let hosts: string[] = [];
    let paths: string[] = [];
    try {
      const expr = parseRule(rule);
      hosts = matcherArgs(expr, "Host");
      paths = matcherArgs(expr, "PathPrefix");
    } catch {
      // an unparsable rule shows as a route without hosts; the contract check names it
    }
    const list = (v?: string) => (v ? v.split(",").map((s) => s.trim()).filter(Boolean) : []);
    return {
      router,
      rule,
      hosts,
      paths,
      entryPoints: list(fields.entrypoints),
      middlewares: list(fields.middlewares),
      mode: service.Meta?.[authModeKey(router)],
      reason: service.Meta?.[authReasonKey(router)],
    };
  });
}

/** Whether Traefik serves a service at all (exposedByDefault is off). */
export function isRouted(service: Pick<Service, "Tags">): boolean {
  return (service.Tags ?? []).includes(ENABLE_TAG);
}
