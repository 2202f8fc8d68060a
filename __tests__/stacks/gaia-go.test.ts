import { execFileSync } from "child_process";
import { BOOTSTRAP_ENTRYPOINT, discoveryEnv, GaiaGoStack } from "../../stacks/gaia-go";
import { onlyResource, synthApp } from "../helpers/synth";

describe("gaia-go stack", () => {
  const { stacks, report } = synthApp((app) => new GaiaGoStack(app));
  const g = stacks["gaia-go"];
  const sts = onlyResource(g, "kubernetes_stateful_set_v1");
  const container = sts.spec.template.spec.container[0];
  const env = Object.fromEntries(container.env.map((e: any) => [e.name, e.value ?? e.value_from]));

  test("no rule finding", () => {
    expect(report.findings.filter((f) => f.stackId === "gaia-go")).toEqual([]);
  });

  test("three members behind a headless Service that publishes not-ready peers", () => {
    expect(sts.spec.replicas).toBe("3");
    const services = Object.values(g.resource.kubernetes_service_v1) as any[];
    const headless = services.find((s) => s.spec.cluster_ip === "None");
    expect(headless.metadata.name).toBe("gaia-go-peers");
    expect(headless.spec.publish_not_ready_addresses).toBe(true);
    expect(sts.spec.service_name).toMatch(/kubernetes_service_v1\.Cluster_PeerService/);
  });

  test("keeps quorum through a rolling update: one member at a time, PDB minAvailable 2", () => {
    expect(sts.spec.update_strategy).toEqual([{ type: "RollingUpdate", rolling_update: [{ partition: 0 }] }]);
    expect(sts.spec.pod_management_policy).toBe("OrderedReady");
    expect(onlyResource(g, "kubernetes_pod_disruption_budget_v1").spec.min_available).toBe("2");
    expect(container.readiness_probe.http_get.path).toBe("/health");
    expect(container.liveness_probe.http_get.path).toBe("/health");
  });

  test("per-member encrypted claims mounted at /app/data, kept when the set is deleted or scaled", () => {
    const template = sts.spec.volume_claim_template[0];
    expect(template.metadata.name).toBe("data-encrypted");
    expect(template.spec.storage_class_name).toBe("proxmox-lvm-encrypted");
    expect(container.volume_mount).toEqual([{ name: "data-encrypted", mount_path: "/app/data", read_only: false }]);
    expect(sts.spec.template.spec.volume).toBeUndefined();
    expect(sts.spec.persistent_volume_claim_retention_policy).toEqual([{ when_deleted: "Retain", when_scaled: "Retain" }]);
  });

  test("Raft and cluster settings from the domain brief, discovery by DNS", () => {
    expect(env).toMatchObject({
      RAFT_HEARTBEAT_TIMEOUT: "150ms",
      RAFT_ELECTION_TIMEOUT: "300ms",
      RAFT_SNAPSHOT_INTERVAL: "120s",
      RAFT_LOG_SIZE_THRESHOLD: "1GB",
      CLUSTER_RPC_TIMEOUT: "5s",
      CLUSTER_DISCOVERY_TYPE: "dns",
      CLUSTER_DISCOVERY_PORT: "8300",
    });
    expect(env.CLUSTER_ADVERTISE_ADDR).toMatch(/^\$\(POD_NAME\)\.gaia-go-peers\..*\.svc\.cluster\.local:8300$/);
    expect(env.CLUSTER_BOOTSTRAP).toBeUndefined();
    expect(container.port.map((p: any) => p.container_port)).toEqual([8300, 8080, 9090]);
  });

  test.each([
    ["gaia-go-0", "true"],
    ["gaia-go-1", "false"],
    ["gaia-go-2", "false"],
    ["gaia-go-10", "false"],
  ])("CLUSTER_BOOTSTRAP on %s is %s", (hostname, expected) => {
    const script = BOOTSTRAP_ENTRYPOINT.replace(/^exec .*$/m, 'echo "$CLUSTER_BOOTSTRAP"');
    expect(execFileSync("/bin/sh", ["-c", script], { env: { HOSTNAME: hostname } }).toString().trim()).toBe(expected);
  });

  test("the three Raft alerts", () => {
    const rule = Object.values<any>(g.resource.kubernetes_manifest).map((m) => m.manifest).find((m) => m.kind === "PrometheusRule");
    expect(rule.spec.groups[0].rules.map((r: any) => r.expr)).toEqual([
      "increase(raft_leader_elections_total[5m]) > 0",
      "raft_log_size_bytes > 1e9",
      "raft_unhealthy_peers > 0",
    ]);
  });

  test("its metrics on 9090 are scraped from every member, so the three alerts can fire", () => {
    const manifests = Object.values<any>(g.resource.kubernetes_manifest).map((m) => m.manifest);
    const monitor = manifests.find((m) => m.kind === "ServiceMonitor");
    expect(monitor.spec.endpoints).toEqual([{ port: "metrics", path: "/metrics", interval: "60s" }]);
    const peers = (Object.values(g.resource.kubernetes_service_v1) as any[]).find((s) => s.metadata.name === "gaia-go-peers");
    expect(peers.metadata.labels).toMatchObject(monitor.spec.selector.matchLabels);
    expect(peers.spec.port).toContainEqual({ name: "metrics", port: 9090, target_port: "metrics" });
    const alerts = manifests.find((m) => m.kind === "PrometheusRule").spec.groups[0].rules.map((r: any) => r.expr);
    for (const metric of ["raft_leader_elections_total", "raft_log_size_bytes", "raft_unhealthy_peers"]) {
      expect(alerts.some((e: string) => e.includes(metric))).toBe(true);
    }
  });

  test("discovery settings per type", () => {
    expect(discoveryEnv({ type: "static", nodes: ["a:8300", "b:8300"] })).toEqual({ CLUSTER_DISCOVERY_TYPE: "static", CLUSTER_DISCOVERY_NODES: "a:8300,b:8300" });
    expect(discoveryEnv({ type: "consul", address: "http://consul:8500", datacenter: "dc1" })).toEqual({
      CLUSTER_DISCOVERY_TYPE: "consul",
      CONSUL_ADDR: "http://consul:8500",
      CONSUL_DATACENTER: "dc1",
    });
  });
});
