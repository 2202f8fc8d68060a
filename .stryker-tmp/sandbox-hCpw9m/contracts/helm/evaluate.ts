/**
 * Evaluates the stored template conditions (rendered-objects) against a release: its merged
 * values, name and namespace, the chart, the cluster's Kubernetes version and the APIs the
 * estate installs. Three-valued: what depends on something unknown at check time (an
 * include's output, a range element, a lookup) is UNKNOWN, never guessed.
 */
// @ts-nocheck

import type { Clause, Value } from "./rendered-objects";
import { isMap, valueAt } from "./values";

export const UNKNOWN = Symbol("unknown");
type V = unknown;

export interface RenderContext {
  readonly values: Record<string, unknown>;
  readonly release: { readonly Name: string; readonly Namespace: string };
  readonly chart: { readonly Name: string; readonly Version: string; readonly AppVersion?: string };
  /** e.g. "v1.33.13" */
  readonly kubeVersion: string;
  /** Whether the cluster serves "group/version" or "group/version/Kind". */
  readonly hasApi: (apiVersion: string) => boolean;
}

/** Go template truth: false, 0, nil, and empty strings, lists and maps are false. */
export function truthy(v: V): boolean | typeof UNKNOWN {
  if (v === UNKNOWN) return UNKNOWN;
  if (v === undefined || v === null || v === false || v === 0 || v === "") return false;
  if (Array.isArray(v)) return v.length > 0;
  if (isMap(v)) return Object.keys(v).length > 0;
  return true;
}

function semver(v: string): number[] {
  return v.replace(/^v/, "").split(/[-+]/)[0].split(".").map((x) => Number(x) || 0);
}

function compare(a: number[], b: number[]): number {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) - (b[i] ?? 0);
  return 0;
}

/** Masterminds-style constraints as charts write them: ">=1.21-0", "<1.25.0-0, >=1.19", "a || b". */
export function semverSatisfies(constraint: string, version: string): boolean {
  const v = semver(version);
  return constraint.split("||").some((alt) =>
    alt
      .split(/,|\s+(?=[<>=!~^])/)
      .map((t) => t.trim())
      .filter(Boolean)
      .every((term) => {
        const m = /^(>=|<=|!=|=|>|<|~|\^)?\s*v?([0-9][^\s]*)$/.exec(term);
        if (!m) return false;
        const c = compare(v, semver(m[2]));
        switch (m[1] ?? "=") {
          case ">=": return c >= 0;
          case "<=": return c <= 0;
          case ">": return c > 0;
          case "<": return c < 0;
          case "!=": return c !== 0;
          case "~": return c >= 0 && v[0] === semver(m[2])[0] && v[1] === semver(m[2])[1];
          case "^": return c >= 0 && v[0] === semver(m[2])[0];
          default: return c === 0;
        }
      }),
  );
}

function root(ctx: RenderContext): Record<string, unknown> {
  const k = semver(ctx.kubeVersion);
  return {
    Values: ctx.values,
    Release: { ...ctx.release, Service: "Helm", IsInstall: UNKNOWN, IsUpgrade: UNKNOWN },
    Chart: ctx.chart,
    // The Helm inside the Terraform provider is not something this contract knows.
    Capabilities: { KubeVersion: { Version: ctx.kubeVersion, GitVersion: ctx.kubeVersion, Major: String(k[0]), Minor: String(k[1]) }, HelmVersion: UNKNOWN },
  };
}

