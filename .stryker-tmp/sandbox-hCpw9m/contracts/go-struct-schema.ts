/**
 * What a Go program's decoder accepts, as stored data: the structs it decodes into, each
 * with its fields under their wire names (json or yaml tags, embedded structs promoted)
 * and their types reduced to what the wire can carry. Generated from upstream source by
 * scripts/contracts/go-wire-schema.ts; this file checks a decoded value against it.
 *
 * Stricter than the decoders on purpose: Go's encoding/json matches field names
 * case-insensitively and both decoders silently drop unknown fields, so a misspelt field
 * is a setting that never takes effect. Here it is an error, with upstream's spelling.
 */
// @ts-nocheck


export type WireType =
  | { readonly kind: "string" }
  | { readonly kind: "bool" }
  | { readonly kind: "int"; readonly bits: number; readonly unsigned: boolean }
  | { readonly kind: "float" }
  /** time.Duration: integer nanoseconds in JSON; yaml.v2 also parses "10s". */
  | { readonly kind: "duration" }
  /** time.Time: an RFC 3339 string. */
  | { readonly kind: "time" }
  /** []byte: base64 in JSON. */
  | { readonly kind: "bytes" }
  /** interface{}: anything. */
  | { readonly kind: "any" }
  /** A type with its own Unmarshal method: any scalar, the method decides. */
  | { readonly kind: "custom"; readonly method: string }
  | { readonly kind: "list"; readonly elem: WireType }
  | { readonly kind: "map"; readonly elem: WireType }
  | { readonly kind: "struct"; readonly name: string };

export interface WireField {
  readonly type: WireType;
  /** The field's Go type as upstream writes it, for messages. */
  readonly go: string;
  /** The field's Go name, when the wire name differs. */
  readonly goName?: string;
  /** The field comment's deprecation paragraph ("Deprecated: use X"), when it has one. */
  readonly deprecated?: string;
}

export interface WireStruct {
  /** The upstream file that declares it. */
  readonly file: string;
  readonly fields: Readonly<Record<string, WireField>>;
}

export type GoCodec = "encoding/json" | "gopkg.in/yaml.v2";

export interface GoStructSchema {
  readonly codec: GoCodec;
  /** The struct the whole document decodes into. */
  readonly root: string;
  readonly structs: Readonly<Record<string, WireStruct>>;
}

/** One broken rule, at a path inside the checked value. */
export interface SchemaProblem {
  readonly path: readonly (string | number)[];
  readonly problem: string;
  /** The upstream file whose struct says so. */
  readonly file: string;
}

export interface SchemaReader {
  /** Who reads the document, for messages: "Nomad", "Litestream". */
  readonly project: string;
  /** Values only known at run time (a template action): accepted where any scalar is. */
  readonly isRuntimeValue?: (value: unknown) => boolean;
}

/** Edit distance, for "did you mean". */
function distance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return prev[b.length];
}

