import { Construct } from "constructs";
import { ANUBIS_SIGNING_KEY } from "../../constructs/anubis";
import { AppDeployment, ServiceBackend } from "../../constructs/app-deployment";
import { authProblem, IngressAuth, IngressFactory, IngressFactoryProps } from "../../constructs/ingress-factory";
import { Namespace } from "../../constructs/namespace";
import { ServiceSecrets } from "../../constructs/service-secrets";
import { VaultKvStore } from "../../constructs/vault-kv-store";
import { onlyResource, resourcesOf, synthWith, testInventory } from "../helpers/synth";

const mw = testInventory.kubernetes.traefik.middlewares;

function backendIn(scope: Construct): ServiceBackend {
  const namespace = new Namespace(scope, "Ns", { name: "web" });
  return new AppDeployment(scope, "App", {
    namespace,
    name: "web",
    containers: [{ name: "web", image: "docker.io/library/nginx:1.29.4-alpine", cpuMillis: 10, memoryMiB: 32, ports: { http: 80 } }],
    service: { port: 80, targetPort: "http" },
    metrics: { none: "a test fixture without metrics" },
  }).backend;
}

/** Props, or props that need the scope (an Anubis's declared secrets). */
type PropsFor = Partial<IngressFactoryProps> | ((scope: Construct) => Partial<IngressFactoryProps>);

function ingressWith(props: PropsFor) {
  return factoryWith(props).stack;
}

/** The synthesized stack and the construct itself (its routes). */
function factoryWith(props: PropsFor) {
  let factory: IngressFactory | undefined;
  const stack = synthWith((s) => {
    factory = new IngressFactory(s, "Ingress", { name: "web", dns: "none", backend: backendIn(s), ...(typeof props === "function" ? props(s) : props) });
  });
  return { stack, factory: factory! };
}

/** A service that declared it reads Anubis's shared signing key. */
function anubisSecrets(scope: Construct): { secrets: ServiceSecrets } {
  const store = new VaultKvStore(scope, "Kv", { path: "secret" });
  return { secrets: new ServiceSecrets(scope, "Secrets", { store, service: "web", reads: [ANUBIS_SIGNING_KEY.path] }) };
}

const annotationsOf = (ingress: any): Record<string, string> => ingress.metadata.annotations;
const middlewaresOf = (ingress: any): string[] => annotationsOf(ingress)["traefik.ingress.kubernetes.io/router.middlewares"].split(",");

