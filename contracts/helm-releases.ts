/**
 * Every helm_release against its chart, as stored by `npm run contracts -- helm-charts`:
 * the version is one the chart repository published; the values validate against the
 * chart's values.schema.json, or, for a chart without one, every key is a default or read by
 * a template (Helm ignores other keys silently); and what the templates render with these
 * values needs only kinds the cluster serves once the estate is applied.
 */
import Ajv from "ajv";
import Ajv2019 from "ajv/dist/2019";
import Ajv2020 from "ajv/dist/2020";
import { ContractCheck, ContractFinding, ValidateInput } from "./contract";
import { chartSource } from "./helm/chart-sources";
import { clauseText, evaluate, holds, UNKNOWN } from "./helm/evaluate";
import { ChartContract, readPublished, Release } from "./helm/releases";
import type { Clause, RenderedObject, Value } from "./helm/rendered-objects";
import { isMap, leafPaths, valueAt, Values } from "./helm/values";
import { KUBERNETES_API } from "./kubernetes/cluster-apis";
import { apiVersionOf, estateApis, InstalledKind, renderContext, splitApiVersion } from "./kubernetes/installed-apis";
import { upstreamLabel } from "./stored";
import { locate } from "./synthesized";

const show = (v: unknown) => JSON.stringify(v);

function valuesWhere(r: Release, path: readonly (string | number)[]): string {
  return `${locate(r.stack, r.address, ["values"])}${path.length ? `.${path.join(".")}` : ""}`;
}

/** The published versions around `version`, for the message. */
function nearby(versions: readonly string[], version: string): string {
  const sorted = [...versions].filter((v) => !v.includes("-")).reverse();
  const [maj, min] = version.split(".");
  const close = sorted.filter((v) => v.startsWith(`${maj}.${min}.`) || v.startsWith(`${maj}.${Number(min) + 1}.`));
  return `${(close.length ? close : sorted.slice(-5)).join(", ")}; newest ${versions[0]}`;
}

function checkPublished(r: Release): ContractFinding[] {
  const { provenance, published } = readPublished(r.chart);
  if (published.versions.includes(r.version)) return [];
  return [
    {
      where: locate(r.stack, r.address, ["version"]),
      problem: `chart ${r.chart} version ${show(r.version)} was never published by ${r.repository}; published versions near it: ${nearby(published.versions, r.version)}; if it was released after the stored index was read (a Renovate bump), regenerate the chart's contracts: npm run contracts -- helm-charts crd-models`,
      upstream: upstreamLabel(provenance, published.from === "tags" ? "release tags" : provenance.sources[0]),
    },
  ];
}

/** Compiled validators by schema text: compiling a chart's schema costs far more than reading it. */
const validators = new Map<string, ReturnType<typeof compileSchema>>();

function schemaValidator(schema: object) {
  const key = JSON.stringify(schema);
  let validate = validators.get(key);
  if (!validate) validators.set(key, (validate = compileSchema(schema)));
  return validate;
}

function compileSchema(schema: object) {
  const draft = String((schema as { $schema?: string }).$schema ?? "");
  const options = { strict: false, allErrors: true, validateFormats: false };
  if (draft.includes("2020-12")) return new Ajv2020(options).compile(schema);
  if (draft.includes("2019-09")) return new Ajv2019(options).compile(schema);
  // Draft-07 (its vocabulary holds draft-06's), whatever URL spells it (crowdsec's draft-06,
  // metallb's https://): Ajv knows the meta-schema only as http://json-schema.org/draft-07/schema.
  const { $schema: _spelling, ...rest } = schema as { $schema?: string };
  return new Ajv(options).compile(rest);
}

