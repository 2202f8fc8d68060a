import { Namespace } from "../../constructs/namespace";
import { EncryptedPvc } from "../../constructs/encrypted-pvc";
import { k8sProxmoxClaimBackup } from "../../policy/rules/k8s-proxmox-claim-backup";
import { k8sProxmoxClaimTemplate } from "../../policy/rules/k8s-proxmox-claim-template";
import { checkApp, testStack } from "../helpers/synth";
import { claim, context, deployment, goodContainer, res, stackOf } from "./k8s-rules.fixtures";

describe("HL-K8S-7: the Proxmox claim template", () => {
  test("compliant: the template", () => {
    expect(k8sProxmoxClaimTemplate.check(claim("db-encrypted"), context)).toEqual([]);
  });

  test("non-compliant: encrypted class without the -encrypted name", () => {
    expect(k8sProxmoxClaimTemplate.check(claim("db"), context)).toEqual([
      'claim db is on proxmox-lvm-encrypted but its name does not end in "-encrypted"',
    ]);
  });

  test("non-compliant: limit below request, RWX, waits for binding, request not ignored", () => {
    const bad = claim("db-encrypted", {
      annotations: { "resize.topolvm.io/storage_limit": "1Gi" },
      spec: { access_modes: ["ReadWriteMany"], resources: { requests: { storage: "2Gi" } } },
      top: { wait_until_bound: true, lifecycle: { prevent_destroy: true } },
    });
    const problems = k8sProxmoxClaimTemplate.check(bad, context) as string[];
    expect(problems).toEqual([
      'claim has access modes ["ReadWriteMany"]; allowed: ["ReadWriteOnce"]',
      "claim has resize.topolvm.io/storage_limit 1Gi below its request 2Gi; allowed: a limit at or above the request",
      expect.stringContaining("wait_until_bound = false"),
      expect.stringContaining("does not ignore spec[0].resources[0].requests"),
    ]);
  });

  test("non-compliant: zero limit", () => {
    expect(k8sProxmoxClaimTemplate.check(claim("db-encrypted", { annotations: { "resize.topolvm.io/storage_limit": "0" } }), context)).toEqual([
      'claim has resize.topolvm.io/storage_limit = "0"; allowed: a non-zero size such as 5Gi',
    ]);
  });

  test("checks StatefulSet claim templates on Proxmox classes", () => {
    const sts = res("kubernetes_stateful_set_v1", {
      spec: {
        volume_claim_template: [
          { metadata: { name: "data", annotations: {} }, spec: { storage_class_name: "proxmox-lvm-encrypted", access_modes: ["ReadWriteOnce"] } },
        ],
      },
    });
    expect(k8sProxmoxClaimTemplate.check(sts, context)).toEqual([
      'claim template data is on proxmox-lvm-encrypted but its name does not end in "-encrypted"',
      "claim template lacks the autoresizer annotation resize.topolvm.io/threshold",
      "claim template lacks the autoresizer annotation resize.topolvm.io/increase",
      'claim template has resize.topolvm.io/storage_limit = null; allowed: a non-zero size such as 5Gi',
    ]);
  });

  test("not applicable to NFS claims and other resources", () => {
    expect(k8sProxmoxClaimTemplate.check(claim("media", { spec: { storage_class_name: "nfs-static" } }), context)).toBe("not-applicable");
    expect(k8sProxmoxClaimTemplate.check(res("kubernetes_service_v1", {}), context)).toBe("not-applicable");
  });
});

