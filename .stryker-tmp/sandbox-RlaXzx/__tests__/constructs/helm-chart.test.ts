// @ts-nocheck
import YAML from "yaml";
import { HelmChart } from "../../constructs/helm-chart";
import { Namespace } from "../../constructs/namespace";
import { onlyResource, synthWith } from "../helpers/synth";

const chart = (version: string, values?: Record<string, unknown>) =>
  synthWith((s) =>
    new HelmChart(s, "Chart", { name: "app", namespace: new Namespace(s, "Ns", { name: "app" }), repository: "https://charts.example.org", chart: "app", version, values }),
  );

describe("HelmChart", () => {
  test("a helm_release with the pinned version, atomic, values rendered from objects as YAML", () => {
    const release = onlyResource(chart("1.2.3", { replicas: 2, image: { tag: "1.0.0" } }), "helm_release");
    expect(release).toMatchObject({ chart: "app", version: "1.2.3", atomic: true, repository: "https://charts.example.org" });
    expect(YAML.parse(release.values[0])).toEqual({ image: { tag: "1.0.0" }, replicas: 2 });
  });

  test("values that look like YAML syntax stay data (no template injection)", () => {
    const release = onlyResource(chart("1.2.3", { note: "a: b\n- c" }), "helm_release");
    expect(YAML.parse(release.values[0])).toEqual({ note: "a: b\n- c" });
  });

  test.each(["^1.2.0", "1.x", "latest", ""])("fails if the version is not exact: %p", (version) => {
    expect(() => chart(version)).toThrow(new RegExp(`test/Chart: chart version ${JSON.stringify(version).replace(/[\^.*]/g, "\\$&")} is not exact; allowed: an exact version`));
  });

  test("fails if the repository is not https or oci", () => {
    expect(() =>
      synthWith((s) => new HelmChart(s, "Chart", { name: "app", namespace: new Namespace(s, "Ns", { name: "app" }), repository: "http://x", chart: "app", version: "1.0.0" })),
    ).toThrow(/repository "http:\/\/x" must be an https:\/\/ or oci:\/\/ URL/);
  });

  test("fails if hostAccess does not say why the pods need the node", () => {
    expect(() =>
      synthWith((s) =>
        new HelmChart(s, "Chart", { name: "app", namespace: new Namespace(s, "Ns", { name: "app" }), repository: "https://charts.example.org", chart: "app", version: "1.0.0", hostAccess: "needs it" }),
      ),
    ).toThrow(/test\/Chart: hostAccess "needs it" must say in 10\+ characters why the chart's pods need the node/);
  });
});
