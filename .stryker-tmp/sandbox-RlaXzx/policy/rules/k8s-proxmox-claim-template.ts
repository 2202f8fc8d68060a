// @ts-nocheck
import {
  ENCRYPTED_STORAGE_CLASS,
  ENCRYPTED_SUFFIX,
  PROXMOX_STORAGE_CLASSES,
  RESIZE_INCREASE_ANNOTATION,
  RESIZE_LIMIT_ANNOTATION,
  RESIZE_THRESHOLD_ANNOTATION,
  STORAGE_REQUEST_PATH,
} from "../../constructs/proxmox-claim-template";
import { ResourceRule } from "../rule";
import { asList, CLAIM_TYPES, first, parseQuantity } from "./k8s-support";

const STATEFUL_SET_TYPES = ["kubernetes_stateful_set", "kubernetes_stateful_set_v1"];

/** Problems shared by claims and claim templates: name, access mode, autoresizer annotations. */
function templateProblems(label: string, metadata: Record<string, any>, spec: Record<string, any>): string[] {
  const problems: string[] = [];
  const storageClass = spec.storage_class_name as string;
  const name = metadata.name;
  if (typeof name === "string" && !name.includes("${")) {
    const encryptedName = name.endsWith(ENCRYPTED_SUFFIX);
    if (storageClass === ENCRYPTED_STORAGE_CLASS && !encryptedName) {
      problems.push(`${label} ${name} is on ${storageClass} but its name does not end in "${ENCRYPTED_SUFFIX}"`);
    }
    if (storageClass !== ENCRYPTED_STORAGE_CLASS && encryptedName) {
      problems.push(`${label} ${name} ends in "${ENCRYPTED_SUFFIX}" but is on ${storageClass}, which is not encrypted`);
    }
  }
  const modes = spec.access_modes;
  if (!Array.isArray(modes) || modes.length !== 1 || modes[0] !== "ReadWriteOnce") {
    problems.push(`${label} has access modes ${JSON.stringify(modes ?? null)}; allowed: ["ReadWriteOnce"]`);
  }
  const annotations = (metadata.annotations ?? {}) as Record<string, string>;
  for (const key of [RESIZE_THRESHOLD_ANNOTATION, RESIZE_INCREASE_ANNOTATION]) {
    if (!annotations[key]) problems.push(`${label} lacks the autoresizer annotation ${key}`);
  }
  const limit = parseQuantity(annotations[RESIZE_LIMIT_ANNOTATION]);
  const request = parseQuantity(first(spec.resources)?.requests?.storage);
  if (limit === undefined || limit <= 0) {
    problems.push(`${label} has ${RESIZE_LIMIT_ANNOTATION} = ${JSON.stringify(annotations[RESIZE_LIMIT_ANNOTATION] ?? null)}; allowed: a non-zero size such as 5Gi`);
  } else if (request !== undefined && limit < request) {
    problems.push(`${label} has ${RESIZE_LIMIT_ANNOTATION} ${annotations[RESIZE_LIMIT_ANNOTATION]} below its request ${first(spec.resources)?.requests?.storage}; allowed: a limit at or above the request`);
  }
  return problems;
}

/** The encrypted PVC template of domain brief §3, for every claim on a Proxmox LVM class. */
export const k8sProxmoxClaimTemplate: ResourceRule = {
  id: "HL-K8S-7",
  scope: "resource",
  level: "error",
  description:
    "claims on proxmox-lvm(-encrypted) follow the template: -encrypted name exactly on the encrypted class, ReadWriteOnce, autoresizer annotations with a non-zero limit at or above the request, wait_until_bound = false, the storage request in ignore_changes",
  fix: "build the claim with EncryptedPvc or ProxmoxPvc (or, in a StatefulSet, with the claim template helper)",
  check(resource) {
    if (CLAIM_TYPES.includes(resource.type)) {
      const spec = first(resource.attributes.spec) ?? {};
      if (!PROXMOX_STORAGE_CLASSES.includes(spec.storage_class_name)) return "not-applicable";
      const problems = templateProblems("claim", first(resource.attributes.metadata) ?? {}, spec);
      if (resource.attributes.wait_until_bound !== false) {
        problems.push("claim does not set wait_until_bound = false; the class binds on first consumer, so apply would hang");
      }
      const ignored = (resource.attributes.lifecycle as { ignore_changes?: unknown } | undefined)?.ignore_changes;
      if (!(ignored === "all" || (Array.isArray(ignored) && ignored.includes(STORAGE_REQUEST_PATH)))) {
        problems.push(`claim does not ignore ${STORAGE_REQUEST_PATH}; the next apply would try to shrink what the autoresizer grew`);
      }
      return problems;
    }
    if (STATEFUL_SET_TYPES.includes(resource.type)) {
      const templates = asList(first(resource.attributes.spec)?.volume_claim_template).filter((t) =>
        PROXMOX_STORAGE_CLASSES.includes(first(t.spec)?.storage_class_name),
      );
      if (templates.length === 0) return "not-applicable";
      return templates.flatMap((t) => templateProblems("claim template", first(t.metadata) ?? {}, first(t.spec) ?? {}));
    }
    return "not-applicable";
  },
};
