/**
 * What a chart's templates render, read from the templates themselves (no helm binary):
 * every top-level `apiVersion:`/`kind:` a template writes, the `if`/`with`/`range`
 * conditions guarding it, every `fail`, and which values the templates read. Conditions are
 * kept as expressions over absolute paths (`Values.webhook.enabled`, `Release.Namespace`,
 * `Capabilities.APIVersions.Has …`) so the check can evaluate them against the chart's
 * defaults merged with the estate's values.
 */
// @ts-nocheck

import { Expr, Node, Pipeline, parseTemplate } from "./go-template";

/** A value as the check evaluates it. */
export type Value =
  | { readonly path: readonly string[] }
  | { readonly lit: unknown }
  | { readonly call: string; readonly args: readonly Value[] }
  | { readonly unknown: string };

/** One guard: the template renders past it when `when` is truthy (falsy when negate). */
export interface Clause {
  readonly when: Value;
  readonly negate?: true;
  /** The template text of the guard, for messages. */
  readonly text: string;
}

export interface RenderedObject {
  readonly template: string;
  readonly kind: string | Value;
  /** apiVersion candidates of the document, each with its own guards; empty when none was found. */
  readonly apiVersions: ReadonlyArray<{ readonly value: string | Value; readonly when: readonly Clause[] }>;
  readonly when: readonly Clause[];
}

export interface TemplateFail {
  readonly template: string;
  readonly message: Value;
  readonly when: readonly Clause[];
}

export interface ChartTemplates {
  readonly objects: RenderedObject[];
  readonly fails: TemplateFail[];
  /** Values paths the templates read; `whole` ones are handed on whole (toYaml, range, include …). */
  readonly reads: string[][];
  readonly whole: string[][];
}

/** A template file of the chart or of a subchart. */
export interface TemplateFile {
  readonly path: string;
  readonly text: string;
  /** For a subchart: where its values sit in the parent's and the guard of the dependency. */
  readonly subchart?: { readonly valuesKey: string; readonly condition?: string };
}

/** Functions that only inspect their arguments: a values path passed to them is not handed on whole. */
const INSPECTING = new Set([
  "not", "and", "or", "eq", "ne", "lt", "le", "gt", "ge", "empty", "hasKey", "kindIs", "typeIs", "len", "semverCompare",
  "contains", "hasPrefix", "hasSuffix", "quote", "squote", "int", "int64", "float64", "toString", "b64enc", "lower", "upper",
  "trim", "required", "default", "coalesce", "ternary", "print", "printf", "fail", "regexMatch", "trunc", "trimSuffix", "trimPrefix",
]);

const UNKNOWN_DOT: Value = { unknown: "the element of a range" };

interface Scope {
  readonly conds: readonly Clause[];
  readonly dot: Value;
  readonly vars: Map<string, Value>;
  readonly valuesRoot: readonly string[];
  /** Whether text written here lands at the top level of the output document. */
  readonly topLevel: boolean;
}

interface Doc {
  kinds: Array<{ value: string | Value; when: readonly Clause[] }>;
  apiVersions: Array<{ value: string | Value; when: readonly Clause[] }>;
}

