import { ingressAuthMode } from "../../policy/rules/ingress-auth-mode";
import { context, res } from "./k8s-rules.fixtures";

const FORWARD_AUTH = "traefik-authentik-forward-auth@kubernetescrd";
const PUBLIC_FORWARD_AUTH = "traefik-authentik-forward-auth-public@kubernetescrd";
const MIDDLEWARES = "traefik.ingress.kubernetes.io/router.middlewares";
const ingress = (annotations?: Record<string, string>, type = "kubernetes_ingress_v1") =>
  res(type, { metadata: annotations ? { name: "web", annotations } : { name: "web" }, spec: { rule: [{ host: "web.example.org" }] } });
const check = (annotations?: Record<string, string>, type?: string) => ingressAuthMode.check(ingress(annotations, type), context);
const reasonNeeded = (mode: string, reason: string) => `auth mode ${mode} needs homelab.auth/reason of 10+ characters saying why; got ${JSON.stringify(reason)}`;

describe("HL-INGRESS-1 every ingress records its auth mode", () => {
  test("non-compliant: no mode, no annotations at all, or a mode that is not one of the four", () => {
    const allowed = "allowed: required, app, public, none";
    expect(check()).toEqual([`ingress has homelab.auth/mode = null; ${allowed}`]);
    expect(check({})).toEqual([`ingress has homelab.auth/mode = null; ${allowed}`]);
    expect(check({ "homelab.auth/mode": "off" })).toEqual([`ingress has homelab.auth/mode = "off"; ${allowed}`]);
    expect(check({ "homelab.auth/mode": "" })).toEqual([`ingress has homelab.auth/mode = ""; ${allowed}`]);
    expect(check(undefined, "kubernetes_ingress")).toEqual([`ingress has homelab.auth/mode = null; ${allowed}`]);
  });

  test("required: Authentik's forward-auth among the middlewares, wherever it sits in the chain and however it is spaced", () => {
    expect(check({ "homelab.auth/mode": "required", [MIDDLEWARES]: FORWARD_AUTH })).toEqual([]);
    expect(check({ "homelab.auth/mode": "required", [MIDDLEWARES]: `traefik-rate-limit@kubernetescrd, ${FORWARD_AUTH} ,traefik-retry@kubernetescrd` })).toEqual([]);
    const notGated = `auth mode required, but ${MIDDLEWARES} lacks ${FORWARD_AUTH}: the ingress is not gated`;
    expect(check({ "homelab.auth/mode": "required" })).toEqual([notGated]);
    expect(check({ "homelab.auth/mode": "required", [MIDDLEWARES]: PUBLIC_FORWARD_AUTH })).toEqual([notGated]);
    expect(check({ "homelab.auth/mode": "required", [MIDDLEWARES]: `x-${FORWARD_AUTH}` })).toEqual([notGated]);
    // required needs no reason: one given changes nothing.
    expect(check({ "homelab.auth/mode": "required", "homelab.auth/reason": "x", [MIDDLEWARES]: FORWARD_AUTH })).toEqual([]);
  });

  test("app and none: a reason of ten characters or more, not counting surrounding white space", () => {
    for (const mode of ["app", "none"]) {
      expect(check({ "homelab.auth/mode": mode, "homelab.auth/reason": "0123456789" })).toEqual([]);
      expect(check({ "homelab.auth/mode": mode, "homelab.auth/reason": "  0123456789  " })).toEqual([]);
      expect(check({ "homelab.auth/mode": mode, "homelab.auth/reason": "012345678" })).toEqual([reasonNeeded(mode, "012345678")]);
      expect(check({ "homelab.auth/mode": mode, "homelab.auth/reason": " ".repeat(10) })).toEqual([reasonNeeded(mode, " ".repeat(10))]);
      expect(check({ "homelab.auth/mode": mode, "homelab.auth/reason": "   webhook   " })).toEqual([reasonNeeded(mode, "   webhook   ")]);
      expect(check({ "homelab.auth/mode": mode })).toEqual([reasonNeeded(mode, "")]);
    }
  });

  test("public: a reason and the public outpost's forward-auth, each reported when missing", () => {
    const lacksOutpost = `auth mode public, but ${MIDDLEWARES} lacks the public outpost's ${PUBLIC_FORWARD_AUTH}`;
    expect(check({ "homelab.auth/mode": "public", "homelab.auth/reason": "public landing page", [MIDDLEWARES]: PUBLIC_FORWARD_AUTH })).toEqual([]);
    expect(check({ "homelab.auth/mode": "public", "homelab.auth/reason": "public landing page", [MIDDLEWARES]: FORWARD_AUTH })).toEqual([lacksOutpost]);
    expect(check({ "homelab.auth/mode": "public" })).toEqual([reasonNeeded("public", ""), lacksOutpost]);
  });

  test("the metadata block as a one-element list, as Terraform's JSON also writes it", () => {
    const listed = res("kubernetes_ingress_v1", { metadata: [{ name: "web", annotations: { "homelab.auth/mode": "required", [MIDDLEWARES]: FORWARD_AUTH } }] });
    expect(ingressAuthMode.check(listed, context)).toEqual([]);
  });

  test("app and none need no outpost", () => {
    expect(check({ "homelab.auth/mode": "none", "homelab.auth/reason": "a webhook with its own HMAC" })).toEqual([]);
  });

  test("not applicable: resources other than ingresses", () => {
    expect(ingressAuthMode.check(res("kubernetes_service_v1", { metadata: { name: "web" } }), context)).toBe("not-applicable");
    expect(ingressAuthMode.check(res("kubernetes_ingress_class_v1", { metadata: { name: "web" } }), context)).toBe("not-applicable");
  });
});
