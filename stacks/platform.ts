import { Construct } from "constructs";
import type { IClusterPolicy } from "../.gen/models/kyverno.io/v1/ClusterPolicy";
import { AUTHENTIK_HEADERS_REGEX, AUTHENTIK_IDENTITY_HEADERS, AuthentikOutpost, authentikForwardAuthAddress } from "../constructs/authentik-outposts";
import { crowdsecBouncerTraefikValues } from "../constructs/crowdsec-bouncer";
import { CustomResource } from "../constructs/custom-resource";
import { HelmChart } from "../constructs/helm-chart";
import { HomelabStack } from "../constructs/homelab-stack";
import { KYVERNO_FAILURE_POLICY, KyvernoWave1Policies } from "../constructs/kyverno-wave1-policies";
import { Namespace, NamespaceRef } from "../constructs/namespace";
import { TraefikMiddleware } from "../constructs/traefik-middleware";

/** Chart versions of the platform, pinned. */
export const PLATFORM_CHARTS = {
  traefik: { repository: "https://traefik.github.io/charts", chart: "traefik", version: "37.1.2" },
  kyverno: { repository: "https://kyverno.github.io/kyverno", chart: "kyverno", version: "3.5.2" },
  // 0.17.1 was never published (the index goes 0.17.0, 0.18.0); 0.17.0 is the release meant.
  pvcAutoresizer: { repository: "https://topolvm.github.io/pvc-autoresizer", chart: "pvc-autoresizer", version: "0.17.0" },
} as const;

/** Traefik's namespace: its middlewares' references start with its name. */
export const TRAEFIK_NAMESPACE: NamespaceRef = { name: "traefik" };

/** The port clients reach Traefik's websecure entrypoint on (its Service port, TCP and UDP). */
const WEBSECURE_PORT = 443;

/** MetalLB's annotation for the address a LoadBalancer Service gets (metallb controller/service.go). */
const METALLB_ADDRESS_ANNOTATION = "metallb.io/loadBalancerIPs";

/** Container resources for chart values: CPU request only, memory request = limit. */
export function chartResources(cpuMillis: number, memoryMiB: number) {
  return { requests: { cpu: `${cpuMillis}m`, memory: `${memoryMiB}Mi` }, limits: { memory: `${memoryMiB}Mi` } };
}

