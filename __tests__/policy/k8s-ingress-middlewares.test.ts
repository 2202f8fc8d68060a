import { IngressV1 } from "@cdktf/provider-kubernetes/lib/ingress-v1";
import { Manifest } from "@cdktf/provider-kubernetes/lib/manifest";
import { HomelabApp, HomelabStack } from "../../constructs";
import { MIDDLEWARES_ANNOTATION } from "../../policy/rules/k8s-ingress-middlewares";
import { line, providerOf } from "../helpers/rules";
import { checkApp, testStack } from "../helpers/synth";

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
