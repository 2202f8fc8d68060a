import YAML from "yaml";
import { readTerraformLiteral } from "../../constructs/terraform-literal";
import { IngressFactory } from "../../constructs/ingress-factory";
import { HomelabApp } from "../../constructs";
import { defineEstate } from "../../main";
import { synthApp, testInventory } from "../helpers/synth";

/** The whole estate: the walling-off guard reads every stack's routes. */
let estate: HomelabApp | undefined;
const { stacks, report } = synthApp((app) => {
  defineEstate(app);
  estate = app;
});
const m = stacks.monitoring;
const releases = Object.values<any>(m.resource.helm_release);
const release = (chart: string) => releases.find((r) => r.chart === chart);
const valuesOf = (chart: string) => YAML.parse(readTerraformLiteral(release(chart).values[0]));
const manifests = Object.values<any>(m.resource.kubernetes_manifest).map((r) => r.manifest);
const rules = manifests.filter((x) => x.kind === "PrometheusRule").flatMap((x) => x.spec.groups.flatMap((g: any) => g.rules));
const alertNames = rules.map((r: any) => r.alert);

describe("monitoring stack", () => {
  test("tier 0, local state: it tells the operator PostgreSQL is down and must be repairable then", () => {
    expect(Object.keys(m.terraform.backend)).toEqual(["local"]);
  });

  test("no rule finding, and nothing on NFS: it must alert when NFS is down (HL-K8S-2)", () => {
    expect(report.findings.filter((f) => f.stackId === "monitoring" && f.acknowledged === undefined)).toEqual([]);
    expect(JSON.stringify(m)).not.toMatch(/"nfs"|nfs-static|storage_class_name":"nfs/);
    const storage = valuesOf("kube-prometheus-stack");
    expect(storage.prometheus.prometheusSpec.storageSpec.volumeClaimTemplate.spec.storageClassName).toBe("proxmox-lvm");
    expect(storage.alertmanager.alertmanagerSpec.storage.volumeClaimTemplate.spec.storageClassName).toBe("proxmox-lvm-encrypted");
  });

  test("the Prometheus operator comes with its CRDs and selects every ServiceMonitor, PodMonitor, Probe and rule of the cluster", () => {
    const spec = valuesOf("kube-prometheus-stack").prometheus.prometheusSpec;
    for (const key of ["serviceMonitor", "podMonitor", "probe", "rule"]) expect(spec[`${key}SelectorNilUsesHelmValues`]).toBe(false);
    expect(valuesOf("kube-prometheus-stack").crds).toBeUndefined(); // the chart's default installs them
    expect(release("kube-prometheus-stack").version).toMatch(/^\d+\.\d+\.\d+$/);
  });

  test("the seed's baseline alerts: OOM kills, replica mismatch, NFS responsiveness, memory pressure", () => {
    for (const name of ["ContainerOOMKilled", "DeploymentReplicasMismatch", "StatefulSetReplicasMismatch", "NFSServerUnresponsive", "NodeMemoryPressure", "ClusterMemoryRequestsHigh", "ContainerNearOOM", "PodUnschedulable"]) {
      expect(alertNames).toContain(name);
    }
  });

  test("completed CronJob pods are not counted as not ready", () => {
    expect(rules.find((r: any) => r.alert === "PodNotReady").expr).toContain('unless on(namespace, pod) kube_pod_owner{owner_kind="Job"}');
  });

  test("Alertmanager's inhibitions name only alerts the estate defines, and a node down mutes the pods on it", () => {
    const config = valuesOf("kube-prometheus-stack").alertmanager.config;
    /** The alert names a matcher selects: `alertname = X` or `alertname =~ "X|Y"`. */
    const selected = (matchers: string[]) => matchers.flatMap((m) => /^alertname =~? "?([^"]+)"?$/.exec(m)![1].split("|"));
    const named = config.inhibit_rules.flatMap((r: any) => [...selected(r.source_matchers), ...selected(r.target_matchers)]);
    expect(named.filter((name: string) => !alertNames.includes(name))).toEqual([]);
    // the guide (003): if a node is down, suppress the pod alerts
    const nodeDown = config.inhibit_rules.find((r: any) => r.source_matchers[0] === "alertname = NodeDown");
    expect(selected(nodeDown.target_matchers)).toEqual(expect.arrayContaining(["PodCrashLooping", "PodNotReady", "ContainerOOMKilled"]));
  });

  test("receivers read the Slack URL from a file the ExternalSecret fills, never from code", () => {
    const config = valuesOf("kube-prometheus-stack").alertmanager.config;
    expect(config.global).toEqual({ slack_api_url_file: "/etc/alertmanager/secrets/alertmanager-receivers/slack-api-url" });
    const secret = manifests.find((x) => x.kind === "ExternalSecret");
    expect(secret.spec.target.name).toBe("alertmanager-receivers");
    expect(valuesOf("kube-prometheus-stack").alertmanager.alertmanagerSpec.secrets).toEqual(["alertmanager-receivers"]);
    expect(config.route.routes[0]).toMatchObject({ receiver: "slack-security", matchers: ["lane = security"] });
  });

  test("the alerts' job labels are the ones the charts' monitors produce", () => {
    expect(valuesOf("kube-state-metrics").fullnameOverride).toBe("kube-state-metrics");
    expect(valuesOf("prometheus-node-exporter").fullnameOverride).toBe("node-exporter");
    expect(rules.find((r: any) => r.alert === "NodeExporterDown").expr).toBe('up{job="node-exporter"} == 0');
    expect(valuesOf("kube-state-metrics").metricLabelsAllowlist).toContain("cronjobs=[app.kubernetes.io/component]");
  });

  test("every custom resource waits for the release that installs its CRD", () => {
    const operator = Object.keys(m.resource.helm_release).find((k) => m.resource.helm_release[k].chart === "kube-prometheus-stack");
    for (const r of Object.values<any>(m.resource.kubernetes_manifest).filter((r) => r.manifest.apiVersion === "monitoring.coreos.com/v1")) {
      expect(r.depends_on).toContain(`helm_release.${operator}`);
    }
  });
});

