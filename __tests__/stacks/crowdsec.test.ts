import YAML from "yaml";
import { CROWDSEC_BOUNCER_PLUGIN, crowdsecBouncerTraefikValues } from "../../constructs/crowdsec-bouncer";
import { CROWDSEC_BOUNCER_SECRETS, CROWDSEC_SECRETS, CrowdsecStack } from "../../stacks/crowdsec";
import { PLATFORM_CHARTS } from "../../stacks/platform";
import { VaultStack } from "../../stacks/vault";
import { chartFindings, followsResourceRule, release, resourceBlocks } from "../helpers/releases";
import { resourcesOf, synthApp, testInventory } from "../helpers/synth";
import { readProvenance, readStoredJson } from "../../contracts/stored";

describe("crowdsec stack", () => {
  const { stacks, report } = synthApp((app) => {
    const vault = new VaultStack(app, { services: [CROWDSEC_SECRETS, CROWDSEC_BOUNCER_SECRETS] });
    new CrowdsecStack(app, { secrets: vault.secretsFor("crowdsec"), bouncerSecrets: vault.secretsFor("crowdsec-bouncer") });
  });
  const c = stacks.crowdsec;
  const { body, values } = release(c, "crowdsec");
  const manifests = (Object.values(resourcesOf(c, "kubernetes_manifest")) as any[]).map((m) => m.manifest);
  const externalSecret = (name: string) => manifests.find((m) => m.kind === "ExternalSecret" && m.metadata.name === name);
  const middleware = manifests.find((m) => m.kind === "Middleware");
  const bouncer = middleware.spec.plugin[CROWDSEC_BOUNCER_PLUGIN.name];

  test("tier 1: state in PostgreSQL (its database is there, and traffic flows while it is down)", () => {
    expect(c.terraform.backend).toEqual({ pg: { schema_name: "crowdsec" } });
  });

  test("no rule finding", () => {
    expect(report.findings.filter((f) => f.stackId === "crowdsec")).toEqual([]);
  });

  test("pinned: the chart its stored contract holds, and an image of its own, not the chart's appVersion (which fails Central API authentication)", () => {
    expect([body.chart, body.version]).toEqual(["crowdsec", readProvenance("helm-chart-crowdsec").version]);
    expect(values.image.tag).toMatch(/^v\d+\.\d+\.\d+$/);
    expect(values.image.tag).not.toBe(readStoredJson<{ appVersion: string }>("helm-chart-crowdsec", "chart.json").appVersion);
  });

  test("LAPI runs three replicas that share everything: no volume, Central API credentials in a Secret, rolling updates", () => {
    expect(values.lapi.replicas).toBe(3);
    expect(values.lapi.strategy).toEqual({ type: "RollingUpdate" });
    expect(values.lapi.storeCAPICredentialsInSecret).toBe(true);
    expect(values.lapi.persistentVolume).toEqual({ data: { enabled: false }, config: { enabled: false } });
  });

  test("its database is the pg-cluster, with the password from Vault, expanded from the environment at run time", () => {
    const db = YAML.parse(values.config["config.yaml.local"]).db_config;
    const { host, port } = testInventory.stateBackend.pg;
    // the guide (003) lists crowdsec among the PostgreSQL databases
    expect(db).toMatchObject({ type: "postgres", host, port, db_name: "crowdsec", user: "crowdsec", password: "${DB_PASSWORD}" });
    expect(values.lapi.env).toContainEqual({ name: "DB_PASSWORD", valueFrom: { secretKeyRef: { name: "crowdsec-lapi", key: "dbPassword" } } });
    expect(externalSecret("crowdsec-lapi").spec.data).toContainEqual({ secretKey: "dbPassword", remoteRef: { key: "crowdsec/database", property: "password" } });
  });

  test("the seed's flush settings: 10000 decisions, 7 days, stale agents removed after 30 days", () => {
    const { flush } = YAML.parse(values.config["config.yaml.local"]).db_config;
    expect(flush).toEqual({ max_items: 10000, max_age: "7d", agents_autodelete: { login_password: "30d" } });
  });

  test("LAPI's JWT secret and registration token come from Vault under the names the chart reads", () => {
    expect(values.secrets).toEqual({ externalSecret: { name: "crowdsec-lapi" } });
    const keys = externalSecret("crowdsec-lapi").spec.data.map((d: any) => d.secretKey);
    expect(keys).toEqual(expect.arrayContaining(["csLapiSecret", "registrationToken"]));
  });

  test("agents read Traefik's access logs", () => {
    expect(values.agent.acquisition).toEqual([{ namespace: "traefik", podName: "traefik-*", program: "traefik" }]);
    expect(values.agent.env.find((e: any) => e.name === "COLLECTIONS").value).toContain("crowdsecurity/traefik");
  });

  test("every container requests CPU with no CPU limit and memory request = limit", () => {
    const blocks = resourceBlocks(values);
    expect(blocks.map((b) => b.path).sort()).toEqual(["agent.resources", "lapi.resources"]);
    for (const b of blocks) expect([b.path, followsResourceRule(b.resources)]).toEqual([b.path, true]);
  });

  test("the bouncer fails open: stream mode, and an unreachable LAPI never blocks traffic (updateMaxFailure -1)", () => {
    expect([middleware.metadata.namespace, middleware.metadata.name]).toEqual(["traefik", "crowdsec"]);
    expect(bouncer).toMatchObject({ crowdsecMode: "stream", updateMaxFailure: -1 });
    expect(bouncer.crowdsecLapiHost).toBe("crowdsec-service.crowdsec.svc.cluster.local:8080");
  });

  test("the bouncer and LAPI share one key from Vault: LAPI registers it, Traefik's pods read it from a file", () => {
    const lapiKey = externalSecret("crowdsec-lapi").spec.data.find((d: any) => d.secretKey === "bouncerKey").remoteRef;
    expect(values.lapi.env).toContainEqual({ name: "BOUNCER_KEY_traefik", valueFrom: { secretKeyRef: { name: "crowdsec-lapi", key: "bouncerKey" } } });
    // Traefik's side: an ExternalSecret in its namespace with the same key, mounted where the bouncer reads the file
    const traefikSide = manifests.find((m) => m.kind === "ExternalSecret" && m.metadata.namespace === "traefik");
    expect(traefikSide.spec.data).toEqual([{ secretKey: expect.any(String), remoteRef: lapiKey }]);
    const fragment = crowdsecBouncerTraefikValues();
    const mounted = fragment.deployment.additionalVolumes.find((v: any) => v.secret?.secretName === traefikSide.spec.target.name);
    const mount = fragment.additionalVolumeMounts.find((m: any) => m.name === mounted!.name);
    expect(bouncer.crowdsecLapiKeyFile).toBe(`${mount!.mountPath}/${traefikSide.spec.data[0].secretKey}`);
    expect(JSON.stringify(middleware)).not.toContain("crowdsecLapiKey\"");
  });

  test("what Traefik needs for the bouncer is valid for Traefik's chart as the platform pins it", () => {
    const fragment = crowdsecBouncerTraefikValues();
    // optional: Traefik starts before the crowdsec stack first writes the key
    expect(fragment.deployment.additionalVolumes[0].secret.optional).toBe(true);
    expect(chartFindings({ ...PLATFORM_CHARTS.traefik, values: fragment })).toEqual([]);
  });

  test("the chart's contract catches what the operator's values set to no effect (lapi.dashboard, lapi.pdb: not in chart 0.21.0)", () => {
    const findings = chartFindings({
      repository: "https://crowdsecurity.github.io/helm-charts",
      chart: "crowdsec",
      version: "0.21.0",
      values: { lapi: { dashboard: { enabled: true }, pdb: { enabled: true } }, agent: { acquisition: [{ namespace: "traefik", podName: "traefik-*", program: "traefik" }] } },
    });
    expect(findings).toEqual([
      expect.stringMatching(/\.values\.lapi\.dashboard\.enabled: true is not a value of chart crowdsec 0\.21\.0/),
      expect.stringMatching(/\.values\.lapi\.pdb\.enabled: true is not a value of chart crowdsec 0\.21\.0/),
    ]);
  });
});
