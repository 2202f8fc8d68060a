import { uptimeServiceAnnotations } from "../../constructs/workload-monitoring";
import { SynthResource } from "../../policy/rule";
import { k8sWorkloadObservability } from "../../policy/rules/k8s-workload-observability";
import { context, res, stackOf } from "./k8s-rules.fixtures";

const workload = (annotations: Record<string, string>, { type = "kubernetes_deployment_v1", name = "web", namespace = "apps", app = "web" } = {}): SynthResource =>
  res(type, { metadata: { name, namespace, annotations }, spec: { template: { metadata: { labels: { "app.kubernetes.io/name": app } }, spec: {} } } }, `s/${name}/Resource`);
const monitor = (kind: string, namespace = "apps", app = "web"): SynthResource =>
  res("kubernetes_manifest", { manifest: { kind, metadata: { name: app, namespace }, spec: { selector: { matchLabels: { "app.kubernetes.io/name": app } } } } }, `s/${kind}/Resource`);
const service = (annotations: Record<string, string>, { namespace = "apps", app = "web", type = "kubernetes_service_v1" } = {}): SynthResource =>
  res(type, { metadata: { name: app, namespace, annotations }, spec: { selector: { "app.kubernetes.io/name": app } } }, "s/Service/Resource");
const check = (...resources: SynthResource[]) => k8sWorkloadObservability.check([stackOf(resources)], context).map((p) => `${p.path}: ${p.message}`);

const NO_METRICS = { "homelab.metrics/mode": "none", "homelab.metrics/reason": "serves no Prometheus metrics" };
const NO_UPTIME = { "homelab.uptime/mode": "none", "homelab.uptime/reason": "a worker with no Service" };

