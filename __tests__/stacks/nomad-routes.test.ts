/**
 * The public endpoints of the Nomad estate, walked in the synthesized output as Traefik
 * would: each host and path of 001's verification steps to the router that wins (the
 * longest rule, Traefik's default priority), the Connect service it reaches and the auth
 * it is served with; then the mesh must let Traefik call that service.
 */
import YAML from "yaml";
import { readTerraformLiteral } from "../../constructs/terraform-literal";
import { parseInventory, defaultInventory } from "../../inventory";
import { connectServices } from "../../jobspecs/mesh";
import { isRouted, serviceRoutes } from "../../jobspecs/traefik-routes";
import { parseRule, ruleMatches } from "../../jobspecs/traefik-rule";
import { MatrixStack } from "../../stacks/matrix";
import { NomadClusterStack } from "../../stacks/nomad-cluster";
import { serveMesh } from "../helpers/mesh";
import { StackJson, synthApp } from "../helpers/synth";
import { grantVault } from "../helpers/vault-grants";
import { synthEstate } from "../helpers/estate";

interface Router {
  readonly router: string;
  readonly rule: string;
  readonly service: string;
  readonly connect: boolean;
  readonly mode?: string;
  readonly reason?: string;
  readonly middlewares: readonly string[];
  readonly entryPoints: readonly string[];
}

const jobsOf = (stacks: Record<string, StackJson>) =>
  Object.values(stacks).flatMap((stack) =>
    Object.values<any>(stack.resource?.nomad_job ?? {}).map((r) => {
      const parsed = JSON.parse(readTerraformLiteral(r.jobspec));
      return parsed.Job ?? parsed;
    }),
  );

function routersOf(stacks: Record<string, StackJson>): Router[] {
  return jobsOf(stacks).flatMap((job) => {
    const connect = new Set(connectServices(job).map((s) => s.service.Name));
    return job.TaskGroups.flatMap((g: any) => (g.Services ?? []).filter(isRouted).flatMap((s: any) => serviceRoutes(s).map((r) => ({ ...r, service: s.Name, connect: connect.has(s.Name) }))));
  });
}

/** The router Traefik picks for a request: among those whose rule matches, the longest rule. */
function resolve(routers: readonly Router[], host: string, path: string): Router | undefined {
  return routers.filter((r) => ruleMatches(parseRule(r.rule), { host, path })).sort((a, b) => b.rule.length - a.rule.length)[0];
}

/** Who may call `destination`, from whichever stack holds its intentions. */
const allowedCallers = (stacks: Record<string, StackJson>, destination: string) =>
  Object.values(stacks)
    .flatMap((stack) => Object.values<any>(stack.resource?.consul_config_entry_service_intentions ?? {}))
    .filter((i) => i.name === destination)
    .flatMap((i) => i.sources.filter((s: any) => s.action === "allow").map((s: any) => s.name));

describe("001's public endpoints resolve in the synthesized estate", () => {
  const { stacks } = synthEstate();
  const routers = routersOf(stacks);
  /** The Connect service Traefik dials the mesh as: what each routed service's intentions must allow. */
  const traefikService = jobsOf(stacks).find((j) => j.ID === "traefik").TaskGroups[0].Services[0].Name;

  // 001, Phase 1 and Phase 2 verification steps, with the placeholder domain.
  test.each([
    ["matrix.example.org", "/_matrix/federation/v1/version", "matrix-nginx", "app"],
    ["matrix.example.org", "/_matrix/client/versions", "matrix-nginx", "app"],
    ["matrix.example.org", "/_matrix/client/v3/capabilities", "matrix-nginx", "app"],
    ["example.org", "/.well-known/matrix/server", "matrix-nginx", "none"],
    ["example.org", "/.well-known/matrix/client", "matrix-nginx", "none"],
    ["element.example.org", "/", "matrix-element", "app"],
    ["cinny.example.org", "/", "matrix-cinny", "app"],
    ["jellyfin.example.org", "/", "jellyfin", "app"],
    ["plex.example.org", "/", "plex", "app"],
    ["appflowy.example.org", "/", "appflowy-cloud", "app"],
  ])("https://%s%s → Connect service %s, auth %s", (host, path, service, mode) => {
    const router = resolve(routers, host, path);
    expect(router).toMatchObject({ service, connect: true, mode, entryPoints: ["websecure"] });
    expect(router!.reason!.length).toBeGreaterThanOrEqual(10);
    expect(allowedCallers(stacks, service)).toContain(traefikService);
  });

  test("the apex serves nothing but the Matrix discovery documents", () => {
    expect(resolve(routers, "example.org", "/")).toBeUndefined();
    expect(resolve(routers, "example.org", "/.well-known/openid-configuration")).toBeUndefined();
  });

  test("Traefik itself is Connect native on the ingress node's ports 80 and 443, so it reaches services only through the mesh", () => {
    const traefik = jobsOf(stacks).find((j) => j.ID === "traefik");
    const group = traefik.TaskGroups[0];
    expect(group.Services).toEqual([expect.objectContaining({ Name: "traefik", Connect: { Native: true }, TaskName: "traefik" })]);
    expect(group.Networks[0].ReservedPorts.map((p: any) => p.Value)).toEqual([80, 443]);
    expect(group.Constraints).toEqual([{ LTarget: "${node.unique.name}", Operand: "=", RTarget: "hestia" }]);
  });
});

describe("Synapse's names come from the inventory, so its config and its routes agree", () => {
  const inventory = parseInventory({ ...defaultInventory, domains: { public: "example.net", lan: "home.arpa" } }, "test");
  const { stacks } = synthApp(
    (app) => {
      new NomadClusterStack(app);
      new MatrixStack(app);
      serveMesh(app);
      grantVault(app);
    },
    { inventory },
  );
  const synapse = jobsOf(stacks).find((j) => j.ID === "matrix").TaskGroups.find((g: any) => g.Name === "synapse").Tasks[0];
  const publicConfig = YAML.parse(synapse.Templates.find((t: any) => synapse.Config.args.at(-1).endsWith(t.DestPath)).EmbeddedTmpl);

  test("server_name is the apex and public_baseurl https://matrix.<domain>/, in the config file Synapse reads last", () => {
    expect(publicConfig).toEqual({ server_name: "example.net", public_baseurl: "https://matrix.example.net/" });
  });

  test("the homeserver's public URL and the server name's discovery path route to the Matrix front", () => {
    const routers = routersOf(stacks);
    expect(resolve(routers, new URL(publicConfig.public_baseurl).host, "/_matrix/client/versions")?.service).toBe("matrix-nginx");
    expect(resolve(routers, publicConfig.server_name, "/.well-known/matrix/server")?.service).toBe("matrix-nginx");
  });

  test("the discovery documents nginx serves delegate to a host that routes to the Matrix front", () => {
    const routers = routersOf(stacks);
    const nginx = jobsOf(stacks).find((j) => j.ID === "matrix").TaskGroups.find((g: any) => g.Name === "nginx").Tasks[0];
    const doc = (name: string) => JSON.parse(nginx.Templates.find((t: any) => t.DestPath.endsWith(`/.well-known/matrix/${name}`)).EmbeddedTmpl);
    const [federationHost, federationPort] = doc("server")["m.server"].split(":");
    expect(federationPort).toBe("443");
    expect(resolve(routers, federationHost, "/_matrix/federation/v1/version")?.service).toBe("matrix-nginx");
    expect(resolve(routers, new URL(doc("client")["m.homeserver"].base_url).host, "/_matrix/client/versions")?.service).toBe("matrix-nginx");
  });
});
