import { NomadJob } from "../../constructs/nomad-job";
import { NomadRoute, NomadRouteProps } from "../../constructs/nomad-route";
import { connectService } from "../../jobspecs/connect";
import { Job } from "../../jobspecs/model";
import { NomadClusterStack } from "../../stacks/nomad-cluster";
import { serveMesh } from "../helpers/mesh";
import { onlyResource, synthApp, testStack } from "../helpers/synth";

/** A job with a Connect group "web" and a plain-service group "legacy". */
const job = (): Job => ({
  ID: "web",
  Type: "service",
  Datacenters: ["dc1"],
  TaskGroups: [
    { Name: "web", Networks: [{ Mode: "bridge" }], Services: [connectService({ name: "web", port: 8080 })], Tasks: [{ Name: "web", Driver: "docker", Config: { image: "docker.io/library/nginx:1.29.4-alpine" }, Resources: { MemoryMB: 64 } }] },
    { Name: "legacy", Services: [{ Name: "legacy", PortLabel: "http", Provider: "consul" }], Tasks: [{ Name: "legacy", Driver: "docker", Config: { image: "docker.io/library/nginx:1.29.4-alpine" }, Resources: { MemoryMB: 64 } }] },
  ],
});
type Route = Omit<NomadRouteProps, "group"> & { group?: string };

function routed(...routes: Route[]) {
  const { stacks } = synthApp((app) => {
    new NomadClusterStack(app);
    const s = testStack(app, { cluster: "nomad-main" });
    const j = new NomadJob(s, "Job", { job: job() });
    routes.forEach((r, i) => new NomadRoute(s, `Route${i}`, { ...r, group: j.group(r.group ?? "web") }));
    serveMesh(app);
  });
  return JSON.parse(onlyResource(stacks.test, "nomad_job").jobspec.replace(/\$\$\{/g, "${")).Job.TaskGroups[0].Services[0];
}

describe("NomadRoute", () => {
  test("enables Traefik on the service and adds a router on the TLS entry point for the hosts", () => {
    const service = routed({ hosts: ["web.example.org"], auth: { mode: "app", reason: "the app has its own login page" } });
    expect(service.Tags).toEqual([
      "traefik.enable=true",
      "traefik.http.routers.web-1.rule=Host(`web.example.org`)",
      "traefik.http.routers.web-1.entrypoints=websecure",
      "traefik.http.routers.web-1.middlewares=anti-ai-scraping@file",
    ]);
    expect(service.Meta).toEqual({ "auth-mode-web-1": "app", "auth-reason-web-1": "the app has its own login page" });
  });

  test("fails closed: without an auth decision the route is behind Authentik forward-auth", () => {
    const service = routed({ hosts: ["web.example.org"] });
    expect(service.Tags).toContain("traefik.http.routers.web-1.middlewares=authentik-forward-auth@file");
    expect(service.Meta).toEqual({ "auth-mode-web-1": "required" });
  });

  test("public goes through Authentik's public outpost; each route of a service is a router of its own", () => {
    const service = routed(
      { hosts: ["web.example.org"], auth: { mode: "public", reason: "audit trail for a public page" } },
      { hosts: ["example.org"], paths: ["/.well-known/web/"], auth: { mode: "none", reason: "discovery documents, fetched anonymously" } },
    );
    expect(service.Tags).toEqual(
      expect.arrayContaining([
        "traefik.http.routers.web-1.middlewares=authentik-public-forward-auth@file",
        "traefik.http.routers.web-2.rule=Host(`example.org`) && PathPrefix(`/.well-known/web/`)",
      ]),
    );
    expect(service.Tags.filter((t: string) => t === "traefik.enable=true")).toHaveLength(1);
    expect(service.Meta["auth-mode-web-2"]).toBe("none");
  });

  test("fails if a mode other than required has no reason, naming the construct, the value and what is allowed", () => {
    expect(() => routed({ hosts: ["web.example.org"], auth: { mode: "none" } as any })).toThrow(
      /^test\/Route0: auth mode none needs a reason of 10\+ characters saying why it is not behind Authentik; got null$/,
    );
    expect(() => routed({ hosts: ["web.example.org"], auth: { mode: "open" } as any })).toThrow(/auth mode "open" is not a mode; allowed: required, app, public, none/);
  });

  test("fails if a host is outside the public domain or not a host name, or a path cannot be a rule's prefix", () => {
    expect(() => routed({ hosts: ["web.example.com"] })).toThrow(/test\/Route0: host "web.example.com" is outside the public domain; allowed: example.org or a name under it/);
    expect(() => routed({ hosts: ["https://web.example.org"] })).toThrow(/host "https:\/\/web.example.org" is not a valid host name/);
    expect(() => routed({ hosts: [] })).toThrow(/hosts must name at least one host/);
    expect(() => routed({ hosts: ["web.example.org"], paths: ["/a`)||Host(`x"] })).toThrow(/path "\/a`\)\|\|Host\(`x" is not allowed; allowed: an absolute path prefix/);
  });

  test("fails if the service is not a Connect service or not in the group: Traefik reaches services only through the mesh", () => {
    expect(() => routed({ group: "legacy", service: "legacy", hosts: ["web.example.org"] })).toThrow(/service legacy is not a Connect service: Traefik reaches routed services through Consul Connect only/);
    expect(() => routed({ group: "legacy", hosts: ["web.example.org"] })).toThrow(/group legacy has 0 Connect services \(none\); name the one to route to with service/);
    expect(() => routed({ service: "api", hosts: ["web.example.org"] })).toThrow(/group web has no service "api"; services: web/);
  });

  test("a routed service without the mesh's intention fails synth: Traefik could not reach it", () => {
    expect(() =>
      synthApp((app) => {
        const s = testStack(app, { cluster: "nomad-main" });
        const j = new NomadJob(s, "Job", { job: job() });
        new NomadRoute(s, "Route", { group: j.group("web"), hosts: ["web.example.org"] });
      }),
    ).toThrow(/\[HL-MESH-1\] test\/Job\/Resource: group web, service web: Traefik routes to it, but no intention allows traefik → web/);
  });
});
