import { Construct, IConstruct } from "constructs";
import { AuthentikWalloffProbe } from "../constructs/authentik-walloff-probe";
import { recordCatalogFacts } from "../constructs/catalog-facts";
import { ExternalSecret } from "../constructs/external-secret";
import { HelmChart } from "../constructs/helm-chart";
import { HomelabStack } from "../constructs/homelab-stack";
import { IngressFactory } from "../constructs/ingress-factory";
import { Namespace } from "../constructs/namespace";
import { PrometheusRule } from "../constructs/prometheus-rule";
import { ENCRYPTED_STORAGE_CLASS, RESIZE_INCREASE_ANNOTATION, RESIZE_LIMIT_ANNOTATION, RESIZE_THRESHOLD_ANNOTATION } from "../constructs/proxmox-claim-template";
import { ServiceSecrets, ServiceSecretsDeclaration } from "../constructs/service-secrets";
import { BACKUP_ALERTS, CLUSTER_ALERTS, INHIBITIONS, MONITORING_JOBS, STORAGE_ALERTS } from "./monitoring-alerts";
import { chartResources } from "./platform";

/**
 * Chart versions of the monitoring stack, pinned; kube-prometheus-stack brings the Prometheus operator and its CRDs.
 * Each entry spells repository, chart and version out: renovate.json's chart manager reads that form.
 */
export const MONITORING_CHARTS = {
  kubePrometheusStack: { repository: "https://prometheus-community.github.io/helm-charts", chart: "kube-prometheus-stack", version: "88.5.3" },
  kubeStateMetrics: { repository: "https://prometheus-community.github.io/helm-charts", chart: "kube-state-metrics", version: "8.4.0" },
  nodeExporter: { repository: "https://prometheus-community.github.io/helm-charts", chart: "prometheus-node-exporter", version: "4.56.1" },
  blackboxExporter: { repository: "https://prometheus-community.github.io/helm-charts", chart: "prometheus-blackbox-exporter", version: "11.17.2" },
} as const;

/** What the monitoring stack reads from Vault: Alertmanager's receiver credentials. */
export const MONITORING_SECRETS = {
  service: "monitoring",
  reads: ["monitoring/alertmanager"],
  runsOn: "kubernetes",
  namespace: "monitoring",
} as const satisfies ServiceSecretsDeclaration;

/** The Secret Alertmanager mounts at /etc/alertmanager/secrets/<name>/<key>: receivers read credentials from files. */
const RECEIVER_SECRET = "alertmanager-receivers";
const SLACK_URL_FILE = `/etc/alertmanager/secrets/${RECEIVER_SECRET}/slack-api-url`;

export interface MonitoringStackProps {
  /** The monitoring stack's declared secrets (vault stack). */
  readonly secrets: ServiceSecrets;
}

/** A claim template for an operator-made StatefulSet, with the autoresizer annotations. */
function claimTemplate(storageClass: string, sizeGiB: number, limitGiB: number, increase: string) {
  return {
    volumeClaimTemplate: {
      metadata: {
        annotations: { [RESIZE_THRESHOLD_ANNOTATION]: "10%", [RESIZE_INCREASE_ANNOTATION]: increase, [RESIZE_LIMIT_ANNOTATION]: `${limitGiB}Gi` },
      },
      spec: { storageClassName: storageClass, accessModes: ["ReadWriteOnce"], resources: { requests: { storage: `${sizeGiB}Gi` } } },
    },
  };
}

