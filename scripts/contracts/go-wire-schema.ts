/**
 * Turns Go structs (read by go-structs.ts) into what a decoder accepts on the wire
 * (contracts/go-struct-schema.ts), following the decoder's own rules for names:
 *
 * - encoding/json: the `json` tag's name, else the Go field name; `json:"-"` and
 *   unexported fields are skipped; an embedded struct without a tag name has its fields
 *   promoted (the shallower one wins a clash; at equal depth a tagged one wins, else both
 *   vanish, as in Go).
 * - gopkg.in/yaml.v2: the `yaml` tag's name, else the field name lowercased;
 *   `yaml:",inline"` promotes a struct's fields.
 *
 * Types reduce to the wire: basic kinds, time.Duration and time.Time, lists, maps, structs
 * (named, or `Parent.Field` for an anonymous struct), interface{} as free-form, and types
 * with their own Unmarshal method as "custom".
 */
import { GoCodec, GoStructSchema, WireField, WireStruct, WireType } from "../../contracts/go-struct-schema";
import { GoField, GoPackage, GoType, goTypeText, structTag } from "./go-structs";

export interface WireSchemaInput {
  readonly codec: GoCodec;
  /** Packages by the name other packages qualify them with; the root package first. */
  readonly packages: Readonly<Record<string, GoPackage>>;
  readonly rootPackage: string;
  /** The struct the document decodes into. */
  readonly root: string;
  /**
   * Types of packages that were not read become scalars read by their own methods, instead of
   * an error: for a program whose config reaches more packages than the contract checks.
   * @default false
   */
  readonly unreadPackagesAsScalars?: boolean;
}

const INTS: Record<string, { bits: number; unsigned: boolean }> = {
  int: { bits: 64, unsigned: false },
  int8: { bits: 8, unsigned: false },
  int16: { bits: 16, unsigned: false },
  int32: { bits: 32, unsigned: false },
  rune: { bits: 32, unsigned: false },
  int64: { bits: 64, unsigned: false },
  uint: { bits: 64, unsigned: true },
  uint8: { bits: 8, unsigned: true },
  byte: { bits: 8, unsigned: true },
  uint16: { bits: 16, unsigned: true },
  uint32: { bits: 32, unsigned: true },
  uint64: { bits: 64, unsigned: true },
  uintptr: { bits: 64, unsigned: true },
};

const UNMARSHALERS: Record<GoCodec, readonly string[]> = {
  "encoding/json": ["UnmarshalJSON", "UnmarshalText"],
  "gopkg.in/yaml.v2": ["UnmarshalYAML", "UnmarshalText"],
};

/** Go's rule for an exported name. */
function exported(name: string): boolean {
  return /^\p{Lu}/u.test(name);
}

/** The deprecation paragraph of a field's comment ("Deprecated: use X"), by Go's convention. */
function deprecation(comment: string): string | undefined {
  const m = /(?:^|\n)\s*(Deprecated\b[\s\S]*?)(?:\n\s*\n|$)/.exec(comment);
  return m ? m[1].replace(/\s+/g, " ").trim() : undefined;
}

interface Candidate {
  readonly name: string;
  readonly depth: number;
  readonly tagged: boolean;
  readonly field: WireField;
}

