/**
 * CustomResourceDefinitions as the contracts store them: the identity of each kind, its
 * versions, and each version's openAPIV3Schema with descriptions removed (the schema is
 * the contract; the prose is not, and it is most of the bytes).
 */
// @ts-nocheck

import { readStoredJson } from "../stored";
import type { Clause } from "../helm/rendered-objects";

export interface StructuralSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, StructuralSchema>>;
  readonly additionalProperties?: boolean | StructuralSchema;
  readonly items?: StructuralSchema;
  readonly required?: readonly string[];
  readonly enum?: readonly unknown[];
  readonly nullable?: boolean;
  readonly format?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: boolean;
  readonly exclusiveMaximum?: boolean;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
  readonly minProperties?: number;
  readonly maxProperties?: number;
  readonly anyOf?: readonly StructuralSchema[];
  readonly oneOf?: readonly StructuralSchema[];
  readonly allOf?: readonly StructuralSchema[];
  readonly not?: StructuralSchema;
  readonly "x-kubernetes-preserve-unknown-fields"?: boolean;
  readonly "x-kubernetes-int-or-string"?: boolean;
  readonly "x-kubernetes-embedded-resource"?: boolean;
  readonly "x-kubernetes-validations"?: ReadonlyArray<{ readonly rule: string; readonly message?: string }>;
  readonly [key: string]: unknown;
}

export interface CrdVersion {
  readonly name: string;
  readonly served: boolean;
  readonly storage: boolean;
  readonly deprecated?: boolean;
  readonly deprecationWarning?: string;
}

/** A CRD's identity and versions; its schemas are stored beside it, one file per CRD. */
export interface StoredCrd {
  readonly group: string;
  readonly kind: string;
  readonly plural: string;
  readonly scope: "Namespaced" | "Cluster";
  readonly versions: readonly CrdVersion[];
  /** The upstream file it came from. */
  readonly source: string;
  /** File under the stored contract holding { <version>: schema }. */
  readonly schemaFile: string;
  /** Guards of a CRD a chart renders from a template; absent when always installed (crds/). */
  readonly when?: readonly Clause[];
}

/** Removes `description` keys of a schema, recursively (property *names* called description stay). */
export function withoutDescriptions(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutDescriptions);
  if (schema === null || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === "description" && typeof value === "string") continue;
    if (key === "properties" && value && typeof value === "object") {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, s]) => [name, withoutDescriptions(s)]));
    } else {
      out[key] = withoutDescriptions(value);
    }
  }
  return out;
}

/** The CRD objects of parsed YAML documents. */
export function crdDocuments(docs: readonly unknown[]): Array<Record<string, any>> {
  return docs.filter(
    (d): d is Record<string, any> =>
      !!d && typeof d === "object" && (d as any).kind === "CustomResourceDefinition" && /^apiextensions\.k8s\.io\//.test((d as any).apiVersion ?? ""),
  );
}

/** A CRD document normalized for storage: the record and its schemas by version. */
export function normalizeCrd(doc: Record<string, any>, source: string, when?: readonly Clause[]): { crd: StoredCrd; schemas: Record<string, unknown> } {
  const spec = doc.spec ?? {};
  const group: string = spec.group;
  const plural: string = spec.names?.plural;
  if (!group || !plural || !spec.names?.kind) throw new Error(`${source}: a CustomResourceDefinition without spec.group or spec.names`);
  const schemas: Record<string, unknown> = {};
  const versions: CrdVersion[] = (spec.versions ?? []).map((v: any) => {
    const schema = v.schema?.openAPIV3Schema ?? spec.validation?.openAPIV3Schema;
    if (schema) schemas[v.name] = withoutDescriptions(schema);
    return {
      name: v.name,
      served: v.served !== false,
      storage: v.storage === true,
      ...(v.deprecated ? { deprecated: true } : {}),
      ...(v.deprecationWarning ? { deprecationWarning: v.deprecationWarning } : {}),
    };
  });
  const crd: StoredCrd = {
    group,
    kind: spec.names.kind,
    plural,
    scope: spec.scope === "Cluster" ? "Cluster" : "Namespaced",
    versions,
    source,
    schemaFile: `crds/${plural}.${group}.json`,
    ...(when && when.length ? { when } : {}),
  };
  return { crd, schemas };
}

/** The schema of one version of a stored CRD. */
export function readCrdSchema(contract: string, crd: StoredCrd, version: string): StructuralSchema | undefined {
  return readStoredJson<Record<string, StructuralSchema>>(contract, crd.schemaFile)[version];
}