/** Alertmanager's configuration: routes by severity and lane, the seed's inhibitions, Slack receivers. */
function alertmanagerConfig() {
  const slack = (name: string, channel: string, label: string) => ({
    name,
    slack_configs: [
      {
        send_resolved: true,
        channel,
        title: `{{ if eq .Status "firing" }}[${label}]{{ else }}[RESOLVED]{{ end }} {{ .GroupLabels.alertname }} ({{ .Alerts | len }})`,
        text: "{{ range .Alerts }}• {{ .Annotations.summary }}\n{{ end }}",
      },
    ],
  });
  return {
    global: { slack_api_url_file: SLACK_URL_FILE },
    route: {
      receiver: "slack-warning",
      group_by: ["alertname"],
      group_wait: "30s",
      group_interval: "5m",
      repeat_interval: "4h",
      routes: [
        { receiver: "slack-security", matchers: ["lane = security"], group_wait: "10s", group_interval: "1m", repeat_interval: "1h", continue: false },
        { receiver: "slack-critical", matchers: ["severity = critical"], group_wait: "10s", group_interval: "1m", repeat_interval: "1h", continue: false },
        { receiver: "slack-info", matchers: ["severity = info"], group_wait: "5m", group_interval: "30m", repeat_interval: "12h", continue: false },
      ],
    },
    inhibit_rules: INHIBITIONS.map((i) => ({
      source_matchers: [`alertname = ${i.source}`],
      target_matchers: [i.targets.length === 1 ? `alertname = ${i.targets[0]}` : `alertname =~ "${i.targets.join("|")}"`],
      ...(i.equal ? { equal: i.equal } : {}),
    })),
    receivers: [
      slack("slack-critical", "#alerts", "CRITICAL"),
      slack("slack-warning", "#alerts", "WARNING"),
      slack("slack-info", "#alerts", "INFO"),
      slack("slack-security", "#security", "SECURITY"),
    ],
  };
}

/**
 * Prometheus and Alertmanager through kube-prometheus-stack (the Prometheus operator and
 * its CRDs, which the estate's ServiceMonitors, PodMonitors and PrometheusRules need),
 * kube-state-metrics and node-exporter as their own releases, the baseline alerts, and the
 * walling-off guard. Tier 0: it is what tells the operator PostgreSQL is down, and must be
 * repairable then; and tier-0 stacks declare scrape targets whose CRDs it installs.
 * Critical: no NFS anywhere, so it keeps working, and alerting, when NFS is down.
 */
export class MonitoringStack extends HomelabStack {
  readonly namespace: Namespace;
  /** The release installing the Prometheus operator's CRDs: custom resources of other stacks wait for it. */
  readonly operator: HelmChart;
  private readonly blackbox: HelmChart;
  private guarded = false;