function checkValues(r: Release, contract: ChartContract, merged: Values): ContractFinding[] {
  const upstreamOf = (file: string) => upstreamLabel(contract.provenance, `${contract.chart.tag} ${file}`);
  const findings: ContractFinding[] = [];
  if (contract.schema) {
    // Helm validates the merged values, defaults included, against the chart's schema.
    const validate = schemaValidator(contract.schema);
    if (!validate(merged)) {
      for (const e of validate.errors ?? []) {
        const path = e.instancePath.split("/").filter(Boolean).map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"));
        const extra = (e.params as { additionalProperty?: string }).additionalProperty;
        const at = extra ? [...path, extra] : path;
        const allowed = e.keyword === "enum" ? `: allowed ${((e.params as { allowedValues: unknown[] }).allowedValues ?? []).map(show).join(", ")}` : "";
        findings.push({
          where: valuesWhere(r, at),
          problem: `${show(valueAt(merged, at))} ${extra ? "is not a value the chart declares (additionalProperties: false)" : e.message}${allowed} (values.schema.json ${e.schemaPath})`,
          upstream: upstreamOf("values.schema.json"),
        });
      }
    }
  }
  // Where no schema forbids it, Helm ignores a key no template reads. A key is known when the
  // chart's defaults have it, a template reads it, a template hands a map above it on whole
  // (toYaml, range …), or the schema declares it.
  const reads = new Set(contract.templates.reads.map((p) => JSON.stringify(p)));
  const whole = new Set(contract.templates.whole.map((p) => JSON.stringify(p)));
  const reported = new Set(findings.map((f) => f.where));
  for (const path of leafPaths(r.values).filter((p) => p.length > 0)) {
    const known =
      reads.has(JSON.stringify(path)) ||
      hasKey(contract.defaults, path) ||
      path.some((_, i) => whole.has(JSON.stringify(path.slice(0, i + 1)))) ||
      (contract.schema !== undefined && schemaDeclares(contract.schema, path));
    if (known || reported.has(valuesWhere(r, path))) continue;
    const parent = path.slice(0, -1);
    const siblings = parent.length ? valueAt(contract.defaults, parent) : contract.defaults;
    const names = isMap(siblings) ? Object.keys(siblings) : [];
    findings.push({
      where: valuesWhere(r, path),
      problem: `${show(valueAt(r.values, path))} is not a value of chart ${r.chart} ${r.version}: no default and no template reads it, so Helm ignores it silently; ${
        names.length ? `values under ${parent.join(".") || "the top level"}: ${names.join(", ")}` : `${parent.join(".")} has no values of its own`
      }`,
      upstream: upstreamOf(contract.schema ? "values.yaml, values.schema.json and templates/" : "values.yaml and templates/"),
    });
  }
  return findings;
}

/** Whether a JSON schema declares a values path (by properties, or a map schema on the way). */
function schemaDeclares(schema: any, path: readonly string[]): boolean {
  let node = schema;
  for (const key of path) {
    if (!node || typeof node !== "object") return false;
    if (node.properties && key in node.properties) node = node.properties[key];
    else return typeof node.additionalProperties === "object" || node.additionalProperties === true || !!node.patternProperties;
  }
  return true;
}

function hasKey(values: unknown, path: readonly string[]): boolean {
  const parent = valueAt(values, path.slice(0, -1));
  return isMap(parent) && path[path.length - 1] in parent;
}

function describeGuards(when: readonly Clause[]): string {
  return when.length ? `when ${when.map(clauseText).join(" and ")}` : "always";
}

