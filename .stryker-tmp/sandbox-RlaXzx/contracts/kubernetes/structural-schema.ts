/**
 * Validates an object against a CRD's openAPIV3Schema the way the API server treats it:
 * types (with x-kubernetes-int-or-string and nullable), enums, required fields, bounds,
 * patterns, the formats Kubernetes checks, and unknown fields, which the API server prunes
 * silently and this reports as errors, except under x-kubernetes-preserve-unknown-fields
 * (and apiVersion/kind/metadata of an x-kubernetes-embedded-resource). CEL rules
 * (x-kubernetes-validations) are not evaluated.
 */
// @ts-nocheck

import type { StructuralSchema } from "./crd";

/** A value Terraform computes at apply time (a reference): known to be there, not what it is. */
export const COMPUTED = Symbol("computed");

export interface SchemaProblem {
  readonly path: readonly (string | number)[];
  readonly problem: string;
}

const show = (v: unknown) => (v === COMPUTED ? "(computed)" : JSON.stringify(v));

function typeName(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "array";
  if (typeof v === "number") return Number.isInteger(v) ? "integer" : "number";
  return typeof v;
}

function typeMatches(type: string, v: unknown): boolean {
  switch (type) {
    case "object":
      return v !== null && typeof v === "object" && !Array.isArray(v);
    case "array":
      return Array.isArray(v);
    case "integer":
      return typeof v === "number" && Number.isInteger(v);
    case "number":
      return typeof v === "number";
    case "string":
      return typeof v === "string";
    case "boolean":
      return typeof v === "boolean";
    default:
      return true;
  }
}

