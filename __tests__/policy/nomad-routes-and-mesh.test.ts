import { connectService } from "../../jobspecs/connect";
import { Service, TaskGroup } from "../../jobspecs/model";
import { SynthResource, SynthStack } from "../../policy/rule";
import { nomadMeshIntentions } from "../../policy/rules/nomad-mesh-intentions";
import { nomadRouteAuth } from "../../policy/rules/nomad-route-auth";
import { context, group, job, jobResource, other, stack, task } from "./nomad-rules.fixtures";

const FORWARD_AUTH = "authentik-forward-auth@file";
const PUBLIC_FORWARD_AUTH = "authentik-public-forward-auth@file";
/** A Connect service with one router per entry of `routes` (router name → middlewares), its meta as given. */
const routed = (name: string, routes: Record<string, string | undefined>, meta: Record<string, string> = {}, enable = true): Service => ({
  ...connectService({ name, port: 8080 }),
  Tags: [
    ...(enable ? ["traefik.enable=true"] : []),
    ...Object.entries(routes).flatMap(([router, middlewares]) => [
      `traefik.http.routers.${router}.rule=Host(\`${router}.example.org\`)`,
      ...(middlewares === undefined ? [] : [`traefik.http.routers.${router}.middlewares=${middlewares}`]),
    ]),
  ],
  Meta: meta,
});
const jobOf = (id: string, ...groups: TaskGroup[]) => ({ ...jobResource({ ...job(groups), ID: id }), path: `s/${id}/Resource` });

