/**
 * A Nomad task driver's config schema as stored data: the hclspec tree a driver declares
 * for its `config` block (drivers/docker/config.go's taskConfigSpec), and a check of a
 * task's `Config` (JSON) against it.
 *
 * Nomad turns the JSON config into an HCL JSON body and decodes it with hcldec against
 * that spec: an unknown key is "Unsupported argument", a missing required attribute fails,
 * values are converted to the attribute's type. The check is stricter on types than cty's
 * conversions (a number where a string is declared passes in Nomad, not here): the estate
 * writes every value in the type the driver declares.
 */
// @ts-nocheck

import { closest, showValue } from "./go-struct-schema";

export type DriverSpec =
  | { readonly kind: "object"; readonly attributes: Readonly<Record<string, DriverSpec>> }
  /** An attribute of an HCL type expression: "string", "list(map(string))" … */
  | { readonly kind: "attr"; readonly type: string; readonly required: boolean }
  | { readonly kind: "block"; readonly required: boolean; readonly body: DriverSpec }
  | { readonly kind: "block_list"; readonly body: DriverSpec }
  | { readonly kind: "block_attrs"; readonly type: string; readonly required: boolean };

export interface DriverConfigProblem {
  readonly path: readonly (string | number)[];
  readonly problem: string;
}

type HclType = { readonly kind: "string" | "bool" | "number" | "any" } | { readonly kind: "list" | "set" | "map"; readonly elem: HclType };

/** Parses an HCL type expression such as "list(map(string))". */
export function parseHclType(text: string): HclType {
  const t = text.replace(/\s+/g, "");
  const m = /^(list|set|map)\((.*)\)$/.exec(t);
  if (m) return { kind: m[1] as "list" | "set" | "map", elem: parseHclType(m[2]) };
  if (t === "string" || t === "bool" || t === "number" || t === "any") return { kind: t };
  throw new Error(`unsupported HCL type ${JSON.stringify(text)} in the stored driver spec`);
}

function typeText(t: HclType): string {
  return "elem" in t ? `${t.kind}(${typeText(t.elem)})` : t.kind;
}

function checkValue(value: unknown, type: HclType, path: (string | number)[], label: string, into: DriverConfigProblem[]): void {
  const bad = (expected: string): void => void into.push({ path, problem: `${showValue(value)} does not fit ${label}, declared ${typeText(type)} by the driver: expected ${expected}` });
  switch (type.kind) {
    case "any":
      return;
    case "string":
      if (typeof value !== "string") bad("a string");
      return;
    case "bool":
      if (typeof value !== "boolean") bad("true or false");
      return;
    case "number":
      if (typeof value !== "number") bad("a number");
      return;
    case "list":
    case "set":
      if (!Array.isArray(value)) return bad(`a list${type.kind === "list" && type.elem.kind === "map" ? " of objects (a single object is not converted to a list)" : ""}`);
      value.forEach((v, i) => checkValue(v, type.elem, [...path, i], `${label}[${i}]`, into));
      return;
    case "map":
      if (value === null || typeof value !== "object" || Array.isArray(value)) return bad("an object");
      for (const [k, v] of Object.entries(value)) checkValue(v, type.elem, [...path, k], `${label}.${k}`, into);
      return;
  }
}

function checkBody(value: unknown, spec: DriverSpec, path: (string | number)[], label: string, into: DriverConfigProblem[]): void {
  switch (spec.kind) {
    case "attr":
      return checkValue(value, parseHclType(spec.type), path, label, into);
    case "block_attrs":
      return checkValue(value, { kind: "map", elem: parseHclType(spec.type) }, path, label, into);
    case "block":
    case "block_list": {
      // HCL JSON takes a block as an object, or as a list of objects (one for a single block).
      const items = Array.isArray(value) ? value : [value];
      if (spec.kind === "block" && items.length > 1) into.push({ path, problem: `${label} is a single block in the driver; found ${items.length}` });
      items.forEach((item, i) => checkBody(item, spec.body, Array.isArray(value) ? [...path, i] : path, label, into));
      return;
    }
    case "object": {
      if (value === null || typeof value !== "object" || Array.isArray(value)) {
        into.push({ path, problem: `${showValue(value)} does not fit ${label}: the driver expects a block (an object)` });
        return;
      }
      const names = Object.keys(spec.attributes);
      for (const [key, v] of Object.entries(value)) {
        const child = spec.attributes[key];
        if (child) {
          checkBody(v, child, [...path, key], label ? `${label}.${key}` : key, into);
          continue;
        }
        const guess = closest(key, names);
        into.push({
          path: [...path, key],
          problem: `unsupported argument ${JSON.stringify(key)} (value ${showValue(v)}) in ${label || "the driver config"}: Nomad rejects it when the task starts; ${guess ? `did you mean ${guess}? ` : ""}allowed: ${names.join(", ")}`,
        });
      }
      for (const [key, child] of Object.entries(spec.attributes)) {
        const required = (child.kind === "attr" || child.kind === "block" || child.kind === "block_attrs") && child.required;
        if (required && !(key in value)) into.push({ path: [...path, key], problem: `${label ? `${label}.` : ""}${key} is required by the driver and missing` });
      }
      return;
    }
  }
}

/** Every way a task's Config departs from the driver's spec. */
export function checkDriverConfig(config: unknown, spec: DriverSpec): DriverConfigProblem[] {
  const problems: DriverConfigProblem[] = [];
  checkBody(config, spec, [], "", problems);
  return problems;
}
