import { Construct } from "constructs";
import { Mutable, Service } from "../jobspecs/model";
import { ENABLE_TAG, routeRegistration, serviceRoutes } from "../jobspecs/traefik-routes";
import { HomelabStack } from "./homelab-stack";
import { authProblem, IngressAuth } from "./ingress-factory";
import { hostProblem, throwIfProblems } from "./kubernetes-names";
import type { NomadTaskGroup } from "./nomad-task-group";

export interface NomadRouteProps {
  /** The task group whose Connect service Traefik routes to. */
  readonly group: NomadTaskGroup;
  /** The Connect service of the group to route to. @default - the group's only Connect service */
  readonly service?: string;
  /** Host names, each the inventory's public domain or a name under it, e.g. `matrix.${domain}`. */
  readonly hosts: readonly string[];
  /** Path prefixes Traefik matches (as strings, like its PathPrefix), e.g. /.well-known/matrix/. @default - every path */
  readonly paths?: readonly string[];
  /** @default { mode: "required" } (fail closed: Authentik forward-auth on every request) */
  readonly auth?: IngressAuth;
}

const PATH_PREFIX = /^(\/[A-Za-z0-9._~-]+)+\/?$/;
/** Consul refuses longer service meta values. */
const MAX_REASON = 512;

/**
 * A public route to a Nomad service, declared where its job is: Traefik on Nomad (the
 * nomad-ingress stack) serves the hosts and paths through Consul Connect, with the auth
 * decision typed as IngressFactory's. It becomes the service's `traefik.*` tags and the
 * decision is recorded in its meta; the mesh allows Traefik to call the service.
 */
export class NomadRoute extends Construct {
  /** Traefik's router name: <service>-<n>. */
  readonly router: string;
  readonly service: string;
  readonly auth: IngressAuth;

  constructor(scope: Construct, id: string, props: NomadRouteProps) {
    super(scope, id);
    const domain = HomelabStack.of(this).inventory.domains.public;
    const auth: IngressAuth = props.auth ?? { mode: "required" };
    const paths = props.paths ?? [];
    const services = (props.group.spec.Services ?? []) as Service[];
    const connect = services.filter((s) => s.Connect?.SidecarService !== undefined);
    const name = props.service ?? (connect.length === 1 ? connect[0].Name : undefined);
    const service = services.find((s) => s.Name === name);
    const where = `group ${props.group.name}`;
    throwIfProblems(this.node.path, [
      name === undefined
        ? `${where} has ${connect.length} Connect services (${connect.map((s) => s.Name).join(", ") || "none"}); name the one to route to with service`
        : !service
          ? `${where} has no service ${JSON.stringify(name)}; services: ${services.map((s) => s.Name).join(", ") || "none"}`
          : !service.Connect?.SidecarService
            ? `service ${name} is not a Connect service: Traefik reaches routed services through Consul Connect only; build it with connectService()`
            : undefined,
      props.hosts.length ? undefined : "hosts must name at least one host",
      ...props.hosts.map((h) => hostProblem(h) ?? (h === domain || h.endsWith(`.${domain}`) ? undefined : `host ${JSON.stringify(h)} is outside the public domain; allowed: ${domain} or a name under it`)),
      ...paths.map((p) => (PATH_PREFIX.test(p) ? undefined : `path ${JSON.stringify(p)} is not allowed; allowed: an absolute path prefix of letters, digits and . _ ~ -, such as /.well-known/matrix/`)),
      authProblem("auth", auth),
      auth.mode !== "required" && auth.reason?.trim().length > MAX_REASON ? `auth reason is ${auth.reason.trim().length} characters; allowed: at most ${MAX_REASON} (Consul's limit for a meta value)` : undefined,
    ]);

    this.service = name!;
    this.auth = auth;
    this.router = `${this.service}-${serviceRoutes(service!).length + 1}`;
    const { tags, meta } = routeRegistration({ router: this.router, hosts: props.hosts, paths, auth });
    const base = service!.Tags ?? [];
    const routed: Service = { ...service!, Tags: [...(base.includes(ENABLE_TAG) ? base : [ENABLE_TAG, ...base]), ...tags], Meta: { ...service!.Meta, ...meta } };
    props.group.spec.Services = services.map((s) => (s === service ? routed : s)) as Mutable<Service>[];
  }
}