describe("HL-ROUTE-1 every Traefik route on Nomad records its auth", () => {
  const check = (...resources: SynthResource[]) => nomadRouteAuth.check([stack(resources)], context).map((p) => `${p.path}: ${p.message}`);
  const one = (service: Service) => check(jobOf("web", group({ Services: [service] })));

  test("compliant: required behind forward-auth; app and none with a reason; public behind the public outpost with a reason", () => {
    expect(one(routed("web", { r1: FORWARD_AUTH }, { "auth-mode-r1": "required" }))).toEqual([]);
    expect(one(routed("web", { r1: `anti-ai-scraping@file, ${FORWARD_AUTH}` }, { "auth-mode-r1": "required" }))).toEqual([]);
    expect(one(routed("web", { r1: "anti-ai-scraping@file" }, { "auth-mode-r1": "app", "auth-reason-r1": "0123456789" }))).toEqual([]);
    expect(one(routed("web", { r1: undefined }, { "auth-mode-r1": "none", "auth-reason-r1": "a webhook with an HMAC" }))).toEqual([]);
    expect(one(routed("web", { r1: PUBLIC_FORWARD_AUTH }, { "auth-mode-r1": "public", "auth-reason-r1": "a public status page" }))).toEqual([]);
  });

  test("non-compliant: no decision, or one that is not a mode", () => {
    expect(one(routed("web", { r1: FORWARD_AUTH }))).toEqual(["s/web/Resource: group web, service web: router r1 records auth-mode-r1 = null; allowed: required, app, public, none"]);
    expect(one(routed("web", { r1: FORWARD_AUTH }, { "auth-mode-r1": "off", "auth-reason-r1": "x" }))).toEqual([
      's/web/Resource: group web, service web: router r1 records auth-mode-r1 = "off"; allowed: required, app, public, none',
    ]);
  });

  test("non-compliant: required without forward-auth, naming the middlewares it has", () => {
    expect(one(routed("web", { r1: "anti-ai-scraping@file" }, { "auth-mode-r1": "required" }))).toEqual([
      `s/web/Resource: group web, service web: router r1 has auth mode required, but its middlewares (anti-ai-scraping@file) lack ${FORWARD_AUTH}: the route is not gated`,
    ]);
    expect(one(routed("web", { r1: undefined }, { "auth-mode-r1": "required" }))).toEqual([
      `s/web/Resource: group web, service web: router r1 has auth mode required, but its middlewares (none) lack ${FORWARD_AUTH}: the route is not gated`,
    ]);
    expect(one(routed("web", { r1: "anti-ai-scraping@file, rate-limit@file" }, { "auth-mode-r1": "required" }))).toEqual([
      `s/web/Resource: group web, service web: router r1 has auth mode required, but its middlewares (anti-ai-scraping@file, rate-limit@file) lack ${FORWARD_AUTH}: the route is not gated`,
    ]);
    expect(one(routed("web", { r1: PUBLIC_FORWARD_AUTH }, { "auth-mode-r1": "required" }))).toHaveLength(1);
  });

  test("public: the outpost and a reason, each reported", () => {
    expect(one(routed("web", { r1: FORWARD_AUTH }, { "auth-mode-r1": "public" }))).toEqual([
      `s/web/Resource: group web, service web: router r1 has auth mode public, but its middlewares lack the public outpost's ${PUBLIC_FORWARD_AUTH}`,
      's/web/Resource: group web, service web: router r1 has auth mode public, which needs auth-reason-r1 of 10+ characters saying why; got ""',
    ]);
  });

  test("app and none: a reason of ten characters, white space not counted", () => {
    const reason = (mode: string, text?: string) => one(routed("web", { r1: "anti-ai-scraping@file" }, { "auth-mode-r1": mode, ...(text === undefined ? {} : { "auth-reason-r1": text }) }));
    for (const mode of ["app", "none"]) {
      expect(reason(mode, "  0123456789  ")).toEqual([]);
      for (const text of ["012345678", " ".repeat(10), undefined]) {
        expect(reason(mode, text)).toEqual([
          `s/web/Resource: group web, service web: router r1 has auth mode ${mode}, which needs auth-reason-r1 of 10+ characters saying why; got ${JSON.stringify(text ?? "")}`,
        ]);
      }
    }
  });

  test("routers Traefik ignores, and a routed service that is not a Connect service", () => {
    expect(one(routed("web", { r1: FORWARD_AUTH, r2: FORWARD_AUTH }, { "auth-mode-r1": "required", "auth-mode-r2": "required" }, false))).toEqual([
      "s/web/Resource: group web, service web: declares routers r1, r2 without traefik.enable=true: Traefik ignores them (exposedByDefault is off)",
    ]);
    const plain = { ...routed("web", { r1: FORWARD_AUTH }, { "auth-mode-r1": "required" }), Connect: undefined };
    expect(one(plain)).toEqual([
      "s/web/Resource: group web, service web: is routed but not a Connect service: Traefik reaches routed services through Consul Connect only; build it with connectService()",
    ]);
    // A service with no router is no concern of the rule, Connect or not.
    expect(one({ Name: "plain", PortLabel: "80", Tags: ["traefik.enable=true"] })).toEqual([]);
  });

  test("a task's service is held to it like a group's, in any group of the job", () => {
    const inTask = task("app", { Services: [routed("api", { r9: "anti-ai-scraping@file" }, { "auth-mode-r9": "required" })] });
    expect(check(jobOf("web", group({ Name: "plain" }), group({ Name: "api", Tasks: [inTask] })))).toEqual([
      `s/web/Resource: group api, service api: router r9 has auth mode required, but its middlewares (anti-ai-scraping@file) lack ${FORWARD_AUTH}: the route is not gated`,
    ]);
  });

  test("router names and rules are unique across the estate, each clash named where it was first declared", () => {
    const gated = (name: string, router: string) => routed(name, { [router]: FORWARD_AUTH }, { [`auth-mode-${router}`]: "required" });
    const sameRule = { ...gated("b", "r2"), Tags: ["traefik.enable=true", "traefik.http.routers.r2.rule=Host(`r1.example.org`)", `traefik.http.routers.r2.middlewares=${FORWARD_AUTH}`] };
    const stacks: SynthStack[] = [stack([jobOf("a", group({ Services: [gated("a", "r1")] }))]), stack([jobOf("b", group({ Services: [gated("b", "r1")] })), jobOf("c", group({ Services: [sameRule] }))], "nomad-main", "t")];
    expect(nomadRouteAuth.check(stacks, context).map((p) => `${p.stackId} ${p.path}: ${p.message}`)).toEqual([
      "t s/b/Resource: group web, service b: router r1 is also declared at s/a/Resource: Traefik drops both; allowed: a router name used once",
      "t s/b/Resource: group web, service b: router r1 serves Host(`r1.example.org`), which s/a/Resource router r1 already serves; allowed: one service per host and path",
      "t s/c/Resource: group web, service b: router r2 serves Host(`r1.example.org`), which s/b/Resource router r1 already serves; allowed: one service per host and path",
    ]);
  });

  test("not applicable in effect: jobs without routes, other resources", () => {
    expect(check(jobOf("web", group({ Services: [connectService({ name: "web", port: 80 })] })), other)).toEqual([]);
  });
});

