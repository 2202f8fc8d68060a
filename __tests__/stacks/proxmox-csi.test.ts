import YAML from "yaml";
import { PROXMOX_STORAGE_CLASSES } from "../../constructs/proxmox-claim-template";
import { ExternalSecretsStack, PROXMOX_CSI_SECRETS } from "../../stacks/external-secrets";
import { NODE_PLUGIN_MEMORY_MIB, PROXMOX_CSI_API_SECRETS, ProxmoxCsiStack } from "../../stacks/proxmox-csi";
import { VaultStack } from "../../stacks/vault";
import { chartFindings, followsResourceRule, release, resourceBlocks } from "../helpers/releases";
import { onlyResource, synthApp, testInventory } from "../helpers/synth";
import { readProvenance } from "../../contracts/stored";

describe("proxmox-csi stack", () => {
  const { stacks, report } = synthApp((app) => {
    const vault = new VaultStack(app, { services: [PROXMOX_CSI_SECRETS, PROXMOX_CSI_API_SECRETS] });
    const externalSecrets = new ExternalSecretsStack(app, {
      kv: vault.kv,
      databaseMountPath: vault.database.path,
      kvNamespaces: vault.kubernetesNamespaces(),
      proxmoxCsiSecrets: vault.secretsFor("proxmox-csi"),
    });
    new ProxmoxCsiStack(app, { apiSecrets: vault.secretsFor("proxmox-csi-api"), encryptionSecret: externalSecrets.proxmoxCsiEncryption });
  });
  const p = stacks["proxmox-csi"];
  const { body, values } = release(p, "proxmox-csi-plugin");
  const classes = values.storageClass as any[];

  test("tier 0: local state (pg-cluster's volumes are its volumes, so it must run before PostgreSQL)", () => {
    expect(p.terraform.backend).toEqual({ local: { path: "../../../state/proxmox-csi.tfstate" } });
  });

  test("no rule finding", () => {
    expect(report.findings.filter((f) => f.stackId === "proxmox-csi")).toEqual([]);
  });

  test("the chart pinned as the operator runs it, from its OCI repository", () => {
    expect([body.repository, body.chart, body.version]).toEqual(["oci://ghcr.io/sergelogvinov/charts", "proxmox-csi-plugin", readProvenance("helm-chart-proxmox-csi-plugin").version]);
  });

  test("provides every storage class the claim constructs use: proxmox-lvm and proxmox-lvm-encrypted", () => {
    expect(classes.map((c) => c.name).sort()).toEqual([...PROXMOX_STORAGE_CLASSES].sort());
    expect(classes.map((c) => c.name).sort()).toEqual(["proxmox-lvm", "proxmox-lvm-encrypted"]);
  });

  test("volumes outlive their claims (Retain), on the inventory's storage, and the autoresizer may grow them", () => {
    for (const c of classes) {
      expect([c.name, c.reclaimPolicy, c.storage, c.annotations]).toEqual([c.name, "Retain", testInventory.kubernetes.proxmox.storage, { "resize.topolvm.io/enabled": "true" }]);
    }
  });

  test("the encrypted class stages and expands with the LUKS passphrase Secret the external-secrets stack syncs", () => {
    const encrypted = classes.find((c) => c.name === "proxmox-lvm-encrypted");
    expect(encrypted.extraParameters).toEqual({
      "csi.storage.k8s.io/node-stage-secret-name": "proxmox-csi-encryption",
      "csi.storage.k8s.io/node-stage-secret-namespace": "kube-system",
      "csi.storage.k8s.io/node-expand-secret-name": "proxmox-csi-encryption",
      "csi.storage.k8s.io/node-expand-secret-namespace": "kube-system",
    });
    expect(classes.find((c) => c.name === "proxmox-lvm").extraParameters).toBeUndefined();
    const passphrase = stacks["external-secrets"].resource.kubernetes_manifest;
    expect(Object.values(passphrase).map((m: any) => [m.manifest.kind, m.manifest.metadata.namespace, m.manifest.metadata.name])).toContainEqual([
      "ExternalSecret",
      "kube-system",
      "proxmox-csi-encryption",
    ]);
  });

  test("the node plugin has the 1280Mi LUKS needs, and every container requests CPU with no CPU limit and memory request = limit", () => {
    expect(NODE_PLUGIN_MEMORY_MIB).toBe(1280);
    expect(values.node.plugin.resources).toEqual({ requests: { cpu: "10m", memory: "1280Mi" }, limits: { memory: "1280Mi" } });
    const blocks = resourceBlocks(values);
    expect(blocks.length).toBeGreaterThanOrEqual(7);
    for (const b of blocks) expect([b.path, followsResourceRule(b.resources)]).toEqual([b.path, true]);
  });

  test("the Proxmox API token reaches only the config Secret External Secrets renders, never Terraform", () => {
    expect(JSON.stringify(values)).not.toMatch(/token_(id|secret)/);
    expect([values.existingConfigSecret, values.existingConfigSecretKey]).toEqual(["proxmox-csi-config", "config.yaml"]);
    const es = onlyResource(p, "kubernetes_manifest").manifest;
    expect([es.kind, es.metadata.namespace, es.spec.target.name]).toEqual(["ExternalSecret", "${kubernetes_namespace_v1.Namespace_9B63B8C8.metadata[0].name}", "proxmox-csi-config"]);
    expect(onlyResource(p, "kubernetes_namespace_v1").metadata.name).toBe("proxmox-csi");
    expect(es.spec.data.map((d: any) => d.remoteRef)).toEqual([
      { key: "proxmox-csi/api", property: "token-id" },
      { key: "proxmox-csi/api", property: "token-secret" },
    ]);
    const config = YAML.parse(es.spec.target.template.data["config.yaml"]);
    const { apiAddress, region, insecureTls } = testInventory.kubernetes.proxmox;
    expect(config.clusters).toEqual([
      { url: `${apiAddress}/api2/json`, insecure: insecureTls, token_id: "{{ .token_id }}", token_secret: "{{ .token_secret }}", region },
    ]);
  });

  test("the release waits for the config Secret its controller mounts", () => {
    expect(body.depends_on).toEqual([expect.stringMatching(/^kubernetes_manifest\.Config_/)]);
  });

  test("the chart's contract catches what the operator's values set to no effect (controller.replicas: the chart's key is replicaCount)", () => {
    const findings = chartFindings({
      repository: "oci://ghcr.io/sergelogvinov/charts",
      chart: "proxmox-csi-plugin",
      version: "0.5.6",
      values: { controller: { replicas: 2 } },
    });
    expect(findings).toEqual([expect.stringMatching(/\.values\.controller\.replicas: 2 is not a value of chart proxmox-csi-plugin 0\.5\.6/)]);
  });
});