describe("auth", () => {
  test("defaults to required: Authentik forward-auth, mode recorded, no reason", () => {
    const ingress = onlyResource(ingressWith({}), "kubernetes_ingress_v1");
    expect(annotationsOf(ingress)["homelab.auth/mode"]).toBe("required");
    expect(annotationsOf(ingress)["homelab.auth/reason"]).toBeUndefined();
    expect(middlewaresOf(ingress)).toEqual([mw.crowdsecBouncer, mw.rateLimit, mw.authentikForwardAuth, mw.retry]);
  });

  test("app records mode and reason, no Authentik middleware, anti-AI on by default", () => {
    const ingress = onlyResource(ingressWith({ auth: { mode: "app", reason: "has its own login page" } }), "kubernetes_ingress_v1");
    expect(annotationsOf(ingress)).toMatchObject({ "homelab.auth/mode": "app", "homelab.auth/reason": "has its own login page" });
    expect(middlewaresOf(ingress)).toEqual([mw.crowdsecBouncer, mw.rateLimit, mw.antiAiScraping, mw.retry]);
  });

  test("public uses the public outpost's forward-auth and no anti-AI by default", () => {
    const ingress = onlyResource(ingressWith({ auth: { mode: "public", reason: "public landing page, audited" } }), "kubernetes_ingress_v1");
    expect(middlewaresOf(ingress)).toEqual([mw.crowdsecBouncer, mw.rateLimit, mw.authentikPublicForwardAuth, mw.retry]);
  });

  test("none has anti-AI by default and it can be turned off", () => {
    const on = onlyResource(ingressWith({ auth: { mode: "none", reason: "webhook endpoint for CI" } }), "kubernetes_ingress_v1");
    expect(middlewaresOf(on)).toContain(mw.antiAiScraping);
    const off = onlyResource(
      ingressWith({ auth: { mode: "none", reason: "webhook endpoint for CI" }, antiAiScraping: false }),
      "kubernetes_ingress_v1",
    );
    expect(middlewaresOf(off)).toEqual([mw.crowdsecBouncer, mw.rateLimit, mw.retry]);
  });

  test("omitting the reason is a compile error", () => {
    // @ts-expect-error a non-required mode needs a reason
    const auth: IngressAuth = { mode: "none" };
    expect(auth.mode).toBe("none");
  });

  test("fails if the reason is shorter than 10 characters, naming path and value", () => {
    expect(() => ingressWith({ auth: { mode: "none", reason: "because" } })).toThrow(
      /test\/Ingress: auth mode none needs a reason of 10\+ characters .*got "because"/,
    );
  });

  test("fails if the reason is missing at run time (untyped callers)", () => {
    expect(() => ingressWith({ auth: { mode: "app" } as unknown as IngressAuth })).toThrow(/auth mode app needs a reason of 10\+ characters; got null|got null/);
  });

  test("exactly ten characters is a reason; the reason is recorded without surrounding blanks", () => {
    const ingress = onlyResource(ingressWith({ auth: { mode: "app", reason: "  0123456789 \n" } }), "kubernetes_ingress_v1");
    expect(annotationsOf(ingress)["homelab.auth/reason"]).toBe("0123456789");
  });

  test.each([
    ["nine characters between blanks", "  012345678  "],
    ["ten spaces", " ".repeat(10)],
    ["blanks only", "\t\n          \n"],
  ])("fails if the reason is %s", (_, reason) => {
    expect(() => ingressWith({ auth: { mode: "public", reason } })).toThrow(
      `test/Ingress: auth mode public needs a reason of 10+ characters saying why it is not behind Authentik; got ${JSON.stringify(reason)}`,
    );
  });

  test("anti-AI can be added to a login-protected route: after forward-auth, before retry", () => {
    expect(middlewaresOf(onlyResource(ingressWith({ antiAiScraping: true }), "kubernetes_ingress_v1"))).toEqual([
      mw.crowdsecBouncer,
      mw.rateLimit,
      mw.authentikForwardAuth,
      mw.antiAiScraping,
      mw.retry,
    ]);
  });

  test("fails with a message, not a TypeError, for an auth that is not an object (untyped callers of authProblem)", () => {
    expect(authProblem("auth", undefined as never)).toBe("auth mode undefined is not a mode; allowed: required, app, public, none");
  });

  test("fails if the mode is unknown", () => {
    expect(() => ingressWith({ auth: { mode: "open" } as unknown as IngressAuth })).toThrow(
      /auth mode "open" is not a mode; allowed: required, app, public, none/,
    );
  });
});

describe("the ingress Traefik reads", () => {
  test("a Traefik ingress on the TLS entry point (websecure), labelled for the app, routing every path to the Service's port", () => {
    const ingress = onlyResource(ingressWith({}), "kubernetes_ingress_v1");
    expect(ingress.spec.ingress_class_name).toBe("traefik");
    expect(annotationsOf(ingress)["traefik.ingress.kubernetes.io/router.entrypoints"]).toBe("websecure");
    expect(ingress.metadata).toMatchObject({
      name: "web",
      namespace: expect.stringMatching(/^\$\{kubernetes_namespace_v1\.Ns_\w+\.metadata\[0\]\.name\}$/),
      labels: { "app.kubernetes.io/name": "web", "app.kubernetes.io/component": "ingress", "app.kubernetes.io/managed-by": "terraform" },
    });
    expect(ingress.spec.rule[0].http.path).toEqual([
      {
        path: "/",
        path_type: "Prefix",
        backend: { service: { name: expect.stringMatching(/^\$\{kubernetes_service_v1\.App_Service_\w+\.metadata\[0\]\.name\}$/), port: { number: 80 } } },
      },
    ]);
  });

  test("its routes, as the catalog and the monitoring stack read them: host, paths, auth, dns, and whether it serves Authentik", () => {
    const { factory } = factoryWith({ dns: "proxied", auth: { mode: "app", reason: "has its own login page" }, carveOut: { paths: ["/admin/"], auth: { mode: "required" } } });
    expect(factory.routes).toEqual([
      { host: "web.example.org", paths: ["/"], auth: "app", dns: "proxied", partOfAuthentik: false },
      { host: "web.example.org", paths: ["/admin"], auth: "required", dns: "proxied", partOfAuthentik: false },
    ]);
    expect([factory.host, factory.auth]).toEqual(["web.example.org", { mode: "app", reason: "has its own login page" }]);
    expect(factoryWith({ partOfAuthentik: true }).factory.routes).toEqual([{ host: "web.example.org", paths: ["/"], auth: "required", dns: "none", partOfAuthentik: true }]);
  });

  test("fails if the name is not a DNS label", () => {
    expect(() => ingressWith({ name: "Web_1" })).toThrow(/^test\/Ingress: ingress name "Web_1" /);
  });
});

