/**
 * The one list of what holds data: the kinds of resource whose destruction destroys data or
 * access that cannot be recreated, each with the reason. From it, synth gives every such
 * resource lifecycle.prevent_destroy (constructs/stateful-protection.ts), HL-STATE-1 finds any
 * that lacks it, the address record (state/addresses.json) tracks where each lives, and the
 * README lists the kinds (npm run readme).
 */
// @ts-nocheck

import type { SynthResource } from "./rule";

/** A kind of resource that holds data. */
export interface StatefulKind {
  /** Terraform resource type. */
  readonly type: string;
  /** When only some resources of the type hold data: which ones, in words, and the test. */
  readonly when?: {
    readonly description: string;
    test(resource: SynthResource, estate: readonly SynthResource[]): boolean;
  };
  /** What is lost when it is destroyed. */
  readonly reason: string;
  /** What names the thing itself (a volume id, a namespace/name), the same whatever its construct id. */
  identity(resource: SynthResource): string;
}

type Attributes = Readonly<Record<string, any>>;

/** A block as cdktf writes it: an object, or a one-element list. */
function block(value: unknown): Attributes {
  return (Array.isArray(value) ? value[0] : value) ?? {};
}

const metadata = (r: SynthResource): Attributes => block(r.attributes.metadata);
const manifest = (r: SynthResource): Attributes => block(r.attributes.manifest);
const namespaced = (m: Attributes): string => `${m.namespace ?? "-"}/${m.name}`;

const isManifest = (r: SynthResource, group: string, kind: string): boolean =>
  String(manifest(r).apiVersion ?? "").split("/")[0] === group && manifest(r).kind === kind;

/** The namespace a namespaced object says it lives in (a literal or a reference), if any. */
function namespaceOf(r: SynthResource): string | undefined {
  const m = r.type === "kubernetes_manifest" ? block(manifest(r).metadata) : metadata(r);
  return typeof m.namespace === "string" ? m.namespace : undefined;
}

const NAMESPACE_TYPES = ["kubernetes_namespace", "kubernetes_namespace_v1"];
const SECRET_HOLDERS = ["kubernetes_secret", "kubernetes_secret_v1"];
const SECRET_MANIFESTS = ["ExternalSecret", "SecretStore", "PushSecret"];

/** Whether `r` lives in namespace `ns`: by its literal name or a reference to the namespace resource. */
function livesIn(r: SynthResource, ns: SynthResource): boolean {
  const where = namespaceOf(r);
  if (where === undefined) return false;
  return where === metadata(ns).name || (r.stackId === ns.stackId && where.startsWith(`\${${ns.type}.${ns.logicalId}.`));
}

/** Resources whose namespace holds data: claims (a stateful set's too), secrets, and every other stateful kind but namespaces. */
function holdsData(r: SynthResource, estate: readonly SynthResource[]): boolean {
  if (SECRET_HOLDERS.includes(r.type)) return true;
  if (r.type.startsWith("kubernetes_stateful_set") && block(r.attributes.spec).volume_claim_template !== undefined) return true;
  if (r.type === "kubernetes_manifest" && SECRET_MANIFESTS.includes(String(manifest(r).kind))) return true;
  return !NAMESPACE_TYPES.includes(r.type) && statefulKindOf(r, estate) !== undefined;
}

const byVolumeId = (r: SynthResource) => String(r.attributes.volume_id ?? r.attributes.name);
const byPath = (r: SynthResource) => String(r.attributes.path ?? r.attributes.type);
const byMetadata = (r: SynthResource) => namespaced(metadata(r));

