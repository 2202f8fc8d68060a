import { defaultInventory } from "../../inventory/default";
import { parseInventory } from "../../inventory/load";
import { k8sNfsCritical } from "../../policy/rules/k8s-nfs-critical";
import { claim, context, deployment, goodContainer, res, stackOf } from "./k8s-rules.fixtures";

const nfsPv = res("kubernetes_persistent_volume_v1", { spec: [{ persistent_volume_source: { nfs: { server: "nas", path: "/x" } } }] }, "s/Pv/Volume");
const inlineNfs = deployment({ container: [goodContainer], volume: [{ name: "media", nfs: { server: "nas", path: "/m" } }] });
const nfsClaim = claim("media", { spec: { storage_class_name: "nfs-static", access_modes: ["ReadWriteMany"] } }, "s/Pv/Claim");

describe("HL-K8S-2: no NFS in critical stacks", () => {
  test("compliant: a critical stack on local storage", () => {
    expect(k8sNfsCritical.check([stackOf([claim("prom-encrypted"), deployment({ container: [goodContainer] })], { critical: true })], context)).toEqual([]);
  });

  test("non-compliant: NFS PV, NFS claim and an inline NFS pod volume in a critical stack", () => {
    const problems = k8sNfsCritical.check([stackOf([nfsPv, nfsClaim, inlineNfs], { id: "monitoring", critical: true })], context);
    expect(problems.map((p) => p.message)).toEqual([
      "persistent volume with an NFS source in critical stack monitoring; allowed: no NFS",
      "claim of storage class nfs-static in critical stack monitoring; allowed: no NFS",
      "pod volume media mounted straight from NFS in critical stack monitoring; allowed: no NFS",
    ]);
  });

  test("a backup target's NFS (<backupRoot>/<app>-backup) says so, with the fix for backups: its PV, the claim bound to it, a pod mounting it", () => {
    const root = context.inventory.kubernetes.nfs.backupRoot;
    const pv = { ...res("kubernetes_persistent_volume_v1", { spec: [{ persistent_volume_source: { nfs: { server: "nas", path: `${root}/prom-backup` } } }] }, "s/Backup/Target/Volume"), logicalId: "Backup_Target_Volume_1" };
    const boundClaim = claim("prom-backup", { spec: { storage_class_name: "nfs-static", volume_name: "${kubernetes_persistent_volume_v1.Backup_Target_Volume_1.metadata[0].name}" } }, "s/Backup/Target/Claim");
    const mountsIt = deployment({ container: [goodContainer], volume: [{ name: "backup", nfs: { server: "nas", path: `${root}/prom-backup` } }] });
    const problems = k8sNfsCritical.check([stackOf([pv, boundClaim, mountsIt, nfsPv, nfsClaim], { id: "monitoring", critical: true })], context);
    expect(problems.map((p) => [p.path, p.message, p.fix === undefined ? "general fix" : p.fix])).toEqual([
      ["s/Backup/Target/Volume", "persistent volume with an NFS source (a backup target) in critical stack monitoring; allowed: no NFS", expect.stringMatching(/^this NFS is a backup target .*PvcBackup .*ProxmoxPvc <app>-backup/)],
      ["s/Backup/Target/Claim", "claim of storage class nfs-static (a backup target) in critical stack monitoring; allowed: no NFS", expect.stringMatching(/^this NFS is a backup target/)],
      ["s/App/Deployment", "pod volume backup mounted straight from NFS (a backup target) in critical stack monitoring; allowed: no NFS", expect.stringMatching(/^this NFS is a backup target/)],
      ["s/Pv/Volume", "persistent volume with an NFS source in critical stack monitoring; allowed: no NFS", "general fix"],
      ["s/Pv/Claim", "claim of storage class nfs-static in critical stack monitoring; allowed: no NFS", "general fix"],
    ]);
  });

  test("an export that only starts like a backup directory, or sits deeper, is not a backup target", () => {
    const root = context.inventory.kubernetes.nfs.backupRoot;
    const at = (path: string) => res("kubernetes_persistent_volume_v1", { spec: [{ persistent_volume_source: { nfs: { server: "nas", path } } }] });
    const sibling = `${root.slice(0, -1)}_`; // a directory beside the root, with a name as long as the root's
    for (const path of [`${root}/prom-backup/more`, `${root}/apps/prom-backup`, `${root}/prom-backups`, `${root}-backup`, `/elsewhere/prom-backup`, `${sibling}/prom-backup`]) {
      expect([path, k8sNfsCritical.check([stackOf([at(path)], { critical: true })], context).map((p) => [p.message, p.fix])]).toEqual([
        path,
        [["persistent volume with an NFS source in critical stack s; allowed: no NFS", undefined]],
      ]);
    }
  });

  test("a backup directory written with a trailing slash is a backup target; an NFS source without a path is not", () => {
    const root = context.inventory.kubernetes.nfs.backupRoot;
    const at = (nfs: object) => res("kubernetes_persistent_volume_v1", { spec: [{ persistent_volume_source: { nfs: { server: "nas", ...nfs } } }] });
    expect(k8sNfsCritical.check([stackOf([at({ path: `${root}/prom-backup/` }), at({})], { critical: true })], context).map((p) => p.message)).toEqual([
      "persistent volume with an NFS source (a backup target) in critical stack s; allowed: no NFS",
      "persistent volume with an NFS source in critical stack s; allowed: no NFS",
    ]);
  });

  test("an inventory that writes the backup root with a trailing slash finds the same backup targets", () => {
    const { nfs } = defaultInventory.kubernetes;
    const inventory = parseInventory({ ...defaultInventory, kubernetes: { ...defaultInventory.kubernetes, nfs: { ...nfs, backupRoot: `${nfs.backupRoot}/` } } }, "test");
    const pv = res("kubernetes_persistent_volume_v1", { spec: [{ persistent_volume_source: { nfs: { server: "nas", path: `${nfs.backupRoot}/prom-backup` } } }] });
    expect(k8sNfsCritical.check([stackOf([pv], { critical: true })], { inventory }).map((p) => p.message)).toEqual([
      "persistent volume with an NFS source (a backup target) in critical stack s; allowed: no NFS",
    ]);
  });

  test("a claim is a backup target only when bound to a backup target's PV: not to another NFS PV, nor to a local PV", () => {
    const root = context.inventory.kubernetes.nfs.backupRoot;
    const mediaPv = { ...res("kubernetes_persistent_volume_v1", { spec: [{ persistent_volume_source: { nfs: { server: "nas", path: `${root}/media` } } }] }, "s/Media/Volume"), logicalId: "Media_Volume" };
    const localPv = { ...res("kubernetes_persistent_volume_v1", { spec: [{ persistent_volume_source: { host_path: { path: "/var/lib/prom" } } }] }, "s/Local/Volume"), logicalId: "Local_Volume" };
    const boundTo = (pv: string, path: string) => claim("prom", { spec: { storage_class_name: "nfs-static", volume_name: `\${kubernetes_persistent_volume_v1.${pv}.metadata[0].name}` } }, path);
    const problems = k8sNfsCritical.check([stackOf([mediaPv, localPv, boundTo("Media_Volume", "s/Media/Claim"), boundTo("Local_Volume", "s/Local/Claim")], { critical: true })], context);
    expect(problems.map((p) => [p.path, p.message, p.fix])).toEqual([
      ["s/Media/Volume", "persistent volume with an NFS source in critical stack s; allowed: no NFS", undefined],
      ["s/Media/Claim", "claim of storage class nfs-static in critical stack s; allowed: no NFS", undefined],
      ["s/Local/Claim", "claim of storage class nfs-static in critical stack s; allowed: no NFS", undefined],
    ]);
  });

  test("a claim's storage class is NFS whatever its case; a class that is not a name (the provider writes a string) is not read", () => {
    const problems = k8sNfsCritical.check([stackOf([claim("a", { spec: { storage_class_name: "NFS-Static" } }), claim("b", { spec: { storage_class_name: ["nfs-static"] } }), claim("c", { spec: { storage_class_name: null } })], { critical: true })], context);
    expect(problems.map((p) => p.message)).toEqual(["claim of storage class NFS-Static in critical stack s; allowed: no NFS"]);
  });

  test("a pod's NFS volume without a name is reported without one; its local volumes (a claim, an emptyDir) are no NFS", () => {
    const pod = deployment({
      container: [goodContainer],
      volume: [
        { name: "data", persistent_volume_claim: { claim_name: "prom-encrypted" } },
        { name: "scratch", empty_dir: {} },
        { nfs: { server: "nas", path: "/m" } },
      ],
    });
    expect(k8sNfsCritical.check([stackOf([claim("prom-encrypted"), pod], { critical: true })], context).map((p) => p.message)).toEqual([
      "pod volume mounted straight from NFS in critical stack s; allowed: no NFS",
    ]);
  });

  test("cannot be acknowledged", () => {
    expect(k8sNfsCritical.acknowledgeable).toBe(false);
  });

  test("not applicable: NFS in a stack that is not critical", () => {
    expect(k8sNfsCritical.check([stackOf([nfsPv, nfsClaim, inlineNfs])], context)).toEqual([]);
  });
});