/** The closest allowed name, when one is close enough to be a likely typo. */
export function closest(name: string, allowed: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestScore = Infinity;
  for (const candidate of allowed) {
    // A name the typo is the start of wins a tie: MemoryMax → MemoryMaxMB rather than MemoryMB.
    const score = distance(lower, candidate.toLowerCase()) - (candidate.toLowerCase().startsWith(lower) ? 0.5 : 0);
    if (score < bestScore) [best, bestScore] = [candidate, score];
  }
  return best !== undefined && bestScore <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** A value as a finding shows it: strings quoted and cut, objects and arrays by kind. */
export function showValue(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return `a list (${value.length} item${value.length === 1 ? "" : "s"})`;
  if (typeof value === "object") return "an object";
  if (typeof value === "string") return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
  return String(value);
}

const GO_DURATION = /^[-+]?((\d+(\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h))+$|^[-+]?0$/;

function describe(type: WireType, codec: GoCodec): string {
  switch (type.kind) {
    case "string":
      return "a string";
    case "bool":
      return "true or false";
    case "int":
      return type.unsigned ? "a non-negative integer" : "an integer";
    case "float":
      return "a number";
    case "duration":
      return codec === "encoding/json" ? "an integer number of nanoseconds" : 'a duration such as "30s" or integer nanoseconds';
    case "time":
      return "an RFC 3339 time string";
    case "bytes":
      return "a base64 string";
    case "any":
      return "any value";
    case "custom":
      return `a scalar its ${type.method} method reads`;
    case "list":
      return "a list";
    case "map":
      return "an object of values";
    case "struct":
      return `an object (${type.name})`;
  }
}

/** Whether `value` does not fit `type` (this level only; lists, maps and structs are walked by the caller). */
function misfit(value: unknown, type: WireType, codec: GoCodec): boolean {
  if (value === null || value === undefined) return false; // Go decodes null as "leave unset"
  switch (type.kind) {
    case "string":
    case "time":
    case "bytes":
      return typeof value !== "string";
    case "bool":
      return typeof value !== "boolean";
    case "int":
      return typeof value !== "number" || !Number.isInteger(value) || (type.unsigned && value < 0) || (type.bits < 53 && Math.abs(value) >= 2 ** type.bits);
    case "float":
      return typeof value !== "number";
    case "duration":
      if (typeof value === "number") return !Number.isInteger(value);
      return codec === "encoding/json" || typeof value !== "string" || !GO_DURATION.test(value);
    case "any":
      return false;
    case "custom":
      return typeof value === "object";
    case "list":
      return !Array.isArray(value);
    case "map":
    case "struct":
      return typeof value !== "object" || Array.isArray(value);
  }
}

/**
 * Every way `value` departs from the schema: unknown or misspelt fields (with upstream's
 * spelling and a guess), fields upstream marks deprecated, and values of the wrong type.
 */
export function checkAgainstSchema(value: unknown, schema: GoStructSchema, reader: SchemaReader): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const owners = fieldOwners(schema);

  const walk = (v: unknown, type: WireType, go: string, path: (string | number)[], file: string, label: string) => {
    const unknownScalar = reader.isRuntimeValue?.(v) && !["list", "map", "struct"].includes(type.kind);
    if (!unknownScalar && misfit(v, type, schema.codec)) {
      problems.push({ path, file, problem: `${showValue(v)} does not fit ${label}, which is ${go} in ${reader.project}: expected ${describe(type, schema.codec)}` });
      return;
    }
    if (v === null || v === undefined) return;
    if (type.kind === "list") (v as unknown[]).forEach((item, i) => walk(item, type.elem, elemGo(go), [...path, i], file, `${label}[${i}]`));
    else if (type.kind === "map") for (const [k, item] of Object.entries(v as object)) walk(item, type.elem, elemGo(go), [...path, k], file, `${label}[${JSON.stringify(k)}]`);
    else if (type.kind === "struct") walkStruct(v as Record<string, unknown>, type.name, path);
  };

  const walkStruct = (obj: Record<string, unknown>, name: string, path: (string | number)[]) => {
    const struct = schema.structs[name];
    if (!struct) throw new Error(`stored schema has no struct ${name}: regenerate it with npm run contracts`);
    const names = Object.keys(struct.fields);
    for (const [key, v] of Object.entries(obj)) {
      const field = struct.fields[key];
      if (field) {
        if (field.deprecated) problems.push({ path: [...path, key], file: struct.file, problem: `${name}.${key} is deprecated in ${reader.project} (upstream comment: ${JSON.stringify(field.deprecated)})` });
        walk(v, field.type, field.go, [...path, key], struct.file, `${name}.${key}`);
        continue;
      }
      const sameLetters = names.find((n) => n.toLowerCase() === key.toLowerCase());
      if (sameLetters) {
        const decoder = schema.codec === "encoding/json" ? "Go's JSON decoder would still match it, ignoring case" : "the YAML decoder matches keys exactly and would ignore it";
        problems.push({ path: [...path, key], file: struct.file, problem: `field ${JSON.stringify(key)} is spelled ${JSON.stringify(sameLetters)} in ${reader.project}'s ${name} (${decoder}); write ${sameLetters}` });
        continue;
      }
      const guess = closest(key, names);
      const elsewhere = (owners.get(key) ?? []).filter((o) => o !== name);
      const hints = [
        ...(guess ? [`did you mean ${guess}?`] : []),
        ...(elsewhere.length ? [`${key} is a field of ${elsewhere.slice(0, 4).join(", ")}, not of ${name}`] : []),
      ];
      problems.push({
        path: [...path, key],
        file: struct.file,
        problem: `unknown field ${JSON.stringify(key)} (value ${showValue(v)}): ${reader.project}'s ${name} has no such field and would ignore it; ${hints.length ? `${hints.join("; ")}; ` : ""}${name} has: ${names.join(", ")}`,
      });
    }
  };

  walk(value, { kind: "struct", name: schema.root }, schema.root, [], schema.structs[schema.root]?.file ?? "", schema.root);
  return problems;
}

/** The element's Go type text of a list or map type text (`[]*Task` → `*Task`). */
function elemGo(go: string): string {
  const m = /^(?:\*)?(?:\[\d*\]|map\[[^\]]+\])(.*)$/.exec(go);
  return m ? m[1] : go;
}

/** For every field name, the structs that have it: to say where a misplaced field belongs. */
function fieldOwners(schema: GoStructSchema): Map<string, string[]> {
  const owners = new Map<string, string[]>();
  for (const [name, struct] of Object.entries(schema.structs)) {
    for (const field of Object.keys(struct.fields)) owners.set(field, [...(owners.get(field) ?? []), name]);
  }
  return owners;
}
