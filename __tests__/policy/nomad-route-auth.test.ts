import { HomelabStack } from "../../constructs";
import { NomadJob } from "../../constructs/nomad-job";
import { connectService } from "../../jobspecs/connect";
import { Job, Service } from "../../jobspecs/model";
import { NomadClusterStack } from "../../stacks/nomad-cluster";
import { serveMesh } from "../helpers/mesh";
import { findingsOf } from "../helpers/rules";
import { synthApp, testStack } from "../helpers/synth";

const ROUTER = "traefik.http.routers.web-1";
/** A job whose one service carries hand-written route tags and meta. */
const job = (id: string, service: Partial<Service>): Job => ({
  ID: id,
  Type: "service",
  Datacenters: ["dc1"],
  TaskGroups: [
    {
      Name: "web",
      Networks: [{ Mode: "bridge" }],
      Services: [{ ...connectService({ name: id, port: 8080 }), ...service }],
      Tasks: [{ Name: "web", Driver: "docker", Config: { image: "docker.io/library/nginx:1.29.4-alpine" }, Resources: { MemoryMB: 64 } }],
    },
  ],
});
const tags = (middlewares: string, rule = "Host(`web.example.org`)") => ["traefik.enable=true", `${ROUTER}.rule=${rule}`, `${ROUTER}.entrypoints=websecure`, `${ROUTER}.middlewares=${middlewares}`];
const findings = (...services: Array<Partial<Service>>) =>
  findingsOf("HL-ROUTE-1", "nomad-main", (s: HomelabStack) => services.forEach((service, i) => new NomadJob(s, `Job${i}`, { job: job(`web${i || ""}`, service) })));

describe("HL-ROUTE-1: every route Traefik on Nomad serves carries an auth decision", () => {
  test("a route written without an auth decision fails synth, naming the job, the value and the modes allowed", () => {
    expect(() =>
      synthApp((app) => {
        new NomadClusterStack(app);
        new NomadJob(testStack(app, { cluster: "nomad-main" }), "Job", { job: job("web", { Tags: tags("anti-ai-scraping@file") }) });
        serveMesh(app);
      }),
    ).toThrow(/\[HL-ROUTE-1\] test\/Job\/Resource: group web, service web: router web-1 records auth-mode-web-1 = null; allowed: required, app, public, none/);
  });

  test("required without Authentik's forward-auth is not gated; app and none need a reason", () => {
    expect(findings({ Tags: tags("anti-ai-scraping@file"), Meta: { "auth-mode-web-1": "required" } })).toEqual([
      expect.stringMatching(/router web-1 has auth mode required, but its middlewares \(anti-ai-scraping@file\) lack authentik-forward-auth@file: the route is not gated/),
    ]);
    expect(findings({ Tags: tags("anti-ai-scraping@file"), Meta: { "auth-mode-web-1": "none", "auth-reason-web-1": "public" } })).toEqual([
      expect.stringMatching(/router web-1 has auth mode none, which needs auth-reason-web-1 of 10\+ characters saying why; got "public"/),
    ]);
    expect(findings({ Tags: tags("authentik-forward-auth@file"), Meta: { "auth-mode-web-1": "required" } })).toEqual([]);
  });

  test("a routed service must be a Connect service, and no two routers share a name or a rule", () => {
    const plain = { Connect: undefined, Tags: tags("authentik-forward-auth@file"), Meta: { "auth-mode-web-1": "required" } };
    expect(findings(plain)).toEqual([expect.stringMatching(/service web: is routed but not a Connect service/)]);
    const gated = { Tags: tags("authentik-forward-auth@file"), Meta: { "auth-mode-web-1": "required" } };
    expect(findings(gated, gated)).toEqual([
      expect.stringMatching(/test\/Job1\/Resource: group web, service web1: router web-1 is also declared at test\/Job0\/Resource: Traefik drops both/),
      expect.stringMatching(/router web-1 serves Host\(`web\.example\.org`\), which test\/Job0\/Resource router web-1 already serves; allowed: one service per host and path/),
    ]);
  });

  test("routers Traefik would ignore (no traefik.enable=true) are named", () => {
    expect(findings({ Tags: tags("authentik-forward-auth@file").slice(1), Meta: { "auth-mode-web-1": "required" } })).toEqual([
      expect.stringMatching(/declares routers web-1 without traefik.enable=true: Traefik ignores them/),
    ]);
  });
});