export const STATEFUL_KINDS: readonly StatefulKind[] = [
  {
    type: "nomad_csi_volume",
    reason: "destroying it runs `nomad volume delete`, which deletes the volume's data",
    identity: byVolumeId,
  },
  {
    type: "nomad_csi_volume_registration",
    reason: "destroying it deregisters the volume: every job mounting it loses it, and registering it again needs its exact external id",
    identity: byVolumeId,
  },
  {
    type: "nomad_dynamic_host_volume",
    reason: "destroying it deletes the host directory and its data",
    identity: (r) => String(r.attributes.name),
  },
  {
    type: "nomad_namespace",
    reason: "it scopes the jobs, volumes and variables (the Bitcoin jobs' secrets) placed in it; destroying or replacing it orphans them",
    identity: (r) => String(r.attributes.name),
  },
  ...["kubernetes_persistent_volume_claim", "kubernetes_persistent_volume_claim_v1"].map((type) => ({
    type,
    reason: "deleting a claim deletes its volume with the data (the Proxmox classes reclaim with Delete)",
    identity: byMetadata,
  })),
  ...["kubernetes_persistent_volume", "kubernetes_persistent_volume_v1"].map((type) => ({
    type,
    when: {
      description: "its reclaim policy is Delete or Recycle",
      test: (r: SynthResource) => ["Delete", "Recycle"].includes(String(block(r.attributes.spec).persistent_volume_reclaim_policy ?? "Retain")),
    },
    reason: "with a Delete or Recycle reclaim policy, deleting the volume deletes or wipes its data",
    identity: byMetadata,
  })),
  ...["kubernetes_stateful_set", "kubernetes_stateful_set_v1"].map((type) => ({
    type,
    when: {
      description: "it has claim templates whose retention policy deletes them with the set",
      test: (r: SynthResource) => {
        const spec = block(r.attributes.spec);
        const policy = block(spec.persistent_volume_claim_retention_policy);
        return spec.volume_claim_template !== undefined && policy.when_deleted === "Delete";
      },
    },
    reason: "its claims, and their data, are deleted with it",
    identity: byMetadata,
  })),
  ...NAMESPACE_TYPES.map((type) => ({
    type,
    when: {
      description: "it holds claims, secrets or another stateful resource",
      test: (r: SynthResource, estate: readonly SynthResource[]) => estate.some((other) => livesIn(other, r) && holdsData(other, estate)),
    },
    reason: "deleting a namespace deletes everything in it: claims with their volumes, secrets, databases",
    identity: (r: SynthResource) => String(metadata(r).name),
  })),
  {
    type: "kubernetes_manifest",
    when: {
      description: "a CloudNativePG Cluster (postgresql.cnpg.io)",
      test: (r) => isManifest(r, "postgresql.cnpg.io", "Cluster"),
    },
    reason: "the PostgreSQL cluster holds every tier-1 Terraform state and the app databases; deleting it deletes its claims",
    identity: (r) => `Cluster ${namespaced(block(manifest(r).metadata))}`,
  },
  {
    type: "vault_mount",
    reason: "unmounting a secrets engine deletes everything stored in it (the KV mount is the source of truth for every secret)",
    identity: byPath,
  },
  ...["vault_auth_backend", "vault_jwt_auth_backend"].map((type) => ({
    type,
    reason: "disabling an auth method revokes every token it issued and deletes its roles: the workloads using it lose access at once",
    identity: byPath,
  })),
];

/** The stateful kind a resource is, if it is one; `estate` is every resource synthesized (for namespaces). */
export function statefulKindOf(resource: SynthResource, estate: readonly SynthResource[]): StatefulKind | undefined {
  return STATEFUL_KINDS.find((k) => k.type === resource.type && (!k.when || k.when.test(resource, estate)));
}

/** Whether the resource carries lifecycle.prevent_destroy = true. */
export function isProtected(resource: SynthResource): boolean {
  return block(resource.attributes.lifecycle).prevent_destroy === true;
}

/** The README's table of stateful kinds. */
export function statefulKindsMarkdown(): string {
  const rows = STATEFUL_KINDS.map((k) => `| \`${k.type}\` | ${k.when?.description ?? "always"} | ${k.reason} |`);
  return ["| resource type | when | why its destruction loses data |", "| --- | --- | --- |", ...rows].join("\n");
}
