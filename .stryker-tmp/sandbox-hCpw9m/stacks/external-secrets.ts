// @ts-nocheck
import { Construct } from "constructs";
import { ClusterSecretStore } from "../constructs/cluster-secret-store";
import { HelmChart } from "../constructs/helm-chart";
import { HomelabStack } from "../constructs/homelab-stack";
import { ExternalSecret } from "../constructs/external-secret";
import { KUBE_SYSTEM, Namespace } from "../constructs/namespace";
import { ServiceSecrets, ServiceSecretsDeclaration } from "../constructs/service-secrets";
import { VaultKvStore } from "../constructs/vault-kv-store";
import { chartResources } from "./platform";
import { EXTERNAL_SECRETS_IDENTITY } from "./vault";

/** The Proxmox CSI driver's LUKS passphrase: in Vault, synced into kube-system. */
export const PROXMOX_CSI_SECRETS: ServiceSecretsDeclaration = {
  service: "proxmox-csi",
  reads: ["proxmox-csi/encryption"],
  runsOn: "kubernetes",
  namespace: KUBE_SYSTEM.name,
};

export interface ExternalSecretsStackProps {
  /** The KV store (vault stack) the vault-kv store reads. */
  readonly kv: VaultKvStore;
  /** The database engine's mount path (vault stack). */
  readonly databaseMountPath: string;
  /** The namespaces of the Kubernetes services that declared KV reads (vault stack): the only ones vault-kv serves. */
  readonly kvNamespaces: readonly string[];
  /** The Proxmox CSI driver's declared secrets (vault stack, from PROXMOX_CSI_SECRETS). */
  readonly proxmoxCsiSecrets: ServiceSecrets;
}

/**
 * External Secrets Operator, the Vault ClusterSecretStores (vault-kv, vault-database), and
 * the cluster's own secret: the LUKS passphrase of proxmox-lvm-encrypted volumes.
 */
export class ExternalSecretsStack extends HomelabStack {
  /** The LUKS passphrase of proxmox-lvm-encrypted volumes, which the CSI driver's storage class names. */
  readonly proxmoxCsiEncryption: ExternalSecret;

  constructor(scope: Construct, props: ExternalSecretsStackProps) {
    super(scope, "external-secrets", {
      tier: 0,
      cluster: "kubernetes",
      description: "External Secrets Operator and the Vault ClusterSecretStores",
    });
    const namespace = new Namespace(this, "Namespace", { name: EXTERNAL_SECRETS_IDENTITY.namespace });
    const operator = new HelmChart(this, "Operator", {
      name: "external-secrets",
      namespace,
      repository: "https://charts.external-secrets.io",
      chart: "external-secrets",
      version: "0.20.4",
      values: {
        installCRDs: true,
        serviceAccount: { name: EXTERNAL_SECRETS_IDENTITY.serviceAccount },
        resources: chartResources(50, 128),
        webhook: { resources: chartResources(20, 64) },
        certController: { resources: chartResources(20, 64) },
      },
    });
    const auth = {
      mountPath: "kubernetes",
      role: EXTERNAL_SECRETS_IDENTITY.role,
      serviceAccount: EXTERNAL_SECRETS_IDENTITY.serviceAccount,
      namespace: EXTERNAL_SECRETS_IDENTITY.namespace,
    };
    const vaultAddress = this.inventory.vault.address;
    // Each store serves only the namespaces of services that declared what they read: a
    // Secret anywhere else gets nothing, whatever its ExternalSecret asks.
    const kvStore = new ClusterSecretStore(this, "VaultKv", {
      name: "vault-kv",
      vaultAddress,
      mountPath: props.kv.path,
      kvVersion: "v2",
      auth,
      operator,
      namespaces: props.kvNamespaces,
    });
    new ClusterSecretStore(this, "VaultDatabase", {
      name: "vault-database",
      vaultAddress,
      mountPath: props.databaseMountPath,
      kvVersion: "v1",
      auth,
      operator,
      // No service reads database credentials through External Secrets yet.
      namespaces: [],
    });
    // The Proxmox CSI driver reads the passphrase of encrypted volumes from this Secret.
    this.proxmoxCsiEncryption = new ExternalSecret(this, "ProxmoxCsiEncryption", {
      namespace: KUBE_SYSTEM,
      name: "proxmox-csi-encryption",
      secrets: props.proxmoxCsiSecrets,
      keys: { "encryption-passphrase": { path: "proxmox-csi/encryption", property: "passphrase" } },
      after: [kvStore],
    });
  }
}
