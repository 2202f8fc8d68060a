import { Construct } from "constructs";
import { AppDeployment, AppDeploymentProps } from "../../constructs/app-deployment";
import { ContainerSpec } from "../../constructs/container";
import { Namespace } from "../../constructs/namespace";
import { QuorumStatefulSet } from "../../constructs/quorum-stateful-set";
import { checkApp, synthWith, testStack } from "../helpers/synth";

const exporter: ContainerSpec = {
  name: "web",
  image: "ghcr.io/example-org/web:1.0.0",
  cpuMillis: 10,
  memoryMiB: 32,
  ports: { http: 8080, metrics: 9090 },
  readinessProbe: { path: "/ready", port: 8080 },
};
const app = (s: Construct, props: Partial<AppDeploymentProps>) =>
  new AppDeployment(s, "App", { namespace: new Namespace(s, "Ns", { name: "web" }), name: "web", containers: [exporter], metrics: { port: "metrics" }, ...props });
const manifests = (stack: Record<string, any>) => Object.values<any>(stack.resource.kubernetes_manifest ?? {}).map((m) => m.manifest);
const only = (stack: Record<string, any>, type: string) => Object.values<any>(stack.resource[type])[0];

describe("a workload declares its metrics port once", () => {
  test("with a Service: the Service exposes the metrics port and a ServiceMonitor scrapes it", () => {
    const stack = synthWith((s) => app(s, { service: { port: 80, targetPort: "http" } }));
    expect(only(stack, "kubernetes_service_v1").spec.port).toEqual([
      { name: "http", port: 80, target_port: "http" },
      { name: "metrics", port: 9090, target_port: "metrics" },
    ]);
    const [monitor] = manifests(stack);
    expect(monitor).toMatchObject({
      kind: "ServiceMonitor",
      metadata: { name: "web", namespace: expect.stringMatching(/^\$\{kubernetes_namespace_v1\.Ns_\w+\.metadata\[0\]\.name\}$/) },
      spec: { selector: { matchLabels: { "app.kubernetes.io/name": "web" } }, endpoints: [{ port: "metrics", path: "/metrics", interval: "60s" }] },
    });
    expect(only(stack, "kubernetes_deployment_v1").metadata.annotations).toMatchObject({ "homelab.metrics/mode": "servicemonitor", "homelab.uptime/mode": "internal" });
  });

  test("without a Service: a PodMonitor scrapes the container port", () => {
    const stack = synthWith((s) => app(s, { uptime: { none: "a worker with no Service to check" } }));
    const [monitor] = manifests(stack);
    expect(monitor.kind).toBe("PodMonitor");
    expect(monitor.spec.podMetricsEndpoints).toEqual([{ port: "metrics", path: "/metrics", interval: "60s" }]);
  });

  test("the Service asks for an internal uptime monitor of the readiness path", () => {
    const stack = synthWith((s) => app(s, { service: { port: 80, targetPort: "http" } }));
    expect(only(stack, "kubernetes_service_v1").metadata.annotations).toEqual({ "homelab.uptime/monitor": "internal", "homelab.uptime/path": "/ready" });
  });

  test("fails synth without a metrics decision, naming the construct, the value and what is allowed", () => {
    expect(() => synthWith((s) => app(s, { metrics: undefined, service: { port: 80, targetPort: "http" } }))).toThrow(
      'test/App: metrics is undefined: every workload decides how it is scraped; allowed: { port: "<container port name>" } (http, metrics) or { none: "<reason>" }',
    );
  });

  test("fails if the metrics port is not a container port", () => {
    expect(() => synthWith((s) => app(s, { metrics: { port: "prom" }, service: { port: 80, targetPort: "http" } }))).toThrow(
      /test\/App: metrics port "prom" is not a container port; allowed: .*\(http, metrics\)/,
    );
  });

  test("fails if metrics none has no reason, or a Service-less workload says nothing about uptime", () => {
    expect(() => synthWith((s) => app(s, { metrics: { none: "no" } }))).toThrow(
      'test/App: metrics none needs a reason of 10+ characters; got "no"; the workload has no Service, so no uptime monitor can reach it; allowed: a Service, or uptime: { none: "<reason>" }',
    );
  });

  test("a quorum set is scraped member by member through its peers Service, not twice through the client Service", () => {
    const stack = synthWith(
      (s) =>
        new QuorumStatefulSet(s, "Set", {
          namespace: new Namespace(s, "Ns", { name: "db" }),
          name: "db",
          container: exporter,
          clientPort: "http",
          metrics: { port: "metrics" },
          dataClaim: { name: "data-encrypted", mountPath: "/data", backup: { none: "replicated to every member" } },
        }),
    );
    const [monitor] = manifests(stack);
    expect(monitor.kind).toBe("ServiceMonitor");
    expect(monitor.spec.selector.matchLabels).toEqual({ "app.kubernetes.io/name": "db", "app.kubernetes.io/component": "peers" });
    const services = Object.values<any>(stack.resource.kubernetes_service_v1);
    const selected = services.filter((svc) => svc.metadata.labels["app.kubernetes.io/component"] === "peers");
    expect(selected.map((svc) => svc.metadata.name)).toEqual(["db-peers"]);
    expect(selected[0].spec.port.map((p: any) => p.name)).toContain("metrics");
  });
});

