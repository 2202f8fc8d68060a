import { ExternalSecretsStack, PROXMOX_CSI_SECRETS } from "../../stacks/external-secrets";
import { VaultStack } from "../../stacks/vault";
import { onlyResource, resourcesOf, synthApp } from "../helpers/synth";
import { readProvenance } from "../../contracts/stored";

describe("external-secrets stack", () => {
  const { stacks, report } = synthApp((app) => {
    const vault = new VaultStack(app, { services: [PROXMOX_CSI_SECRETS] });
    new ExternalSecretsStack(app, {
      kv: vault.kv,
      databaseMountPath: vault.database.path,
      kvNamespaces: vault.kubernetesNamespaces(),
      proxmoxCsiSecrets: vault.secretsFor("proxmox-csi"),
    });
  });
  const es = stacks["external-secrets"];
  const manifests = (Object.values(resourcesOf(es, "kubernetes_manifest")) as any[]).map((m) => m.manifest);
  const stores = manifests.filter((m) => m.kind === "ClusterSecretStore");

  test("no rule finding; tier 0 reading the tier-0 vault stack", () => {
    expect(report.findings.filter((f) => f.stackId === "external-secrets")).toEqual([]);
    expect(es.data.terraform_remote_state["cross-stack-reference-input-vault"].backend).toBe("local");
  });

  test("installs ESO from a pinned chart", () => {
    // the version whose values, templates and CRDs the stored chart contract holds (the snapshot has the number)
    expect(onlyResource(es, "helm_release")).toMatchObject({ chart: "external-secrets", version: readProvenance("helm-chart-external-secrets").version });
  });

  test("vault-kv (KV v2 mount from the vault stack) and vault-database ClusterSecretStores", () => {
    expect(stores.map((s) => [s.kind, s.metadata.name, s.spec.provider.vault.version]).sort()).toEqual([
      ["ClusterSecretStore", "vault-database", "v1"],
      ["ClusterSecretStore", "vault-kv", "v2"],
    ]);
    const kv = stores.find((s) => s.metadata.name === "vault-kv");
    expect(kv.spec.provider.vault.path).toMatch(/terraform_remote_state\.cross-stack-reference-input-vault/);
    expect(kv.spec.provider.vault.auth.kubernetes).toEqual({
      mountPath: "kubernetes",
      role: "external-secrets",
      serviceAccountRef: { name: "external-secrets", namespace: "external-secrets" },
    });
  });

  test("each store serves only the namespaces of the services that declared their reads; the database store serves none yet", () => {
    const served = Object.fromEntries(stores.map((s) => [s.metadata.name, s.spec.conditions]));
    expect(served).toEqual({ "vault-kv": [{ namespaces: ["kube-system"] }], "vault-database": [{ namespaces: [] }] });
  });

  test("syncs the LUKS passphrase of encrypted volumes into kube-system/proxmox-csi-encryption", () => {
    const secret = manifests.find((m) => m.kind === "ExternalSecret");
    expect(secret.metadata).toMatchObject({ name: "proxmox-csi-encryption", namespace: "kube-system" });
    expect(secret.spec.data).toEqual([{ secretKey: "encryption-passphrase", remoteRef: { key: "proxmox-csi/encryption", property: "passphrase" } }]);
    expect(secret.spec.secretStoreRef).toEqual({ kind: "ClusterSecretStore", name: "vault-kv" });
    const raw = (Object.values(resourcesOf(es, "kubernetes_manifest")) as any[]).find((m) => m.manifest.kind === "ExternalSecret");
    expect(raw.depends_on).toEqual([expect.stringMatching(/^kubernetes_manifest\.VaultKv_/)]);
  });
});