/** Analyses every template file of a chart (subcharts included). */
export function analyseTemplates(files: readonly TemplateFile[]): ChartTemplates {
  const defines = new Map<string, { body: Node[]; valuesRoot: readonly string[] }>();
  const parsed = files.map((f) => {
    const nodes = parseTemplate(f.text);
    const valuesRoot = f.subchart ? [f.subchart.valuesKey] : [];
    const collect = (list: Node[]) => {
      for (const n of list) if (n.t === "define") defines.set(n.name, { body: n.body, valuesRoot });
    };
    collect(nodes);
    return { file: f, nodes, valuesRoot };
  });

  const out: ChartTemplates = { objects: [], fails: [], reads: [], whole: [] };
  const readKeys = new Set<string>();
  const wholeKeys = new Set<string>();
  const noteRead = (v: Value, whole: boolean) => {
    if (!("path" in v) || v.path[0] !== "Values") return;
    const rest = v.path.slice(1);
    const key = JSON.stringify(rest);
    if (!readKeys.has(key)) {
      readKeys.add(key);
      out.reads.push([...rest]);
    }
    if (whole && !wholeKeys.has(key)) {
      wholeKeys.add(key);
      out.whole.push([...rest]);
    }
  };

  // A variable assigned with `=` anywhere (often inside a range) has no single value to read.
  const reassigned = new Set<string>();
  const collectAssigned = (list: readonly Node[]) => {
    for (const n of list) {
      if (n.t === "action" && n.pipe.decl?.assign) n.pipe.decl.names.forEach((name) => reassigned.add(name));
      if (n.t === "if" || n.t === "with" || n.t === "range") {
        collectAssigned(n.then);
        collectAssigned(n.else);
      }
      if (n.t === "define") collectAssigned(n.body);
    }
  };
  parsed.forEach((p) => collectAssigned(p.nodes));

  for (const { file, nodes, valuesRoot } of parsed) {
    // Helpers (_*.tpl) render nothing on their own; NOTES.txt is not an object.
    const base = file.path.split("/").pop() ?? "";
    if (base.startsWith("_") || base === "NOTES.txt") continue;
    const conds: Clause[] = [];
    if (file.subchart?.condition) {
      const path = ["Values", ...file.subchart.condition.split(".")];
      conds.push({ when: { call: "dependencyEnabled", args: [{ path }] }, text: `dependency condition ${file.subchart.condition}` });
    }
    const doc: Doc = { kinds: [], apiVersions: [] };
    let atLineStart = true;
    let pending: "kind" | "apiVersion" | undefined;
    const depth: string[] = [];

    const finish = () => {
      for (const k of doc.kinds) {
        out.objects.push({ template: file.path, kind: k.value, apiVersions: doc.apiVersions, when: k.when });
      }
      doc.kinds = [];
      doc.apiVersions = [];
    };

    const addCandidate = (key: "kind" | "apiVersion", value: string | Value, scope: Scope) => {
      const entry = { value, when: scope.conds };
      if (key === "kind") doc.kinds.push(entry);
      else doc.apiVersions.push(entry);
    };

    const resolvePath = (base: Value, path: readonly string[]): Value => {
      if (path.length === 0) return base;
      if ("path" in base) return { path: [...base.path, ...path] };
      if ("call" in base && base.call === "dict") {
        // (dict "a" x "b" y).a → x
        for (let i = 0; i + 1 < base.args.length; i += 2) {
          const k = base.args[i];
          if ("lit" in k && k.lit === path[0]) return resolvePath(base.args[i + 1], path.slice(1));
        }
        return { unknown: `a key ${path[0]} the dict does not set` };
      }
      if ("unknown" in base) return base;
      return { unknown: `a field of a computed value (.${path.join(".")})` };
    };

    const rootPath = (path: readonly string[], scope: Scope): Value =>
      path[0] === "Values" ? { path: ["Values", ...scope.valuesRoot, ...path.slice(1)] } : { path };

    const resolve = (e: Expr, scope: Scope): Value => {
      switch (e.t) {
        case "lit":
          return { lit: e.v };
        case "field": {
          let v: Value;
          if (e.base.t === "dot") {
            // From the root, `.Values` is relative to the (sub)chart's values.
            v = "path" in scope.dot && scope.dot.path.length === 0 ? rootPath(e.path, scope) : resolvePath(scope.dot, e.path);
          } else if (e.base.t === "var") {
            const bound =
              e.base.name === "$" ? ({ path: [] } as Value) : reassigned.has(e.base.name) ? { unknown: `variable ${e.base.name}, reassigned in the template` } : scope.vars.get(e.base.name);
            if (!bound) v = { unknown: `variable ${e.base.name}` };
            else v = "path" in bound && bound.path.length === 0 ? rootPath(e.path, scope) : resolvePath(bound, e.path);
          } else {
            v = resolvePath(resolve(e.base.expr, scope), e.path);
          }
          noteRead(v, false);
          return v;
        }
        case "method": {
          const target = resolve(e.target, scope);
          const args = e.args.map((a) => resolve(a, scope));
          if ("path" in target && target.path.join(".") === "Capabilities.APIVersions.Has") return { call: "apiVersions.has", args };
          return { unknown: "a method call" };
        }
        case "call": {
          const args = e.args.map((a) => resolve(a, scope));
          if (!INSPECTING.has(e.fn)) for (const a of args) noteRead(a, true);
          if (e.fn === "include" || e.fn === "tpl") {
            const name = args[0] ?? { lit: null };
            if (e.fn === "include" && "lit" in name && typeof name.lit === "string") walkDefine(name.lit, args[1], scope, false);
            return { unknown: `${e.fn} ${"lit" in name ? JSON.stringify(name.lit) : "(computed)"}` };
          }
          if (e.fn === "fail") out.fails.push({ template: file.path, message: args[0] ?? { lit: "" }, when: scope.conds });
          if (e.fn === "required") {
            out.fails.push({
              template: file.path,
              message: args[0] ?? { lit: "" },
              when: [...scope.conds, { when: args[1] ?? { lit: null }, negate: true, text: `required ${e.args[1] ? "value" : ""}` }],
            });
          }
          return { call: e.fn, args };
        }
      }
    };

    const declare = (pipe: Pipeline, value: Value, scope: Scope) => {
      if (!pipe.decl) return;
      const names = pipe.decl.names;
      if (names.length === 1) scope.vars.set(names[0], value);
      else names.forEach((n) => scope.vars.set(n, { unknown: `range variable ${n}` }));
    };

    /** Whether an include's output is written at the top level (not indented into a field). */
    const writesTopLevel = (e: Expr): boolean => {
      if (e.t !== "call") return false;
      if (e.fn === "include") return true;
      if (["trim", "trimSuffix", "nindent", "indent"].includes(e.fn)) {
        const n = e.args[0];
        if ((e.fn === "nindent" || e.fn === "indent") && !(n?.t === "lit" && n.v === 0)) return false;
        return writesTopLevel(e.args[e.args.length - 1]);
      }
      return false;
    };

    const walkDefine = (name: string, arg: Value | undefined, scope: Scope, topLevel: boolean) => {
      const def = defines.get(name);
      if (!def || depth.includes(name) || depth.length > 30) return;
      depth.push(name);
      walk(def.body, { ...scope, dot: arg ?? { lit: null }, vars: new Map(), valuesRoot: def.valuesRoot, topLevel: topLevel && scope.topLevel });
      depth.pop();
    };

    const text = (t: string, scope: Scope) => {
      const lines = t.split("\n");
      lines.forEach((line, i) => {
        const column0 = i > 0 || atLineStart;
        if (pending && i === 0 && !column0) {
          const literal = line.trim().replace(/^["']|["']$/g, "");
          if (literal) addCandidate(pending, literal, scope);
        } else if (scope.topLevel && column0) {
          if (/^---/.test(line)) finish();
          const m = /^(kind|apiVersion):[ \t]*(.*)$/.exec(line);
          if (m) {
            const literal = m[2].replace(/\s+#.*$/, "").trim().replace(/^["']|["']$/g, "");
            if (literal) addCandidate(m[1] as "kind" | "apiVersion", literal, scope);
            else if (i === lines.length - 1) pending = m[1] as "kind" | "apiVersion";
            return;
          }
        }
        if (i < lines.length - 1) pending = undefined;
      });
      atLineStart = t.endsWith("\n");
    };

    const walk = (list: readonly Node[], scope: Scope): void => {
      for (const n of list) {
        switch (n.t) {
          case "text":
            text(n.text, scope);
            break;
          case "define":
            break;
          case "action": {
            const value = resolve(n.pipe.expr, scope);
            if (n.pipe.decl) {
              declare(n.pipe, value, scope);
              break;
            }
            if (pending) {
              addCandidate(pending, value, scope);
              pending = undefined;
            }
            if (writesTopLevel(n.pipe.expr) && atLineStart) {
              // Re-walk the include for its kinds, now as top-level text.
              const inc = findInclude(n.pipe.expr);
              if (inc) walkDefine(inc.name, resolve(inc.arg, scope), scope, true);
            }
            atLineStart = false;
            break;
          }
          case "template":
            walkDefine(n.name, n.arg ? resolve(n.arg.expr, scope) : { lit: null }, scope, atLineStart);
            break;
          case "if":
          case "with":
          case "range": {
            const value = resolve(n.pipe.expr, scope);
            if (n.t === "range") noteRead(value, true);
            const clause: Clause = { when: value, text: `${n.t} ${n.pipe.text}` };
            const inner = new Map(scope.vars);
            if (n.t === "range") declare(n.pipe, UNKNOWN_DOT, { ...scope, vars: inner });
            else declare(n.pipe, value, { ...scope, vars: inner });
            const dot = n.t === "with" ? value : n.t === "range" ? UNKNOWN_DOT : scope.dot;
            walk(n.then, { ...scope, conds: [...scope.conds, clause], dot, vars: inner });
            walk(n.else, { ...scope, conds: [...scope.conds, { ...clause, negate: true }], vars: new Map(scope.vars) });
            break;
          }
        }
      }
    };

    walk(nodes, { conds, dot: { path: [] }, vars: new Map(), valuesRoot, topLevel: true });
    finish();
  }
  // An include is walked once for what it reads and again for what it writes: one fail each.
  const seen = new Set<string>();
  out.fails.splice(0, out.fails.length, ...out.fails.filter((f) => !seen.has(JSON.stringify(f)) && !!seen.add(JSON.stringify(f))));
  return out;
}

function findInclude(e: Expr): { name: string; arg: Expr } | undefined {
  if (e.t !== "call") return undefined;
  if (e.fn === "include") {
    const name = e.args[0];
    return name?.t === "lit" && typeof name.v === "string" ? { name: name.v, arg: e.args[1] ?? { t: "lit", v: null } } : undefined;
  }
  return findInclude(e.args[e.args.length - 1]);
}