describe("HL-K8S-8: every Proxmox claim records its backup", () => {
  test("compliant: none with a reason", () => {
    expect(k8sProxmoxClaimBackup.check([stackOf([claim("db-encrypted")])], context)).toEqual([]);
  });

  test("compliant: EncryptedPvc with a backup CronJob (resolved through the reference)", () => {
    const report = checkApp(
      (app) => {
        const s = testStack(app);
        new EncryptedPvc(s, "Data", { namespace: new Namespace(s, "Ns", { name: "x" }), app: "x", name: "x-encrypted", backup: { cronjob: {} } });
      },
      { rules: [k8sProxmoxClaimBackup] },
    );
    expect(report.findings).toEqual([]);
  });

  test("non-compliant: cronjob mode without a CronJob mounting the claim", () => {
    const problems = k8sProxmoxClaimBackup.check([stackOf([claim("db-encrypted", { annotations: { "homelab.backup/mode": "cronjob" } })])], context);
    expect(problems.map((p) => p.message)).toEqual(["claim's backup mode is cronjob, but no CronJob in the stack mounts it"]);
  });

  test("non-compliant: no backup annotation", () => {
    const problems = k8sProxmoxClaimBackup.check([stackOf([claim("db-encrypted", { annotations: { "homelab.backup/mode": undefined } })])], context);
    expect(problems.map((p) => p.message)).toEqual(['claim has homelab.backup/mode = null; allowed: cronjob, none']);
  });

  test("not applicable: NFS claims are not checked", () => {
    expect(k8sProxmoxClaimBackup.check([stackOf([claim("media", { spec: { storage_class_name: "nfs-static" }, annotations: { "homelab.backup/mode": undefined } })])], context)).toEqual([]);
  });

  const withReason = (reason: string | undefined) =>
    k8sProxmoxClaimBackup.check([stackOf([claim("db-encrypted", { annotations: { "homelab.backup/reason": reason } })])], context).map((p) => p.message);
  const noReason = (got: string) => `claim's backup mode is none without a reason of 10+ characters in homelab.backup/reason; got ${got}`;

  test("none: a reason of exactly ten characters is enough, nine are not", () => {
    expect(withReason("0123456789")).toEqual([]);
    expect(withReason("012345678")).toEqual([noReason('"012345678"')]);
  });

  test("none: a reason of spaces, or padded with them, is counted without them; no reason at all is refused", () => {
    expect(withReason(" ".repeat(10))).toEqual([noReason('""')]);
    expect(withReason("  012345678  ")).toEqual([noReason('"012345678"')]);
    expect(withReason(undefined)).toEqual([noReason('""')]);
  });

  const backedUp = claim("db-encrypted", { annotations: { "homelab.backup/mode": "cronjob" } });
  const cronJob = (type: string, metadata: Record<string, unknown> | undefined, volume: unknown[]) =>
    res(type, { ...(metadata ? { metadata } : {}), spec: { job_template: { spec: { template: { spec: { container: [goodContainer], volume } } } } } }, `s/${type}/Resource`);
  const mountsClaim = { name: "data", persistent_volume_claim: [{ claim_name: "db-encrypted" }] };
  const messages = (...resources: ReturnType<typeof res>[]) => k8sProxmoxClaimBackup.check([stackOf(resources)], context).map((p) => p.message);
  const notMounted = ["claim's backup mode is cronjob, but no CronJob in the stack mounts it"];

  test("compliant: a CronJob of either provider version mounting the claim by its literal name in its namespace, beside volumes of no claim", () => {
    for (const type of ["kubernetes_cron_job", "kubernetes_cron_job_v1"]) {
      const cron = cronJob(type, { name: "backup", namespace: "ns" }, [{ name: "scratch", empty_dir: [{}] }, { name: "odd", persistent_volume_claim: [{}] }, mountsClaim]);
      expect([type, messages(backedUp, cron)]).toEqual([type, []]);
    }
  });

  test("non-compliant: a CronJob mounting a claim of that name in another namespace, or in default for want of metadata; a CronJob without a pod", () => {
    expect(messages(backedUp, cronJob("kubernetes_cron_job_v1", { name: "backup", namespace: "other" }, [mountsClaim]))).toEqual(notMounted);
    expect(messages(backedUp, cronJob("kubernetes_cron_job_v1", undefined, [mountsClaim]))).toEqual(notMounted);
    expect(messages(backedUp, res("kubernetes_cron_job_v1", { metadata: { name: "backup", namespace: "ns" } }))).toEqual(notMounted);
  });

  test("a claim without a spec is on no Proxmox class; a Proxmox claim without metadata, or without annotations, records no backup", () => {
    expect(messages(res("kubernetes_persistent_volume_claim_v1", { metadata: { name: "x", namespace: "ns" } }))).toEqual([]);
    const noMode = ["claim has homelab.backup/mode = null; allowed: cronjob, none"];
    const { metadata: _metadata, ...withoutMetadata } = claim("db-encrypted").attributes;
    expect(messages(res("kubernetes_persistent_volume_claim_v1", withoutMetadata))).toEqual(noMode);
    expect(messages(res("kubernetes_persistent_volume_claim", { ...withoutMetadata, metadata: { name: "db-encrypted", namespace: "ns" } }))).toEqual(noMode);
  });

  test("non-compliant: cronjob mode with only a Deployment mounting the claim (a CronJob is what backs it up)", () => {
    const mounting = deployment({ volume: [{ name: "data", persistent_volume_claim: [{ claim_name: "db-encrypted" }] }] });
    const problems = k8sProxmoxClaimBackup.check([stackOf([claim("db-encrypted", { annotations: { "homelab.backup/mode": "cronjob" } }), mounting])], context);
    expect(problems.map((p) => p.message)).toEqual(["claim's backup mode is cronjob, but no CronJob in the stack mounts it"]);
  });
});