  constructor(scope: Construct, props: MonitoringStackProps) {
    super(scope, "monitoring", {
      tier: 0,
      cluster: "kubernetes",
      critical: true,
      description: "Prometheus, Alertmanager, the Prometheus operator, kube-state-metrics, node-exporter, blackbox probes",
    });
    const namespace = (this.namespace = new Namespace(this, "Namespace", { name: MONITORING_SECRETS.namespace }));
    const receivers = new ExternalSecret(this, "ReceiverSecret", {
      namespace,
      name: RECEIVER_SECRET,
      secrets: props.secrets,
      keys: { "slack-api-url": { path: "monitoring/alertmanager", property: "slack_api_url" } },
    });

    const operator = (this.operator = new HelmChart(this, "KubePrometheusStack", {
      name: "kube-prometheus-stack",
      namespace,
      ...MONITORING_CHARTS.kubePrometheusStack,
      timeoutSeconds: 900,
      values: {
        fullnameOverride: "kps",
        // The estate's own alerts (below) replace the chart's defaults, which assume a managed control plane.
        defaultRules: { create: false },
        grafana: { enabled: false },
        // Installed as their own releases, so their charts are checked like every other.
        kubeStateMetrics: { enabled: false },
        nodeExporter: { enabled: false },
        // kubeadm binds these to 127.0.0.1: they cannot be scraped, and would only ever be down.
        kubeControllerManager: { enabled: false },
        kubeScheduler: { enabled: false },
        kubeEtcd: { enabled: false },
        kubeProxy: { enabled: false },
        prometheusOperator: {
          resources: chartResources(50, 192),
          // An unavailable webhook must not block every PrometheusRule in the cluster.
          admissionWebhooks: { failurePolicy: "Ignore" },
        },
        prometheus: {
          prometheusSpec: {
            // Every ServiceMonitor, PodMonitor, Probe and rule in the cluster, not only the chart's own.
            serviceMonitorSelectorNilUsesHelmValues: false,
            podMonitorSelectorNilUsesHelmValues: false,
            probeSelectorNilUsesHelmValues: false,
            ruleSelectorNilUsesHelmValues: false,
            scrapeConfigSelectorNilUsesHelmValues: false,
            retention: "26w",
            retentionSize: "180GB",
            walCompression: true,
            resources: chartResources(100, 4096),
            // Metrics are not sensitive: plain LVM, never NFS (HL-K8S-2).
            storageSpec: claimTemplate("proxmox-lvm", 200, 500, "10%"),
          },
        },
        alertmanager: {
          config: alertmanagerConfig(),
          alertmanagerSpec: {
            secrets: [receivers.secretName],
            resources: chartResources(25, 256),
            storage: claimTemplate(ENCRYPTED_STORAGE_CLASS, 2, 10, "100%"),
          },
        },
      },
    }));
    recordCatalogFacts(operator, {
      scrape: "kube-prometheus-stack: its own ServiceMonitors (operator, Prometheus, Alertmanager, kubelet and cAdvisor, API server)",
      backup:
        "none: Prometheus' claims are the operator's (StatefulSet templates), metrics history is regenerable, and Alertmanager keeps only silences; the configuration is this code",
    });

    const kubeStateMetrics = new HelmChart(this, "KubeStateMetrics", {
      name: "kube-state-metrics",
      namespace,
      ...MONITORING_CHARTS.kubeStateMetrics,
      values: {
        fullnameOverride: MONITORING_JOBS.kubeStateMetrics,
        resources: chartResources(20, 128),
        prometheus: { monitor: { enabled: true, honorLabels: true } },
        // The backup alerts select the estate's backup jobs by their component label.
        metricLabelsAllowlist: ["jobs=[app.kubernetes.io/component]", "cronjobs=[app.kubernetes.io/component]"],
      },
    });
    const nodeExporter = new HelmChart(this, "NodeExporter", {
      name: "node-exporter",
      namespace,
      ...MONITORING_CHARTS.nodeExporter,
      hostAccess: "node-exporter reads every node's /proc, /sys and root filesystem from the host's network and PID namespaces",
      values: {
        fullnameOverride: MONITORING_JOBS.nodeExporter,
        resources: chartResources(25, 100),
        prometheus: { monitor: { enabled: true } },
      },
    });
    recordCatalogFacts(kubeStateMetrics, { scrape: `kube-state-metrics: the chart's ServiceMonitor (job ${MONITORING_JOBS.kubeStateMetrics})` });
    recordCatalogFacts(nodeExporter, { scrape: `node-exporter: the chart's ServiceMonitor (job ${MONITORING_JOBS.nodeExporter})` });
    this.blackbox = new HelmChart(this, "BlackboxExporter", {
      name: "blackbox-exporter",
      namespace,
      ...MONITORING_CHARTS.blackboxExporter,
      values: {
        fullnameOverride: "blackbox-exporter",
        resources: chartResources(5, 48),
        // null drops the chart's Gateway API route template (Helm deletes a default set to null); nothing serves HTTPRoute here.
        route: null,
        config: { modules: AuthentikWalloffProbe.modules(this.inventory.domains.public) },
      },
    });

    const rules = new Construct(this, "Alerts");
    for (const [id, name, alerts] of [
      ["Cluster", "cluster", CLUSTER_ALERTS],
      ["Storage", "storage", STORAGE_ALERTS],
      ["Backups", "backups", BACKUP_ALERTS],
    ] as const) {
      new PrometheusRule(rules, id, { namespace, name, alerts, after: [operator] });
    }
  }

  /**
   * Probes every route of the estate that must stay out of Authentik (auth none or app, in
   * public DNS, not Authentik's own) and alerts when one starts redirecting to it: the
   * walling-off guard. Call once, after every stack is defined.
   */
  guardUnwalledRoutes(scope: IConstruct): void {
    if (this.guarded) throw new Error(`${this.node.path}: guardUnwalledRoutes was already called; call it once, after every stack is defined`);
    this.guarded = true;
    const routes = scope.node
      .findAll()
      .filter((c): c is IngressFactory => c instanceof IngressFactory)
      .flatMap((ingress) => ingress.routes)
      .filter((r) => r.dns !== "none" && (r.auth === "none" || r.auth === "app") && !r.partOfAuthentik);
    new AuthentikWalloffProbe(this, "WalloffProbe", {
      namespace: this.namespace,
      blackbox: this.blackbox,
      jobName: MONITORING_JOBS.walloffProbe,
      urls: routes.flatMap((r) => r.paths.map((p) => `https://${r.host}${p}`)),
      after: [this.operator],
    });
  }
}
