// @ts-nocheck
import { Construct } from "constructs";
import YAML from "yaml";
import { ExternalSecret } from "../constructs/external-secret";
import { HelmChart } from "../constructs/helm-chart";
import { HomelabStack } from "../constructs/homelab-stack";
import { Namespace } from "../constructs/namespace";
import { ENCRYPTED_STORAGE_CLASS, PROXMOX_STORAGE_CLASSES, RESIZE_ENABLED_ANNOTATION } from "../constructs/proxmox-claim-template";
import { ServiceSecrets, ServiceSecretsDeclaration } from "../constructs/service-secrets";
import { chartResources } from "./platform";

const NAMESPACE = "proxmox-csi";

/** The plugin's Proxmox API token, in Vault, synced into the plugin's namespace. */
export const PROXMOX_CSI_API_SECRETS: ServiceSecretsDeclaration = {
  service: "proxmox-csi-api",
  reads: ["proxmox-csi/api"],
  runsOn: "kubernetes",
  namespace: NAMESPACE,
};

export interface ProxmoxCsiStackProps {
  /** The plugin's declared secrets (vault stack, from PROXMOX_CSI_API_SECRETS). */
  readonly apiSecrets: ServiceSecrets;
  /** The Secret holding the LUKS passphrase of encrypted volumes (external-secrets stack). */
  readonly encryptionSecret: ExternalSecret;
}

/** Memory of the node plugin: LUKS2's Argon2id key derivation needs about 1 GiB while a volume is opened. */
export const NODE_PLUGIN_MEMORY_MIB = 1280;

/**
 * The Proxmox CSI plugin and its two storage classes: proxmox-lvm, and proxmox-lvm-encrypted
 * (LUKS, its passphrase from the external-secrets stack's Secret). Volumes are thin LVs on a
 * Proxmox storage; the classes retain them when a claim goes, so no data leaves with it.
 *
 * Tier 0: pg-cluster's claims are proxmox-lvm-encrypted, so PostgreSQL cannot start before
 * this plugin, and the tier-1 state is in PostgreSQL.
 */
export class ProxmoxCsiStack extends HomelabStack {
  constructor(scope: Construct, props: ProxmoxCsiStackProps) {
    super(scope, "proxmox-csi", {
      tier: 0,
      cluster: "kubernetes",
      description: "Proxmox CSI plugin: the proxmox-lvm and proxmox-lvm-encrypted storage classes",
    });
    const { proxmox } = this.inventory.kubernetes;
    const namespace = new Namespace(this, "Namespace", { name: NAMESPACE });

    // The plugin's config file, rendered by External Secrets so the token never passes Terraform.
    const config = {
      features: { provider: "default" },
      clusters: [
        {
          url: `${proxmox.apiAddress}/api2/json`,
          insecure: proxmox.insecureTls,
          token_id: "{{ .token_id }}",
          token_secret: "{{ .token_secret }}",
          region: proxmox.region,
        },
      ],
    };
    const configSecret = new ExternalSecret(this, "Config", {
      namespace,
      name: "proxmox-csi-config",
      secrets: props.apiSecrets,
      keys: {
        token_id: { path: "proxmox-csi/api", property: "token-id" },
        token_secret: { path: "proxmox-csi/api", property: "token-secret" },
      },
      template: { "config.yaml": YAML.stringify(config) },
    });

    const passphrase = props.encryptionSecret;
    const storageClass = (name: string) => ({
      name,
      storage: proxmox.storage,
      fstype: "ext4",
      cache: "none",
      // Retain: deleting a claim (or the class's release) leaves the LV, and its data, in Proxmox.
      reclaimPolicy: "Retain",
      annotations: { [RESIZE_ENABLED_ANNOTATION]: "true" },
      ...(name === ENCRYPTED_STORAGE_CLASS
        ? {
            extraParameters: {
              "csi.storage.k8s.io/node-stage-secret-name": passphrase.secretName,
              "csi.storage.k8s.io/node-stage-secret-namespace": passphrase.namespace,
              "csi.storage.k8s.io/node-expand-secret-name": passphrase.secretName,
              "csi.storage.k8s.io/node-expand-secret-namespace": passphrase.namespace,
            },
          }
        : {}),
    });
    const sidecar = { resources: chartResources(10, 32) };
    new HelmChart(this, "Release", {
      name: "proxmox-csi-plugin",
      namespace,
      repository: "oci://ghcr.io/sergelogvinov/charts",
      chart: "proxmox-csi-plugin",
      version: "0.5.6",
      hostAccess: "the node plugin attaches, unlocks (LUKS) and mounts volumes on the node: privileged, with the host's /dev",
      // The controller mounts the config Secret, which must exist for it to start.
      after: [configSecret],
      values: {
        existingConfigSecret: configSecret.secretName,
        existingConfigSecretKey: "config.yaml",
        storageClass: PROXMOX_STORAGE_CLASSES.map(storageClass),
        controller: { plugin: { resources: chartResources(10, 64) }, attacher: sidecar, provisioner: sidecar, resizer: sidecar },
        node: { plugin: { resources: chartResources(10, NODE_PLUGIN_MEMORY_MIB) }, driverRegistrar: sidecar },
        livenessprobe: sidecar,
      },
    });
  }
}
