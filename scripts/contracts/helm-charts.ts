/**
 * `npm run contracts -- helm-charts`: for every chart the estate installs (from a synth of
 * the estate), stores the versions its repository has published and, for the pinned version,
 * its default values, values.schema.json, what its templates render under which conditions,
 * and the CRDs it installs.
 */
import YAML from "yaml";
import { BranchChartSource, ChartSource, chartSource, chartTag, helmChartContract, helmIndexContract } from "../../contracts/helm/chart-sources";
import { analyseTemplates, Clause, TemplateFile } from "../../contracts/helm/rendered-objects";
import { coalesceValues, isMap, Values } from "../../contracts/helm/values";
import { crdDocuments, normalizeCrd, StoredCrd } from "../../contracts/kubernetes/crd";
import { PublishedVersions, RemoteDependency, StoredChart } from "../../contracts/helm/releases";
import { writeStoredContract } from "../../contracts/stored";
import { UpstreamRepo } from "../lib/upstream";
import { estateCharts, PinnedChart } from "./estate-charts";
import { ContractGenerator } from "./generator";

const COMMAND = "npm run contracts -- helm-charts";

function parseYaml(text: string, what: string): any {
  try {
    return YAML.parse(text, { version: "1.1" }) ?? {};
  } catch (e) {
    throw new Error(`${what}: ${(e as Error).message}`);
  }
}

function semverDesc(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  const pb = b.split(/[.+-]/).map((x) => (/^\d+$/.test(x) ? Number(x) : x));
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    if (pa[i] === undefined) return -1;
    if (pb[i] === undefined) return 1;
    return typeof pa[i] === "number" && typeof pb[i] === "number" ? (pb[i] as number) - (pa[i] as number) : String(pb[i]).localeCompare(String(pa[i]));
  }
  return 0;
}

/**
 * The versions a branch-published chart has had, newest first, each with the newest commit
 * that published it (what its registry now serves under that version).
 */
export function branchPublications(repo: UpstreamRepo, source: BranchChartSource): Map<string, string> {
  const published = new Map<string, string>();
  for (const commit of repo.commitsTouching(source.publishedFromBranch, source.chartPath)) {
    if (!repo.has(commit, `${source.chartPath}/Chart.yaml`)) continue;
    const version = String(parseYaml(repo.show(commit, `${source.chartPath}/Chart.yaml`), `${commit} Chart.yaml`).version);
    if (!published.has(version)) published.set(version, commit);
  }
  return published;
}

function generateIndex(pinned: PinnedChart, source: ChartSource): void {
  if ("publishedFromBranch" in source) {
    const repo = UpstreamRepo.open(source.repository);
    const head = repo.commit(source.publishedFromBranch);
    const versions = [...branchPublications(repo, source).keys()].sort(semverDesc);
    writeStoredContract(
      helmIndexContract(pinned.chart),
      {
        project: `${pinned.chart} chart pushes`,
        version: `${source.publishedFromBranch} ${head.slice(0, 12)}`,
        repository: source.repository,
        ref: source.publishedFromBranch,
        commit: head,
        sources: [`${source.chartPath}/Chart.yaml on ${source.publishedFromBranch} (${source.publishedBy})`],
        command: COMMAND,
      },
      { "published.json": { repositoryUrl: pinned.repository, chart: pinned.chart, from: "branch", versions } satisfies PublishedVersions },
    );
    return;
  }
  let index: UpstreamRepo | undefined;
  try {
    index = UpstreamRepo.open(source.index.repository);
  } catch (e) {
    if (!source.tagsPublish) throw e;
  }
  let indexText: string | undefined;
  let commit = "";
  if (index) {
    try {
      commit = index.commit(source.index.ref);
      indexText = index.show(commit, source.index.path);
    } catch (e) {
      // A shallow mirror may list the index without holding it (too large to copy).
      if (!source.tagsPublish) throw e;
    }
  }
  if (indexText !== undefined) {
    const doc = parseYaml(indexText, `${source.index.repository} ${source.index.path}`);
    const entries: Array<{ version: string }> = doc.entries?.[pinned.chart] ?? [];
    if (!entries.length) throw new Error(`${source.index.repository} ${source.index.path} lists no chart ${pinned.chart}`);
    const published: PublishedVersions = {
      repositoryUrl: pinned.repository,
      chart: pinned.chart,
      from: "index",
      versions: [...new Set(entries.map((e) => String(e.version)))].sort(semverDesc),
    };
    writeStoredContract(
      helmIndexContract(pinned.chart),
      {
        project: `${pinned.chart} chart repository`,
        version: `${source.index.ref} ${commit.slice(0, 12)}`,
        repository: source.index.repository,
        ref: source.index.ref,
        commit,
        sources: [source.index.path],
        command: COMMAND,
      },
      { "published.json": published },
    );
    return;
  }
  // The index repository is out of reach: the release tags of the chart's source stand in.
  const repo = UpstreamRepo.open(source.repository);
  const [prefix, suffix] = source.tag.split("{version}");
  const versions = repo
    .tags()
    .filter((t) => t.startsWith(prefix) && t.endsWith(suffix))
    .map((t) => t.slice(prefix.length, t.length - suffix.length))
    .filter((v) => /^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(v))
    .sort(semverDesc);
  const head = repo.commit("HEAD");
  writeStoredContract(
    helmIndexContract(pinned.chart),
    {
      project: `${pinned.chart} release tags`,
      version: `HEAD ${head.slice(0, 12)}`,
      repository: source.repository,
      ref: "HEAD",
      commit: head,
      sources: [`tags ${source.tag} (stand-in for ${source.index.repository} ${source.index.path}: ${source.publishedBy})`],
      command: COMMAND,
    },
    { "published.json": { repositoryUrl: pinned.repository, chart: pinned.chart, from: "tags", versions } satisfies PublishedVersions },
  );
}

