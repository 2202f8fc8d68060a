/**
 * A parser for the subset of Go's text/template that Helm charts use: text, actions,
 * if/else if/else, with, range, define/block, template, variables and pipelines. It reads a
 * chart's templates at generation time so the contract can say which objects they render
 * under which conditions; it evaluates nothing itself.
 */
// @ts-nocheck


/** An operand or pipeline. */
export type Expr =
  | { readonly t: "field"; readonly base: Base; readonly path: readonly string[] }
  | { readonly t: "lit"; readonly v: string | number | boolean | null }
  | { readonly t: "call"; readonly fn: string; readonly args: readonly Expr[] }
  /** `.Capabilities.APIVersions.Has "x"`: a field followed by arguments. */
  | { readonly t: "method"; readonly target: Expr; readonly args: readonly Expr[] };

export type Base = { readonly t: "dot" } | { readonly t: "var"; readonly name: string } | { readonly t: "paren"; readonly expr: Expr };

/** A pipeline, with the variables it declares (`$x := …`) or assigns (`$x = …`). */
export interface Pipeline {
  readonly decl?: { readonly names: readonly string[]; readonly assign: boolean };
  readonly expr: Expr;
  /** The source text, for messages. */
  readonly text: string;
}

export type Node =
  | { readonly t: "text"; readonly text: string }
  | { readonly t: "action"; readonly pipe: Pipeline }
  | { readonly t: "if" | "with"; readonly pipe: Pipeline; readonly then: Node[]; readonly else: Node[] }
  | { readonly t: "range"; readonly pipe: Pipeline; readonly then: Node[]; readonly else: Node[] }
  | { readonly t: "template"; readonly name: string; readonly arg?: Pipeline }
  | { readonly t: "define"; readonly name: string; readonly body: Node[] };

interface Token {
  readonly kind: "text" | "action";
  readonly text: string;
}

/** Splits a template into text and action tokens, applying the `{{-` / `-}}` trim markers. */
export function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let trimNext = false;
  while (i < src.length) {
    const open = src.indexOf("{{", i);
    let text = open < 0 ? src.slice(i) : src.slice(i, open);
    if (trimNext) text = text.replace(/^\s+/, "");
    if (open < 0) {
      if (text) tokens.push({ kind: "text", text });
      break;
    }
    const trimLeft = src.startsWith("{{- ", open) || src.startsWith("{{-\n", open) || src.startsWith("{{-\t", open);
    if (trimLeft) text = text.replace(/\s+$/, "");
    if (text) tokens.push({ kind: "text", text });
    let j = open + (trimLeft ? 3 : 2);
    // A comment ends at the first */ (its text is free: "doesn't" opens no rune literal).
    const commentStart = /^\s*\/\*/.exec(src.slice(j, j + 8));
    if (commentStart) {
      const end = src.indexOf("*/", j + commentStart[0].length);
      const close = end < 0 ? -1 : src.indexOf("}}", end + 2);
      j = close < 0 ? src.length : close;
    }
    // Find the closing braces outside string literals.
    let quote: string | undefined;
    for (; !commentStart && j < src.length; j++) {
      const c = src[j];
      if (quote) {
        if (c === "\\" && quote === '"') j++;
        else if (c === quote) quote = undefined;
      } else if (c === '"' || c === "`" || c === "'") quote = c;
      else if (src.startsWith("}}", j)) break;
    }
    if (j >= src.length) throw new Error(`unclosed action at offset ${open}`);
    let inner = src.slice(open + (trimLeft ? 3 : 2), j);
    trimNext = /\s-$/.test(inner) || inner === "-";
    if (trimNext) inner = inner.replace(/-$/, "");
    inner = inner.trim();
    if (!inner.startsWith("/*")) tokens.push({ kind: "action", text: inner });
    i = j + 2;
  }
  return tokens;
}

const KEYWORD = /^(if|else|end|with|range|define|block|template|break|continue)\b/;

