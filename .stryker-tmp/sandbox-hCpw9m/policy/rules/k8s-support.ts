/**
 * Readers shared by the Kubernetes rules (k8s-*.ts): not a rule itself. Pure functions over
 * synthesized attributes, which hold single blocks as objects or one-element lists.
 */
// @ts-nocheck

import { SynthResource, SynthStack } from "../rule";

type Obj = Record<string, any>;

/** A block as a list, whether synthesized as an object or a list. */
export function asList(value: unknown): Obj[] {
  if (Array.isArray(value)) return value.filter((v) => v && typeof v === "object");
  return value && typeof value === "object" ? [value as Obj] : [];
}

/** The first (only) element of a block. */
export function first(value: unknown): Obj | undefined {
  return asList(value)[0];
}

export const DEPLOYMENT_TYPES = ["kubernetes_deployment", "kubernetes_deployment_v1"];
export const CLAIM_TYPES = ["kubernetes_persistent_volume_claim", "kubernetes_persistent_volume_claim_v1"];
export const PV_TYPES = ["kubernetes_persistent_volume", "kubernetes_persistent_volume_v1"];
const TEMPLATE_TYPES = [
  ...DEPLOYMENT_TYPES,
  "kubernetes_stateful_set",
  "kubernetes_stateful_set_v1",
  "kubernetes_daemonset",
  "kubernetes_daemon_set_v1",
  "kubernetes_job",
  "kubernetes_job_v1",
  "kubernetes_replication_controller",
  "kubernetes_replication_controller_v1",
];
const CRON_TYPES = ["kubernetes_cron_job", "kubernetes_cron_job_v1"];
const POD_TYPES = ["kubernetes_pod", "kubernetes_pod_v1"];

/** The pod spec of a workload resource (Deployment, StatefulSet, DaemonSet, Job, CronJob, Pod), or undefined. */
export function podSpecOf(resource: SynthResource): Obj | undefined {
  const spec = first(resource.attributes.spec);
  if (TEMPLATE_TYPES.includes(resource.type)) return first(first(spec?.template)?.spec);
  if (CRON_TYPES.includes(resource.type)) return first(first(first(first(spec?.job_template)?.spec)?.template)?.spec);
  if (POD_TYPES.includes(resource.type)) return spec;
  return undefined;
}

export interface NamedContainer {
  readonly label: string;
  readonly container: Obj;
}

/** Containers and init containers of a pod spec, each with a label such as "container app". */
export function containersOf(podSpec: Obj): NamedContainer[] {
  return [
    ...asList(podSpec.init_container).map((c, i) => ({ label: `init container ${c.name ?? i}`, container: c })),
    ...asList(podSpec.container).map((c, i) => ({ label: `container ${c.name ?? i}`, container: c })),
  ];
}

const BINARY: Record<string, number> = { Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60 };
const DECIMAL: Record<string, number> = { m: 1e-3, "": 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18 };

/** A Kubernetes quantity ("250m", "512Mi", "1G", "1e9") as a number, or undefined when it is not one. */
export function parseQuantity(value: unknown): number | undefined {
  if (typeof value === "number") return value;
  if (typeof value !== "string") return undefined;
  const m = /^([0-9]+(?:\.[0-9]+)?|\.[0-9]+)(?:(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)|[eE]([-+]?[0-9]+))?$/.exec(value.trim());
  if (!m) return undefined;
  const n = Number(m[1]);
  if (m[3] !== undefined) return n * 10 ** Number(m[3]);
  const suffix = m[2] ?? "";
  return n * (BINARY[suffix] ?? DECIMAL[suffix]);
}

/**
 * Every way a claim can be named from a pod in the same stack: its literal
 * "<namespace>/<name>", and the reference to its name attribute.
 */
export function claimKeys(claim: SynthResource): string[] {
  const metadata = first(claim.attributes.metadata) ?? {};
  const keys: string[] = [`${metadata.namespace ?? "default"}/${metadata.name}`];
  const id = claim.logicalId;
  if (id) keys.push(`\${${claim.type}.${id}.metadata[0].name}`, `\${${claim.type}.${id}.metadata.0.name}`);
  return keys;
}

/** How a pod volume names its claim, as a key of claimKeys. */
export function claimKeyFromVolume(claimName: string, namespace: string | undefined): string {
  return claimName.includes("${") ? claimName : `${namespace ?? "default"}/${claimName}`;
}

/** A namespace as written (a literal, or a reference to a namespace resource of the same stack), as its name. */
export function namespaceName(value: unknown, stack: SynthStack): string | undefined {
  if (typeof value !== "string") return undefined;
  const ref = /^\$\{(kubernetes_namespace(?:_v1)?)\.([A-Za-z0-9_-]+)\.metadata\[0\]\.name\}$/.exec(value);
  if (!ref) return value.includes("${") ? undefined : value;
  const target = stack.resources.find((r) => r.type === ref[1] && r.logicalId === ref[2]);
  const name = first(target?.attributes.metadata)?.name;
  return typeof name === "string" ? name : undefined;
}