/** Template text with its actions taken out, so the YAML around them parses (for CRD templates). */
function withoutActions(text: string): string {
  return text
    .split("\n")
    .filter((line) => !/^\s*\{\{[^}]*\}\}\s*$/.test(line))
    .map((line) => line.replace(/\{\{-?[^}]*-?\}\}/g, "templated"))
    .join("\n");
}

/** The ref a pinned version's content is read at, and how findings name it. */
function versionRef(repo: UpstreamRepo, source: ChartSource, version: string): { commit: string; tag: string } {
  if (!("publishedFromBranch" in source)) {
    const tag = chartTag(source, version);
    return { commit: repo.commit(tag), tag };
  }
  const commit = branchPublications(repo, source).get(version);
  if (!commit) throw new Error(`${source.repository}: ${source.chartPath}/Chart.yaml never said version ${version} on ${source.publishedFromBranch}, so it was never pushed`);
  return { commit, tag: `${source.publishedFromBranch}@${commit.slice(0, 12)}` };
}

function generateChart(pinned: PinnedChart, source: ChartSource): void {
  const repo = UpstreamRepo.open(source.repository);
  const { commit, tag } = versionRef(repo, source, pinned.version);
  const dir = source.chartPath;
  const read: string[] = [];
  const show = (path: string) => {
    read.push(path);
    return repo.show(commit, path);
  };
  const chartYaml = parseYaml(show(`${dir}/Chart.yaml`), `${tag} ${dir}/Chart.yaml`);
  if (String(chartYaml.version) !== pinned.version) {
    throw new Error(`${source.repository} ${tag}: ${dir}/Chart.yaml says version ${chartYaml.version}, not ${pinned.version}; check the tag pattern in contracts/helm/chart-sources.ts`);
  }
  const files = repo.list(commit, dir);
  let defaults: Values = parseYaml(show(`${dir}/values.yaml`), `${dir}/values.yaml`);
  const templates: TemplateFile[] = [];
  const crdFiles: Array<{ path: string; text: string; when?: Clause[] }> = [];
  const remoteDependencies: RemoteDependency[] = [];
  const isTemplate = (f: string, base: string) => f.startsWith(`${base}/templates/`) && /\.(ya?ml|tpl|txt|json)$/.test(f);

  for (const f of files.filter((f) => isTemplate(f, dir))) {
    templates.push({ path: f.slice(dir.length + 1), text: show(f) });
  }
  for (const f of files.filter((f) => f.startsWith(`${dir}/crds/`) && /\.ya?ml$/.test(f))) crdFiles.push({ path: f, text: show(f) });

  for (const dep of (chartYaml.dependencies ?? []) as Array<Record<string, string>>) {
    const sub = `${dir}/charts/${dep.name}`;
    const key = dep.alias ?? dep.name;
    if (!files.includes(`${sub}/Chart.yaml`)) {
      remoteDependencies.push({ name: dep.name, repository: String(dep.repository ?? ""), version: String(dep.version), ...(dep.condition ? { condition: dep.condition } : {}) });
      continue;
    }
    const subDefaults = files.includes(`${sub}/values.yaml`) ? parseYaml(show(`${sub}/values.yaml`), `${sub}/values.yaml`) : {};
    defaults = { ...defaults, [key]: coalesceValues(isMap(defaults[key]) ? (defaults[key] as Values) : {}, subDefaults) };
    for (const f of files.filter((f) => isTemplate(f, sub))) {
      templates.push({ path: f.slice(dir.length + 1), text: show(f), subchart: { valuesKey: key, condition: dep.condition } });
    }
    for (const f of files.filter((f) => f.startsWith(`${sub}/crds/`) && /\.ya?ml$/.test(f))) {
      const when: Clause[] | undefined = dep.condition
        ? [{ when: { call: "dependencyEnabled", args: [{ path: ["Values", ...dep.condition.split(".")] }] }, text: `dependency condition ${dep.condition}` }]
        : undefined;
      crdFiles.push({ path: f, text: show(f), when });
    }
  }

  const analysis = analyseTemplates(templates);

  // CRDs: crds/ (always installed), CRD templates (installed when their guards hold), packaged ones.
  const crds: StoredCrd[] = [];
  const schemaFiles: Record<string, unknown> = {};
  const addCrds = (docs: unknown[], path: string, when?: readonly Clause[]) => {
    for (const doc of crdDocuments(docs)) {
      const { crd, schemas } = normalizeCrd(doc, path, when);
      crds.push(crd);
      schemaFiles[crd.schemaFile] = schemas;
    }
  };
  for (const f of crdFiles) addCrds(YAML.parseAllDocuments(f.text).map((d) => d.toJS()), f.path, f.when);
  for (const t of templates) {
    const rendered = analysis.objects.filter((o) => o.template === t.path && o.kind === "CustomResourceDefinition");
    if (!rendered.length) continue;
    const docs = crdDocuments(YAML.parseAllDocuments(withoutActions(t.text)).map((d) => d.toJS()));
    if (docs.length !== rendered.length) throw new Error(`${dir}/${t.path}: found ${docs.length} CRD documents but ${rendered.length} rendered CRDs`);
    docs.forEach((doc, i) => addCrds([doc], `${dir}/${t.path}`, rendered[i].when));
  }
  if (source.packagedCrds) {
    const p = source.packagedCrds;
    for (const f of repo.list(commit, p.dir).filter((f) => /\.ya?ml$/.test(f) && !f.endsWith("kustomization.yaml"))) {
      const docs = YAML.parseAllDocuments(show(f)).map((d) => d.toJS());
      for (const doc of crdDocuments(docs)) {
        const kind = doc.spec.names.kind as string;
        const when: Clause[] = [{ when: { path: ["Values", ...p.condition.split(".")] }, text: `if .Values.${p.condition} (added when packaging)` }];
        if (p.perKindCondition?.kinds.test(kind)) {
          const path = p.perKindCondition.path(kind);
          when.push({ when: { path: ["Values", ...path.split(".")] }, text: `if .Values.${path} (added when packaging)` });
        }
        addCrds([doc], f, when);
      }
    }
  }
  crds.sort((a, b) => `${a.group}/${a.kind}`.localeCompare(`${b.group}/${b.kind}`));

  const schemaPath = `${dir}/values.schema.json`;
  const schema = files.includes(schemaPath) ? JSON.parse(show(schemaPath)) : undefined;
  const chart: StoredChart = {
    repositoryUrl: pinned.repository,
    name: String(chartYaml.name),
    version: pinned.version,
    ...(chartYaml.appVersion ? { appVersion: String(chartYaml.appVersion) } : {}),
    tag,
    hasSchema: !!schema,
    remoteDependencies,
  };
  writeStoredContract(
    helmChartContract(pinned.chart),
    {
      project: pinned.chart,
      version: pinned.version,
      repository: source.repository,
      ref: "publishedFromBranch" in source ? commit : tag,
      commit,
      sources: [...new Set(read)].sort(),
      command: COMMAND,
    },
    {
      "chart.json": chart,
      "values.json": defaults,
      ...(schema ? { "values.schema.json": schema } : {}),
      "templates.json": analysis,
      "crds.json": crds,
      ...schemaFiles,
    },
  );
}

export const helmChartsGenerator: ContractGenerator = {
  name: "helm-charts",
  description: "every chart the estate pins: published versions, default values, values.schema.json, rendered kinds, CRDs",
  generate() {
    const written: string[] = [];
    for (const pinned of estateCharts()) {
      const source = chartSource(pinned.repository, pinned.chart);
      if (!source) {
        throw new Error(`${pinned.where}: no source for chart ${pinned.chart} of ${pinned.repository}; add it to contracts/helm/chart-sources.ts`);
      }
      generateIndex(pinned, source);
      generateChart(pinned, source);
      written.push(helmIndexContract(pinned.chart), helmChartContract(pinned.chart));
    }
    return written;
  },
};