/** The formats the API server validates (apiextensions-apiserver's supported formats) that this checks. */
const FORMATS: Record<string, (s: string) => boolean> = {
  "date-time": (s) => /^\d{4}-\d{2}-\d{2}[Tt ]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/.test(s),
  datetime: (s) => FORMATS["date-time"](s),
  date: (s) => /^\d{4}-\d{2}-\d{2}$/.test(s),
  byte: (s) => /^([A-Za-z0-9+/]{4})*([A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s),
  uuid: (s) => /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i.test(s),
  ipv4: (s) => /^((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/.test(s),
};

const INT_RANGES: Record<string, [number, number]> = {
  int32: [-(2 ** 31), 2 ** 31 - 1],
  int64: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

function list(names: readonly string[]): string {
  const shown = names.slice(0, 25).join(", ");
  return names.length > 25 ? `${shown}, … (${names.length} in all)` : shown;
}

/**
 * Every problem of `value` under `schema`. `valuesOnly` validates values without reporting
 * unknown fields (for anyOf/oneOf/allOf/not branches, which cannot declare fields).
 */
export function validateStructural(value: unknown, schema: StructuralSchema, path: (string | number)[] = [], valuesOnly = false): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const add = (problem: string, at = path) => problems.push({ path: at, problem });
  if (value === COMPUTED) return problems;

  if (value === null) {
    if (!schema.nullable && !schema["x-kubernetes-preserve-unknown-fields"]) add("is null, which the API server drops (the schema is not nullable)");
    return problems;
  }

  if (schema["x-kubernetes-int-or-string"]) {
    if (!(typeof value === "string" || (typeof value === "number" && Number.isInteger(value)))) add(`is ${show(value)} (${typeName(value)}): must be an integer or a string`);
  } else if (schema.type && !typeMatches(schema.type, value)) {
    add(`is ${show(value)} (${typeName(value)}): must be ${schema.type}`);
    return problems;
  }

  if (schema.enum && !schema.enum.some((e) => e === value)) add(`is ${show(value)}: must be one of ${schema.enum.map(show).join(", ")}`);

  if (typeof value === "string") {
    const length = [...value].length;
    if (schema.minLength !== undefined && length < schema.minLength) add(`is ${show(value)}: must be at least ${schema.minLength} characters`);
    if (schema.maxLength !== undefined && length > schema.maxLength) add(`is ${length} characters long: must be at most ${schema.maxLength}`);
    if (schema.pattern) {
      let re: RegExp | undefined;
      try {
        re = new RegExp(schema.pattern, "u");
      } catch {
        re = undefined; // an RE2 pattern JavaScript cannot read: left to the API server
      }
      if (re && !re.test(value)) add(`is ${show(value)}: must match ${schema.pattern}`);
    }
    const format = schema.format && FORMATS[schema.format];
    if (format && !format(value)) add(`is ${show(value)}: must be a ${schema.format}`);
  }

  if (typeof value === "number") {
    const lo = schema.minimum;
    const hi = schema.maximum;
    if (lo !== undefined && (schema.exclusiveMinimum ? value <= lo : value < lo)) add(`is ${value}: must be ${schema.exclusiveMinimum ? ">" : ">="} ${lo}`);
    if (hi !== undefined && (schema.exclusiveMaximum ? value >= hi : value > hi)) add(`is ${value}: must be ${schema.exclusiveMaximum ? "<" : "<="} ${hi}`);
    const range = schema.format && INT_RANGES[schema.format];
    if (range && (value < range[0] || value > range[1])) add(`is ${value}: out of the ${schema.format} range`);
  }

  if (Array.isArray(value)) {
    if (schema.minItems !== undefined && value.length < schema.minItems) add(`has ${value.length} items: must have at least ${schema.minItems}`);
    if (schema.maxItems !== undefined && value.length > schema.maxItems) add(`has ${value.length} items: must have at most ${schema.maxItems}`);
    if (schema.items) value.forEach((item, i) => problems.push(...validateStructural(item, schema.items!, [...path, i], valuesOnly)));
  }

  if (value !== null && typeof value === "object" && !Array.isArray(value)) {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj);
    if (schema.minProperties !== undefined && keys.length < schema.minProperties) add(`has ${keys.length} fields: must have at least ${schema.minProperties}`);
    if (schema.maxProperties !== undefined && keys.length > schema.maxProperties) add(`has ${keys.length} fields: must have at most ${schema.maxProperties}`);
    for (const name of schema.required ?? []) {
      if (!(name in obj)) add(`is missing; required by the CRD`, [...path, name]);
    }
    const props = schema.properties ?? {};
    const embedded = schema["x-kubernetes-embedded-resource"];
    for (const key of keys) {
      const child = obj[key];
      if (key in props) {
        problems.push(...validateStructural(child, props[key], [...path, key], valuesOnly));
      } else if (embedded && (key === "apiVersion" || key === "kind" || key === "metadata")) {
        continue;
      } else if (typeof schema.additionalProperties === "object") {
        problems.push(...validateStructural(child, schema.additionalProperties, [...path, key], valuesOnly));
      } else if (!valuesOnly && !schema["x-kubernetes-preserve-unknown-fields"] && schema.additionalProperties !== true) {
        const allowed = Object.keys(props);
        add(
          `unknown field ${JSON.stringify(key)}: the API server drops it silently; ${allowed.length ? `allowed: ${list(allowed)}` : "this object takes no fields"}`,
          [...path, key],
        );
      }
    }
  }

  // Value-only constraints: branches never declare fields in a structural schema.
  if (schema.allOf) for (const s of schema.allOf) problems.push(...validateStructural(value, s, path, true));
  if (schema.anyOf && !schema.anyOf.some((s) => validateStructural(value, s, path, true).length === 0)) {
    add(`matches none of the schema's anyOf alternatives (${schema.anyOf.map(describe).join("; ")})`);
  }
  if (schema.oneOf) {
    const matching = schema.oneOf.filter((s) => validateStructural(value, s, path, true).length === 0).length;
    if (matching !== 1) add(`matches ${matching} of the schema's oneOf alternatives, must match exactly one (${schema.oneOf.map(describe).join("; ")})`);
  }
  if (schema.not && validateStructural(value, schema.not, path, true).length === 0) add(`matches what the schema forbids (not: ${describe(schema.not)})`);
  return problems;
}

/** A branch of anyOf/oneOf in a few words: "required: a, b" or its JSON. */
function describe(s: StructuralSchema): string {
  if (s.required && Object.keys(s).length === 1) return `required: ${s.required.join(", ")}`;
  return JSON.stringify(s).slice(0, 80);
}
