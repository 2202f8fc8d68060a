/**
 * Traefik's labels (here: Consul service tags) read the way its label parser reads them:
 * the Consul Catalog provider keeps `traefik.enable` and `traefik.consulcatalog.*` for
 * itself and decodes only the prefixes labels.json lists into the dynamic configuration;
 * each dot-separated segment names a struct field by its Go name, case-insensitively
 * (traefik/paerser), a map key, or `[n]` a list element; a list of scalars is one
 * comma-separated value. What the parser would ignore or refuse is a problem here, and so
 * is a router rule with a matcher Traefik lacks.
 */
import { parseRule, ruleMatchers } from "../jobspecs/traefik-rule";
import { closest, GoStructSchema, WireField, WireStruct, WireType } from "./go-struct-schema";

export interface TraefikLabelContract {
  readonly dynamic: GoStructSchema;
  readonly provider: GoStructSchema;
  /** The label prefixes each decoder keeps. */
  readonly labels: { readonly dynamic: readonly string[]; readonly provider: readonly string[] };
  /** HTTP rule matcher → the argument counts it takes. */
  readonly matchers: Readonly<Record<string, readonly number[]>>;
}

export interface LabelProblem {
  readonly problem: string;
  /** The upstream file that says so. */
  readonly file: string;
}

const BOOL = /^(1|t|T|TRUE|true|True|0|f|F|FALSE|false|False)$/;

function scalarProblem(type: WireType, value: string): string | undefined {
  switch (type.kind) {
    case "bool":
      return BOOL.test(value) ? undefined : "expected true or false";
    case "int":
      return (type.unsigned ? /^\+?\d+$/ : /^[+-]?\d+$/).test(value) ? undefined : `expected ${type.unsigned ? "a non-negative " : "an "}integer`;
    case "float":
      return value.trim() !== "" && Number.isFinite(Number(value)) ? undefined : "expected a number";
    default:
      return undefined;
  }
}

/** What is wrong with an HTTP router rule: a matcher Traefik lacks, a wrong number of arguments, or no parse. */
export function ruleProblem(rule: string, matchers: Readonly<Record<string, readonly number[]>>): string | undefined {
  let calls;
  try {
    calls = ruleMatchers(parseRule(rule));
  } catch (err) {
    return (err as Error).message;
  }
  const names = Object.keys(matchers);
  for (const call of calls) {
    // Traefik registers each matcher as written, in lower case, upper case and title case.
    const name = names.find((n) => [n, n.toLowerCase(), n.toUpperCase(), n[0] + n.slice(1).toLowerCase()].includes(call.name));
    if (!name) {
      const guess = closest(call.name, names);
      return `rule uses matcher ${call.name}, which Traefik does not have;${guess ? ` did you mean ${guess}?` : ""} allowed: ${names.join(", ")}`;
    }
    if (!matchers[name].includes(call.args.length)) return `rule passes ${call.args.length} argument(s) to ${name}, which takes ${matchers[name].join(" or ")}`;
  }
  return undefined;
}

/** The problems of one `key=value` label; none when Traefik reads it as meant. */
export function labelProblems(key: string, value: string, contract: TraefikLabelContract): LabelProblem[] {
  const keeps = (prefixes: readonly string[]) => prefixes.some((p) => key === p.replace(/\.$/, "") || key.startsWith(p.endsWith(".") ? p : `${p}.`));
  const schema = keeps(contract.labels.provider) ? contract.provider : keeps(contract.labels.dynamic) ? contract.dynamic : undefined;
  if (!schema) {
    return [
      {
        problem: `label ${key} is read by no decoder, so Traefik ignores it; allowed: labels under ${[...contract.labels.provider, ...contract.labels.dynamic].map((p) => p.replace(/\.$/, "")).join(", ")}`,
        file: "pkg/config/label/label.go",
      },
    ];
  }
  const segments = key.split(".").slice(1);
  let type: WireType = { kind: "struct", name: schema.root };
  let file = schema.structs[schema.root].file;
  let owner = "";
  for (const [i, segment] of segments.entries()) {
    const at = `traefik.${segments.slice(0, i).join(".")}`;
    if (type.kind === "struct") {
      const struct: WireStruct = schema.structs[type.name];
      file = struct.file;
      const entry: [string, WireField] | undefined = Object.entries(struct.fields).find(([wire, f]) => [wire, f.goName ?? wire].some((n) => n.toLowerCase() === segment.toLowerCase()));
      if (!entry) {
        const names = Object.keys(struct.fields);
        const guess = closest(segment, names);
        return [{ problem: `label ${key}: ${at} (${type.name}) has no field ${JSON.stringify(segment)};${guess ? ` did you mean ${guess}?` : ""} allowed: ${names.join(", ")}`, file }];
      }
      owner = `${type.name}.${entry[0]}`;
      type = entry[1].type;
    } else if (type.kind === "map") {
      type = type.elem;
    } else if (type.kind === "list" && /^\[\d+\]$/.test(segment)) {
      type = type.elem;
    } else {
      return [{ problem: `label ${key}: ${owner} is ${type.kind === "list" ? "a list, indexed as [n]" : `a ${type.kind}`}, so nothing goes below it`, file }];
    }
  }
  if (type.kind === "struct" || type.kind === "map") {
    // A struct Traefik tags allowEmpty (router tls …) may stand alone as "true".
    return value === "true" ? [] : [{ problem: `label ${key}: ${owner} is an object; a label names one of its fields`, file }];
  }
  const items = type.kind === "list" ? value.split(",") : [value];
  const elem = type.kind === "list" ? type.elem : type;
  for (const item of items) {
    const bad = scalarProblem(elem, item.trim());
    if (bad) return [{ problem: `label ${key}: ${JSON.stringify(item)} does not fit ${owner}: ${bad}`, file }];
  }
  if (owner === "Router.rule") {
    const bad = ruleProblem(value, contract.matchers);
    if (bad) return [{ problem: `label ${key}: ${bad}`, file: "pkg/muxer/http/matcher.go" }];
  }
  return [];
}