describe("HL-MESH-1 every call through the mesh has an allow intention", () => {
  const intention = (destination: string, sources: unknown): SynthResource => ({
    type: "consul_config_entry_service_intentions",
    path: `m/${destination}`,
    stackId: "m",
    attributes: { name: destination, sources },
  });
  const caller = (upstreams: string[]) => group({ Services: [connectService({ name: "app", port: 80, upstreams: upstreams.map((service, i) => ({ service, localPort: 9000 + i })) })] });
  const check = (resources: SynthResource[], cluster = "nomad-main") => nomadMeshIntentions.check([stack(resources, cluster)], context).map((p) => `${p.path}: ${p.message}`);

  test("compliant: an allow from the caller or from *, to the callee or to *", () => {
    expect(check([jobOf("app", caller(["db", "cache", "queue"])), intention("db", [{ name: "app", action: "allow" }]), intention("cache", [{ name: "*", action: "allow" }]), intention("*", [{ name: "app", action: "allow" }])])).toEqual([]);
  });

  test("compliant: an allow from * alone, with no intention to *", () => {
    expect(check([jobOf("app", caller(["cache"])), intention("cache", [{ name: "*", action: "allow" }])])).toEqual([]);
  });

  test("only intentions allow: another resource that carries a name and allow sources does not", () => {
    const lookalike = { ...intention("db", [{ name: "app", action: "allow" }]), type: "terraform_data" };
    expect(check([jobOf("app", caller(["db"])), lookalike])).toEqual([
      "s/app/Resource: group web, service app: upstream db has no declared edge app → db, so the mesh denies the call; allowed: no callee of app is declared",
    ]);
  });

  test("non-compliant: no intention, a deny, another caller's allow; naming the callees the caller may reach", () => {
    const resources = [
      jobOf("app", caller(["db", "cache", "queue"])),
      intention("db", [{ name: "app", action: "deny" }]),
      intention("cache", [{ name: "web", action: "allow" }]),
      intention("search", [{ name: "app", action: "allow" }]),
      intention("metrics", [{ name: "*", action: "allow" }]),
      intention("auth", [{ name: "app", action: "allow" }]),
      intention("bogus", "not a list"),
    ];
    const allowed = "allowed: auth, metrics, search";
    expect(check(resources)).toEqual([
      `s/app/Resource: group web, service app: upstream db has no declared edge app → db, so the mesh denies the call; ${allowed}`,
      `s/app/Resource: group web, service app: upstream cache has no declared edge app → cache, so the mesh denies the call; ${allowed}`,
      `s/app/Resource: group web, service app: upstream queue has no declared edge app → queue, so the mesh denies the call; ${allowed}`,
    ]);
    expect(check([jobOf("app", caller(["db"]))])).toEqual([
      "s/app/Resource: group web, service app: upstream db has no declared edge app → db, so the mesh denies the call; allowed: no callee of app is declared",
    ]);
  });

  test("a routed service needs Traefik's intention", () => {
    const web = group({ Services: [{ ...connectService({ name: "web", port: 80 }), Tags: ["traefik.enable=true"] }] });
    expect(check([jobOf("web", web)])).toEqual(["s/web/Resource: group web, service web: Traefik routes to it, but no intention allows traefik → web: every request would be refused"]);
    expect(check([jobOf("web", web), intention("web", [{ name: "traefik", action: "allow" }])])).toEqual([]);
    expect(check([jobOf("web", group({ Services: [connectService({ name: "web", port: 80 })] }))])).toEqual([]);
  });

  test("not applicable: the Bitcoin cluster (no mesh), jobs without Connect, other resources", () => {
    expect(check([jobOf("app", caller(["db"]))], "nomad-bitcoin")).toEqual([]);
    expect(check([jobOf("app", group()), other])).toEqual([]);
    expect(nomadMeshIntentions.acknowledgeable).toBe(false);
  });
});