describe("host, dns and tls", () => {
  test("an explicit host and TLS secret are used as given", () => {
    const ingress = onlyResource(ingressWith({ host: "blog.example.org", tlsSecretName: "blog-tls" }), "kubernetes_ingress_v1");
    expect(ingress.spec.rule[0].host).toBe("blog.example.org");
    expect(ingress.spec.tls).toEqual([{ hosts: ["blog.example.org"], secret_name: "blog-tls" }]);
  });

  test("host defaults to <name>.<public domain>, with TLS for it", () => {
    const ingress = onlyResource(ingressWith({}), "kubernetes_ingress_v1");
    expect(ingress.spec.rule[0].host).toBe("web.example.org");
    expect(ingress.spec.tls).toEqual([{ hosts: ["web.example.org"] }]);
    expect(annotationsOf(ingress)["traefik.ingress.kubernetes.io/router.tls"]).toBe("true");
  });

  test("proxied dns publishes through the CDN, a CNAME to the tunnel, and adds the uptime monitor", () => {
    const a = annotationsOf(onlyResource(ingressWith({ dns: "proxied" }), "kubernetes_ingress_v1"));
    expect(a["external-dns.alpha.kubernetes.io/hostname"]).toBe("web.example.org");
    expect(a["external-dns.alpha.kubernetes.io/cloudflare-proxied"]).toBe("true");
    expect(a["external-dns.alpha.kubernetes.io/target"]).toBe("tunnel.example.org");
    expect(a[testInventory.kubernetes.uptimeMonitorAnnotation]).toBe("true");
  });

  test("non-proxied dns publishes direct A and AAAA records to the public addresses and adds the uptime monitor", () => {
    const a = annotationsOf(onlyResource(ingressWith({ dns: "non-proxied" }), "kubernetes_ingress_v1"));
    expect(a["external-dns.alpha.kubernetes.io/cloudflare-proxied"]).toBe("false");
    expect(a["external-dns.alpha.kubernetes.io/target"]).toBe("203.0.113.10,2001:db8::10");
    expect(a[testInventory.kubernetes.uptimeMonitorAnnotation]).toBe("true");
  });

  test("non-proxied dns without a public IPv6 address publishes the A record alone", () => {
    const inventory = structuredClone(testInventory);
    (inventory.kubernetes.externalDns.publicAddresses as { ipv6?: string }).ipv6 = undefined;
    const stack = synthWith((s) => new IngressFactory(s, "Ingress", { name: "web", dns: "non-proxied", backend: backendIn(s) }), { inventory });
    expect(annotationsOf(onlyResource(stack, "kubernetes_ingress_v1"))["external-dns.alpha.kubernetes.io/target"]).toBe("203.0.113.10");
  });

  test("dns none publishes nothing and has no uptime monitor", () => {
    const a = annotationsOf(onlyResource(ingressWith({ dns: "none" }), "kubernetes_ingress_v1"));
    expect(Object.keys(a).filter((k) => k.startsWith("external-dns") || k === testInventory.kubernetes.uptimeMonitorAnnotation)).toEqual([]);
  });

  test.each(["https://web.example.org", "*.example.org", "Web.example.org", "web", "web.example.org:443", "web.example.org/x"])(
    "fails if the host is invalid: %s",
    (host) => {
      expect(() => ingressWith({ host })).toThrow(new RegExp(`test/Ingress: host ${JSON.stringify(host).replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")} is not a valid host name; allowed:`));
    },
  );

  test("fails if dns is not one of the three choices", () => {
    expect(() => ingressWith({ dns: "cdn" as never })).toThrow(/dns "cdn" is not allowed; allowed: proxied, non-proxied, none/);
  });
});