export function evaluate(v: Value | undefined, ctx: RenderContext): V {
  if (v === undefined) return UNKNOWN;
  if ("lit" in v) return v.lit;
  if ("unknown" in v) return UNKNOWN;
  if ("path" in v) {
    if (v.path[0] === "Files" || v.path[0] === "Template") return UNKNOWN;
    let r: V = root(ctx);
    for (const key of v.path) {
      if (r === UNKNOWN) return UNKNOWN;
      r = isMap(r) ? r[key] : undefined;
    }
    return r;
  }
  const args = () => v.args.map((a) => evaluate(a, ctx));
  switch (v.call) {
    case "dependencyEnabled": {
      // Helm enables a dependency whose condition path is missing.
      const c = evaluate(v.args[0], ctx);
      return c === undefined ? true : truthy(c);
    }
    case "apiVersions.has": {
      const [a] = args();
      return typeof a === "string" ? ctx.hasApi(a) : UNKNOWN;
    }
    case "not": {
      const t = truthy(evaluate(v.args[0], ctx));
      return t === UNKNOWN ? UNKNOWN : !t;
    }
    case "and": {
      let last: V = true;
      for (const a of v.args) {
        last = evaluate(a, ctx);
        const t = truthy(last);
        if (t === false) return last;
        if (t === UNKNOWN) return UNKNOWN;
      }
      return last;
    }
    case "or": {
      let last: V = false;
      let unknown = false;
      for (const a of v.args) {
        last = evaluate(a, ctx);
        const t = truthy(last);
        if (t === true) return unknown ? UNKNOWN : last;
        if (t === UNKNOWN) unknown = true;
      }
      return unknown ? UNKNOWN : last;
    }
    case "default": {
      const a = args();
      if (a.includes(UNKNOWN)) return UNKNOWN;
      const given = a[a.length - 1];
      return truthy(given) ? given : a[0];
    }
    case "coalesce": {
      for (const a of args()) {
        const t = truthy(a);
        if (t === UNKNOWN) return UNKNOWN;
        if (t) return a;
      }
      return undefined;
    }
    case "empty": {
      const t = truthy(evaluate(v.args[0], ctx));
      return t === UNKNOWN ? UNKNOWN : !t;
    }
    case "ternary": {
      const [a, b, c] = args();
      const t = truthy(c);
      return t === UNKNOWN ? UNKNOWN : t ? a : b;
    }
    case "hasKey": {
      const [m, k] = args();
      if (m === UNKNOWN || k === UNKNOWN) return UNKNOWN;
      return isMap(m) && typeof k === "string" && k in m;
    }
    case "semverCompare": {
      const [c, ver] = args();
      return typeof c === "string" && typeof ver === "string" ? semverSatisfies(c, ver) : UNKNOWN;
    }
    case "eq":
    case "ne":
    case "lt":
    case "le":
    case "gt":
    case "ge": {
      const a = args();
      if (a.includes(UNKNOWN)) return UNKNOWN;
      const [x, ...ys] = a.map((e) => (e === undefined ? null : e));
      switch (v.call) {
        case "eq": return ys.some((y) => y === x);
        case "ne": return ys[0] !== x;
        case "lt": return (x as number) < (ys[0] as number);
        case "le": return (x as number) <= (ys[0] as number);
        case "gt": return (x as number) > (ys[0] as number);
        default: return (x as number) >= (ys[0] as number);
      }
    }
    case "len": {
      const [a] = args();
      if (a === UNKNOWN) return UNKNOWN;
      return typeof a === "string" || Array.isArray(a) ? a.length : isMap(a) ? Object.keys(a).length : 0;
    }
    case "index": {
      const [m, ...keys] = args();
      if (m === UNKNOWN || keys.includes(UNKNOWN)) return UNKNOWN;
      return valueAt(m, keys.map(String));
    }
    case "toString":
    case "quote":
    case "print": {
      const a = args();
      return a.includes(UNKNOWN) ? UNKNOWN : a.map((x) => (x === undefined || x === null ? "" : String(x))).join("");
    }
    case "list":
      return args();
    case "dict": {
      const a = args();
      const out: Record<string, unknown> = {};
      for (let i = 0; i + 1 < a.length; i += 2) out[String(a[i])] = a[i + 1];
      return out;
    }
    default:
      return UNKNOWN;
  }
}

/** Whether every clause holds: true, false, or UNKNOWN with the first clause that could not be decided. */
export function holds(clauses: readonly Clause[], ctx: RenderContext): { readonly result: boolean | typeof UNKNOWN; readonly undecided?: Clause } {
  let undecided: Clause | undefined;
  for (const c of clauses) {
    const t = truthy(evaluate(c.when, ctx));
    if (t === UNKNOWN) {
      undecided ??= c;
      continue;
    }
    if (t === !!c.negate) return { result: false };
  }
  return undecided ? { result: UNKNOWN, undecided } : { result: true };
}

/** A clause as the chart writes it, for messages: "if .Values.x", "not (if .Values.x)". */
export function clauseText(c: Clause): string {
  return c.negate ? `not (${c.text})` : c.text;
}
