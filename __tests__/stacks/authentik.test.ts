import { readProvenance, readStoredJson } from "../../contracts/stored";
import { AUTHENTIK_SECRETS, AUTHENTIK_VERSION, AuthentikStack, outpostVersionProblem } from "../../stacks/authentik";
import { CROWDSEC_BOUNCER_SECRETS, CROWDSEC_SECRETS, CrowdsecStack } from "../../stacks/crowdsec";
import { PlatformStack } from "../../stacks/platform";
import { VaultStack } from "../../stacks/vault";
import { chartFindings, followsResourceRule, release, resourceBlocks } from "../helpers/releases";
import { onlyResource, resourcesOf, synthApp, testInventory } from "../helpers/synth";

describe("authentik stack", () => {
  // Wired as main.ts wires it: its ingresses need platform's and crowdsec's middlewares first.
  const { stacks, report } = synthApp((app) => {
    const vault = new VaultStack(app, { services: [AUTHENTIK_SECRETS, CROWDSEC_SECRETS, CROWDSEC_BOUNCER_SECRETS] });
    const platform = new PlatformStack(app);
    const crowdsec = new CrowdsecStack(app, { secrets: vault.secretsFor("crowdsec"), bouncerSecrets: vault.secretsFor("crowdsec-bouncer") });
    const authentik = new AuthentikStack(app, { secrets: vault.secretsFor("authentik") });
    for (const dependency of [platform, crowdsec]) authentik.addDependency(dependency);
  });
  const a = stacks.authentik;
  const { body, values } = release(a, "authentik");
  const manifests = (Object.values(resourcesOf(a, "kubernetes_manifest")) as any[]).map((m) => m.manifest);
  const services = Object.values(resourcesOf(a, "kubernetes_service_v1")) as any[];
  const chartDefaults = readStoredJson<any>("helm-chart-authentik", "values.json");

  test("tier 1: state in PostgreSQL (its database is there; the bootstrap logs in with tokens, not through it)", () => {
    expect(a.terraform.backend).toEqual({ pg: { schema_name: "authentik" } });
  });

  test("no rule finding", () => {
    expect(report.findings.filter((f) => f.stackId === "authentik")).toEqual([]);
  });

  test("three servers, kept at two or more through voluntary disruptions, never fewer ready during a roll", () => {
    expect([body.chart, body.version]).toEqual(["authentik", readProvenance("helm-chart-authentik").version]);
    expect(values.server.replicas).toBe(3);
    expect(values.server.pdb).toEqual({ enabled: true, minAvailable: 2 });
    expect(values.server.deploymentStrategy.rollingUpdate).toEqual({ maxSurge: 1, maxUnavailable: 0 });
  });

  test("PgBouncer in front of its database: a CNPG Pooler of the pg-cluster, three instances, session mode", () => {
    const pooler = manifests.find((m) => m.kind === "Pooler");
    expect(pooler.metadata.namespace).toBe("dbaas");
    expect(pooler.spec).toMatchObject({ cluster: { name: "pg-cluster" }, instances: 3, type: "rw", pgbouncer: { poolMode: "session" } });
    // Authentik connects to that Pooler's Service (CNPG names it after the Pooler)
    expect(values.authentik.postgresql).toEqual({ host: `${pooler.metadata.name}.dbaas.svc.cluster.local`, port: 5432, name: "authentik", user: "authentik" });
    expect(body.depends_on).toEqual(expect.arrayContaining([expect.stringMatching(/^kubernetes_manifest\.Pooler_/)]));
  });

  test("the secret key and database password come from Vault through an ExternalSecret, never the values", () => {
    expect(values.global.envFrom).toEqual([{ secretRef: { name: "authentik-credentials" } }]);
    const es = manifests.find((m) => m.kind === "ExternalSecret" && m.metadata.name === "authentik-credentials");
    expect(es.spec.data.map((d: any) => d.secretKey).sort()).toEqual(["AUTHENTIK_POSTGRESQL__PASSWORD", "AUTHENTIK_SECRET_KEY"]);
    expect(JSON.stringify(values)).not.toMatch(/secret_key|password/i);
  });

  test("Authentik gets no cluster access: its outposts are this stack's objects, not its controller's", () => {
    expect(values.serviceAccount).toEqual({ create: false });
  });

  test("the embedded outpost's Service selects the chart's server pods, on their http port", () => {
    // Authentik's name for the embedded outpost's Service: ak-outpost-<outpost slug>
    const embedded = services.find((s) => s.metadata.name === "ak-outpost-authentik-embedded-outpost");
    expect(embedded.metadata.namespace).toBe("${kubernetes_namespace_v1.Namespace_9B63B8C8.metadata[0].name}");
    expect(embedded.spec.selector).toEqual({
      "app.kubernetes.io/name": "authentik",
      "app.kubernetes.io/instance": body.name,
      "app.kubernetes.io/component": chartDefaults.server.name,
    });
    expect(embedded.spec.port).toEqual([{ name: "http", port: chartDefaults.server.containerPorts.http, target_port: "http" }]);
  });

  test("the public outpost: one replica (it keeps sessions in the pod), at the server's version, its token from Vault", () => {
    const deployment = onlyResource(a, "kubernetes_deployment_v1");
    // the guide (003): the public outpost is ak-outpost-public.authentik.svc:9000
    expect([deployment.metadata.name, deployment.spec.replicas]).toEqual(["ak-outpost-public", "1"]);
    const container = deployment.spec.template.spec.container[0];
    expect(container.image).toBe(`ghcr.io/goauthentik/proxy:${readStoredJson<any>("helm-chart-authentik", "chart.json").appVersion}`);
    expect(container.env_from).toEqual([{ secret_ref: { name: "ak-outpost-public-token" } }]);
    expect(container.env).toContainEqual({ name: "AUTHENTIK_HOST_BROWSER", value: `https://authentik.${testInventory.domains.public}` });
    expect(services.find((s) => s.metadata.name === "ak-outpost-public").spec.port[0].port).toBe(9000);
  });

  test("fails if the outpost's image and the chart are bumped apart (Renovate groups them; a half-merged group must not deploy)", () => {
    const outpost = { repository: "ghcr.io/goauthentik/proxy", tag: "2026.2.3", ref: "ghcr.io/goauthentik/proxy:2026.2.3" };
    expect(outpostVersionProblem(outpost, "2026.2.2")).toBe(
      "the public outpost's image ghcr.io/goauthentik/proxy:2026.2.3 must be the chart's version 2026.2.2 (an outpost refuses a server of another version): bump both, constructs/kubernetes-images.ts and AUTHENTIK_CHART",
    );
    expect(outpostVersionProblem({ ...outpost, tag: "2026.2.2" }, "2026.2.2")).toBeUndefined();
  });

  test("Traefik's forward-auth middlewares call exactly the outposts this stack serves", () => {
    const addresses = (Object.values(resourcesOf(stacks.platform, "kubernetes_manifest")) as any[])
      .map((m) => m.manifest.spec?.forwardAuth?.address)
      .filter(Boolean);
    expect(addresses).toHaveLength(2);
    const served = services.map((s) => `http://${s.metadata.name}.authentik.svc.cluster.local:${s.spec.port[0].port}/outpost.goauthentik.io/auth/traefik`);
    for (const address of addresses) expect(served).toContain(address);
  });

  test("every container requests CPU with no CPU limit and memory request = limit", () => {
    const blocks = resourceBlocks(values);
    expect(blocks.map((b) => b.path).sort()).toEqual(["server.resources", "worker.resources"]);
    for (const b of blocks) expect([b.path, followsResourceRule(b.resources)]).toEqual([b.path, true]);
    const pooler = manifests.find((m) => m.kind === "Pooler");
    expect(followsResourceRule(pooler.spec.template.spec.containers[0].resources)).toBe(true);
  });

  test("its login page and the public outpost's callbacks are published without forward-auth in front of them, each saying why", () => {
    const ingresses = Object.values(resourcesOf(a, "kubernetes_ingress_v1")) as any[];
    expect(ingresses.map((i) => [i.metadata.name, i.metadata.annotations["homelab.auth/mode"]]).sort()).toEqual([
      ["authentik", "none"],
      ["public-auth", "none"],
    ]);
    for (const i of ingresses) expect(i.metadata.annotations["homelab.auth/reason"]).toMatch(/would loop/);
  });

  test("every key set under server, worker and authentik is one the chart has, which the contract cannot tell (it hands those maps on whole)", () => {
    expect(readProvenance("helm-chart-authentik").version).toBe(AUTHENTIK_VERSION);
    const unknownKeys = (v: any) => ["server", "worker", "authentik"].flatMap((top) => Object.keys(v[top] ?? {}).filter((k) => !(k in chartDefaults[top])).map((k) => `${top}.${k}`));
    expect(unknownKeys(values)).toEqual([]);
    // The operator's values set server.strategy, which the chart never reads (its key is deploymentStrategy).
    expect(unknownKeys({ server: { strategy: { type: "RollingUpdate" } } })).toEqual(["server.strategy"]);
    expect(chartFindings({ repository: "https://charts.goauthentik.io", chart: "authentik", version: AUTHENTIK_VERSION, values: { server: { strategy: {}, route: null }, serviceAccount: { create: false } } })).toEqual([]);
  });
});