describe("HL-K8S-15 every workload records its metrics decision", () => {
  test("compliant: a ServiceMonitor or PodMonitor of the stack selecting it in its namespace; none with a reason", () => {
    expect(check(workload({ "homelab.metrics/mode": "servicemonitor", ...NO_UPTIME }), monitor("ServiceMonitor"))).toEqual([]);
    expect(check(workload({ "homelab.metrics/mode": "podmonitor", ...NO_UPTIME }), monitor("PodMonitor"))).toEqual([]);
    expect(check(workload({ ...NO_METRICS, ...NO_UPTIME }))).toEqual([]);
  });

  test("non-compliant: no monitor of that kind, in that namespace, selecting that app", () => {
    const refused = (mode: string, kind: string) => [`s/web/Resource: workload web has metrics mode ${mode}, but no ${kind} in stack s selects app.kubernetes.io/name="web" in its namespace`];
    const sm = workload({ "homelab.metrics/mode": "servicemonitor", ...NO_UPTIME });
    expect(check(sm)).toEqual(refused("servicemonitor", "ServiceMonitor"));
    expect(check(sm, monitor("PodMonitor"))).toEqual(refused("servicemonitor", "ServiceMonitor"));
    expect(check(sm, monitor("ServiceMonitor", "other"))).toEqual(refused("servicemonitor", "ServiceMonitor"));
    expect(check(sm, monitor("ServiceMonitor", "apps", "api"))).toEqual(refused("servicemonitor", "ServiceMonitor"));
    expect(check(sm, { ...monitor("ServiceMonitor"), type: "kubernetes_config_map_v1" })).toEqual(refused("servicemonitor", "ServiceMonitor"));
    expect(check(workload({ "homelab.metrics/mode": "podmonitor", ...NO_UPTIME }), monitor("ServiceMonitor"))).toEqual(refused("podmonitor", "PodMonitor"));
  });

  test("non-compliant: a monitor of the kind that names no namespace or selects no app (no metadata, spec, selector or matchLabels)", () => {
    const sm = workload({ "homelab.metrics/mode": "servicemonitor", ...NO_UPTIME });
    const refused = ['s/web/Resource: workload web has metrics mode servicemonitor, but no ServiceMonitor in stack s selects app.kubernetes.io/name="web" in its namespace'];
    const manifest = (m: Record<string, unknown>) => res("kubernetes_manifest", { manifest: { kind: "ServiceMonitor", ...m } }, "s/ServiceMonitor/Resource");
    const spec = { selector: { matchLabels: { "app.kubernetes.io/name": "web" } } };
    expect(check(sm, manifest({ spec }))).toEqual(refused);
    expect(check(sm, res("kubernetes_manifest", {}, "s/Empty/Resource"))).toEqual(refused);
    for (const partial of [undefined, {}, { selector: {} }, { selector: { matchLabels: {} } }]) {
      expect([partial, check(sm, manifest({ metadata: { name: "web", namespace: "apps" }, ...(partial ? { spec: partial } : {}) }))]).toEqual([partial, refused]);
    }
  });

  test("non-compliant: a workload whose pod template carries no app label is selected by no monitor, and says so", () => {
    const unlabelled = (template: Record<string, unknown>) =>
      res("kubernetes_deployment_v1", { metadata: { name: "web", namespace: "apps", annotations: { "homelab.metrics/mode": "servicemonitor", ...NO_UPTIME } }, spec: { template } }, "s/web/Resource");
    const refused = ["s/web/Resource: workload web has metrics mode servicemonitor, but no ServiceMonitor in stack s selects app.kubernetes.io/name=null in its namespace"];
    expect(check(unlabelled({ metadata: {}, spec: {} }), monitor("ServiceMonitor"))).toEqual(refused);
    expect(check(unlabelled({ metadata: { labels: { app: "web" } }, spec: {} }), monitor("ServiceMonitor"))).toEqual(refused);
    expect(check(unlabelled({ spec: {} }), monitor("ServiceMonitor"))).toEqual(refused);
    const specless = res("kubernetes_deployment_v1", { metadata: { name: "web", namespace: "apps", annotations: { "homelab.metrics/mode": "servicemonitor", ...NO_UPTIME } } }, "s/web/Resource");
    expect(check(specless, monitor("ServiceMonitor"))).toEqual(refused);
  });

  test("non-compliant: none without a reason of ten characters; no mode or another mode", () => {
    const reasons = ["012345678", " ".repeat(10)];
    for (const reason of reasons) {
      expect(check(workload({ "homelab.metrics/mode": "none", "homelab.metrics/reason": reason, ...NO_UPTIME }))).toEqual([
        "s/web/Resource: workload web has metrics mode none without a reason of 10+ characters in homelab.metrics/reason",
      ]);
    }
    expect(check(workload({ "homelab.metrics/mode": "none", "homelab.metrics/reason": "0123456789", ...NO_UPTIME }))).toEqual([]);
    expect(check(workload({ "homelab.metrics/mode": "none", ...NO_UPTIME }))).toEqual([
      "s/web/Resource: workload web has metrics mode none without a reason of 10+ characters in homelab.metrics/reason",
    ]);
    expect(check(workload(NO_UPTIME))).toEqual([
      "s/web/Resource: workload web has homelab.metrics/mode = null; allowed: servicemonitor, podmonitor, or none with a reason in homelab.metrics/reason",
    ]);
    expect(check(workload({ "homelab.metrics/mode": "prometheus", ...NO_UPTIME }))).toEqual([
      's/web/Resource: workload web has homelab.metrics/mode = "prometheus"; allowed: servicemonitor, podmonitor, or none with a reason in homelab.metrics/reason',
    ]);
  });
});

