/**
 * A small reader of Go source: the top-level type declarations of a package (structs with
 * their fields, types and tags; named and alias types) and which types declare which
 * methods (a custom UnmarshalJSON changes what the JSON decoder accepts). It reads what
 * the generators need to turn upstream config structs into stored contracts, not Go as a
 * whole: function bodies are skipped, generic type declarations are refused with a
 * message (instantiations such as lru.Cache[K, V] are read, for the wire schema to refuse
 * should a contract ever reach one).
 */
// @ts-nocheck

import type { UpstreamRepo } from "../lib/upstream";

/** A Go type expression, as written. */
export type GoType =
  | { readonly kind: "name"; readonly name: string; readonly pkg?: string; readonly typeArgs?: readonly GoType[] }
  | { readonly kind: "pointer"; readonly elem: GoType }
  | { readonly kind: "slice"; readonly elem: GoType }
  | { readonly kind: "array"; readonly length: string; readonly elem: GoType }
  | { readonly kind: "map"; readonly key: GoType; readonly elem: GoType }
  | { readonly kind: "struct"; readonly fields: readonly GoField[] }
  | { readonly kind: "interface"; readonly empty: boolean }
  | { readonly kind: "func" }
  | { readonly kind: "chan"; readonly elem: GoType };

export interface GoField {
  /** The field name; for an embedded field, the type's name. */
  readonly name: string;
  readonly embedded: boolean;
  readonly type: GoType;
  /** The raw struct tag, without its quotes. */
  readonly tag: string;
  /** Doc comment above the field and comment after it on the same line. */
  readonly comment: string;
}

export interface GoTypeDecl {
  readonly name: string;
  /** `type A = B` (an alias) rather than `type A B` (a new named type). */
  readonly alias: boolean;
  readonly type: GoType;
  /** The file it was declared in. */
  readonly file: string;
}

export interface GoPackage {
  readonly types: ReadonlyMap<string, GoTypeDecl>;
  /** Method names by receiver type name (pointer and value receivers alike). */
  readonly methods: ReadonlyMap<string, ReadonlySet<string>>;
  /** Types declared in more than one file (per-OS files under build constraints): which one applies is not read here. */
  readonly redeclared: ReadonlySet<string>;
}

type TokenKind = "ident" | "string" | "number" | "punct" | "newline" | "comment";
interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly line: number;
}

const PUNCT = /[{}()[\]*.,;=:<>&|!^+\-/%~]/;

/** Go tokens, with newlines and comments kept (they separate fields and carry deprecations). */
export function tokenizeGo(source: string, file: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let line = 1;
  const push = (kind: TokenKind, text: string) => tokens.push({ kind, text, line });
  while (i < source.length) {
    const c = source[i];
    if (c === "\n") {
      push("newline", "\n");
      line++;
      i++;
    } else if (c === " " || c === "\t" || c === "\r") {
      i++;
    } else if (source.startsWith("//", i)) {
      const end = source.indexOf("\n", i);
      const stop = end < 0 ? source.length : end;
      push("comment", source.slice(i + 2, stop).trim());
      i = stop;
    } else if (source.startsWith("/*", i)) {
      const end = source.indexOf("*/", i + 2);
      if (end < 0) throw new Error(`${file}:${line}: unterminated comment`);
      const text = source.slice(i + 2, end);
      push("comment", text.trim());
      line += text.split("\n").length - 1;
      i = end + 2;
    } else if (c === '"' || c === "'") {
      let j = i + 1;
      while (j < source.length && source[j] !== c) {
        if (source[j] === "\\") j++;
        if (source[j] === "\n") throw new Error(`${file}:${line}: newline in string`);
        j++;
      }
      push("string", source.slice(i, j + 1));
      i = j + 1;
    } else if (c === "`") {
      const end = source.indexOf("`", i + 1);
      if (end < 0) throw new Error(`${file}:${line}: unterminated raw string`);
      const text = source.slice(i, end + 1);
      push("string", text);
      line += text.split("\n").length - 1;
      i = end + 1;
    } else if (/[A-Za-z_\u0080-\uffff]/.test(c)) {
      const m = /^[A-Za-z0-9_\u0080-\uffff]+/.exec(source.slice(i, i + 200))!;
      push("ident", m[0]);
      i += m[0].length;
    } else if (/[0-9]/.test(c)) {
      const m = /^[0-9][0-9A-Za-z_.]*/.exec(source.slice(i, i + 100))!;
      push("number", m[0]);
      i += m[0].length;
    } else if (PUNCT.test(c)) {
      push("punct", c);
      i++;
    } else {
      throw new Error(`${file}:${line}: unexpected character ${JSON.stringify(c)}`);
    }
  }
  return tokens;
}

