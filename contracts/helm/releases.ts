/** The estate's Helm releases as synthesized, and the stored contract of each one's chart. */
import YAML from "yaml";
import { readTerraformLiteral } from "../../constructs/terraform-literal";
import type { SynthesizedStack } from "../contract";
import { readProvenance, readStoredJson, Provenance } from "../stored";
import { locate, resourcesOfType } from "../synthesized";
import type { StoredCrd } from "../kubernetes/crd";
import type { ChartTemplates } from "./rendered-objects";
import { helmChartContract, helmIndexContract } from "./chart-sources";
import { coalesceValues, isMap, Values } from "./values";

/** What the index lists for a chart, newest first as published. */
export interface PublishedVersions {
  readonly repositoryUrl: string;
  readonly chart: string;
  /** "index" when read from the repository's index.yaml, "tags" when from release tags, "branch" when from the chart's pushes (see chart-sources). */
  readonly from: "index" | "tags" | "branch";
  readonly versions: readonly string[];
}

/** A remote dependency the chart pulls at packaging time: not in its git tree, so not analysed. */
export interface RemoteDependency {
  readonly name: string;
  readonly repository: string;
  readonly version: string;
  readonly condition?: string;
}

/** chart.json of a stored chart contract. */
export interface StoredChart {
  readonly repositoryUrl: string;
  readonly name: string;
  readonly version: string;
  readonly appVersion?: string;
  readonly tag: string;
  readonly hasSchema: boolean;
  readonly remoteDependencies: readonly RemoteDependency[];
}

export interface Release {
  readonly stack: string;
  readonly address: string;
  readonly repository: string;
  readonly chart: string;
  readonly version: string;
  readonly name: string;
  readonly namespace: string;
  /** The release's own values (every `values` document, later ones over earlier ones). */
  readonly values: Values;
}

/**
 * A later values document over an earlier one, nulls kept: a null deletes a chart default
 * only when the values are coalesced with the defaults (mergedValues), so it must survive until then.
 */
function overlayValues(base: Values, over: Values): Values {
  const out: Values = { ...base };
  for (const [key, value] of Object.entries(over)) out[key] = isMap(value) && isMap(base[key]) ? overlayValues(base[key] as Values, value) : value;
  return out;
}

/** Every helm_release of the estate. */
export function readReleases(stacks: readonly SynthesizedStack[]): Release[] {
  return resourcesOfType(stacks, "helm_release").map((r) => {
    const docs = ((r.body.values ?? []) as string[]).map((text, i) => {
      const parsed = YAML.parse(readTerraformLiteral(text)) ?? {};
      if (!isMap(parsed)) throw new Error(`${locate(r.stack, r.address, ["values", i])}: values are not a YAML map`);
      return parsed;
    });
    return {
      stack: r.stack,
      address: r.address,
      repository: String(r.body.repository),
      chart: String(r.body.chart),
      version: String(r.body.version),
      name: String(r.body.name),
      namespace: String(r.body.namespace ?? "default"),
      values: docs.reduce<Values>(overlayValues, {}),
    };
  });
}

/** A chart's stored contract: what `npm run contracts -- helm-charts` wrote for its pinned version. */
export interface ChartContract {
  readonly name: string;
  readonly provenance: Provenance;
  readonly chart: StoredChart;
  readonly defaults: Values;
  readonly schema?: object;
  readonly templates: ChartTemplates;
  readonly crds: readonly StoredCrd[];
}

export function readChartContract(chart: string): ChartContract {
  const name = helmChartContract(chart);
  const stored = readStoredJson<StoredChart>(name, "chart.json");
  return {
    name,
    provenance: readProvenance(name),
    chart: stored,
    defaults: readStoredJson<Values>(name, "values.json"),
    schema: stored.hasSchema ? readStoredJson<object>(name, "values.schema.json") : undefined,
    templates: readStoredJson<ChartTemplates>(name, "templates.json"),
    crds: readStoredJson<StoredCrd[]>(name, "crds.json"),
  };
}

export function readPublished(chart: string): { provenance: Provenance; published: PublishedVersions } {
  const name = helmIndexContract(chart);
  return { provenance: readProvenance(name), published: readStoredJson<PublishedVersions>(name, "published.json") };
}

/** The release's values as the chart sees them: its defaults under the release's values. */
export function mergedValues(release: Release, contract: ChartContract): Values {
  return coalesceValues(release.values, contract.defaults);
}
