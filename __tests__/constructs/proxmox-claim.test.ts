import { tmpdir } from "os";
import { HomelabApp } from "../../constructs";
import { catalogFactsOf } from "../../constructs/catalog-facts";
import { Namespace } from "../../constructs/namespace";
import { claimTemplateAnnotations, claimTemplateProblems, ProxmoxClaimProps } from "../../constructs/proxmox-claim";
import { ProxmoxPvc } from "../../constructs/proxmox-pvc";
import { resourcesOf, synthWith, testInventory, testStack } from "../helpers/synth";

/**
 * What every Proxmox claim shares (ProxmoxClaim, and QuorumStatefulSet's claim templates):
 * the checks on names, sizes, autoresizer settings and the backup choice, and the
 * annotations the guide's claim template carries (003: threshold 10%, increase 100%,
 * storage_limit 5Gi).
 */
const props = (extra: Partial<ProxmoxClaimProps> = {}): ProxmoxClaimProps => ({
  namespace: undefined as never, // not read by the template functions
  app: "vault",
  name: "vault-data",
  backup: { cronjob: {} },
  ...extra,
});

describe("the claim template's checks", () => {
  test("the defaults pass: 1Gi requested, limit 5Gi", () => {
    expect(claimTemplateProblems(props())).toEqual([]);
  });

  test("a limit equal to the request is allowed; below it is not", () => {
    expect(claimTemplateProblems(props({ sizeGiB: 5, storageLimitGiB: 5 }))).toEqual([]);
    expect(claimTemplateProblems(props({ sizeGiB: 6 }))).toEqual(["storageLimitGiB 5 is below sizeGiB 6; allowed: a limit at or above the request"]);
  });

  test.each([0, 1.5, -1])("fails if sizeGiB is %d", (sizeGiB) => {
    expect(claimTemplateProblems(props({ sizeGiB, storageLimitGiB: 5 }))).toEqual([`sizeGiB ${sizeGiB} must be a whole number of at least 1`]);
  });

  test("the smallest claim, 1Gi requested with a 1Gi ceiling, is allowed", () => {
    expect(claimTemplateProblems(props({ sizeGiB: 1, storageLimitGiB: 1 }))).toEqual([]);
  });

  test.each([0, 2.5])("fails if storageLimitGiB is %d", (storageLimitGiB) => {
    expect(claimTemplateProblems(props({ storageLimitGiB }))).toContain(
      `storageLimitGiB ${storageLimitGiB} must be a whole number of at least 1: the autoresizer needs a non-zero limit`,
    );
  });

  test("fails if the claim name or the app is not a DNS label", () => {
    expect(claimTemplateProblems(props({ name: "Vault_Data", app: "-vault" }))).toEqual([
      'claim name "Vault_Data" must be a DNS label: lowercase a-z, 0-9 and -, at most 63 characters, starting and ending alphanumeric',
      'app "-vault" must be a DNS label: lowercase a-z, 0-9 and -, at most 63 characters, starting and ending alphanumeric',
    ]);
  });

  test.each(["1%", "10%", "99%", "100%"])("a resize percentage of %s is allowed", (p) => {
    expect(claimTemplateProblems(props({ resizeThreshold: p, resizeIncrease: p }))).toEqual([]);
  });

  test.each(["0%", "101%", "10", "05%", "10 %", "x10%", "10%x"])("fails if a resize percentage is %j", (p) => {
    expect(claimTemplateProblems(props({ resizeThreshold: p, resizeIncrease: p }))).toEqual([
      `resizeThreshold ${JSON.stringify(p)} must be a percentage from 1% to 100%`,
      `resizeIncrease ${JSON.stringify(p)} must be a percentage from 1% to 100%`,
    ]);
  });

  test("backup none with exactly ten characters is a reason", () => {
    expect(claimTemplateProblems(props({ backup: { none: "0123456789" } }))).toEqual([]);
  });

  test.each([["short"], [" ".repeat(10)], ["  012345678  "], [undefined]])("fails if backup none gives no real reason: %j", (none) => {
    expect(claimTemplateProblems(props({ backup: { none: none as never } }))).toEqual([
      `backup none needs a reason of 10+ characters saying why the data need no backup; got ${JSON.stringify(none)}`,
    ]);
  });

  test("fails if the backup is neither a cronjob nor none (an untyped caller)", () => {
    expect(claimTemplateProblems(props({ backup: {} as never }))).toEqual(['backup must be { cronjob: { … } } or { none: "<reason>" }']);
  });
});

