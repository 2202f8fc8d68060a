// @ts-nocheck
import { SynthResource, SynthStack } from "../../policy/rule";
import { testInventory } from "../helpers/synth";

/** Shared fixtures for the Kubernetes rule tests: resources as they appear in cdk.tf.json. */
export const context = { inventory: testInventory };

export function res(type: string, attributes: Record<string, unknown>, path = "s/R/Resource"): SynthResource {
  return { type, path, stackId: "s", attributes };
}

export function stackOf(resources: SynthResource[], extra: Partial<SynthStack> = {}): SynthStack {
  return { id: "s", tier: 1, cluster: "kubernetes", resources, ...extra };
}

export const goodContainer = {
  name: "app",
  image: "docker.io/library/nginx:1.29.4-alpine",
  resources: { requests: { cpu: "100m", memory: "256Mi" }, limits: { memory: "256Mi" } },
};

export function deployment(podSpec: Record<string, unknown>, strategy?: string, path = "s/App/Deployment"): SynthResource {
  return res(
    "kubernetes_deployment_v1",
    {
      metadata: { name: "app", namespace: "ns" },
      spec: { ...(strategy ? { strategy: { type: strategy } } : {}), template: { metadata: {}, spec: podSpec } },
      lifecycle: { ignore_changes: ["spec[0].template[0].spec[0].dns_config"] },
    },
    path,
  );
}

export function claim(name: string, overrides: Record<string, any> = {}, path = "s/Data/Resource"): SynthResource {
  return res(
    "kubernetes_persistent_volume_claim_v1",
    {
      metadata: {
        name,
        namespace: "ns",
        annotations: {
          "resize.topolvm.io/threshold": "10%",
          "resize.topolvm.io/increase": "100%",
          "resize.topolvm.io/storage_limit": "5Gi",
          "homelab.backup/mode": "none",
          "homelab.backup/reason": "test data, nothing to keep",
          ...overrides.annotations,
        },
      },
      spec: {
        access_modes: ["ReadWriteOnce"],
        storage_class_name: "proxmox-lvm-encrypted",
        resources: { requests: { storage: "1Gi" } },
        ...overrides.spec,
      },
      wait_until_bound: false,
      lifecycle: { prevent_destroy: true, ignore_changes: ["spec[0].resources[0].requests"] },
      ...overrides.top,
    },
    path,
  );
}
