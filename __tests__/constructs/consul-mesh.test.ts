import { MeshEdges } from "../../constructs/mesh-edges";
import { NomadJob } from "../../constructs/nomad-job";
import { connectService } from "../../jobspecs/connect";
import { MeshEdge } from "../../jobspecs/mesh";
import { Job, TaskGroup } from "../../jobspecs/model";
import { ConsulMeshStack } from "../../stacks/consul-mesh";
import { NomadClusterStack } from "../../stacks/nomad-cluster";
import { resourcesOf, synthApp, testStack } from "../helpers/synth";

const group = (name: string, port: number, upstreams: string[] = []): TaskGroup => ({
  Name: name,
  Networks: [{ Mode: "bridge" }],
  Services: [connectService({ name, port, upstreams: upstreams.map((service, i) => ({ service, localPort: 9000 + i })) })],
  Tasks: [{ Name: name, Driver: "docker", Config: { image: "docker.io/library/nginx:1.29.4-alpine" }, Resources: { MemoryMB: 64 } }],
});
/** api calls db and cache through Connect upstreams (as given); db and cache call nobody. */
const job = (upstreams: string[]): Job => ({ ID: "shop", Type: "service", Datacenters: ["dc1"], TaskGroups: [group("api", 8080, upstreams), group("db", 5432), group("cache", 6379)] });

function build(upstreams: string[], edges: MeshEdge[]) {
  return synthApp((app) => {
    new NomadClusterStack(app);
    const s = testStack(app, { cluster: "nomad-main" });
    const j = new NomadJob(s, "Job", { job: job(upstreams) });
    new MeshEdges(s, "Mesh", { job: j, edges });
    new ConsulMeshStack(app).intentionsFor(app);
  });
}
const toDb: MeshEdge = { from: "api", to: "db", why: "api keeps its orders in db" };
const toCache: MeshEdge = { from: "api", to: "cache", why: "api caches sessions in cache" };

describe("the mesh: declared edges become Consul intentions, default deny", () => {
  const { stacks } = build(["db", "cache"], [toDb, toCache]);
  const intentionsIn = (stack: string) => (Object.values(resourcesOf(stacks[stack], "consul_config_entry_service_intentions")) as any[]).map((i) => [i.name, i.sources]);

  test("one intention denies every call, in the mesh stack; each destination allows exactly its declared callers, with the reason, in its job's stack", () => {
    expect(intentionsIn("consul-mesh")).toEqual([["*", [{ name: "*", action: "deny", description: expect.stringMatching(/^default deny/) }]]]);
    expect(intentionsIn("test")).toEqual([
      ["cache", [{ name: "api", action: "allow", description: "api caches sessions in cache" }]],
      ["db", [{ name: "api", action: "allow", description: "api keeps its orders in db" }]],
    ]);
    expect(stacks.test.provider.consul).toEqual(stacks["consul-mesh"].provider.consul);
  });

  test("Consul is configured from the inventory; its token comes from the environment only", () => {
    expect(stacks["consul-mesh"].provider.consul).toEqual([{ address: "consul.example.org:443", scheme: "https" }]);
  });

  test("a job calling an upstream no edge declares fails synth, naming the job, the call and what is allowed", () => {
    expect(() => build(["db", "cache"], [toCache])).toThrow(
      /\[HL-MESH-1\] test\/Job\/Resource: group api, service api: upstream db has no declared edge api → db, so the mesh denies the call; allowed: cache;/,
    );
    expect(() => build(["db"], [])).toThrow(/upstream db has no declared edge api → db, so the mesh denies the call; allowed: no callee of api is declared/);
  });

  test("an intention to a service that does not run fails synth at the edge's declaration", () => {
    expect(() => build([], [{ from: "api", to: "dbb", why: "a typo in the callee's name" }])).toThrow(
      /^test\/Mesh: edge api → dbb: no Connect service "dbb" runs on the main Nomad cluster; allowed: api, cache, db$/,
    );
  });

  test("fails if an edge starts at a service the job does not run, has no reason, repeats or loops", () => {
    expect(() => build([], [{ from: "web", to: "db", why: "web reads the catalogue" }])).toThrow(/test\/Mesh: edge web → db: "web" is not a Connect service of job shop; allowed: api, db, cache/);
    expect(() => build([], [{ from: "api", to: "db", why: "" }])).toThrow(/edge api → db: why must say in 10\+ characters what the call is for; got ""/);
    expect(() => build([], [toDb, toDb])).toThrow(/edge api → db is declared twice/);
    expect(() => build([], [{ from: "api", to: "api", why: "calls itself back" }])).toThrow(/edge api → api: a service needs no intention to reach itself/);
    expect(() => build([], [{ from: "api", to: "Db_1", why: "a name Consul cannot have" }])).toThrow(/"Db_1" is not a service name; allowed: lowercase letters, digits and -/);
  });
});