describe("the claim template's annotations", () => {
  test("the guide's autoresizer defaults, and the backup mode", () => {
    expect(claimTemplateAnnotations(props())).toEqual({
      "resize.topolvm.io/threshold": "10%",
      "resize.topolvm.io/increase": "100%",
      "resize.topolvm.io/storage_limit": "5Gi",
      "homelab.backup/mode": "cronjob",
    });
  });

  test("settings as given, and the no-backup reason without surrounding blanks", () => {
    expect(claimTemplateAnnotations(props({ resizeThreshold: "20%", resizeIncrease: "50%", storageLimitGiB: 30, backup: { none: "  scratch data, rebuilt on start\n" } }))).toEqual({
      "resize.topolvm.io/threshold": "20%",
      "resize.topolvm.io/increase": "50%",
      "resize.topolvm.io/storage_limit": "30Gi",
      "homelab.backup/mode": "none",
      "homelab.backup/reason": "scratch data, rebuilt on start",
    });
  });
});

describe("a Proxmox claim", () => {
  test("requests sizeGiB, is labelled as the app's storage, and lives in the app's namespace", () => {
    const stack = synthWith((s) => new ProxmoxPvc(s, "Data", { ...props({ sizeGiB: 3, backup: { none: "cache, rebuilt from upstream" } }), namespace: new Namespace(s, "Ns", { name: "vault" }) }));
    const [claim] = Object.values(resourcesOf(stack, "kubernetes_persistent_volume_claim_v1")) as any[];
    expect(claim.spec.resources.requests.storage).toBe("3Gi");
    expect(claim.metadata).toMatchObject({
      name: "vault-data",
      namespace: expect.stringMatching(/^\$\{kubernetes_namespace_v1\.Ns_\w+\.metadata\[0\]\.name\}$/),
      labels: { "app.kubernetes.io/name": "vault", "app.kubernetes.io/component": "storage", "app.kubernetes.io/managed-by": "terraform" },
    });
  });

  test("is a ReadWriteOnce volume named by the claim, with no backup job when backup is none", () => {
    const app = new HomelabApp({ outdir: tmpdir(), inventory: testInventory });
    const s = testStack(app);
    const claim = new ProxmoxPvc(s, "Data", { ...props({ backup: { none: "cache, rebuilt from upstream" } }), namespace: new Namespace(s, "Ns", { name: "vault" }) });
    expect([claim.accessMode, claim.volumeName, claim.storageClass, claim.backupJob]).toEqual(["ReadWriteOnce", "vault-data", "proxmox-lvm", undefined]);
  });

  test("hands its cronjob settings to the backup job: schedule, retention and SQLite databases", () => {
    const app = new HomelabApp({ outdir: tmpdir(), inventory: testInventory });
    const s = testStack(app);
    const claim = new ProxmoxPvc(s, "Data", {
      ...props({ backup: { cronjob: { schedule: "0 4 * * 0", retentionDays: 30, sqliteDatabases: ["db/app.sqlite3"] } } }),
      namespace: new Namespace(s, "Ns", { name: "vault" }),
    });
    expect(catalogFactsOf(claim).backup).toBe(`SQLite snapshots (db/app.sqlite3, integrity-checked) and files, 0 4 * * 0, 30 days, to ${claim.backupJob!.where}`);
  });
});
