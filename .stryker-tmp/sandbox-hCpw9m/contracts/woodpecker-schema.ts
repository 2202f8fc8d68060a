/**
 * Every workflow against Woodpecker's own JSON schema (draft-07, the one its linter embeds and
 * validates with gojsonschema), at the server version the operator runs.
 *
 * A schema of alternatives (a step is a commands step or a plugin step; steps are a list or a
 * map) makes a validator report every alternative's complaints. Woodpecker's linter drops a
 * composition error when a more specific one exists at the same place (schema.go); here, in
 * addition, only the alternative the workflow got furthest into is reported, so a `secrets:`
 * key on a commands step reads as "unknown key secrets", not also as "a plugin step has no
 * commands".
 */
// @ts-nocheck

import Ajv, { ErrorObject, ValidateFunction } from "ajv";
import { ContractCheck, ContractFinding, ValidateInput } from "./contract";
import { readProvenance, readStoredJson, upstreamLabel } from "./stored";
import { WOODPECKER_CONTRACT } from "./woodpecker-stored";
import { parseWorkflow, Path, workflowLocation } from "./woodpecker-workflow";

const SCHEMA_FILE = "pipeline/frontend/yaml/linter/schema/schema.json";

/** The schema with every local $ref replaced by its target (it has no cycles), so error schema paths run from the root. */
function dereference(node: unknown, root: Record<string, any>): unknown {
  if (Array.isArray(node)) return node.map((n) => dereference(n, root));
  if (node === null || typeof node !== "object") return node;
  const ref = (node as { $ref?: unknown }).$ref;
  if (typeof ref === "string") {
    const target = ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<any>((at, key) => at?.[key], root);
    if (target === undefined) throw new Error(`${SCHEMA_FILE}: unresolved $ref ${ref}`);
    return dereference(target, root);
  }
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === "definitions" ? {} : dereference(v, root)]));
}

let compiled: ValidateFunction | undefined;
function validator(): ValidateFunction {
  if (!compiled) {
    const schema = readStoredJson<Record<string, any>>(WOODPECKER_CONTRACT, "schema.json");
    // gojsonschema checks "uri" as an absolute URI; the WHATWG parser accepts the same shapes that matter here.
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: false, formats: { uri: (s: string) => URL.canParse(s) } });
    compiled = ajv.compile(dereference(schema, schema) as object);
  }
  return compiled;
}

const COMPOSITIONS = new Set(["anyOf", "oneOf"]);
const depth = (e: ErrorObject) => (e.instancePath ? e.instancePath.split("/").length - 1 : 0);
const under = (path: string, parent: string) => path === parent || path.startsWith(`${parent}/`);

/**
 * The errors that explain the failure: for every anyOf/oneOf, only the errors of the alternative
 * the document got furthest into (deepest error, then fewest errors); a composition error itself
 * only when no alternative explains it (a oneOf matched twice).
 */
export function explainingErrors(errors: readonly ErrorObject[]): ErrorObject[] {
  let kept = [...errors];
  const compositions = kept.filter((e) => COMPOSITIONS.has(e.keyword)).sort((a, b) => a.schemaPath.length - b.schemaPath.length);
  for (const c of compositions) {
    if (!kept.includes(c)) continue;
    const inside = (e: ErrorObject, i: number) => e.schemaPath.startsWith(`${c.schemaPath}/${i}/`) && under(e.instancePath, c.instancePath);
    const branches = (c.schema as unknown[]).map((_, i) => kept.filter((e) => inside(e, i)));
    const failing = branches.filter((b) => b.length);
    if (failing.length === 0) continue;
    const best = failing.reduce((a, b) => {
      const [da, db] = [Math.max(...a.map(depth)), Math.max(...b.map(depth))];
      return db > da || (db === da && b.length < a.length) ? b : a;
    });
    const dropped = new Set(failing.filter((b) => b !== best).flat());
    dropped.add(c);
    kept = kept.filter((e) => !dropped.has(e));
  }
  // An if/then/else failure is explained by the errors of the branch that failed.
  const branchFailed = (e: ErrorObject) =>
    e.keyword === "if" && kept.some((x) => x.schemaPath.startsWith(e.schemaPath.replace(/\/if$/, `/${e.params.failingKeyword}/`)));
  // The same complaint reached through two alternatives is one finding.
  const seen = new Set<string>();
  return kept.filter((e) => {
    if (branchFailed(e)) return false;
    const key = `${e.instancePath} ${e.keyword} ${JSON.stringify(e.params)}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

function kindOf(value: unknown): string {
  const kind = value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
  return `${/^[aeiou]/.test(kind) ? "an" : "a"} ${kind}`;
}

/** The path of an error as segments, pointing at the offending key for an unknown key. */
function pathOf(e: ErrorObject): Path {
  const segments = e.instancePath
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  return e.keyword === "additionalProperties" ? [...segments, e.params.additionalProperty] : segments;
}

/** What is wrong, with the bad value and what the schema allows. */
function problemOf(e: ErrorObject): string {
  switch (e.keyword) {
    case "additionalProperties": {
      const allowed = Object.keys((e.parentSchema as { properties?: object })?.properties ?? {});
      return `unknown key ${JSON.stringify(e.params.additionalProperty)}; allowed here: ${allowed.join(", ") || "none"}`;
    }
    case "enum":
      return `${show(e.data)} is not allowed; allowed: ${(e.params.allowedValues as unknown[]).map(show).join(", ")}`;
    case "const":
      return `${show(e.data)} is not allowed; allowed: ${show(e.params.allowedValue)}`;
    case "type":
      return `${show(e.data)} is ${kindOf(e.data)}; allowed: ${[e.params.type].flat().join(" or ")}`;
    case "required":
      return `missing ${JSON.stringify(e.params.missingProperty)}, which is required here`;
    default:
      return `${show(e.data)}: ${e.message}`;
  }
}

/** Findings for one workflow: a YAML error, or every schema violation that explains the failure. */
export function checkWorkflowSchema(file: string, text: string): ContractFinding[] {
  const provenance = readProvenance(WOODPECKER_CONTRACT);
  const upstream = upstreamLabel(provenance, SCHEMA_FILE);
  const parsed = parseWorkflow({ file, text });
  if (parsed.error !== undefined) return [{ where: file, problem: `not valid YAML: ${parsed.error}`, upstream }];
  const validate = validator();
  if (validate(parsed.doc)) return [];
  return explainingErrors(validate.errors ?? []).map((e) => ({ where: workflowLocation(file, pathOf(e)), problem: problemOf(e), upstream }));
}

export const woodpeckerSchema: ContractCheck = {
  id: "woodpecker-schema",
  description: "every .woodpecker workflow validates against Woodpecker's own workflow JSON schema",
  check: (input: ValidateInput) => input.workflows.flatMap((w) => checkWorkflowSchema(w.file, w.text)),
};
