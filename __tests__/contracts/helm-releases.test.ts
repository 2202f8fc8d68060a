import { HelmChart, HelmChartProps } from "../../constructs/helm-chart";
import { Namespace } from "../../constructs/namespace";
import { checkHelmReleases } from "../../contracts/helm-releases";
import { PLATFORM_CHARTS } from "../../stacks/platform";
import { inputWith, lines } from "./synthesized-input";

/** The findings for one release of a chart the estate pins, built with the real construct. */
function findingsFor(chart: Omit<HelmChartProps, "name" | "namespace">): string[] {
  return lines(
    checkHelmReleases(
      inputWith((s) => new HelmChart(s, "Release", { name: "r", namespace: new Namespace(s, "Ns", { name: "ns" }), ...chart })),
    ),
  );
}

const autoresizer = PLATFORM_CHARTS.pvcAutoresizer;
const traefik = PLATFORM_CHARTS.traefik;
const quiet = { webhook: { pvcMutatingWebhook: { enabled: false } } };

describe("helm-releases: versions", () => {
  test("fails for a chart version its repository never published, listing the versions near it, and naming the command for one released since", () => {
    const found = findingsFor({ ...autoresizer, version: "0.17.1", values: quiet });
    expect(found).toEqual([
      expect.stringMatching(
        /^test\/helm_release\.Release_\w+\.version: chart pvc-autoresizer version "0\.17\.1" was never published by https:\/\/topolvm\.github\.io\/pvc-autoresizer; published versions near it: .*0\.17\.0, 0\.18\.0.*; if it was released after the stored index was read \(a Renovate bump\), regenerate the chart's contracts: npm run contracts -- helm-charts crd-models \(upstream: .*index\.yaml\)$/,
      ),
    ]);
  });

  test("fails naming the command when the stored contract is for another version", () => {
    expect(findingsFor({ ...autoresizer, version: "0.16.2", values: quiet })).toEqual([
      expect.stringMatching(/\.version: the stored contract helm-chart-pvc-autoresizer is for .* 0\.17\.0, not .* 0\.16\.2: run npm run contracts -- helm-charts/),
    ]);
  });

  test("fails for a chart repository with no recorded upstream source", () => {
    expect(findingsFor({ repository: "https://charts.example.org", chart: "thing", version: "1.0.0" })).toEqual([
      expect.stringMatching(/\.repository: no upstream source is recorded for chart thing of "https:\/\/charts\.example\.org"; add it to contracts\/helm\/chart-sources\.ts/),
    ]);
  });
});

describe("helm-releases: values", () => {
  test("a chart without values.schema.json: fails for a key no default has and no template reads, naming the keys there", () => {
    const found = findingsFor({ ...autoresizer, values: { ...quiet, controller: { args: { prometheusUrl: "http://prometheus:9090" } } } });
    expect(found).toEqual([
      expect.stringMatching(
        /\.values\.controller\.args\.prometheusUrl: "http:\/\/prometheus:9090" is not a value of chart pvc-autoresizer 0\.17\.0: no default and no template reads it, so Helm ignores it silently; values under controller\.args: useK8sMetricsApi, prometheusURL, namespaces, interval, additionalArgs/,
      ),
    ]);
  });

  test("a chart without values.schema.json: keys under a map a template hands on whole are the user's (resources.limits)", () => {
    expect(findingsFor({ ...autoresizer, values: { ...quiet, controller: { resources: { limits: { memory: "64Mi" } } } } })).toEqual([]);
  });

  test("a chart with values.schema.json: fails for a key the schema forbids, a value outside its enum, and a key it allows but nothing reads", () => {
    const found = findingsFor({ ...traefik, values: { deployment: { replicass: 2 }, image: { tagg: "v3" }, logs: { general: { level: "VERBOSE" } } } });
    expect(found).toEqual([
      expect.stringMatching(/\.values\.image\.tagg: "v3" is not a value the chart declares \(additionalProperties: false\).*\(upstream: traefik@37\.1\.2 v37\.1\.2 values\.schema\.json\)$/),
      expect.stringMatching(/\.values\.logs\.general\.level: "VERBOSE" must be equal to one of the allowed values: allowed "TRACE", "DEBUG", "INFO", "WARN", "ERROR", "FATAL", "PANIC"/),
      expect.stringMatching(/\.values\.deployment\.replicass: 2 is not a value of chart traefik 37\.1\.2: no default and no template reads it, so Helm ignores it silently; values under deployment: enabled, kind, replicas,/),
    ]);
  });
});

describe("helm-releases: what the chart renders", () => {
  test("fails when the chart renders kinds nothing in the estate serves (pvc-autoresizer's webhook certificate needs cert-manager)", () => {
    const found = findingsFor({ ...autoresizer, values: {} });
    expect(found).toEqual([
      expect.stringMatching(
        /^test\/helm_release\.Release_\w+: renders cert-manager\.io\/v1 Certificate \(templates\/controller\/certificate\.yaml, when if \.Values\.webhook\.pvcMutatingWebhook\.enabled.*\), which nothing the estate applies serves: not Kubernetes 1\.33\.\d+, no chart of the estate, no declared external source/,
      ),
      expect.stringMatching(/renders cert-manager\.io\/v1 Issuer \(templates\/controller\/issuer\.yaml/),
    ]);
  });

  test("a kind the chart installs itself is served (Traefik's Gateway API CRDs ship in its crds/)", () => {
    expect(findingsFor({ ...traefik, values: { providers: { kubernetesGateway: { enabled: true } } } })).toEqual([]);
  });

  test("fails when the chart's own template refuses the values", () => {
    expect(findingsFor({ ...traefik, values: { image: { tag: "latest" } } })).toEqual([
      expect.stringMatching(/the chart refuses to render with these values \(templates\/deployment\.yaml, .*\): ERROR: latest tag should not be used \(upstream: traefik@37\.1\.2/),
    ]);
  });
});
