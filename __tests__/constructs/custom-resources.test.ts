import { HelmChart } from "../../constructs/helm-chart";
import { CustomResource } from "../../constructs/custom-resource";
import { Namespace } from "../../constructs/namespace";
import { PrometheusRule } from "../../constructs/prometheus-rule";
import { TraefikMiddleware } from "../../constructs/traefik-middleware";
import { onlyResource, synthWith } from "../helpers/synth";

describe("CustomResource, TraefikMiddleware, PrometheusRule", () => {
  test("a kubernetes_manifest keeping Kubernetes camelCase keys", () => {
    const m = onlyResource(
      synthWith((s) => new CustomResource(s, "Cr", { apiVersion: "example.org/v1", kind: "Thing", name: "t", body: { spec: { someField: 1 } } })),
      "kubernetes_manifest",
    ).manifest;
    expect(m).toEqual({ apiVersion: "example.org/v1", kind: "Thing", metadata: { name: "t", labels: { "app.kubernetes.io/managed-by": "terraform" } }, spec: { someField: 1 } });
  });

  test("fails if the body sets metadata", () => {
    expect(() => synthWith((s) => new CustomResource(s, "Cr", { apiVersion: "v1", kind: "Thing", name: "t", body: { metadata: {} } }))).toThrow(
      /test\/Cr: body must not set apiVersion, kind or metadata/,
    );
  });

  test("fails if a middleware reference does not belong to the namespace", () => {
    expect(() =>
      synthWith((s) => {
        const namespace = new Namespace(s, "Ns", { name: "traefik" });
        const traefik = new HelmChart(s, "Traefik", { name: "traefik", namespace, repository: "https://x.example.org", chart: "traefik", version: "1.0.0" });
        new TraefikMiddleware(s, "Mw", { namespace, namespaceName: "traefik", traefik, reference: "kube-system-retry@kubernetescrd", spec: { retry: { attempts: 1, initialInterval: "1s" } } });
      }),
    ).toThrow(/test\/Mw: reference "kube-system-retry@kubernetescrd" does not name a middleware of namespace traefik; allowed: traefik-<name>@kubernetescrd/);
  });

  test("fails if an alert name repeats or is not CamelCase", () => {
    expect(() =>
      synthWith((s) =>
        new PrometheusRule(s, "Alerts", {
          namespace: new Namespace(s, "Ns", { name: "x" }),
          name: "x",
          alerts: [
            { alert: "high_load", expr: "up == 0", summary: "x" },
            { alert: "high_load", expr: "up == 0", summary: "x" },
          ],
        }),
      ),
    ).toThrow(/alert name "high_load" must be CamelCase.*alert names repeat/);
  });
});