describe("HL-K8S-15: every workload records its metrics and uptime decisions", () => {
  test("a workload built without the constructs is reported with what is allowed", async () => {
    const { DeploymentV1 } = await import("@cdktf/provider-kubernetes/lib/deployment-v1");
    const report = checkApp((a) => {
      const stack = testStack(a, { cluster: "kubernetes" });
      new DeploymentV1(stack, "Raw", {
        provider: stack.provider("kubernetes"),
        metadata: { name: "raw", namespace: "raw" },
        spec: {
          selector: { matchLabels: { "app.kubernetes.io/name": "raw" } },
          template: { metadata: { labels: { "app.kubernetes.io/name": "raw" } }, spec: { container: [{ name: "raw", image: "ghcr.io/example-org/raw:1.0.0" }] } },
        },
      });
    });
    expect(report.findings.filter((f) => f.ruleId === "HL-K8S-15").map((f) => `${f.path}: ${f.message}`)).toEqual([
      "test/Raw: workload raw has homelab.metrics/mode = null; allowed: servicemonitor, podmonitor, or none with a reason in homelab.metrics/reason",
      "test/Raw: workload raw has homelab.uptime/mode = null; allowed: internal, or none with a reason in homelab.uptime/reason",
    ]);
  });

  test("a claimed scrape target must exist in the stack", async () => {
    const { DeploymentV1 } = await import("@cdktf/provider-kubernetes/lib/deployment-v1");
    const report = checkApp((a) => {
      const stack = testStack(a, { cluster: "kubernetes" });
      new DeploymentV1(stack, "Raw", {
        provider: stack.provider("kubernetes"),
        metadata: { name: "raw", namespace: "raw", annotations: { "homelab.metrics/mode": "podmonitor", "homelab.uptime/mode": "none", "homelab.uptime/reason": "a batch worker, nothing to poll" } },
        spec: {
          selector: { matchLabels: { "app.kubernetes.io/name": "raw" } },
          template: { metadata: { labels: { "app.kubernetes.io/name": "raw" } }, spec: { container: [{ name: "raw", image: "ghcr.io/example-org/raw:1.0.0" }] } },
        },
      });
    });
    expect(report.findings.filter((f) => f.ruleId === "HL-K8S-15").map((f) => f.message)).toEqual([
      'workload raw has metrics mode podmonitor, but no PodMonitor in stack test selects app.kubernetes.io/name="raw" in its namespace',
    ]);
  });

  test("the constructs' workloads comply", () => {
    const report = checkApp((a) => app(testStack(a, { cluster: "kubernetes" }), { service: { port: 80, targetPort: "http" } }));
    expect(report.findings.filter((f) => f.ruleId === "HL-K8S-15")).toEqual([]);
  });
});
