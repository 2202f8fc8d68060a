import { checkTraefikConfig } from "../../contracts/traefik-config";
import { connectService } from "../../jobspecs/connect";
import { traefikJob } from "../../jobspecs/traefik";
import { routeRegistration } from "../../jobspecs/traefik-routes";
import { testInventory } from "../helpers/synth";
import { inputWithJob, JOBSPEC } from "./nomad-fixtures";

const ingress = testInventory.nomad.main.ingress;

/** The estate's Traefik job plus a group "web" whose Connect service carries one route's tags; `edit` changes what a test breaks. */
function jobWith(edit: (job: Record<string, any>) => void = () => {}): Record<string, any> {
  const authentik = { forwardAuth: "https://authentik.example.org/outpost.goauthentik.io/auth/traefik", publicForwardAuth: "https://public-auth.example.org/outpost.goauthentik.io/auth/traefik" };
  const job = structuredClone(traefikJob({ datacenters: ["dc1"], node: ingress.node, acme: ingress.acme, authentik })) as Record<string, any>;
  const { tags, meta } = routeRegistration({ router: "web-1", hosts: ["web.example.org"], paths: [], auth: { mode: "required" } });
  const web = structuredClone(job.TaskGroups[0]);
  web.Name = "web";
  web.Services = [{ ...connectService({ name: "web", port: 80 }), Tags: ["traefik.enable=true", ...tags], Meta: meta }];
  web.Tasks = [{ Name: "web", Driver: "docker", Config: { image: "docker.io/library/nginx:1.29.4-alpine" }, Resources: { CPU: 100, MemoryMB: 64 } }];
  job.TaskGroups.push(web);
  edit(job);
  return job;
}
const traefikTask = (job: Record<string, any>) => job.TaskGroups[0].Tasks[0];
const webTags = (job: Record<string, any>) => job.TaskGroups[1].Services[0].Tags as string[];
const TAGS = `${JOBSPEC}.TaskGroups[1].Services[0].Tags`;
const problems = (job: Record<string, any>) => checkTraefikConfig(inputWithJob(job));

describe("traefik-config: what the estate generates for Traefik, against Traefik's own structs and parsers", () => {
  test("the Traefik job the estate runs and a route NomadRoute registers have no finding", () => {
    expect(problems(jobWith())).toEqual([]);
  });

  test("fails on a misspelt static configuration key, with Traefik's spelling and the file that declares it", () => {
    const [finding] = problems(jobWith((j) => (traefikTask(j).Templates[0].EmbeddedTmpl = traefikTask(j).Templates[0].EmbeddedTmpl.replace("connectAware:", "connectAwre:"))));
    expect(finding.where).toBe(`${JOBSPEC}.TaskGroups[0].Tasks[0].Templates[0].EmbeddedTmpl`);
    expect(finding.problem).toMatch(/\/local\/traefik\.yaml providers\.consulCatalog\.connectAwre: unknown field "connectAwre" .*did you mean connectAware\?/);
    expect(finding.upstream).toBe("traefik@3.5.3 pkg/provider/consulcatalog/consul_catalog.go");
  });

  test("fails on an unknown field in a dynamic file of the file provider", () => {
    const [finding] = problems(jobWith((j) => (traefikTask(j).Templates[1].EmbeddedTmpl = traefikTask(j).Templates[1].EmbeddedTmpl.replace("trustForwardHeader:", "trustForwardedHeader:"))));
    expect(finding.problem).toMatch(/\/local\/dynamic\/middlewares\.yaml http\.middlewares\.authentik-forward-auth\.forwardAuth\.trustForwardedHeader: unknown field .*did you mean trustForwardHeader\?/);
    expect(finding.upstream).toBe("traefik@3.5.3 pkg/config/dynamic/middlewares.go");
  });

  test("fails on a tag naming a router field Traefik lacks, and on one no decoder reads", () => {
    const found = problems(jobWith((j) => webTags(j).push("traefik.http.routers.web-1.priorty=10", "traefik.htp.routers.web-1.rule=Host(`x.example.org`)")));
    expect(found.map((f) => f.where)).toEqual([`${TAGS}[4]`, `${TAGS}[5]`]);
    expect(found[0].problem).toMatch(/label traefik\.http\.routers\.web-1\.priorty: traefik\.http\.routers\.web-1 \(Router\) has no field "priorty"; did you mean priority\?/);
    expect(found[1].problem).toMatch(/label traefik\.htp\.routers\.web-1\.rule is read by no decoder, so Traefik ignores it; allowed: labels under traefik\.consulcatalog, traefik\.enable, traefik\.http/);
  });

  test("reads tags as Traefik does: Go field names in any case, comma-separated lists, booleans", () => {
    expect(problems(jobWith((j) => webTags(j).push("traefik.http.routers.web-1.EntryPoints=websecure", "traefik.consulcatalog.connect=true")))).toEqual([]);
    const [finding] = problems(jobWith((j) => (webTags(j)[0] = "traefik.enable=yes")));
    expect(finding.problem).toMatch(/label traefik\.enable: "yes" does not fit configuration\.Enable: expected true or false/);
  });

  test("fails on a rule matcher Traefik v3 lacks or given the wrong number of arguments", () => {
    const hots = problems(jobWith((j) => (webTags(j)[1] = "traefik.http.routers.web-1.rule=Hots(`web.example.org`)")));
    expect(hots[0].problem).toMatch(/rule uses matcher Hots, which Traefik does not have; did you mean Host\? allowed: ClientIP, Method, Host/);
    expect(hots[0].upstream).toBe("traefik@3.5.3 pkg/muxer/http/matcher.go");
    const two = problems(jobWith((j) => (webTags(j)[1] = "traefik.http.routers.web-1.rule=Host(`a.example.org`, `b.example.org`)")));
    expect(two[0].problem).toMatch(/rule passes 2 argument\(s\) to Host, which takes 1/);
  });

  test("fails when a router names a middleware or entry point the Traefik job does not define", () => {
    const found = problems(jobWith((j) => (webTags(j)[2] = "traefik.http.routers.web-1.entrypoints=https")));
    expect(found.map((f) => f.problem)).toEqual([expect.stringMatching(/names https, which Traefik's static configuration does not define, so Traefik drops the router; defined: web, websecure, ping/)]);
    const middleware = problems(jobWith((j) => (webTags(j)[3] = "traefik.http.routers.web-1.middlewares=authentik@file")));
    expect(middleware.map((f) => f.problem)).toEqual([expect.stringMatching(/names authentik@file, which Traefik's file provider does not define.*defined: authentik-forward-auth, authentik-public-forward-auth/)]);
  });

  test("fails when the task runs another Traefik version than the stored contract", () => {
    const [finding] = problems(jobWith((j) => (traefikTask(j).Config.image = "docker.io/library/traefik:v3.4.0")));
    expect(finding.where).toBe(`${JOBSPEC}.TaskGroups[0].Tasks[0].Config.image`);
    expect(finding.problem).toMatch(/runs Traefik v3\.4\.0 but the stored contract is for v3\.5\.3: run npm run contracts -- traefik-config/);
  });
});
