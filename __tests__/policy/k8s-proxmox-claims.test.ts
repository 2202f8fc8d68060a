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
      "claim does not set wait_until_bound = false; the class binds on first consumer, so apply would hang",
      "claim does not ignore spec[0].resources[0].requests; the next apply would try to shrink what the autoresizer grew",
    ]);
  });

  const template = (overrides: Record<string, any>, name = "db-encrypted") => k8sProxmoxClaimTemplate.check(claim(name, overrides), context);

  test("the -encrypted name goes exactly with the encrypted class: a plain name on proxmox-lvm passes, an -encrypted one is refused", () => {
    expect(template({ spec: { storage_class_name: "proxmox-lvm" } }, "db")).toEqual([]);
    expect(template({ spec: { storage_class_name: "proxmox-lvm" } }, "db-encrypted")).toEqual([
      'claim db-encrypted ends in "-encrypted" but is on proxmox-lvm, which is not encrypted',
    ]);
  });

  test("a name that is not a literal (a reference, or none: generate_name) is not judged by its ending", () => {
    const named = (metadata: Record<string, unknown> | undefined) => {
      const { metadata: _metadata, ...rest } = claim("db").attributes;
      return k8sProxmoxClaimTemplate.check(res("kubernetes_persistent_volume_claim_v1", { ...rest, ...(metadata ? { metadata } : {}) }), context);
    };
    const { annotations } = claim("db").attributes.metadata as { annotations: Record<string, string> };
    expect(named({ name: "${var.name}", annotations })).toEqual([]);
    expect(named({ generate_name: "db-", annotations })).toEqual([]);
    expect(named(undefined)).toEqual([
      "claim lacks the autoresizer annotation resize.topolvm.io/threshold",
      "claim lacks the autoresizer annotation resize.topolvm.io/increase",
      "claim has resize.topolvm.io/storage_limit = null; allowed: a non-zero size such as 5Gi",
    ]);
  });

  test("access modes: exactly one, ReadWriteOnce; none, two, ReadWriteOncePod or a bare string are refused", () => {
    expect(template({ spec: { access_modes: undefined } })).toEqual(['claim has access modes null; allowed: ["ReadWriteOnce"]']);
    expect(template({ spec: { access_modes: ["ReadWriteOnce", "ReadWriteMany"] } })).toEqual([
      'claim has access modes ["ReadWriteOnce","ReadWriteMany"]; allowed: ["ReadWriteOnce"]',
    ]);
    expect(template({ spec: { access_modes: ["ReadWriteOncePod"] } })).toEqual(['claim has access modes ["ReadWriteOncePod"]; allowed: ["ReadWriteOnce"]']);
    expect(template({ spec: { access_modes: "ReadWriteOnce" } })).toEqual(['claim has access modes "ReadWriteOnce"; allowed: ["ReadWriteOnce"]']);
    expect(template({ spec: { access_modes: [] } })).toEqual(["claim has access modes []; allowed: [\"ReadWriteOnce\"]"]);
  });

  test("autoresizer annotations: each of threshold and increase is needed, an empty one counts as missing; a limit must be a size", () => {
    expect(template({ annotations: { "resize.topolvm.io/threshold": "" } })).toEqual(["claim lacks the autoresizer annotation resize.topolvm.io/threshold"]);
    expect(template({ annotations: { "resize.topolvm.io/increase": undefined } })).toEqual(["claim lacks the autoresizer annotation resize.topolvm.io/increase"]);
    expect(template({ annotations: { "resize.topolvm.io/storage_limit": "lots" } })).toEqual([
      'claim has resize.topolvm.io/storage_limit = "lots"; allowed: a non-zero size such as 5Gi',
    ]);
    expect(template({ annotations: { "resize.topolvm.io/storage_limit": "0Gi" } })).toEqual([
      'claim has resize.topolvm.io/storage_limit = "0Gi"; allowed: a non-zero size such as 5Gi',
    ]);
  });

  test("a limit equal to the request passes, in any unit; without a storage request there is nothing to compare", () => {
    expect(template({ annotations: { "resize.topolvm.io/storage_limit": "2Gi" }, spec: { resources: { requests: { storage: "2Gi" } } } })).toEqual([]);
    expect(template({ annotations: { "resize.topolvm.io/storage_limit": "2048Mi" }, spec: { resources: { requests: { storage: "2Gi" } } } })).toEqual([]);
    expect(template({ annotations: { "resize.topolvm.io/storage_limit": "2047Mi" }, spec: { resources: { requests: { storage: "2Gi" } } } })).toEqual([
      "claim has resize.topolvm.io/storage_limit 2047Mi below its request 2Gi; allowed: a limit at or above the request",
    ]);
    expect(template({ spec: { resources: { limits: { storage: "9Gi" } } } })).toEqual([]);
    expect(template({ spec: { resources: undefined } })).toEqual([]);
  });

  test("the storage request is ignored by ignore_changes = all or a list naming it; another list, or no lifecycle, is refused", () => {
    const refused = ["claim does not ignore spec[0].resources[0].requests; the next apply would try to shrink what the autoresizer grew"];
    expect(template({ top: { lifecycle: { prevent_destroy: true, ignore_changes: "all" } } })).toEqual([]);
    expect(template({ top: { lifecycle: { prevent_destroy: true, ignore_changes: ["metadata[0].annotations", "spec[0].resources[0].requests"] } } })).toEqual([]);
    expect(template({ top: { lifecycle: { prevent_destroy: true, ignore_changes: ["metadata[0].annotations"] } } })).toEqual(refused);
    expect(template({ top: { lifecycle: { prevent_destroy: true, ignore_changes: "spec[0].resources[0].requests" } } })).toEqual(refused);
    expect(template({ top: { lifecycle: undefined } })).toEqual(refused);
  });

  test("wait_until_bound left out is the provider's default, true: refused like true", () => {
    expect(template({ top: { wait_until_bound: undefined } })).toEqual([
      "claim does not set wait_until_bound = false; the class binds on first consumer, so apply would hang",
    ]);
  });

  test("a claim without a spec is on no Proxmox class", () => {
    expect(k8sProxmoxClaimTemplate.check(res("kubernetes_persistent_volume_claim", { metadata: { name: "x" } }), context)).toBe("not-applicable");
  });

  test("non-compliant: zero limit", () => {
    expect(k8sProxmoxClaimTemplate.check(claim("db-encrypted", { annotations: { "resize.topolvm.io/storage_limit": "0" } }), context)).toEqual([
      'claim has resize.topolvm.io/storage_limit = "0"; allowed: a non-zero size such as 5Gi',
    ]);
  });

  const statefulSet = (volumeClaimTemplates: unknown[], type = "kubernetes_stateful_set_v1") => res(type, { spec: { volume_claim_template: volumeClaimTemplates } });
  const { metadata: claimMetadata, spec: claimSpec } = claim("x").attributes as Record<string, { annotations?: unknown }>;
  const goodTemplate = { metadata: { name: "data-encrypted", annotations: claimMetadata.annotations }, spec: claimSpec };

  test("checks the claim templates of both StatefulSet types; one following the template passes", () => {
    const bad = { metadata: { name: "data" }, spec: { storage_class_name: "proxmox-lvm-encrypted", access_modes: ["ReadWriteOnce"] } };
    for (const type of ["kubernetes_stateful_set", "kubernetes_stateful_set_v1"]) {
      expect([type, k8sProxmoxClaimTemplate.check(statefulSet([goodTemplate], type), context)]).toEqual([type, []]);
      expect([type, k8sProxmoxClaimTemplate.check(statefulSet([bad], type), context)]).toEqual([
        type,
        [
          'claim template data is on proxmox-lvm-encrypted but its name does not end in "-encrypted"',
          "claim template lacks the autoresizer annotation resize.topolvm.io/threshold",
          "claim template lacks the autoresizer annotation resize.topolvm.io/increase",
          "claim template has resize.topolvm.io/storage_limit = null; allowed: a non-zero size such as 5Gi",
        ],
      ]);
    }
  });

  test("only the StatefulSet's templates on Proxmox classes are judged; with none, or no spec, it is not applicable", () => {
    const nfs = { metadata: { name: "media" }, spec: { storage_class_name: "nfs-static", access_modes: ["ReadWriteMany"] } };
    const noSpec = { metadata: { name: "odd" } };
    const noMetadata = { spec: { storage_class_name: "proxmox-lvm", access_modes: ["ReadWriteOnce"] } };
    expect(k8sProxmoxClaimTemplate.check(statefulSet([nfs, noSpec]), context)).toBe("not-applicable");
    expect(k8sProxmoxClaimTemplate.check(res("kubernetes_stateful_set_v1", {}), context)).toBe("not-applicable");
    expect(k8sProxmoxClaimTemplate.check(statefulSet([nfs, goodTemplate, noSpec, noMetadata]), context)).toEqual([
      "claim template lacks the autoresizer annotation resize.topolvm.io/threshold",
      "claim template lacks the autoresizer annotation resize.topolvm.io/increase",
      "claim template has resize.topolvm.io/storage_limit = null; allowed: a non-zero size such as 5Gi",
    ]);
  });

  test("only a StatefulSet's claim templates are claims: a Deployment carrying volume_claim_template is not applicable", () => {
    const carrying = res("kubernetes_deployment_v1", { spec: { volume_claim_template: [{ metadata: { name: "data" }, spec: { storage_class_name: "proxmox-lvm-encrypted" } }] } });
    expect(k8sProxmoxClaimTemplate.check(carrying, context)).toBe("not-applicable");
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

  test("only claims record a backup: a persistent volume on a Proxmox class, which carries no annotation, is not judged", () => {
    expect(messages(res("kubernetes_persistent_volume_v1", { metadata: { name: "pv-data" }, spec: { storage_class_name: "proxmox-lvm", capacity: { storage: "1Gi" } } }))).toEqual([]);
  });

  test("non-compliant: cronjob mode with only a Deployment mounting the claim (a CronJob is what backs it up)", () => {
    const mounting = deployment({ volume: [{ name: "data", persistent_volume_claim: [{ claim_name: "db-encrypted" }] }] });
    const problems = k8sProxmoxClaimBackup.check([stackOf([claim("db-encrypted", { annotations: { "homelab.backup/mode": "cronjob" } }), mounting])], context);
    expect(problems.map((p) => p.message)).toEqual(["claim's backup mode is cronjob, but no CronJob in the stack mounts it"]);
  });
});
