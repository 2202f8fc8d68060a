/**
 * The kinds the cluster serves once the estate is applied: Kubernetes' built-in kinds at the
 * cluster's release, the CRDs the estate's charts install with their releases' values, and
 * the CRDs of the declared external sources.
 */
// @ts-nocheck

import { readProvenance, readStoredJson, upstreamLabel } from "../stored";
import { holds, RenderContext, UNKNOWN } from "../helm/evaluate";
import type { SynthesizedStack } from "../contract";
import { ChartContract, mergedValues, readChartContract, readReleases, Release } from "../helm/releases";
import { API_SERVER_OWN_KINDS, EXTERNAL_CRD_SOURCES, externalCrdContract, KUBERNETES_API, KUBERNETES_API_CONTRACT } from "./cluster-apis";
import type { StoredCrd } from "./crd";

export interface InstalledKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
  /** Who installs it, as findings cite it: "kubernetes@1.33.13 kubernetes/api", "traefik@37.1.2 traefik/crds/…". */
  readonly upstream: string;
  /** For CRDs: the CRD and the stored contract holding its schemas. */
  readonly crd?: { readonly contract: string; readonly record: StoredCrd; readonly served: boolean };
  /** Whether the chart's guards for this CRD could not be decided (then it counts as installed). */
  readonly undecided?: string;
}

export const apiVersionOf = (k: { group: string; version: string }) => (k.group ? `${k.group}/${k.version}` : k.version);

export function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const i = apiVersion.lastIndexOf("/");
  return i < 0 ? { group: "", version: apiVersion } : { group: apiVersion.slice(0, i), version: apiVersion.slice(i + 1) };
}

/** The built-in kinds of the cluster's Kubernetes release. */
export function builtinKinds(): InstalledKind[] {
  const provenance = readProvenance(KUBERNETES_API_CONTRACT);
  const upstream = upstreamLabel(provenance, `${KUBERNETES_API.repository} testdata/HEAD`);
  const own = API_SERVER_OWN_KINDS.map((k) => ({ ...k, upstream: `kubernetes@${KUBERNETES_API.version} (the API server's own ${k.group})` }));
  return [...readStoredJson<Array<{ group: string; version: string; kind: string }>>(KUBERNETES_API_CONTRACT, "kinds.json").map((k) => ({ ...k, upstream })), ...own];
}

function crdKinds(contract: string, crds: readonly StoredCrd[], label: (crd: StoredCrd) => string, undecided?: (crd: StoredCrd) => string | undefined): InstalledKind[] {
  return crds.flatMap((crd) =>
    crd.versions.map((v) => ({
      group: crd.group,
      version: v.name,
      kind: crd.kind,
      upstream: label(crd),
      crd: { contract, record: crd, served: v.served },
      ...(undecided?.(crd) ? { undecided: undecided(crd) } : {}),
    })),
  );
}

/** The CRDs of the declared external sources. */
export function externalKinds(): InstalledKind[] {
  return EXTERNAL_CRD_SOURCES.flatMap((source) => {
    const contract = externalCrdContract(source.project);
    const provenance = readProvenance(contract);
    return crdKinds(contract, readStoredJson<StoredCrd[]>(contract, "crds.json"), (crd) => upstreamLabel(provenance, crd.source));
  });
}

/** The render context of a release: its merged values, the cluster's version, and what the cluster serves. */
export function renderContext(release: Release, contract: ChartContract, hasApi: (apiVersion: string) => boolean): RenderContext {
  return {
    values: mergedValues(release, contract),
    release: { Name: release.name, Namespace: release.namespace },
    chart: { Name: contract.chart.name, Version: contract.chart.version, AppVersion: contract.chart.appVersion },
    kubeVersion: `v${KUBERNETES_API.version}`,
    hasApi,
  };
}

/** The CRDs a release installs with its values; guards that cannot be decided count as installed, and say so. */
export function releaseKinds(release: Release, contract: ChartContract, hasApi: (apiVersion: string) => boolean): InstalledKind[] {
  const ctx = renderContext(release, contract, hasApi);
  const decided = new Map(contract.crds.map((crd) => [crd, crd.when ? holds(crd.when, ctx) : { result: true as const }]));
  return crdKinds(
    contract.name,
    contract.crds.filter((crd) => decided.get(crd)!.result !== false),
    (crd) => upstreamLabel(contract.provenance, crd.source),
    (crd) => {
      const d = decided.get(crd)!;
      return d.result === UNKNOWN ? d.undecided?.text : undefined;
    },
  );
}

/** A lookup of what the cluster serves, by "group/version" or "group/version/Kind". */
export function apiIndex(kinds: readonly InstalledKind[]): (apiVersion: string) => boolean {
  const known = new Set<string>();
  for (const k of kinds) {
    if (k.crd && !k.crd.served) continue;
    known.add(apiVersionOf(k));
    known.add(`${apiVersionOf(k)}/${k.kind}`);
  }
  return (apiVersion) => known.has(apiVersion);
}

/** A release with its chart's stored contract, or why there is none to check it against. */
export interface CheckedRelease {
  readonly release: Release;
  readonly contract?: ChartContract;
  readonly missing?: string;
}

export interface EstateApis {
  readonly releases: readonly CheckedRelease[];
  /** Every kind served once the estate is applied. */
  readonly kinds: readonly InstalledKind[];
  readonly hasApi: (apiVersion: string) => boolean;
}

/** What the estate's cluster serves: built-ins, external sources, and what each release installs with its values. */
export function estateApis(stacks: readonly SynthesizedStack[]): EstateApis {
  const releases: CheckedRelease[] = readReleases(stacks).map((release) => {
    let contract: ChartContract;
    try {
      contract = readChartContract(release.chart);
    } catch (e) {
      return { release, missing: (e as Error).message };
    }
    if (contract.chart.version !== release.version || contract.chart.repositoryUrl !== release.repository) {
      return {
        release,
        missing: `the stored contract ${contract.name} is for ${contract.chart.repositoryUrl} ${contract.chart.version}, not ${release.repository} ${release.version}: run npm run contracts -- helm-charts`,
      };
    }
    return { release, contract };
  });
  const base = [...builtinKinds(), ...externalKinds()];
  // What the cluster has before any template CRD: built-ins, external sources and crds/ directories.
  const before = apiIndex([...base, ...releases.flatMap((r) => (r.contract ? crdKinds(r.contract.name, r.contract.crds.filter((c) => !c.when), () => "") : []))]);
  const kinds = [...base, ...releases.flatMap((r) => (r.contract ? releaseKinds(r.release, r.contract, before) : []))];
  return { releases, kinds, hasApi: apiIndex(kinds) };
}