/** The value of a Go string literal token ("…" with escapes, or `raw`). */
export function goStringValue(literal: string): string {
  if (literal.startsWith("`")) return literal.slice(1, -1);
  return JSON.parse(literal.replace(/\\'/g, "'").replace(/\\x([0-9a-fA-F]{2})/g, "\\u00$1")) as string;
}

/** The value of one key of a struct tag (`json:"name,omitempty" yaml:"x"`), as reflect.StructTag.Get reads it. */
export function structTag(tag: string, key: string): string | undefined {
  const re = /([^\s:"]+):("(?:[^"\\]|\\.)*")/g;
  for (let m = re.exec(tag); m; m = re.exec(tag)) {
    if (m[1] === key) return JSON.parse(m[2]) as string;
  }
  return undefined;
}

/** A cursor over one file's tokens. */
class Parser {
  private pos = 0;
  constructor(
    private readonly tokens: readonly Token[],
    readonly file: string,
  ) {}

  done(): boolean {
    return this.pos >= this.tokens.length;
  }
  peek(offset = 0): Token | undefined {
    return this.tokens[this.pos + offset];
  }
  next(): Token {
    const t = this.tokens[this.pos++];
    if (!t) throw this.error("unexpected end of file");
    return t;
  }
  is(text: string, offset = 0): boolean {
    const t = this.peek(offset);
    return t !== undefined && t.kind !== "string" && t.kind !== "comment" && t.text === text;
  }
  expect(text: string): Token {
    const t = this.next();
    if (t.text !== text || t.kind === "string" || t.kind === "comment") throw this.error(`expected ${JSON.stringify(text)}, found ${JSON.stringify(t.text)}`, t);
    return t;
  }
  ident(): string {
    const t = this.next();
    if (t.kind !== "ident") throw this.error(`expected a name, found ${JSON.stringify(t.text)}`, t);
    return t.text;
  }
  /** Skips newlines and comments. */
  skipSpace(): void {
    while (this.peek() && (this.peek()!.kind === "newline" || this.peek()!.kind === "comment")) this.pos++;
  }
  /** Skips comments only (a newline ends a field). */
  skipComments(): string[] {
    const found: string[] = [];
    while (this.peek()?.kind === "comment") found.push(this.next().text);
    return found;
  }
  /** Skips a balanced (…), […] or {…} group starting at the current token. */
  skipGroup(): void {
    const open = this.next().text;
    const close = { "(": ")", "[": "]", "{": "}" }[open];
    if (!close) throw this.error(`expected a bracket, found ${JSON.stringify(open)}`);
    let depth = 1;
    while (depth > 0) {
      const t = this.next();
      if (t.kind !== "punct") continue;
      if (t.text === open) depth++;
      else if (t.text === close) depth--;
    }
  }
  error(message: string, at: Token | undefined = this.peek()): Error {
    return new Error(`${this.file}:${at?.line ?? "end"}: ${message}`);
  }
}

function parseType(p: Parser): GoType {
  p.skipSpace();
  const t = p.next();
  if (t.kind === "punct" && t.text === "*") return { kind: "pointer", elem: parseType(p) };
  if (t.kind === "punct" && t.text === "(") {
    const inner = parseType(p);
    p.skipSpace();
    p.expect(")");
    return inner;
  }
  if (t.kind === "punct" && t.text === "[") {
    if (p.is("]")) {
      p.next();
      return { kind: "slice", elem: parseType(p) };
    }
    let length = "";
    while (!p.is("]")) length += p.next().text;
    p.next();
    return { kind: "array", length, elem: parseType(p) };
  }
  if (t.kind === "punct" && t.text === "<") {
    p.expect("-");
    if (p.ident() !== "chan") throw p.error("expected chan after <-", t);
    return { kind: "chan", elem: parseType(p) };
  }
  if (t.kind !== "ident") throw p.error(`expected a type, found ${JSON.stringify(t.text)}`, t);
  switch (t.text) {
    case "map": {
      p.expect("[");
      const key = parseType(p);
      p.expect("]");
      return { kind: "map", key, elem: parseType(p) };
    }
    case "struct":
      return { kind: "struct", fields: parseStructBody(p) };
    case "interface": {
      p.skipSpace();
      if (!p.is("{")) throw p.error("expected { after interface");
      const empty = p.is("}", 1);
      p.skipGroup();
      return { kind: "interface", empty };
    }
    case "func": {
      p.skipGroup(); // parameters
      // An optional result: a parenthesized list or a single type on the same line.
      if (p.is("(")) p.skipGroup();
      else if (p.peek() && !["newline", "comment", "string"].includes(p.peek()!.kind) && !p.is(";") && !p.is("}") && !p.is(")") && !p.is(",")) parseType(p);
      return { kind: "func" };
    }
    case "chan":
      if (p.is("<")) {
        p.next();
        p.expect("-");
      }
      return { kind: "chan", elem: parseType(p) };
    case "any":
      return { kind: "interface", empty: true };
    default: {
      if (p.is(".")) {
        p.next();
        return withTypeArgs(p, { kind: "name", pkg: t.text, name: p.ident() });
      }
      return withTypeArgs(p, { kind: "name", name: t.text });
    }
  }
}

/** `lru.Cache[uint32, []byte]`: the type arguments of an instantiated generic type. */
function withTypeArgs(p: Parser, type: GoType & { kind: "name" }): GoType {
  if (!p.is("[")) return type;
  p.next();
  const typeArgs: GoType[] = [parseType(p)];
  while (p.is(",")) {
    p.next();
    typeArgs.push(parseType(p));
  }
  p.skipSpace();
  p.expect("]");
  return { ...type, typeArgs };
}

function parseStructBody(p: Parser): GoField[] {
  p.skipSpace();
  p.expect("{");
  const fields: GoField[] = [];
  for (;;) {
    // Doc comments directly above a field belong to it; a blank line starts over.
    let doc: string[] = [];
    for (;;) {
      const t = p.peek();
      if (t?.kind === "comment") doc.push(p.next().text);
      else if (t?.kind === "newline" || p.is(";")) {
        p.next();
        if (p.peek()?.kind === "newline") doc = [];
      } else break;
    }
    if (p.is("}")) {
      p.next();
      return fields;
    }
    const start = p.peek()!;
    let names: string[] = [];
    let type: GoType;
    let embedded = false;
    if (p.is("*")) {
      embedded = true;
      type = parseType(p);
    } else {
      const first = p.ident();
      const after = p.peek();
      if (p.is(".")) {
        embedded = true;
        p.next();
        type = { kind: "name", pkg: first, name: p.ident() };
      } else if (!after || after.kind === "newline" || after.kind === "comment" || after.kind === "string" || p.is(";") || p.is("}")) {
        embedded = true;
        type = { kind: "name", name: first };
      } else {
        names = [first];
        while (p.is(",")) {
          p.next();
          p.skipSpace();
          names.push(p.ident());
        }
        type = parseType(p);
      }
    }
    const tag = p.peek()?.kind === "string" ? goStringValue(p.next().text) : "";
    const trailing = p.skipComments();
    const comment = [...doc, ...trailing].join("\n");
    if (embedded) {
      const base = type.kind === "pointer" ? type.elem : type;
      if (base.kind !== "name") throw p.error("embedded field is not a named type", start);
      fields.push({ name: base.name, embedded: true, type, tag, comment });
    } else {
      for (const name of names) fields.push({ name, embedded: false, type, tag, comment });
    }
    if (!(p.peek()?.kind === "newline" || p.is(";") || p.is("}"))) throw p.error(`expected the end of field ${names[0] ?? "(embedded)"}`);
  }
}

function parseTypeSpec(p: Parser, into: Map<string, GoTypeDecl>, redeclared: Set<string>): void {
  p.skipSpace();
  const name = p.ident();
  // `type A[T any] …` declares type parameters; `type A []T` and `type A [N]T` do not.
  if (p.is("[") && p.peek(1)?.kind === "ident" && !p.is("]", 2)) throw p.error(`type ${name}: generic types are not supported by this reader`);
  const alias = p.is("=");
  if (alias) p.next();
  if (into.has(name)) redeclared.add(name);
  into.set(name, { name, alias, type: parseType(p), file: p.file });
}

/** Reads the type declarations and method names of one file into the maps. */
function readFile(source: string, file: string, types: Map<string, GoTypeDecl>, methods: Map<string, Set<string>>, redeclared: Set<string>): void {
  const p = new Parser(tokenizeGo(source, file), file);
  let depth = 0;
  while (!p.done()) {
    const t = p.next();
    if (t.kind === "punct" && "({[".includes(t.text)) depth++;
    else if (t.kind === "punct" && ")}]".includes(t.text)) depth--;
    if (depth !== 0 || t.kind !== "ident") continue;
    if (t.text === "type") {
      p.skipSpace();
      if (p.is("(")) {
        p.next();
        for (p.skipSpace(); !p.is(")"); p.skipSpace()) parseTypeSpec(p, types, redeclared);
        p.next();
      } else {
        parseTypeSpec(p, types, redeclared);
      }
    } else if (t.text === "func" && p.is("(")) {
      // A method: func (r *Recv) Name(
      const receiver = readReceiver(p);
      if (receiver && p.peek()?.kind === "ident") methods.set(receiver, (methods.get(receiver) ?? new Set()).add(p.next().text));
    }
  }
}

function readReceiver(p: Parser): string | undefined {
  p.next(); // (
  const parts: string[] = [];
  while (!p.is(")")) parts.push(p.next().text);
  p.next();
  const names = parts.filter((x) => /^[A-Za-z_]/.test(x));
  return names[names.length - 1];
}

/** Reads a package from its files' sources (path → text). */
export function readGoPackage(files: Readonly<Record<string, string>>): GoPackage {
  const types = new Map<string, GoTypeDecl>();
  const methods = new Map<string, Set<string>>();
  const redeclared = new Set<string>();
  for (const [file, source] of Object.entries(files)) readFile(source, file, types, methods, redeclared);
  return { types, methods, redeclared };
}

/** A package of an upstream repository at a ref: the non-test .go files directly in `dir` ("" for the root). */
export function readGoPackageAt(repo: UpstreamRepo, ref: string, dir: string): GoPackage {
  const prefix = dir ? `${dir}/` : "";
  const files = repo
    .list(ref, dir || ".")
    .filter((f) => f.startsWith(prefix) && /^[^/]+\.go$/.test(f.slice(prefix.length)) && !f.endsWith("_test.go"));
  if (files.length === 0) throw new Error(`${repo.slug} has no Go files in ${dir || "its root"} at ${ref}`);
  return readGoPackage(Object.fromEntries(files.map((f) => [f, repo.show(ref, f)])));
}

/** A type as Go writes it, for messages: `*time.Duration`, `map[string]*VolumeRequest`. */
export function goTypeText(type: GoType): string {
  switch (type.kind) {
    case "name":
      return `${type.pkg ? `${type.pkg}.` : ""}${type.name}${type.typeArgs ? `[${type.typeArgs.map(goTypeText).join(", ")}]` : ""}`;
    case "pointer":
      return `*${goTypeText(type.elem)}`;
    case "slice":
      return `[]${goTypeText(type.elem)}`;
    case "array":
      return `[${type.length}]${goTypeText(type.elem)}`;
    case "map":
      return `map[${goTypeText(type.key)}]${goTypeText(type.elem)}`;
    case "struct":
      return "struct{…}";
    case "interface":
      return type.empty ? "interface{}" : "interface{…}";
    case "func":
      return "func(…)";
    case "chan":
      return `chan ${goTypeText(type.elem)}`;
  }
}
