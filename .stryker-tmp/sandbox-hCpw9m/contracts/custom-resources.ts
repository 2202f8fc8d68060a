/**
 * Every kubernetes_manifest against the CRD that serves its kind: the kind must be served
 * once the estate is applied (a chart of the estate, Kubernetes itself or a declared external
 * source), at that apiVersion, with the right scope, and the object must validate against
 * that CRD version's openAPIV3Schema, unknown fields included (the API server drops them).
 */
// @ts-nocheck

import { ContractCheck, ContractFinding, ValidateInput } from "./contract";
import { KUBERNETES_API } from "./kubernetes/cluster-apis";
import { readCrdSchema } from "./kubernetes/crd";
import { apiVersionOf, estateApis, splitApiVersion } from "./kubernetes/installed-apis";
import { COMPUTED, validateStructural } from "./kubernetes/structural-schema";
import { locate, resourcesOfType } from "./synthesized";

/** A manifest as the API server receives it: literals unescaped, Terraform references marked computed. */
export function manifestValue(raw: unknown): unknown {
  if (typeof raw === "string") {
    if (/(?<!\$)\$\{/.test(raw)) return COMPUTED;
    return raw.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{");
  }
  if (Array.isArray(raw)) return raw.map(manifestValue);
  if (raw !== null && typeof raw === "object") {
    return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k.replace(/\$\$\{/g, "${").replace(/%%\{/g, "%{"), manifestValue(v)]));
  }
  return raw;
}

export function checkCustomResources(input: ValidateInput): ContractFinding[] {
  const manifests = resourcesOfType(input.stacks, "kubernetes_manifest");
  if (manifests.length === 0) return [];
  const { kinds } = estateApis(input.stacks);
  return manifests.flatMap((r): ContractFinding[] => {
    const manifest = manifestValue(r.body.manifest) as Record<string, any>;
    const at = (...path: (string | number)[]) => locate(r.stack, r.address, ["manifest", ...path]);
    const { apiVersion, kind } = manifest;
    if (typeof apiVersion !== "string" || typeof kind !== "string") {
      return [{ where: at(), problem: "has no literal apiVersion and kind", upstream: `kubernetes@${KUBERNETES_API.version}` }];
    }
    const { group, version } = splitApiVersion(apiVersion);
    const sameKind = kinds.filter((k) => k.group === group && k.kind === kind);
    const served = sameKind.find((k) => k.version === version && !(k.crd && !k.crd.served));
    if (!served) {
      return [
        {
          where: at("apiVersion"),
          problem: sameKind.length
            ? `${apiVersion} ${kind} is not served; served versions of ${kind}: ${sameKind.filter((k) => !k.crd || k.crd.served).map(apiVersionOf).join(", ") || "none"}`
            : `${apiVersion} ${kind}: no chart of the estate, no declared external source (contracts/kubernetes/cluster-apis.ts) and not Kubernetes ${KUBERNETES_API.version} installs kind ${kind} of group ${group || "core"}`,
          upstream: sameKind[0]?.upstream ?? `kubernetes@${KUBERNETES_API.version}`,
        },
      ];
    }
    if (!served.crd) return []; // built-in kinds come through typed resources; their schema is the provider's
    const findings: ContractFinding[] = [];
    const crd = served.crd.record;
    const namespace = manifest.metadata?.namespace;
    if (crd.scope === "Cluster" && namespace !== undefined) {
      findings.push({ where: at("metadata", "namespace"), problem: `${kind} is cluster-scoped: metadata.namespace ${JSON.stringify(namespace)} must not be set`, upstream: served.upstream });
    }
    if (crd.scope === "Namespaced" && namespace === undefined) {
      findings.push({ where: at("metadata"), problem: `${kind} is namespaced: metadata.namespace is required`, upstream: served.upstream });
    }
    const versionRecord = crd.versions.find((v) => v.name === version);
    if (versionRecord?.deprecated) {
      findings.push({ where: at("apiVersion"), problem: `${apiVersion} ${kind} is deprecated: ${versionRecord.deprecationWarning ?? "use the storage version"}`, upstream: served.upstream });
    }
    const schema = readCrdSchema(served.crd.contract, crd, version);
    if (!schema) return findings;
    // metadata is ObjectMeta, validated by the API server's own rules, not the CRD's schema.
    const body = Object.fromEntries(Object.entries(manifest).filter(([key]) => key !== "metadata"));
    const rootSchema = {
      ...schema,
      properties: Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([key]) => key !== "metadata")),
      required: (schema.required ?? []).filter((key) => key !== "metadata"),
    };
    for (const p of validateStructural(body, rootSchema)) {
      findings.push({ where: at(...p.path), problem: p.problem, upstream: served.upstream });
    }
    return findings;
  });
}

export const customResources: ContractCheck = {
  id: "custom-resources",
  description:
    "every kubernetes_manifest is of a kind the estate's cluster serves and validates against that CRD version's openAPIV3Schema (types, enums, required, unknown fields)",
  check: checkCustomResources,
};