/** Builds the stored schema: every struct reachable from the root, with its wire fields. */
export function buildWireSchema(input: WireSchemaInput): GoStructSchema {
  const structs: Record<string, WireStruct> = {};
  const tagKey = input.codec === "encoding/json" ? "json" : "yaml";

  const pkgOf = (name: string): GoPackage => {
    const pkg = input.packages[name];
    if (!pkg) throw new Error(`no package ${name} was read (read: ${Object.keys(input.packages).join(", ")})`);
    return pkg;
  };
  const qualified = (pkg: string, name: string) => (pkg === input.rootPackage ? name : `${pkg}.${name}`);

  /** The wire type of a Go type written in `file` of package `pkg`; `context` names it for anonymous structs and errors. */
  const wireOf = (type: GoType, pkg: string, file: string, context: string): WireType => {
    switch (type.kind) {
      case "pointer":
        return wireOf(type.elem, pkg, file, context);
      case "slice":
      case "array": {
        const elem = type.elem;
        if (input.codec === "encoding/json" && type.kind === "slice" && elem.kind === "name" && !elem.pkg && (elem.name === "byte" || elem.name === "uint8")) return { kind: "bytes" };
        return { kind: "list", elem: wireOf(elem, pkg, file, context) };
      }
      case "map":
        return { kind: "map", elem: wireOf(type.elem, pkg, file, context) };
      case "interface":
        return { kind: "any" };
      case "struct":
        if (!structs[context]) defineStruct(context, type.fields, pkg, file);
        return { kind: "struct", name: context };
      case "func":
      case "chan":
        throw new Error(`${context}: a ${type.kind} field cannot be decoded from ${input.codec}; it must be skipped with a "-" tag`);
      case "name":
        if (type.typeArgs) throw new Error(`${context}: generic type ${goTypeText(type)} is not supported by this reader`);
        return namedWire(type.pkg, type.name, pkg, context);
    }
  };

  const namedWire = (qualifier: string | undefined, name: string, pkg: string, context: string): WireType => {
    if (!qualifier) {
      if (name === "string") return { kind: "string" };
      if (name === "bool") return { kind: "bool" };
      if (name === "float32" || name === "float64") return { kind: "float" };
      if (INTS[name]) return { kind: "int", ...INTS[name] };
    }
    if (qualifier === "time" && name === "Duration") return { kind: "duration" };
    if (qualifier === "time" && name === "Time") return { kind: "time" };
    const where = qualifier ?? pkg;
    // A package never qualifies its own names: `types.Duration` inside package types is another package's.
    const unread = !input.packages[where] || qualifier === pkg;
    if (unread && input.unreadPackagesAsScalars) return { kind: "custom", method: `${where}.${name} (package not read)` };
    const decl = input.packages[where]?.types.get(name);
    if (!decl) throw new Error(`${context}: type ${qualifier ? `${qualifier}.` : ""}${name} is not declared in the packages read (${Object.keys(input.packages).join(", ")})`);
    if (pkgOf(where).redeclared.has(name)) throw new Error(`${context}: type ${name} is declared in more than one file of package ${where} (build constraints?); this reader cannot tell which applies`);
    const methods = pkgOf(where).methods.get(name);
    const custom = UNMARSHALERS[input.codec].find((m) => methods?.has(m));
    if (custom && !decl.alias) return { kind: "custom", method: `${name}.${custom}` };
    if (decl.type.kind === "struct") {
      const structName = qualified(where, name);
      if (!structs[structName]) defineStruct(structName, decl.type.fields, where, decl.file);
      return { kind: "struct", name: structName };
    }
    return wireOf(decl.type, where, decl.file, context);
  };

  /**
   * The wire fields of a struct, with embedded/inline fields promoted by the codec's rules.
   * `declaring` is the struct the fields are written in (an embedded one, once promoted).
   */
  const collect = (fields: readonly GoField[], pkg: string, file: string, declaring: string, depth: number, seen: Set<string>): Candidate[] => {
    const found: Candidate[] = [];
    for (const f of fields) {
      const tag = structTag(f.tag, tagKey);
      const [tagName = "", ...options] = (tag ?? "").split(",");
      if (tag === "-") continue;
      const base = f.type.kind === "pointer" ? f.type.elem : f.type;
      const promote =
        input.codec === "encoding/json" ? f.embedded && tagName === "" && base.kind === "name" && isStruct(base, pkg) : options.includes("inline");
      if (promote) {
        if (base.kind !== "name") throw new Error(`${declaring}.${f.name}: only named structs can be inlined`);
        const where = base.pkg ?? pkg;
        const key = `${where}.${base.name}`;
        if (seen.has(key)) continue;
        const decl = pkgOf(where).types.get(base.name)!;
        if (decl.type.kind !== "struct") throw new Error(`${declaring}.${f.name}: inline of a non-struct is not supported`);
        found.push(...collect(decl.type.fields, where, decl.file, qualified(where, base.name), depth + 1, new Set([...seen, key])));
        continue;
      }
      if (input.codec === "encoding/json" ? !exported(f.name) && !(f.embedded && tagName) : !exported(f.name)) continue;
      const name = tagName || (input.codec === "encoding/json" ? f.name : f.name.toLowerCase());
      const wire = wireOf(f.type, pkg, file, `${declaring}.${f.name}`);
      const deprecated = deprecation(f.comment);
      found.push({
        name,
        depth,
        tagged: tagName !== "",
        field: { type: wire, go: goTypeText(f.type), ...(name !== f.name ? { goName: f.name } : {}), ...(deprecated ? { deprecated } : {}) },
      });
    }
    return found;
  };

  const isStruct = (type: GoType & { kind: "name" }, pkg: string): boolean => {
    const decl = input.packages[type.pkg ?? pkg]?.types.get(type.name);
    return decl?.type.kind === "struct";
  };

  const defineStruct = (name: string, fields: readonly GoField[], pkg: string, file: string) => {
    // Registered before its fields are resolved, so recursive types terminate.
    const wireFields: Record<string, WireField> = {};
    structs[name] = { file, fields: wireFields };
    const byName = new Map<string, Candidate[]>();
    for (const c of collect(fields, pkg, file, name, 0, new Set())) byName.set(c.name, [...(byName.get(c.name) ?? []), c]);
    for (const [wireName, candidates] of [...byName.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const shallowest = Math.min(...candidates.map((c) => c.depth));
      const atDepth = candidates.filter((c) => c.depth === shallowest);
      const tagged = atDepth.filter((c) => c.tagged);
      const winner = atDepth.length === 1 ? atDepth[0] : tagged.length === 1 ? tagged[0] : undefined;
      if (winner) wireFields[wireName] = winner.field;
      else if (input.codec !== "encoding/json") throw new Error(`${name}: duplicate key ${wireName} (yaml.v2 refuses such a struct)`);
    }
  };

  const rootDecl = pkgOf(input.rootPackage).types.get(input.root);
  if (!rootDecl || rootDecl.type.kind !== "struct") throw new Error(`${input.root} is not a struct of package ${input.rootPackage}`);
  defineStruct(input.root, rootDecl.type.fields, input.rootPackage, rootDecl.file);
  const sorted = Object.fromEntries(Object.entries(structs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { codec: input.codec, root: input.root, structs: sorted };
}
