/**
 * Readers for what rules look at inside synthesized resources: Nomad job JSON, the
 * containers of Kubernetes workloads, image references. Pure functions.
 */
// @ts-nocheck

import { readTerraformLiteral } from "../constructs/terraform-literal";
import { SynthResource } from "./rule";

/** A Terraform reference or expression left in a value ("${...}"): not a literal. */
export function isReference(value: string): boolean {
  return value.includes("${");
}

export type ParsedJob = { readonly job: Record<string, any> } | { readonly error: string };

/** The Nomad API job inside a nomad_job resource's jobspec, wrapped ({"Job": …}) or bare. */
export function parseNomadJob(resource: SynthResource): ParsedJob {
  const spec = resource.attributes.jobspec;
  if (typeof spec !== "string") return { error: "has no jobspec string" };
  let parsed: unknown;
  try {
    parsed = JSON.parse(readTerraformLiteral(spec));
  } catch {
    return { error: "has a jobspec that is not JSON (HCL or a template string)" };
  }
  const job = (parsed as { Job?: unknown })?.Job ?? parsed;
  if (!job || typeof job !== "object" || Array.isArray(job)) return { error: "has a jobspec that is not a JSON object" };
  const j = job as Record<string, unknown>;
  if (typeof j.ID !== "string" || !Array.isArray(j.TaskGroups)) {
    return { error: "has a jobspec that is not a Nomad API job (needs ID and TaskGroups)" };
  }
  return { job: j };
}

export interface NamedImage {
  /** Where the image is set, e.g. "group synapse, task synapse". */
  readonly where: string;
  readonly image: string;
}

/** Every task image of a Nomad job (docker and podman tasks). */
export function nomadJobImages(job: Record<string, any>): NamedImage[] {
  return (job.TaskGroups ?? []).flatMap((group: any) =>
    (group.Tasks ?? [])
      .filter((task: any) => typeof task?.Config?.image === "string")
      .map((task: any) => ({ where: `group ${group.Name}, task ${task.Name}`, image: task.Config.image as string })),
  );
}

/** Keys under which Kubernetes resources list containers. */
const CONTAINER_KEYS = ["container", "init_container", "ephemeral_container", "containers", "initContainers"];

export interface ContainerAt {
  readonly where: string;
  readonly container: Record<string, any>;
}

/** Every container in a Kubernetes resource, however deeply its pod template is nested. */
export function kubernetesContainers(attributes: Readonly<Record<string, unknown>>): ContainerAt[] {
  const found: ContainerAt[] = [];
  const walk = (value: unknown, path: string) => {
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`));
    } else if (value && typeof value === "object") {
      for (const [key, child] of Object.entries(value)) {
        if (CONTAINER_KEYS.includes(key) && Array.isArray(child)) {
          child.forEach((c, i) => {
            if (c && typeof c === "object") found.push({ where: `${path}${path ? "." : ""}${key}[${i}] ${c.name ?? ""}`.trim(), container: c });
          });
        } else {
          walk(child, `${path}${path ? "." : ""}${key}`);
        }
      }
    }
  };
  walk(attributes, "");
  return found;
}

/** Why an image reference is not pinned, or undefined when it is (a tag other than latest, or a digest). */
export function unpinnedReason(image: string): string | undefined {
  if (isReference(image)) return `image ${JSON.stringify(image)} is computed, so its tag cannot be checked`;
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return undefined;
  const lastSlash = image.lastIndexOf("/");
  const colon = image.indexOf(":", lastSlash + 1);
  if (colon < 0) return `image ${JSON.stringify(image)} has no tag, so it means latest`;
  const tag = image.slice(colon + 1);
  if (tag === "" || tag.toLowerCase() === "latest") return `image ${JSON.stringify(image)} uses the latest tag`;
  return undefined;
}