describe("anubis and carve-outs", () => {
  const publicSite = (s: Construct): Partial<IngressFactoryProps> => ({ auth: { mode: "none", reason: "public blog, fronted by Anubis" }, anubis: anubisSecrets(s) });

  test("anubis puts the Anubis module between the ingress and the backend", () => {
    const stack = ingressWith(publicSite);
    const anubis = Object.values(stack.module ?? {}) as any[];
    expect(anubis).toHaveLength(1);
    expect(anubis[0].target_url).toMatch(
      /^http:\/\/\$\{kubernetes_service_v1\.App_Service_\w+\.metadata\[0\]\.name\}\.\$\{kubernetes_namespace_v1\.Ns_\w+\.metadata\[0\]\.name\}\.svc\.cluster\.local:80$/,
    );
    expect(anubis[0].source).toBe("../../../modules/anubis");
    expect(anubis[0].providers).toEqual({ kubernetes: "kubernetes" });
    const ingress = onlyResource(stack, "kubernetes_ingress_v1");
    expect(ingress.spec.rule[0].http.path[0].backend.service.name).toMatch(/^\$\{module\.Ingress_Anubis_Module_[0-9A-F]+\.service_name\}$/);
  });

  test("behind Anubis: no anti-AI middleware (the challenge is the gate); explicitly asking for it fails", () => {
    const ingress = (Object.values(resourcesOf(ingressWith(publicSite), "kubernetes_ingress_v1")) as any[])[0];
    expect(middlewaresOf(ingress)).toEqual([mw.crowdsecBouncer, mw.rateLimit, mw.retry]);
    expect(() => ingressWith((s) => ({ ...publicSite(s), antiAiScraping: true }))).toThrow(
      /test\/Ingress: antiAiScraping true behind anubis: .*allowed: antiAiScraping unset or false with anubis/,
    );
  });

  test("Anubis signs with the shared key the service declared, cookie on the parent domain, 30-day token", () => {
    const stack = ingressWith(publicSite);
    const anubis = (Object.values(stack.module) as any[])[0];
    expect(anubis).toMatchObject({ cookie_domain: testInventory.domains.public, cookie_expiration: "720h", signing_key_secret: "web-anubis-signing-key" });
    const secret = onlyResource(stack, "kubernetes_manifest").manifest;
    expect(secret.metadata.name).toBe("web-anubis-signing-key");
    expect(secret.spec.data[0].secretKey).toBe("ED25519_PRIVATE_KEY_HEX");
  });

  test("fails if the service did not declare the signing key among its reads", () => {
    expect(() =>
      ingressWith((s) => ({
        ...publicSite(s),
        anubis: { secrets: new ServiceSecrets(s, "Other", { store: new VaultKvStore(s, "Kv2", { path: "kv" }), service: "web", reads: ["web/app"] }) },
      })),
    ).toThrow(/Anubis\/SigningKey: reads "anubis", which service web does not declare; allowed: web\/app/);
  });

  test("a carve-out is a second ingress for the listed paths (whole-segment prefixes), straight to the bare backend", () => {
    const stack = ingressWith((s) => ({ ...publicSite(s), carveOut: { paths: ["/net-diag.sh", "/raw/"] } }));
    const ingresses = Object.values(resourcesOf(stack, "kubernetes_ingress_v1")) as any[];
    expect(ingresses).toHaveLength(2);
    const carve = ingresses.find((i) => i.metadata.name === "web-carve-out");
    expect(carve.spec.rule[0].http.path.map((p: any) => [p.path, p.path_type])).toEqual([
      ["/net-diag.sh", "Prefix"],
      ["/raw", "Prefix"],
    ]);
    expect(carve.spec.rule[0].http.path[0].backend.service.name).toMatch(/kubernetes_service_v1\.App_Service/);
    expect(carve.metadata.annotations["homelab.auth/mode"]).toBe("none");
  });

  test.each(["git", "api", "webdav", "caldav", "webhook"] as const)("fails if anubis fronts a %s backend", (kind) => {
    expect(() => ingressWith((s) => ({ ...publicSite(s), backendKind: kind }))).toThrow(
      new RegExp(`anubis cannot front a ${kind} backend: .*allowed: anubis only for backendKind "web"`),
    );
  });

  test("fails if anubis fronts an ingress that requires login, or an app's own login", () => {
    expect(() => ingressWith((s) => ({ anubis: anubisSecrets(s) }))).toThrow(/auth mode is required; allowed: anubis with auth none or public/);
    expect(() => ingressWith((s) => ({ anubis: anubisSecrets(s), auth: { mode: "app", reason: "has its own login page" } }))).toThrow(
      "test/Ingress: anubis fronts public content without a login, but auth mode is app; allowed: anubis with auth none or public",
    );
  });

  test("anubis can front a public-outpost route", () => {
    const ingress = onlyResource(ingressWith((s) => ({ anubis: anubisSecrets(s), auth: { mode: "public", reason: "public landing page, audited" } })), "kubernetes_ingress_v1");
    expect(middlewaresOf(ingress)).toEqual([mw.crowdsecBouncer, mw.rateLimit, mw.authentikPublicForwardAuth, mw.retry]);
  });

  test("a carve-out can tighten auth on part of an app (no anubis needed)", () => {
    const stack = ingressWith({ auth: { mode: "app", reason: "has its own login page" }, carveOut: { paths: ["/admin"], auth: { mode: "required" } } });
    const carve = (Object.values(resourcesOf(stack, "kubernetes_ingress_v1")) as any[]).find((i) => i.metadata.name === "web-carve-out");
    expect(carve.metadata.annotations["homelab.auth/mode"]).toBe("required");
    expect(carve.metadata.annotations["traefik.ingress.kubernetes.io/router.middlewares"]).toContain(mw.authentikForwardAuth);
  });

  test("fails if a carve-out's own auth has no reason", () => {
    expect(() => ingressWith({ carveOut: { paths: ["/hook"], auth: { mode: "none", reason: "short" } } })).toThrow(
      /carveOut\.auth mode none needs a reason of 10\+ characters/,
    );
  });

  test("fails if a carve-out changes nothing (no anubis, same auth)", () => {
    expect(() => ingressWith({ carveOut: { paths: ["/x"] } })).toThrow(/carveOut without anubis and with the same auth mode/);
  });

  test("a carve-out keeps the main ingress's auth and its own middlewares: no anubis, so anti-AI as the mode has it", () => {
    const ingresses = Object.values(resourcesOf(ingressWith((s) => ({ ...publicSite(s), carveOut: { paths: ["/raw/files/"] } })), "kubernetes_ingress_v1")) as any[];
    const carve = ingresses.find((i) => i.metadata.name === "web-carve-out");
    expect(carve.spec.rule[0].http.path.map((p: any) => p.path)).toEqual(["/raw/files"]);
    expect(annotationsOf(carve)).toMatchObject({ "homelab.auth/mode": "none", "homelab.auth/reason": "public blog, fronted by Anubis" });
    expect(middlewaresOf(carve)).toEqual([mw.crowdsecBouncer, mw.rateLimit, mw.antiAiScraping, mw.retry]);
  });

  test.each([
    ["/", "the whole host"],
    ["", "empty"],
    ["net-diag.sh", "relative"],
    ["raw/net-diag.sh", "relative, with a slash inside"],
    ["/net diag.sh", "with a space"],
    ["/net-diag.sh?x=1", "with a query"],
  ])("fails if a carve-out path is %j (%s)", (path) => {
    expect(() => ingressWith((s) => ({ ...publicSite(s), carveOut: { paths: [path] } }))).toThrow(
      `test/Ingress: carveOut path ${JSON.stringify(path)} is not allowed; allowed: an absolute URL path other than "/", such as /net-diag.sh`,
    );
  });

  test("fails if a carve-out lists no path", () => {
    expect(() => ingressWith((s) => ({ ...publicSite(s), carveOut: { paths: [] } }))).toThrow("test/Ingress: carveOut.paths must list at least one path");
  });
});