/** Parses a template file into nodes; `define` blocks stay in place as define nodes. */
export function parseTemplate(src: string): Node[] {
  const tokens = tokenize(src);
  let pos = 0;

  function parseList(stopAt: readonly string[]): { nodes: Node[]; stop: string; rest: string } {
    const nodes: Node[] = [];
    while (pos < tokens.length) {
      const tok = tokens[pos++];
      if (tok.kind === "text") {
        nodes.push({ t: "text", text: tok.text });
        continue;
      }
      const kw = KEYWORD.exec(tok.text)?.[1];
      const rest = kw ? tok.text.slice(kw.length).trim() : tok.text;
      if (kw && stopAt.includes(kw)) return { nodes, stop: kw, rest };
      switch (kw) {
        case "if":
        case "with":
        case "range":
          nodes.push(parseBranch(kw, rest));
          break;
        case "define":
        case "block": {
          const m = /^("(?:[^"\\]|\\.)*"|`[^`]*`)\s*(.*)$/s.exec(rest);
          if (!m) throw new Error(`${kw} without a name: {{${tok.text}}}`);
          const name = JSON.parse(m[1].startsWith("`") ? JSON.stringify(m[1].slice(1, -1)) : m[1]) as string;
          const body = parseList(["end"]).nodes;
          nodes.push({ t: "define", name, body });
          if (kw === "block") nodes.push({ t: "template", name, arg: m[2] ? parsePipeline(m[2]) : undefined });
          break;
        }
        case "template": {
          const m = /^("(?:[^"\\]|\\.)*")\s*(.*)$/s.exec(rest);
          if (!m) throw new Error(`template without a name: {{${tok.text}}}`);
          nodes.push({ t: "template", name: JSON.parse(m[1]) as string, arg: m[2] ? parsePipeline(m[2]) : undefined });
          break;
        }
        case "break":
        case "continue":
          break;
        case "else":
        case "end":
          throw new Error(`unexpected {{${tok.text}}}`);
        default:
          nodes.push({ t: "action", pipe: parsePipeline(tok.text) });
      }
    }
    if (stopAt.length) throw new Error(`missing {{end}} (expected one of ${stopAt.join(", ")})`);
    return { nodes, stop: "", rest: "" };
  }

  function parseBranch(kw: "if" | "with" | "range", rest: string): Node {
    const pipe = parsePipeline(rest);
    const then = parseList(["else", "end"]);
    let elseNodes: Node[] = [];
    if (then.stop === "else") {
      const chained = /^(if|with)\b/.exec(then.rest)?.[1] as "if" | "with" | undefined;
      if (chained) {
        // `else if …` / `else with …` nest a branch that shares this one's {{end}}.
        elseNodes = [parseBranch(chained, then.rest.slice(chained.length).trim())];
      } else {
        elseNodes = parseList(["end"]).nodes;
      }
    }
    return { t: kw, pipe, then: then.nodes, else: elseNodes } as Node;
  }

  return parseList([]).nodes;
}

// ---- pipelines ----

/** A lexeme; `sp` when whitespace precedes it (`(x).f` chains a field, `(x) .f` passes an argument). */
type Lex = { k: "str" | "num" | "bool" | "nil" | "ident" | "field" | "var" | "dot" | "(" | ")" | "|" | ":=" | "=" | ","; v: string; sp?: boolean };

