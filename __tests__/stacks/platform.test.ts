import YAML from "yaml";
import { HelmChart } from "../../constructs/helm-chart";
import { Namespace } from "../../constructs/namespace";
import { checkHelmReleases } from "../../contracts/helm-releases";
import { parseInventory } from "../../inventory";
import { PlatformStack } from "../../stacks/platform";
import { lines } from "../contracts/synthesized-input";
import { release } from "../helpers/releases";
import { resourcesOf, synthApp, testInventory } from "../helpers/synth";
import { readProvenance } from "../../contracts/stored";

const platformWith = (inventory = testInventory) => synthApp((app) => new PlatformStack(app), { inventory });

describe("platform stack", () => {
  const { stacks, report } = platformWith();
  const p = stacks.platform;
  const releases = Object.values(resourcesOf(p, "helm_release")) as any[];
  const manifests = (Object.values(resourcesOf(p, "kubernetes_manifest")) as any[]).map((m) => m.manifest);
  const valuesOf = (name: string) => YAML.parse(releases.find((r) => r.name === name).values[0]);
  const traefik = valuesOf("traefik");
  const middleware = (name: string) => manifests.find((m) => m.kind === "Middleware" && m.metadata.name === name).spec;
  const policies = manifests.filter((m) => m.kind === "ClusterPolicy");
  const policy = (name: string) => policies.find((m) => m.metadata.name === name);

  test("tier 0: local state", () => {
    expect(p.terraform.backend).toEqual({ local: { path: "../../../state/platform.tfstate" } });
  });

  test("no rule finding", () => {
    expect(report.findings.filter((f) => f.stackId === "platform")).toEqual([]);
  });

  test("Traefik, Kyverno and pvc-autoresizer with pinned chart versions and YAML values", () => {
    // each pinned to the version whose values and templates its stored chart contract holds (the snapshot has the numbers)
    expect(Object.fromEntries(releases.map((r) => [r.name, r.version]))).toEqual({
      traefik: readProvenance("helm-chart-traefik").version,
      kyverno: readProvenance("helm-chart-kyverno").version,
      "pvc-autoresizer": readProvenance("helm-chart-pvc-autoresizer").version,
    });
    for (const r of releases) expect(() => YAML.parse(r.values[0])).not.toThrow();
    expect(traefik.resources).toEqual({ requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "256Mi" } });
  });

  test("pvc-autoresizer runs without its PVC mutating webhook, whose certificate would need cert-manager", () => {
    expect(valuesOf("pvc-autoresizer").webhook).toEqual({ pvcMutatingWebhook: { enabled: false } });
  });

  describe("Traefik as the operator runs it", () => {
    test("3 replicas, a PodDisruptionBudget keeping 2", () => {
      expect(traefik.deployment.replicas).toBe(3);
      expect(traefik.podDisruptionBudget).toEqual({ enabled: true, minAvailable: 2 });
    });

    test("websecure: unlimited writes, 3600s reads, 600s idle", () => {
      expect(traefik.ports.websecure.transport.respondingTimeouts).toEqual({ writeTimeout: 0, readTimeout: "3600s", idleTimeout: "600s" });
    });

    test("HTTP/3 on websecure, advertised on the port clients reach", () => {
      expect(traefik.ports.websecure.http3).toEqual({ enabled: true, advertisedPort: 443 });
      expect(traefik.ports.websecure.exposedPort).toBe(443);
    });

    test("its own load-balancer address from the inventory, externalTrafficPolicy Local", () => {
      expect(traefik.service.annotations).toEqual({ "metallb.io/loadBalancerIPs": testInventory.kubernetes.traefik.loadBalancerAddress });
      expect(traefik.service.spec).toEqual({ externalTrafficPolicy: "Local" });
    });

    test("PROXY protocol trusted only from the inventory's addresses, on both entrypoints", () => {
      for (const entrypoint of ["web", "websecure"]) {
        expect(traefik.ports[entrypoint].proxyProtocol).toEqual({ trustedIPs: testInventory.kubernetes.traefik.proxyProtocolTrustedIPs });
      }
    });

    test("the inventory's addresses flow through: another LB address and relay change the values", () => {
      const other = parseInventory(
        { ...testInventory, kubernetes: { ...testInventory.kubernetes, traefik: { ...testInventory.kubernetes.traefik, loadBalancerAddress: "192.168.30.5", proxyProtocolTrustedIPs: ["192.168.30.1", "192.168.30.2"] } } },
        "test",
      );
      const values = YAML.parse((Object.values(resourcesOf(platformWith(other).stacks.platform, "helm_release")) as any[]).find((r) => r.name === "traefik").values[0]);
      expect(values.service.annotations["metallb.io/loadBalancerIPs"]).toBe("192.168.30.5");
      expect(values.ports.websecure.proxyProtocol.trustedIPs).toEqual(["192.168.30.1", "192.168.30.2"]);
    });

    test("every route strips client X-authentik-* headers: an entrypoint middleware of this stack on web and websecure", () => {
      const { stripAuthentikHeaders } = testInventory.kubernetes.traefik.middlewares;
      expect(traefik.ports.web.middlewares).toEqual([stripAuthentikHeaders]);
      expect(traefik.ports.websecure.middlewares).toEqual([stripAuthentikHeaders]);
      const name = stripAuthentikHeaders.replace(/^traefik-/, "").replace(/@kubernetescrd$/, "");
      const removed = middleware(name).headers.customRequestHeaders;
      // An empty value removes the header (traefik v3.5 pkg/middlewares/headers/header.go).
      for (const header of ["X-authentik-username", "X-authentik-groups", "X-authentik-email", "X-authentik-uid", "X-authentik-jwt"]) {
        expect(removed[header]).toBe("");
      }
    });

    test("forward-auth replaces every X-authentik-* header with the outpost's, whatever its name or case", () => {
      for (const name of ["authentik-forward-auth", "authentik-forward-auth-public"]) {
        const regex = new RegExp(middleware(name).forwardAuth.authResponseHeadersRegex.replace("(?i)", ""), "i");
        for (const header of ["X-Authentik-Username", "x-authentik-anything", "X-authentik-meta-app"]) expect(regex.test(header)).toBe(true);
        expect(regex.test("X-Forwarded-For")).toBe(false);
      }
    });

    test("the public outpost's middleware as the seed spells it: traefik-authentik-forward-auth-public", () => {
      expect(testInventory.kubernetes.traefik.middlewares.authentikPublicForwardAuth).toBe("traefik-authentik-forward-auth-public@kubernetescrd");
      expect(middleware("authentik-forward-auth-public").forwardAuth.address).toMatch(/^http:\/\/ak-outpost-public\.authentik\.svc\.cluster\.local:9000\//);
    });

    test("retry: 2 attempts at 100 ms; rate limiting by Traefik's rateLimit, which answers 429", () => {
      expect(middleware("retry")).toEqual({ retry: { attempts: 2, initialInterval: "100ms" } });
      expect(Object.keys(middleware("rate-limit"))).toEqual(["rateLimit"]);
    });

    test("one Traefik Middleware per inventory reference, named so the reference resolves (CrowdSec's bouncer is the crowdsec stack's)", () => {
      const names = manifests.filter((m) => m.kind === "Middleware").map((m) => `traefik-${m.metadata.name}@kubernetescrd`);
      const { crowdsecBouncer, ...platformMade } = testInventory.kubernetes.traefik.middlewares;
      expect(names.sort()).toEqual(Object.values(platformMade).sort());
      expect(names).not.toContain(crowdsecBouncer);
    });

    test("Traefik loads CrowdSec's bouncer plugin, pinned, and mounts its key (optional, so Traefik starts first)", () => {
      const { values } = release(p, "traefik");
      expect(values.experimental.plugins["crowdsec-bouncer"]).toEqual({ moduleName: "github.com/maxlerebourg/crowdsec-bouncer-traefik-plugin", version: "v1.4.2" });
      expect(values.deployment.additionalVolumes).toEqual([{ name: "crowdsec-bouncer-key", secret: { secretName: "crowdsec-bouncer-key", optional: true } }]);
      expect(values.additionalVolumeMounts).toEqual([{ name: "crowdsec-bouncer-key", mountPath: "/etc/crowdsec-bouncer", readOnly: true }]);
    });

    test("Middlewares wait for the Traefik release that installs their CRD", () => {
      const m = (Object.values(resourcesOf(p, "kubernetes_manifest")) as any[]).find((r) => r.manifest.kind === "Middleware");
      expect(m.depends_on).toEqual([expect.stringMatching(/^helm_release\.Traefik_Release_/)]);
    });

    test("its values pass Traefik 37.1.2's schema; a misspelt key there fails validate, naming the key", () => {
      const input = { stacks: [{ id: "platform", json: p }], workflows: [] };
      expect(lines(checkHelmReleases(input))).toEqual([]);
      const broken = JSON.parse(JSON.stringify(p));
      const release = (Object.values(broken.resource.helm_release) as any[]).find((r) => r.name === "traefik");
      release.values = [YAML.stringify({ ...traefik, podDisruptionBudget: { enabled: true, minAvailble: 2 } })];
      expect(lines(checkHelmReleases({ stacks: [{ id: "platform", json: broken }], workflows: [] }))).toEqual([
        expect.stringMatching(/^platform\/helm_release\.Traefik_Release_\w+\.values\.podDisruptionBudget\.minAvailble: 2 is not a value the chart declares \(additionalProperties: false\).*\(upstream: traefik@37\.1\.2 .*values\.schema\.json\)$/),
      ]);
    });
  });

  describe("Kyverno as the seed locks it", () => {
    test("the policy that injects dns_config, failure policy Ignore", () => {
      expect(policy("inject-dns-config").spec.webhookConfiguration).toEqual({ failurePolicy: "Ignore" });
    });

    test("every ClusterPolicy has failure policy Ignore", () => {
      expect(policies.length).toBeGreaterThan(1);
      for (const m of policies) expect([m.metadata.name, m.spec.webhookConfiguration?.failurePolicy]).toEqual([m.metadata.name, "Ignore"]);
    });

    test.each(["deny-privileged-containers", "deny-host-namespaces", "restrict-sys-admin", "require-trusted-registries"])(
      "wave 1: %s in Enforce on pods, skipping the inventory's excluded namespaces",
      (name) => {
        const rules = policy(name).spec.rules;
        expect(rules).toHaveLength(1);
        expect(rules[0].validate.failureAction).toBe("Enforce");
        expect(rules[0].match.any[0].resources.kinds).toEqual(["Pod"]);
        expect(rules[0].exclude.any[0].resources.namespaces).toEqual(testInventory.kubernetes.kyverno.excludedNamespaces);
      },
    );

    test("trusted registries from the inventory, each as <registry>/*, alternatives joined by |", () => {
      const image = policy("require-trusted-registries").spec.rules[0].validate.pattern.spec.containers[0].image;
      expect(image.split(" | ")).toEqual(testInventory.kubernetes.kyverno.trustedRegistries.map((r) => `${r}/*`));
    });

    test("restrict-sys-admin refuses SYS_ADMIN however it is added (CAP_ prefix, ALL)", () => {
      const condition = policy("restrict-sys-admin").spec.rules[0].validate.deny.conditions.any[0];
      expect(condition.operator).toBe("AnyIn");
      expect(condition.value).toEqual(expect.arrayContaining(["SYS_ADMIN", "CAP_SYS_ADMIN", "ALL"]));
    });

    /** The platform with one more chart, whose pods need host access, in the given namespace. */
    const withHostLevelChart = (namespace: string) =>
      synthApp((app) => {
        const stack = new PlatformStack(app);
        new HelmChart(stack, "CsiNode", {
          name: "csi-node",
          namespace: new Namespace(stack, "CsiNs", { name: namespace }),
          repository: "https://charts.example.org",
          chart: "csi",
          version: "1.0.0",
          hostAccess: "the node plugin mounts block devices (privileged)",
        });
      });

    test("fails if a chart whose pods need host access is installed where the policies enforce", () => {
      expect(() => withHostLevelChart("csi")).toThrow(
        /platform\/CsiNode: chart csi-node runs pods with host access \(the node plugin mounts block devices \(privileged\)\) in namespace csi, where deny-privileged-containers, deny-host-namespaces, restrict-sys-admin, require-trusted-registries refuse them; allowed: a namespace in the inventory's kubernetes\.kyverno\.excludedNamespaces \(kube-system/,
      );
    });

    test("a chart with host access in an excluded namespace is accounted for", () => {
      expect(() => withHostLevelChart(testInventory.kubernetes.kyverno.excludedNamespaces[0])).not.toThrow();
    });
  });
});