function checkRendered(r: Release, contract: ChartContract, installed: readonly InstalledKind[], hasApi: (a: string) => boolean): ContractFinding[] {
  const ctx = renderContext(r, contract, hasApi);
  const findings: ContractFinding[] = [];
  const upstream = (template: string) => upstreamLabel(contract.provenance, `${contract.chart.tag} ${template}`);
  const where = locate(r.stack, r.address);
  const asText = (v: string | Value): string | undefined => {
    if (typeof v === "string") return v;
    const e = evaluate(v, ctx);
    return typeof e === "string" ? e : undefined;
  };
  const seen = new Set<string>();
  for (const o of contract.templates.objects as RenderedObject[]) {
    const guard = holds(o.when, ctx);
    if (guard.result === false) continue;
    const kind = asText(o.kind);
    const apiVersions = o.apiVersions.filter((a) => holds(a.when, ctx).result !== false).map((a) => asText(a.value));
    const isInstalled = (apiVersion: string | undefined) =>
      kind !== undefined &&
      installed.some((k) => k.kind === kind && (apiVersion === undefined || apiVersionOf(k) === apiVersion) && !(k.crd && !k.crd.served));
    if (kind !== undefined && (apiVersions.length === 0 ? isInstalled(undefined) : apiVersions.some(isInstalled))) continue;
    const shown = `${apiVersions.filter(Boolean).join(" or ") || "(computed apiVersion)"} ${kind ?? "(computed kind)"}`;
    const key = `${o.template} ${shown}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const groups = apiVersions.filter((a): a is string => !!a).map((a) => splitApiVersion(a).group);
    const servedElsewhere = installed.filter((k) => k.kind === kind && (groups.length === 0 || groups.includes(k.group))).map(apiVersionOf);
    findings.push({
      where,
      problem:
        `${guard.result === UNKNOWN ? "may render" : "renders"} ${shown} (${o.template}, ${describeGuards(o.when)})` +
        (guard.result === UNKNOWN ? ` [could not decide ${clauseText(guard.undecided!)} offline]` : "") +
        `, which nothing the estate applies serves: not Kubernetes ${KUBERNETES_API.version}, no chart of the estate, no declared external source (contracts/kubernetes/cluster-apis.ts)` +
        (servedElsewhere.length ? `; served versions: ${[...new Set(servedElsewhere)].join(", ")}` : "") +
        `; set values so the chart does not render it, or install what serves it`,
      upstream: upstream(o.template),
    });
  }
  for (const f of contract.templates.fails) {
    if (holds(f.when, ctx).result !== true) continue;
    const message = evaluate(f.message, ctx);
    findings.push({
      where,
      problem: `the chart refuses to render with these values (${f.template}, ${describeGuards(f.when)}): ${typeof message === "string" ? message.trim() : "a computed message"}`,
      upstream: upstream(f.template),
    });
  }
  for (const dep of contract.chart.remoteDependencies) {
    const enabled = dep.condition ? holds([{ when: { call: "dependencyEnabled", args: [{ path: ["Values", ...dep.condition.split(".")] }] }, text: dep.condition }], ctx) : { result: true };
    if (enabled.result === false) continue;
    findings.push({
      where,
      problem: `installs dependency ${dep.name} ${dep.version} from ${dep.repository}, whose templates and CRDs this contract does not read${dep.condition ? `; set ${dep.condition}: false unless it is wanted` : ""}`,
      upstream: upstream("Chart.yaml"),
    });
  }
  return findings;
}

export function checkHelmReleases(input: ValidateInput): ContractFinding[] {
  const apis = estateApis(input.stacks);
  return apis.releases.flatMap(({ release: r, contract, missing }) => {
    if (!chartSource(r.repository, r.chart)) {
      return [
        {
          where: locate(r.stack, r.address, ["repository"]),
          problem: `no upstream source is recorded for chart ${r.chart} of ${show(r.repository)}; add it to contracts/helm/chart-sources.ts and run npm run contracts -- helm-charts`,
          upstream: "contracts/helm/chart-sources.ts",
        },
      ];
    }
    let published: ContractFinding[];
    try {
      published = checkPublished(r);
    } catch (e) {
      return [{ where: locate(r.stack, r.address, ["version"]), problem: (e as Error).message, upstream: "npm run contracts -- helm-charts" }];
    }
    if (published.length || !contract) {
      return published.length ? published : [{ where: locate(r.stack, r.address, ["version"]), problem: missing!, upstream: "npm run contracts -- helm-charts" }];
    }
    const merged = renderContext(r, contract, apis.hasApi).values;
    return [...checkValues(r, contract, merged), ...checkRendered(r, contract, apis.kinds, apis.hasApi)];
  });
}

export const helmReleases: ContractCheck = {
  id: "helm-releases",
  description:
    "every helm_release pins a published chart version, its values validate against the chart's values.schema.json (or name only values the chart has), and what it renders needs only kinds the estate's cluster serves",
  check: checkHelmReleases,
};
