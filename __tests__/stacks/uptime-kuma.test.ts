import { uptimeServiceAnnotations } from "../../constructs/workload-monitoring";
import { UPTIME_KUMA_SECRETS, UptimeKumaStack } from "../../stacks/uptime-kuma";
import { VaultStack } from "../../stacks/vault";
import { resourcesOf, synthApp, testInventory } from "../helpers/synth";

describe("uptime-kuma stack", () => {
  const { stacks, report } = synthApp((app) => {
    const vault = new VaultStack(app, { services: [UPTIME_KUMA_SECRETS] });
    new UptimeKumaStack(app, { secrets: vault.secretsFor("uptime-kuma") });
  });
  const u = stacks["uptime-kuma"];
  const crons = Object.values<any>(resourcesOf(u, "kubernetes_cron_job_v1"));
  const podOf = (cron: any) => cron.spec.job_template.spec.template.spec;
  const backup = crons.find((c) => c.metadata.labels["app.kubernetes.io/component"] === "backup");
  const sync = crons.find((c) => c.metadata.name === "uptime-monitor-sync");

  test("tier 1 and no rule finding (critical: HL-K8S-2 holds)", () => {
    expect(u.terraform.backend).toEqual({ pg: { schema_name: "uptime-kuma" } });
    expect(report.findings.filter((f) => f.stackId === "uptime-kuma" && f.acknowledged === undefined)).toEqual([]);
  });

  test("its SQLite database is backed up as a checked snapshot to a claim of its own, not to NFS", () => {
    expect(resourcesOf(u, "kubernetes_persistent_volume_v1")).toEqual({});
    const claims = Object.values<any>(resourcesOf(u, "kubernetes_persistent_volume_claim_v1"));
    expect(claims.map((c) => [c.metadata.name, c.spec.storage_class_name]).sort()).toEqual([
      ["uptime-kuma-backup", "proxmox-lvm"],
      ["uptime-kuma-data-encrypted", "proxmox-lvm-encrypted"],
    ]);
    const script = podOf(backup).container[0].args[0];
    expect(script).toContain(`sqlite3 '/data/kuma.db' ".backup '$stage/kuma.db'"`);
    expect(script).toContain("PRAGMA integrity_check;");
    expect(podOf(backup).volume.map((v: any) => v.name).sort()).toEqual(["uptime-kuma-backup", "uptime-kuma-data-encrypted"]);
  });

  test("the status page and push endpoints answer without a login; the rest is Uptime Kuma's own login", () => {
    const ingresses = Object.values<any>(resourcesOf(u, "kubernetes_ingress_v1"));
    const modes = Object.fromEntries(ingresses.map((i) => [i.metadata.name, i.metadata.annotations["homelab.auth/mode"]]));
    expect(modes).toEqual({ uptime: "app", "uptime-carve-out": "none" });
    const paths = ingresses.find((i) => i.metadata.name === "uptime-carve-out").spec.rule[0].http.path.map((p: any) => p.path);
    expect(paths).toEqual(expect.arrayContaining(["/status", "/api/push"]));
  });

  test("the monitor sync finds what IngressFactory and the workloads mark, and may only list ingresses and Services", () => {
    const env = Object.fromEntries(podOf(sync).container[0].env.map((e: any) => [e.name, e.value]));
    expect(env.EXTERNAL_ANNOTATION).toBe(testInventory.kubernetes.uptimeMonitorAnnotation);
    // the keys a workload's Service is marked with when its readiness probe answers on the Service's port
    const marked = uptimeServiceAnnotations({ path: "/healthz", port: 8080 }, 8080);
    expect(marked).toEqual({ [env.INTERNAL_ANNOTATION]: "internal", [env.PATH_ANNOTATION]: "/healthz" });
    expect(sync.spec.schedule).toBe("*/10 * * * *");
    const role = Object.values<any>(resourcesOf(u, "kubernetes_cluster_role_v1"))[0];
    expect(role.rule).toEqual([
      { api_groups: ["networking.k8s.io"], resources: ["ingresses"], verbs: ["list"] },
      { api_groups: [""], resources: ["services"], verbs: ["list"] },
    ]);
    expect(podOf(sync).container[0].env_from).toEqual([{ secret_ref: { name: "uptime-kuma-admin" } }]);
  });
});