describe("the walling-off guard", () => {
  const probe = manifests.find((x) => x.kind === "Probe");
  const routes = estate!.node.findAll().flatMap((c) => (c instanceof IngressFactory ? c.routes : []));

  test("probes every route kept out of Authentik that public DNS publishes, and no other", () => {
    const expected = routes
      .filter((r) => (r.auth === "none" || r.auth === "app") && r.dns !== "none" && !r.partOfAuthentik)
      .flatMap((r) => r.paths.map((p) => `https://${r.host}${p}`))
      .sort();
    expect(expected.length).toBeGreaterThan(0);
    expect(probe.spec.targets.staticConfig.static).toEqual(expected);
    const behindAuthentik = routes.filter((r) => r.auth === "required").flatMap((r) => r.paths.map((p) => `https://${r.host}${p}`));
    for (const url of behindAuthentik) expect(probe.spec.targets.staticConfig.static).not.toContain(url);
    // Authentik's own login and outposts redirect to it by design.
    const authentikOwn = routes.filter((r) => r.partOfAuthentik).map((r) => `https://${r.host}/`);
    expect(authentikOwn.length).toBeGreaterThan(0);
    for (const url of authentikOwn) expect(probe.spec.targets.staticConfig.static).not.toContain(url);
  });

  test("fails only on a redirect to Authentik, whatever the status", () => {
    const module = valuesOf("prometheus-blackbox-exporter").config.modules[probe.spec.module];
    expect(module.http.no_follow_redirects).toBe(true);
    expect(module.http.valid_status_codes).toEqual(expect.arrayContaining([200, 302, 404]));
    const [match] = module.http.fail_if_header_matches;
    expect(match.header).toBe("Location");
    const regexp = new RegExp(match.regexp);
    expect(regexp.test(`https://authentik.${testInventory.domains.public}/application/o/authorize/?client_id=x`)).toBe(true);
    expect(regexp.test(`https://blog.${testInventory.domains.public}/2025/`)).toBe(false);
    const alert = rules.find((r: any) => r.alert === "AuthentikWallingOffPublicPath");
    expect(alert).toMatchObject({ expr: `probe_failed_due_to_regex{job="${probe.spec.jobName}"} == 1`, for: "10m", labels: { lane: "security" } });
  });

  test("fails if called twice", () => {
    const monitoring = estate!.node.findChild("monitoring") as any;
    expect(() => monitoring.guardUnwalledRoutes(estate)).toThrow("monitoring: guardUnwalledRoutes was already called; call it once, after every stack is defined");
  });
});