describe("HL-K8S-15 every workload records its uptime decision", () => {
  test("compliant: internal with an annotated Service selecting it in its namespace; none with a reason", () => {
    expect(check(workload({ ...NO_METRICS, "homelab.uptime/mode": "internal" }), service({ "homelab.uptime/monitor": "internal" }))).toEqual([]);
    expect(check(workload({ ...NO_METRICS, "homelab.uptime/mode": "internal" }), service({ "homelab.uptime/monitor": "internal" }, { type: "kubernetes_service" }))).toEqual([]);
  });

  test("non-compliant: internal without such a Service", () => {
    const refused = ['s/web/Resource: workload web has uptime mode internal, but no Service of it in stack s carries homelab.uptime/monitor = "internal"'];
    const internal = workload({ ...NO_METRICS, "homelab.uptime/mode": "internal" });
    expect(check(internal)).toEqual(refused);
    expect(check(internal, service({}))).toEqual(refused);
    expect(check(internal, service({ "homelab.uptime/monitor": "external" }))).toEqual(refused);
    expect(check(internal, service({ "homelab.uptime/monitor": "internal" }, { namespace: "other" }))).toEqual(refused);
    expect(check(internal, service({ "homelab.uptime/monitor": "internal" }, { app: "api" }))).toEqual(refused);
    expect(check(internal, { ...service({ "homelab.uptime/monitor": "internal" }), type: "kubernetes_endpoints_v1" })).toEqual(refused);
  });

  test("non-compliant: an annotated Service without a selector selects no pod; a Service without metadata is in no namespace", () => {
    const internal = workload({ ...NO_METRICS, "homelab.uptime/mode": "internal" });
    const refused = ['s/web/Resource: workload web has uptime mode internal, but no Service of it in stack s carries homelab.uptime/monitor = "internal"'];
    const selectorless = res("kubernetes_service_v1", { metadata: { name: "web", namespace: "apps", annotations: { "homelab.uptime/monitor": "internal" } }, spec: { type: "ExternalName" } });
    expect(check(internal, selectorless)).toEqual(refused);
    expect(check(internal, res("kubernetes_service_v1", { spec: { selector: { "app.kubernetes.io/name": "web" } } }))).toEqual(refused);
  });

  test("compliant: the Service annotations the construct writes for an HTTP check (homelab.uptime/monitor and homelab.uptime/path, read by the monitor sync)", () => {
    const annotations = uptimeServiceAnnotations({ path: "/ready", port: 8080 }, 8080);
    expect(annotations).toEqual({ "homelab.uptime/monitor": "internal", "homelab.uptime/path": "/ready" });
    expect(check(workload({ ...NO_METRICS, "homelab.uptime/mode": "internal" }), service(annotations))).toEqual([]);
  });

  test("non-compliant: none without a reason, no mode, another mode", () => {
    expect(check(workload({ ...NO_METRICS, "homelab.uptime/mode": "none", "homelab.uptime/reason": " ".repeat(12) }))).toEqual([
      "s/web/Resource: workload web has uptime mode none without a reason of 10+ characters in homelab.uptime/reason",
    ]);
    expect(check(workload({ ...NO_METRICS, "homelab.uptime/mode": "none", "homelab.uptime/reason": "0123456789" }))).toEqual([]);
    expect(check(workload(NO_METRICS))).toEqual(["s/web/Resource: workload web has homelab.uptime/mode = null; allowed: internal, or none with a reason in homelab.uptime/reason"]);
    expect(check(workload({ ...NO_METRICS, "homelab.uptime/mode": "external" }))).toEqual([
      's/web/Resource: workload web has homelab.uptime/mode = "external"; allowed: internal, or none with a reason in homelab.uptime/reason',
    ]);
  });
});

describe("HL-K8S-15 which workloads", () => {
  test("Deployments, StatefulSets and DaemonSets of either provider version, named by their metadata or else their path", () => {
    for (const type of ["kubernetes_deployment", "kubernetes_deployment_v1", "kubernetes_stateful_set", "kubernetes_stateful_set_v1", "kubernetes_daemonset", "kubernetes_daemon_set_v1"]) {
      expect([type, check(workload({}, { type }))]).toEqual([type, [expect.stringContaining("homelab.metrics/mode = null"), expect.stringContaining("homelab.uptime/mode = null")]]);
    }
    const unnamed = res("kubernetes_deployment_v1", { metadata: {}, spec: {} }, "s/Unnamed/Resource");
    expect(check(unnamed)[0]).toBe("s/Unnamed/Resource: workload s/Unnamed/Resource has homelab.metrics/mode = null; allowed: servicemonitor, podmonitor, or none with a reason in homelab.metrics/reason");
    const bare = res("kubernetes_deployment_v1", {}, "s/Bare/Resource");
    expect(check(bare)).toEqual([
      "s/Bare/Resource: workload s/Bare/Resource has homelab.metrics/mode = null; allowed: servicemonitor, podmonitor, or none with a reason in homelab.metrics/reason",
      "s/Bare/Resource: workload s/Bare/Resource has homelab.uptime/mode = null; allowed: internal, or none with a reason in homelab.uptime/reason",
    ]);
  });

  test("not applicable: Jobs, CronJobs, Pods and Helm releases (their charts declare their monitors)", () => {
    for (const type of ["kubernetes_job_v1", "kubernetes_cron_job_v1", "kubernetes_pod_v1", "helm_release"]) expect(check(workload({}, { type }))).toEqual([]);
  });
});
