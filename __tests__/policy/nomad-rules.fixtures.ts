import { litestreamTasks } from "../../jobspecs/litestream";
import { Job, Task, TaskGroup } from "../../jobspecs/model";
import { toTerraformJobspec } from "../../jobspecs/render";
import { SynthResource, SynthStack } from "../../policy/rule";
import { testInventory } from "../helpers/synth";

/** Shared fixtures for the Nomad rule tests: jobs as data, and resources as they appear in cdk.tf.json. */
export const context = { inventory: testInventory };

export const task = (name: string, extra: Partial<Task> = {}): Task => ({
  Name: name,
  Driver: "docker",
  Config: { image: "docker.io/library/nginx:1.29.4-alpine" },
  Resources: { MemoryMB: 64 },
  ...extra,
});
export const group = (extra: Partial<TaskGroup> = {}): TaskGroup => ({ Name: "web", Tasks: [task("app")], ...extra });
export const job = (groups: TaskGroup[], extra: Partial<Job> = {}): Job => ({ ID: "web", Type: "service", Datacenters: ["dc1"], TaskGroups: groups, ...extra });
export const jobResource = (j: Job, stackId = "s"): SynthResource => ({
  type: "nomad_job",
  path: `${stackId}/Job/Resource`,
  stackId,
  attributes: { json: true, jobspec: toTerraformJobspec(j) },
});
export const volumeResource = (volumeId: string, extra: Record<string, unknown> = {}): SynthResource => ({
  type: "nomad_csi_volume",
  path: "s/Volume/Resource",
  stackId: "s",
  attributes: { volume_id: volumeId, name: volumeId, plugin_id: "glusterfs", capability: [{ access_mode: "single-node-writer", attachment_mode: "file-system" }], ...extra },
});
export const stack = (resources: SynthResource[], cluster = "nomad-main", id = "s"): SynthStack => ({ id, tier: 1, cluster, resources });
/** A resource no Nomad rule concerns. */
export const other: SynthResource = { type: "kubernetes_namespace_v1", path: "k/Ns", stackId: "k", attributes: {} };

/** Litestream's restore and replicate tasks for the given databases. */
export const litestreamFor = (...databases: string[]) =>
  litestreamTasks({
    databases,
    replica: { endpoint: "http://minio:9000", bucket: "litestream", path: "app" },
    credentials: { source: "vault", path: "secret/data/app/litestream" },
  });
export const litestream = litestreamFor("/alloc/data/app.db");
