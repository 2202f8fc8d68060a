import { VaultStack } from "../../stacks/vault";
import { VAULTWARDEN_SECRETS, VaultwardenStack } from "../../stacks/vaultwarden";
import { onlyResource, resourcesOf, synthApp } from "../helpers/synth";

describe("vaultwarden stack", () => {
  const { stacks, report } = synthApp((app) => {
    const vault = new VaultStack(app, { services: [VAULTWARDEN_SECRETS] });
    new VaultwardenStack(app, { secrets: vault.secretsFor("vaultwarden") });
  });
  const vw = stacks.vaultwarden;

  test("is tier 1: state in PostgreSQL", () => {
    expect(vw.terraform.backend).toEqual({ pg: { schema_name: "vaultwarden" } });
  });

  test("no rule finding", () => {
    expect(report.findings.filter((f) => f.stackId === "vaultwarden")).toEqual([]);
  });

  test("ingress auth is app, with its reason; the admin panel is behind Authentik", () => {
    const ingresses = Object.values(resourcesOf(vw, "kubernetes_ingress_v1")) as any[];
    const main = ingresses.find((i) => i.metadata.name === "vaultwarden").metadata.annotations;
    expect(main["homelab.auth/mode"]).toBe("app");
    expect(main["homelab.auth/reason"].length).toBeGreaterThanOrEqual(10);
    const admin = ingresses.find((i) => i.metadata.name === "vaultwarden-carve-out");
    expect(admin.metadata.annotations["homelab.auth/mode"]).toBe("required");
    expect(admin.spec.rule[0].http.path.map((p: any) => [p.path, p.path_type])).toEqual([["/admin", "Prefix"]]);
  });

  test("data on an encrypted claim, backed up by a CronJob, mounted by a Recreate Deployment", () => {
    const claims = Object.values(resourcesOf(vw, "kubernetes_persistent_volume_claim_v1")) as any[];
    expect(claims.find((c) => c.spec.storage_class_name === "proxmox-lvm-encrypted").metadata.name).toBe("vaultwarden-data-encrypted");
    expect(Object.keys(resourcesOf(vw, "kubernetes_cron_job_v1"))).toHaveLength(1);
    expect(onlyResource(vw, "kubernetes_deployment_v1").spec.strategy.type).toBe("Recreate");
  });

  test("backed up every 6 hours from a consistent SQLite snapshot that passed its integrity check, not a tar of the live files", () => {
    const cron = onlyResource(vw, "kubernetes_cron_job_v1");
    expect(cron.spec.schedule).toBe("0 */6 * * *");
    const script: string = cron.spec.job_template.spec.template.spec.container[0].args[0];
    expect(script).toContain(`sqlite3 '/data/db.sqlite3' ".backup '$stage/db.sqlite3'"`);
    expect(script).toContain("PRAGMA integrity_check;");
    expect(script).toContain("rm -f 'db.sqlite3' 'db.sqlite3-wal' 'db.sqlite3-shm' 'db.sqlite3-journal'");
  });

  test("the admin token comes from Vault through an ExternalSecret, tied to the vault stack's policy", () => {
    const es = onlyResource(vw, "kubernetes_manifest").manifest;
    expect(es.kind).toBe("ExternalSecret");
    expect(es.spec.data).toEqual([{ secretKey: "ADMIN_TOKEN", remoteRef: { key: "vaultwarden/admin", property: "admin_token" } }]);
    expect(es.metadata.annotations["homelab.vault/policy"]).toMatch(/terraform_remote_state\.cross-stack-reference-input-vault/);
    const container = onlyResource(vw, "kubernetes_deployment_v1").spec.template.spec.container[0];
    expect(container.env_from).toEqual([{ secret_ref: { name: "vaultwarden-admin" } }]);
  });

  test("fails if vaultwarden reads a path it did not declare", () => {
    const { ExternalSecret } = require("../../constructs/external-secret");
    const { Namespace } = require("../../constructs/namespace");
    expect(() =>
      synthApp((app) => {
        const vault = new VaultStack(app, { services: [VAULTWARDEN_SECRETS] });
        const s = new VaultwardenStack(app, { secrets: vault.secretsFor("vaultwarden") });
        new ExternalSecret(s, "Extra", {
          namespace: new Namespace(s, "Ns2", { name: "other" }),
          name: "extra",
          secrets: vault.secretsFor("vaultwarden"),
          keys: { X: { path: "other/thing", property: "x" } },
        });
      }),
    ).toThrow(/vaultwarden\/Extra: reads "other\/thing", which service vaultwarden does not declare; allowed: vaultwarden\/admin/);
  });
});