function lexPipeline(src: string): Lex[] {
  const out: Lex[] = [];
  let i = 0;
  let sp = false;
  while (i < src.length) {
    const c = src[i];
    if (/\s/.test(c)) {
      i++;
      sp = true;
      continue;
    }
    const start = out.length;
    const rest = src.slice(i);
    let m: RegExpExecArray | null;
    if (c === '"') {
      m = /^"(?:[^"\\]|\\.)*"/.exec(rest);
      if (!m) throw new Error(`unterminated string in ${src}`);
      out.push({ k: "str", v: JSON.parse(m[0]) as string });
    } else if (c === "`") {
      m = /^`[^`]*`/.exec(rest);
      if (!m) throw new Error(`unterminated raw string in ${src}`);
      out.push({ k: "str", v: m[0].slice(1, -1) });
    } else if (c === "'") {
      m = /^'(?:[^'\\]|\\.)'/.exec(rest);
      if (!m) throw new Error(`bad character literal in ${src}`);
      out.push({ k: "num", v: String(m[0].charCodeAt(1)) });
    } else if ((m = /^:=/.exec(rest)) || (m = /^=(?!=)/.exec(rest))) {
      out.push({ k: m[0] as ":=" | "=", v: m[0] });
    } else if ("()|,".includes(c)) {
      m = [c] as unknown as RegExpExecArray;
      out.push({ k: c as "(" | ")" | "|" | ",", v: c });
    } else if ((m = /^\$[A-Za-z0-9_]*(\.[A-Za-z0-9_]+)*/.exec(rest))) {
      out.push({ k: "var", v: m[0] });
    } else if ((m = /^(\.[A-Za-z0-9_]+)+/.exec(rest))) {
      out.push({ k: "field", v: m[0] });
    } else if (c === ".") {
      m = ["."] as unknown as RegExpExecArray;
      out.push({ k: "dot", v: "." });
    } else if ((m = /^[-+]?(0x[0-9a-fA-F]+|[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?)/.exec(rest))) {
      out.push({ k: "num", v: m[0] });
    } else if ((m = /^(true|false)\b/.exec(rest))) {
      out.push({ k: "bool", v: m[0] });
    } else if ((m = /^nil\b/.exec(rest))) {
      out.push({ k: "nil", v: m[0] });
    } else if ((m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest))) {
      out.push({ k: "ident", v: m[0] });
    } else {
      throw new Error(`unexpected ${JSON.stringify(c)} in {{${src}}}`);
    }
    if (sp && out[start]) out[start].sp = true;
    sp = false;
    i += m[0].length;
  }
  return out;
}

/** Parses the inside of an action: `$x := .Values.a | default "b"`. */
export function parsePipeline(src: string): Pipeline {
  const lex = lexPipeline(src);
  let p = 0;
  let decl: Pipeline["decl"];
  const declEnd = lex.findIndex((l) => l.k === ":=" || l.k === "=");
  if (declEnd > 0 && lex.slice(0, declEnd).every((l) => l.k === "var" || l.k === ",")) {
    decl = { names: lex.slice(0, declEnd).filter((l) => l.k === "var").map((l) => l.v), assign: lex[declEnd].k === "=" };
    p = declEnd + 1;
  }

  function fieldPath(v: string): string[] {
    return v.split(".").filter(Boolean);
  }

  function operand(): Expr {
    const l = lex[p++];
    if (!l) throw new Error(`missing operand in {{${src}}}`);
    let e: Expr;
    switch (l.k) {
      case "str":
        e = { t: "lit", v: l.v };
        break;
      case "num":
        e = { t: "lit", v: Number(l.v) };
        break;
      case "bool":
        e = { t: "lit", v: l.v === "true" };
        break;
      case "nil":
        e = { t: "lit", v: null };
        break;
      case "dot":
        e = { t: "field", base: { t: "dot" }, path: [] };
        break;
      case "field":
        e = { t: "field", base: { t: "dot" }, path: fieldPath(l.v) };
        break;
      case "var": {
        const [name, ...path] = l.v.split(".");
        e = { t: "field", base: { t: "var", name }, path };
        break;
      }
      case "ident":
        e = { t: "call", fn: l.v, args: [] };
        break;
      case "(": {
        const inner = pipeline();
        if (lex[p++]?.k !== ")") throw new Error(`missing ) in {{${src}}}`);
        e = inner;
        break;
      }
      default:
        throw new Error(`unexpected ${l.v} in {{${src}}}`);
    }
    // A field chain right after an operand: (.Values.a).b
    while (lex[p]?.k === "field" && !lex[p].sp && l.k === "(") {
      const path = fieldPath(lex[p++].v);
      e = { t: "field", base: { t: "paren", expr: e }, path };
    }
    return e;
  }

  function command(): Expr {
    const isFunction = lex[p]?.k === "ident";
    const first = operand();
    const args: Expr[] = [];
    while (p < lex.length && !["|", ")", ","].includes(lex[p].k)) args.push(operand());
    if (isFunction && first.t === "call") return { t: "call", fn: first.fn, args };
    if (!args.length) return first;
    if (args.length && first.t === "field") return { t: "method", target: first, args };
    if (args.length) throw new Error(`cannot call a non-function in {{${src}}}`);
    return first;
  }

  function pipeline(): Expr {
    let e = command();
    while (lex[p]?.k === "|") {
      p++;
      const next = command();
      if (next.t === "call") e = { t: "call", fn: next.fn, args: [...next.args, e] };
      else if (next.t === "method") e = { t: "method", target: next.target, args: [...next.args, e] };
      else throw new Error(`cannot pipe into a non-function in {{${src}}}`);
    }
    return e;
  }

  const expr = pipeline();
  if (p < lex.length) throw new Error(`unexpected ${lex[p].v} in {{${src}}}`);
  return { decl, expr, text: src };
}
