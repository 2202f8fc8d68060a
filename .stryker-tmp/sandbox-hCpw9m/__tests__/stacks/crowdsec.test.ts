// @ts-nocheck
import YAML from "yaml";
import { CROWDSEC_BOUNCER_KEY, CROWDSEC_BOUNCER_PLUGIN, crowdsecBouncerTraefikValues } from "../../constructs/crowdsec-bouncer";
import { CROWDSEC_BOUNCER_SECRETS, CROWDSEC_DATABASE, CROWDSEC_SECRETS, CrowdsecStack } from "../../stacks/crowdsec";
import { PLATFORM_CHARTS } from "../../stacks/platform";
import { VaultStack } from "../../stacks/vault";
import { chartFindings, followsResourceRule, release, resourceBlocks } from "../helpers/releases";
import { resourcesOf, synthApp, testInventory } from "../helpers/synth";

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

  test("pinned: chart 0.21.0 and image v1.7.8, not the chart's v1.7.3", () => {
    expect([body.chart, body.version, values.image]).toEqual(["crowdsec", "0.21.0", { tag: "v1.7.8" }]);
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
    expect(db).toMatchObject({ type: "postgres", host, port, db_name: CROWDSEC_DATABASE.name, user: CROWDSEC_DATABASE.user, password: "${DB_PASSWORD}" });
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
    const traefikSide = externalSecret(CROWDSEC_BOUNCER_KEY.secretName);
    expect(traefikSide.metadata.namespace).toBe("traefik");
    expect(traefikSide.spec.data).toEqual([{ secretKey: CROWDSEC_BOUNCER_KEY.key, remoteRef: lapiKey }]);
    expect(bouncer.crowdsecLapiKeyFile).toBe(`${CROWDSEC_BOUNCER_KEY.mountDir}/${CROWDSEC_BOUNCER_KEY.key}`);
    expect(JSON.stringify(middleware)).not.toContain("crowdsecLapiKey\"");
  });

  test("what Traefik needs for the bouncer is valid for Traefik's chart as the platform pins it", () => {
    const fragment = crowdsecBouncerTraefikValues();
    expect(fragment.additionalVolumeMounts[0].mountPath).toBe(CROWDSEC_BOUNCER_KEY.mountDir);
    expect(fragment.deployment.additionalVolumes[0].secret).toEqual({ secretName: CROWDSEC_BOUNCER_KEY.secretName, optional: true });
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
