import { IngressV1 } from "@cdktf/provider-kubernetes/lib/ingress-v1";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { HomelabApp, HomelabStack } from "../../constructs";
import { SynthResource } from "../../policy/rule";
import { k8sIngressMiddlewares, MIDDLEWARES_ANNOTATION } from "../../policy/rules/k8s-ingress-middlewares";
import { line, providerOf } from "../helpers/rules";
import { checkApp, testInventory, testStack } from "../helpers/synth";

const middleware = (s: HomelabStack, name: string) =>
  new Manifest(s, `Mw-${name}`, {
    provider: providerOf(s, "kubernetes"),
    manifest: { apiVersion: "traefik.io/v1alpha1", kind: "Middleware", metadata: { name, namespace: "traefik" }, spec: {} },
  });
const ingress = (s: HomelabStack, middlewares: string) =>
  new IngressV1(s, "Ingress", {
    provider: providerOf(s, "kubernetes"),
    metadata: { name: "app", annotations: { [MIDDLEWARES_ANNOTATION]: middlewares } },
    spec: { rule: [{ host: "app.example.org" }] },
  });
const findings = (build: (app: HomelabApp) => void) =>
  checkApp(build).findings.filter((f) => f.ruleId === "HL-K8S-16").map(line);

describe("HL-K8S-16 an ingress names only middlewares that exist before it", () => {
  test("compliant: made by its own stack, or by a stack it depends on", () => {
    expect(
      findings((app) => {
        const platform = testStack(app, { id: "platform", tier: 0 });
        middleware(platform, "retry");
        const apps = testStack(app, { id: "apps" });
        middleware(apps, "local");
        ingress(apps, "traefik-retry@kubernetescrd, traefik-local@kubernetescrd");
        apps.addDependency(platform);
      }),
    ).toEqual([]);
  });

  test("non-compliant: made by a stack it does not depend on; Traefik would drop the route until that stack is applied", () => {
    expect(
      findings((app) => {
        middleware(testStack(app, { id: "crowdsec" }), "crowdsec");
        ingress(testStack(app, { id: "apps" }), "traefik-crowdsec@kubernetescrd");
      }),
    ).toEqual([
      "apps/Ingress: names middleware traefik-crowdsec@kubernetescrd, made by stack crowdsec, which apps does not depend on: until crowdsec is applied, Traefik drops this route",
    ]);
  });

  test("non-compliant: a middleware no stack makes", () => {
    expect(
      findings((app) => {
        const apps = testStack(app, { id: "apps" });
        middleware(apps, "retry");
        ingress(apps, "traefik-retyr@kubernetescrd");
      }),
    ).toEqual(["apps/Ingress: names middleware traefik-retyr@kubernetescrd, which no stack of the estate makes; made: traefik-retry@kubernetescrd"]);
  });

  test("an app holding no middleware at all (a stack tested alone) cannot say", () => {
    expect(findings((app) => ingress(testStack(app, { id: "apps" }), "traefik-retry@kubernetescrd"))).toEqual([]);
  });
});

describe("HL-K8S-16 on synthesized stacks: which resources make a middleware, and which ingresses name one", () => {
  const res = (type: string, attributes: Record<string, unknown>, logicalId = "R"): SynthResource => ({ type, path: `s/${logicalId}`, stackId: "s", logicalId, attributes });
  const mw = (name: string, namespace: unknown, extra: Record<string, unknown> = {}) =>
    res("kubernetes_manifest", { manifest: { apiVersion: "traefik.io/v1alpha1", kind: "Middleware", metadata: { name, namespace }, ...extra } }, `Mw_${name}`);
  // Traefik's Kubernetes Ingress provider reads the router's middlewares from this annotation.
  const ing = (middlewares: string | undefined, type = "kubernetes_ingress_v1") =>
    res(type, { metadata: { name: "app", ...(middlewares === undefined ? {} : { annotations: { "traefik.ingress.kubernetes.io/router.middlewares": middlewares } }) } }, "Ingress");
  const check = (...resources: SynthResource[]) => k8sIngressMiddlewares.check([{ id: "s", tier: 1, resources }], { inventory: testInventory }).map((p) => p.message);

  test("a namespace given by reference to a namespace resource of the stack, either type", () => {
    const ns = (type: string, id: string, name: string) => res(type, { metadata: [{ name }] }, id);
    expect(
      check(
        // A middleware in a namespace written out: the estate makes some, so one not found would be named.
        mw("plain", "edge"),
        ns("kubernetes_namespace_v1", "Edge", "edge"),
        ns("kubernetes_namespace", "Old", "legacy"),
        mw("retry", "${kubernetes_namespace_v1.Edge.metadata[0].name}"),
        mw("auth", "${kubernetes_namespace.Old.metadata[0].name}"),
        ing("edge-retry@kubernetescrd, legacy-auth@kubernetescrd"),
      ),
    ).toEqual([]);
  });

  test("not a maker: a reference to a namespace the stack lacks or of another type, a computed namespace, no metadata, another API group or resource type; the made list sorted", () => {
    const made = "made: a-one@kubernetescrd, b-two@kubernetescrd";
    const named = [
      "x-gone@kubernetescrd",
      "x-typed@kubernetescrd",
      "x-var@kubernetescrd",
      "x-tail@kubernetescrd",
      "x-head@kubernetescrd",
      "other-mw@kubernetescrd",
      "traefik-data@kubernetescrd",
    ];
    expect(
      check(
        mw("two", "b"),
        mw("one", "a"),
        mw("gone", "${kubernetes_namespace_v1.Gone.metadata[0].name}"),
        res("kubernetes_namespace_v1", { metadata: { name: "x" } }, "X"),
        mw("typed", "${kubernetes_namespace.X.metadata[0].name}"),
        mw("var", "${var.namespace}"),
        mw("tail", "${kubernetes_namespace_v1.X.metadata[0].name}-suffix"),
        mw("head", "prefix-${kubernetes_namespace_v1.X.metadata[0].name}"),
        res("kubernetes_manifest", { manifest: { apiVersion: "traefik.io/v1alpha1", kind: "Middleware" } }, "NoMeta"),
        res("kubernetes_manifest", { manifest: { apiVersion: "other.example.org/v1", kind: "Middleware", metadata: { name: "mw", namespace: "other" } } }, "Other"),
        res("terraform_data", { manifest: { apiVersion: "traefik.io/v1alpha1", kind: "Middleware", metadata: { name: "data", namespace: "traefik" } } }, "Data"),
        ing(named.join(",")),
      ),
    ).toEqual(named.map((ref) => `names middleware ${ref}, which no stack of the estate makes; ${made}`));
  });

  test("every ingress type is judged, and only ingresses; one without annotations names nothing", () => {
    const service = res("kubernetes_service_v1", { metadata: { name: "app", annotations: { [MIDDLEWARES_ANNOTATION]: "a-missing@kubernetescrd" } } }, "Service");
    expect(check(mw("one", "a"), service)).toEqual([]);
    expect(check(mw("one", "a"), ing("a-missing@kubernetescrd", "kubernetes_ingress"))).toEqual(["names middleware a-missing@kubernetescrd, which no stack of the estate makes; made: a-one@kubernetescrd"]);
    expect(check(mw("one", "a"), ing(undefined))).toEqual([]);
    expect(check(mw("one", "a"), res("kubernetes_ingress_v1", {}, "Bare"))).toEqual([]);
  });
});
