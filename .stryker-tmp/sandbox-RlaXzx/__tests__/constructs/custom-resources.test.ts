// @ts-nocheck
import { HelmChart } from "../../constructs/helm-chart";
import { CustomResource, UncheckedCustomResource } from "../../constructs/custom-resource";
import { Namespace } from "../../constructs/namespace";
import { PrometheusRule } from "../../constructs/prometheus-rule";
import { MiddlewareSpec, TraefikMiddleware } from "../../constructs/traefik-middleware";
import { checkCustomResources } from "../../contracts/custom-resources";
import { PLATFORM_CHARTS } from "../../stacks/platform";
import { inputWith, lines } from "../contracts/synthesized-input";
import { onlyResource, synthWith } from "../helpers/synth";

describe("CustomResource, TraefikMiddleware, PrometheusRule", () => {
  test("a kubernetes_manifest keeping Kubernetes camelCase keys", () => {
    const m = onlyResource(
      synthWith((s) => new CustomResource<UncheckedCustomResource>(s, "Cr", { apiVersion: "example.org/v1", kind: "Thing", name: "t", body: { spec: { someField: 1 } } })),
      "kubernetes_manifest",
    ).manifest;
    expect(m).toEqual({ apiVersion: "example.org/v1", kind: "Thing", metadata: { name: "t", labels: { "app.kubernetes.io/managed-by": "terraform" } }, spec: { someField: 1 } });
  });

  test("fails if the body sets metadata", () => {
    expect(() => synthWith((s) => new CustomResource<UncheckedCustomResource>(s, "Cr", { apiVersion: "v1", kind: "Thing", name: "t", body: { metadata: {} } }))).toThrow(
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

/**
 * The bodies are typed by the models generated from the CRDs (.gen/models), so tsc rejects a
 * misuse before synth: each `@ts-expect-error` below fails `tsc -b` (npm test's first step)
 * once the type stops rejecting the line under it.
 */
describe("custom resources are typed by their CRD's model", () => {
  /** Findings of the custom-resources check for a middleware forced past the compiler. */
  function middlewareFindings(spec: MiddlewareSpec): string[] {
    return lines(
      checkCustomResources(
        inputWith((s) => {
          const namespace = new Namespace(s, "Ns", { name: "traefik" });
          const traefik = new HelmChart(s, "Traefik", { name: "traefik", namespace, ...PLATFORM_CHARTS.traefik });
          new TraefikMiddleware(s, "Mw", { namespace, namespaceName: "traefik", traefik, reference: "traefik-retry@kubernetescrd", spec });
        }),
      ),
    );
  }

  test("a misspelt Middleware field is a compile error, and the check still rejects it if forced", () => {
    const spec: MiddlewareSpec = {
      //  initialIntervall is no field of Traefik's retry middleware
      retry: { attempts: 3, initialIntervall: "100ms" },
    };
    expect(middlewareFindings(spec)).toEqual([expect.stringMatching(/\.manifest\.spec\.retry\.initialIntervall: unknown field "initialIntervall"/)]);
  });

  test("a Middleware field of the wrong type is a compile error", () => {
    //  attempts is an integer in the CRD
    const spec: MiddlewareSpec = { retry: { attempts: "three" } };
    expect(middlewareFindings(spec)).toEqual([expect.stringMatching(/\.manifest\.spec\.retry\.attempts: is "three" \(string\): must be integer/)]);
  });

  test("a Middleware of two types is a compile error: Traefik drops the routers that use it", () => {
    //  one type of middleware per object
    const spec: MiddlewareSpec = { retry: { attempts: 3 }, rateLimit: { average: 100 } };
    expect(Object.keys(spec)).toEqual(["retry", "rateLimit"]);
  });

  test("a custom resource without a model is a compile error (forced, it synthesizes for the check to judge)", () => {
    const stack = synthWith((s) =>
      //  no model named: the message says to name the kind's model from .gen/models
      new CustomResource(s, "Cr", { apiVersion: "example.org/v1", kind: "Thing", name: "t", body: { spec: {} } }),
    );
    expect(onlyResource(stack, "kubernetes_manifest").manifest.kind).toBe("Thing");
  });
});
