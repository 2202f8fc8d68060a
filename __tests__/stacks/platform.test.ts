import YAML from "yaml";
import { PlatformStack } from "../../stacks/platform";
import { resourcesOf, synthApp, testInventory } from "../helpers/synth";

describe("platform stack", () => {
  const { stacks, report } = synthApp((app) => new PlatformStack(app));
  const p = stacks.platform;
  const releases = Object.values(resourcesOf(p, "helm_release")) as any[];
  const manifests = (Object.values(resourcesOf(p, "kubernetes_manifest")) as any[]).map((m) => m.manifest);

  test("tier 0: local state", () => {
    expect(p.terraform.backend).toEqual({ local: { path: "../../../state/platform.tfstate" } });
  });

  test("no rule finding", () => {
    expect(report.findings.filter((f) => f.stackId === "platform")).toEqual([]);
  });

  test("Traefik, Kyverno and pvc-autoresizer with pinned chart versions and YAML values", () => {
    expect(Object.fromEntries(releases.map((r) => [r.name, r.version]))).toEqual({
      traefik: "37.1.2",
      kyverno: "3.5.2",
      "pvc-autoresizer": "0.17.0",
    });
    for (const r of releases) expect(() => YAML.parse(r.values[0])).not.toThrow();
    expect(YAML.parse(releases.find((r) => r.name === "traefik").values[0]).resources).toEqual({ requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "256Mi" } });
  });

  test("pvc-autoresizer runs without its PVC mutating webhook, whose certificate would need cert-manager", () => {
    const values = YAML.parse(releases.find((r) => r.name === "pvc-autoresizer").values[0]);
    expect(values.webhook).toEqual({ pvcMutatingWebhook: { enabled: false } });
  });

  test("one Traefik Middleware per inventory reference, named so the reference resolves", () => {
    const names = manifests.filter((m) => m.kind === "Middleware").map((m) => `traefik-${m.metadata.name}@kubernetescrd`);
    expect(names.sort()).toEqual(Object.values(testInventory.kubernetes.traefik.middlewares).sort());
  });

  test("Middlewares wait for the Traefik release that installs their CRD", () => {
    const middleware = (Object.values(resourcesOf(p, "kubernetes_manifest")) as any[]).find((m) => m.manifest.kind === "Middleware");
    expect(middleware.depends_on).toEqual([expect.stringMatching(/^helm_release\.Traefik_Release_/)]);
  });

  test("the Kyverno policy that injects dns_config", () => {
    expect(manifests.find((m) => m.kind === "ClusterPolicy").metadata.name).toBe("inject-dns-config");
  });
});