describe("HL-K8S-2 through synth", () => {
  const { HomelabStack } = require("../../constructs/homelab-stack");
  const { Namespace } = require("../../constructs/namespace");
  const { NfsVolume } = require("../../constructs/nfs-volume");
  const { checkApp } = require("../helpers/synth");

  test("an NfsVolume in a critical stack is an error that cannot be acknowledged away", () => {
    const { acknowledge } = require("../../policy/acknowledge");
    const report = checkApp(
      (app: any) => {
        const monitoring = new HomelabStack(app, "monitoring", { tier: 1, cluster: "kubernetes", description: "x", critical: true });
        const volume = new NfsVolume(monitoring, "Data", { namespace: new Namespace(monitoring, "Ns", { name: "monitoring" }), name: "data", path: "/mnt/main/prom" });
        acknowledge(volume, "HL-K8S-2", "we really want NFS here");
      },
      { rules: [k8sNfsCritical] },
    );
    expect(report.findings.filter((f: any) => f.ruleId === "HL-K8S-2").map((f: any) => [f.path, f.acknowledged])).toEqual([
      ["monitoring/Data/Claim", undefined],
      ["monitoring/Data/Volume", undefined],
    ]);
    expect(report.findings.some((f: any) => f.ruleId === "HL-ACK" && /cannot be acknowledged/.test(f.message))).toBe(true);
  });

  test("an NfsVolume made by hand as a critical stack's backup target gets the backup fix, in what synth prints", () => {
    const { formatErrors } = require("../../policy/engine");
    const report = checkApp(
      (app: any) => {
        const monitoring = new HomelabStack(app, "monitoring", { tier: 1, cluster: "kubernetes", description: "x", critical: true });
        const root = monitoring.inventory.kubernetes.nfs.backupRoot;
        new NfsVolume(monitoring, "Backups", { namespace: new Namespace(monitoring, "Ns", { name: "monitoring" }), name: "prometheus-backup", path: `${root}/prometheus-backup` });
      },
      { rules: [k8sNfsCritical] },
    );
    expect(formatErrors(report)).toEqual([
      expect.stringMatching(/^\[HL-K8S-2\] monitoring\/Backups\/Claim: claim of storage class nfs-static \(a backup target\) in critical stack monitoring; allowed: no NFS; fix: this NFS is a backup target/),
      expect.stringMatching(/^\[HL-K8S-2\] monitoring\/Backups\/Volume: persistent volume with an NFS source \(a backup target\) .*; fix: this NFS is a backup target/),
    ]);
  });
});
