import { Construct } from "constructs";
import type { IClusterPolicy } from "../.gen/models/kyverno.io/v1/ClusterPolicy";
import { AuthentikOutpost, authentikForwardAuthAddress } from "../constructs/authentik-outposts";
import { CustomResource } from "../constructs/custom-resource";
import { HelmChart } from "../constructs/helm-chart";
import { HomelabStack } from "../constructs/homelab-stack";
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

/** Container resources for chart values: CPU request only, memory request = limit. */
export function chartResources(cpuMillis: number, memoryMiB: number) {
  return { requests: { cpu: `${cpuMillis}m`, memory: `${memoryMiB}Mi` }, limits: { memory: `${memoryMiB}Mi` } };
}

/** Cluster plumbing every app relies on: Traefik and its middlewares, Kyverno, pvc-autoresizer. */
export class PlatformStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "platform", {
      tier: 0,
      cluster: "kubernetes",
      description: "Traefik and its middlewares, Kyverno, pvc-autoresizer",
    });
    const traefikNamespace = new Namespace(this, "TraefikNamespace", { name: TRAEFIK_NAMESPACE.name });
    const traefik = new HelmChart(this, "Traefik", {
      name: "traefik",
      namespace: traefikNamespace,
      ...PLATFORM_CHARTS.traefik,
      values: {
        deployment: { replicas: 2 },
        ingressClass: { enabled: true, isDefaultClass: true, name: "traefik" },
        providers: { kubernetesCRD: { enabled: true, allowCrossNamespace: true }, kubernetesIngress: { enabled: true } },
        ports: { web: { redirections: { entryPoint: { to: "websecure", scheme: "https" } } }, websecure: { tls: { enabled: true } } },
        resources: chartResources(100, 256),
      },
    });

    const m = this.inventory.kubernetes.traefik.middlewares;
    const authentikOutpost = (outpost: AuthentikOutpost) => ({
      address: authentikForwardAuthAddress(outpost),
      trustForwardHeader: true,
      authResponseHeaders: ["X-authentik-username", "X-authentik-groups", "X-authentik-email", "X-authentik-uid"],
    });
    const middlewares = new Construct(this, "Middlewares");
    const common = { namespace: traefikNamespace, namespaceName: "traefik", traefik };
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
    new TraefikMiddleware(middlewares, "AntiAiScraping", {
      ...common,
      reference: m.antiAiScraping,
      spec: { headers: { customResponseHeaders: { "X-Robots-Tag": "noai, noimageai, noarchive" } } },
    });
    new TraefikMiddleware(middlewares, "Retry", { ...common, reference: m.retry, spec: { retry: { attempts: 3, initialInterval: "100ms" } } });
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