/** Cluster plumbing every app relies on: Traefik and its middlewares, Kyverno and its policies, pvc-autoresizer. */
export class PlatformStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "platform", {
      tier: 0,
      cluster: "kubernetes",
      description: "Traefik and its middlewares, Kyverno and its policies, pvc-autoresizer",
    });
    const traefikNamespace = new Namespace(this, "TraefikNamespace", { name: TRAEFIK_NAMESPACE.name });
    const { middlewares: m, loadBalancerAddress, proxyProtocolTrustedIPs } = this.inventory.kubernetes.traefik;
    // PROXY protocol headers are believed only from the inventory's senders (the router's
    // IPv6 relay); anyone else claiming a client address is ignored.
    const proxyProtocol = { trustedIPs: [...proxyProtocolTrustedIPs] };
    // Entrypoint middlewares run before every router's own, on every route of the entrypoint.
    const everyRoute = [m.stripAuthentikHeaders];
    // CrowdSec's bouncer runs inside Traefik as a plugin; its Middleware (crowdsec stack) is on every ingress.
    const bouncer = crowdsecBouncerTraefikValues();
    const traefik = new HelmChart(this, "Traefik", {
      name: "traefik",
      namespace: traefikNamespace,
      ...PLATFORM_CHARTS.traefik,
      values: {
        deployment: { replicas: 3, ...bouncer.deployment },
        experimental: bouncer.experimental,
        additionalVolumeMounts: bouncer.additionalVolumeMounts,
        podDisruptionBudget: { enabled: true, minAvailable: 2 },
        ingressClass: { enabled: true, isDefaultClass: true, name: "traefik" },
        providers: { kubernetesCRD: { enabled: true, allowCrossNamespace: true }, kubernetesIngress: { enabled: true } },
        ports: {
          web: { redirections: { entryPoint: { to: "websecure", scheme: "https" } }, proxyProtocol, middlewares: everyRoute },
          websecure: {
            tls: { enabled: true },
            exposedPort: WEBSECURE_PORT,
            // Alt-Svc must name the port clients reach (the Service's 443), not the pod's 8443.
            http3: { enabled: true, advertisedPort: WEBSECURE_PORT },
            proxyProtocol,
            middlewares: everyRoute,
            // These are hard caps on a whole request, not idle timers: a finite writeTimeout
            // cuts every download at that mark (60s once truncated Immich videos), so writes are
            // unlimited; reads stay finite against slow-loris but allow an hour-long upload.
            transport: { respondingTimeouts: { writeTimeout: 0, readTimeout: "3600s", idleTimeout: "600s" } },
          },
        },
        service: {
          // Its own address, not the shared one: MetalLB refuses mixed externalTrafficPolicy on
          // one IP, and Local keeps the real client address for CrowdSec (Cluster SNATs it).
          annotations: { [METALLB_ADDRESS_ANNOTATION]: loadBalancerAddress },
          spec: { externalTrafficPolicy: "Local" },
        },
        resources: chartResources(100, 256),
      },
    });

    const authentikOutpost = (outpost: AuthentikOutpost) => ({
      address: authentikForwardAuthAddress(outpost),
      trustForwardHeader: true,
      // Drops every X-authentik-* header of the request, whatever its name, then copies the
      // outpost's: behind forward-auth the identity is only ever the outpost's.
      authResponseHeadersRegex: AUTHENTIK_HEADERS_REGEX,
    });
    const middlewares = new Construct(this, "Middlewares");
    const common = { namespace: traefikNamespace, namespaceName: TRAEFIK_NAMESPACE.name, traefik };
    new TraefikMiddleware(middlewares, "AuthentikForwardAuth", {
      ...common,
      reference: m.authentikForwardAuth,
      spec: { forwardAuth: authentikOutpost("embedded") },
    });
    new TraefikMiddleware(middlewares, "AuthentikPublicForwardAuth", {
      ...common,
      reference: m.authentikPublicForwardAuth,
      spec: { forwardAuth: authentikOutpost("public") },
    });
    // Routes without forward-auth (auth app, none) would pass a client's X-authentik-username
    // to a backend that trusts it: on every route, an empty value removes the header.
    new TraefikMiddleware(middlewares, "StripAuthentikHeaders", {
      ...common,
      reference: m.stripAuthentikHeaders,
      spec: { headers: { customRequestHeaders: Object.fromEntries(AUTHENTIK_IDENTITY_HEADERS.map((h) => [h, ""])) } },
    });
    new TraefikMiddleware(middlewares, "AntiAiScraping", {
      ...common,
      reference: m.antiAiScraping,
      spec: { headers: { customResponseHeaders: { "X-Robots-Tag": "noai, noimageai, noarchive" } } },
    });
    new TraefikMiddleware(middlewares, "Retry", { ...common, reference: m.retry, spec: { retry: { attempts: 2, initialInterval: "100ms" } } });
    // Traefik's rateLimit answers 429 Too Many Requests, never 503, so clients back off
    // instead of treating the service as down.
    new TraefikMiddleware(middlewares, "RateLimit", {
      ...common,
      reference: m.rateLimit,
      spec: { rateLimit: { average: 100, burst: 200, period: "1s" } },
    });

    const kyvernoNamespace = new Namespace(this, "KyvernoNamespace", { name: "kyverno" });
    const kyverno = new HelmChart(this, "Kyverno", {
      name: "kyverno",
      namespace: kyvernoNamespace,
      ...PLATFORM_CHARTS.kyverno,
      values: {
        admissionController: { replicas: 1, container: { resources: chartResources(100, 384) } },
        backgroundController: { resources: chartResources(50, 128) },
        cleanupController: { resources: chartResources(50, 128) },
        reportsController: { resources: chartResources(50, 128) },
      },
    });
    // The mutation every workload's KyvernoDnsConfigAspect compensates for: short DNS
    // search lists (ndots 2) so external names do not walk the cluster search domains.
    new CustomResource<IClusterPolicy>(this, "DnsConfigPolicy", {
      apiVersion: "kyverno.io/v1",
      kind: "ClusterPolicy",
      name: "inject-dns-config",
      body: {
        spec: {
          webhookConfiguration: KYVERNO_FAILURE_POLICY,
          rules: [
            {
              name: "ndots",
              match: { any: [{ resources: { kinds: ["Pod"] } }] },
              exclude: { any: [{ resources: { namespaces: ["kube-system", "kyverno"] } }] },
              mutate: { patchStrategicMerge: { spec: { dnsConfig: { options: [{ name: "ndots", value: "2" }] } } } },
            },
          ],
        },
      },
      after: [kyverno],
    });
    new KyvernoWave1Policies(this, "Wave1Policies", { kyverno });

    const autoresizerNamespace = new Namespace(this, "AutoresizerNamespace", { name: "pvc-autoresizer" });
    new HelmChart(this, "PvcAutoresizer", {
      name: "pvc-autoresizer",
      namespace: autoresizerNamespace,
      ...PLATFORM_CHARTS.pvcAutoresizer,
      values: {
        controller: { args: { prometheusURL: "http://prometheus-operated.monitoring.svc:9090", interval: "1m" }, resources: chartResources(20, 64) },
        // The PVC mutating webhook only serves "initial resize" (resize.topolvm.io/initial-resize-group-by),
        // which no claim here uses. Left on, it needs cert-manager (not installed) for its certificate and,
        // with failurePolicy Fail on every PVC CREATE, blocks all new claims whenever the controller is down.
        webhook: { pvcMutatingWebhook: { enabled: false } },
      },
    });
  }
}
