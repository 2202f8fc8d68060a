/**
 * `npm run contracts -- crd-models`: typed models of the custom resources the estate builds,
 * written by @kubernetes-models/crd-generate into .gen/models/<group>/<version>/<Kind>.ts from
 * the very CRD schemas the custom-resources check validates against (the stored contracts of
 * the pinned charts and external sources), so tsc rejects a misspelt field before the check
 * would. Constructs import them with `import type` only: what crd-generate writes besides the
 * types, its compiled ajv validators (_schemas/*.js), is ES module source that nothing here
 * can load (CommonJS, ts-jest), and it would repeat that check; only their declarations are kept.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import type { StoredCrd } from "../../contracts/kubernetes/crd";
import { apiVersionOf, splitApiVersion } from "../../contracts/kubernetes/installed-apis";
import { CONTRACTS_DIR, Provenance, readProvenance, readStoredJson } from "../../contracts/stored";
import { filesUnder, generatedOnce } from "../lib/generated-cache";
import { repoRoot } from "../repo-root";
import { ContractGenerator } from "./generator";

export const MODELS_DIR = join(".gen", "models");
const COMMAND = "npm run contracts -- crd-models";

/** A custom resource kind at one version, e.g. traefik.io/v1alpha1 Middleware. */
export interface ModelKind {
  readonly apiVersion: string;
  readonly kind: string;
}

/** The custom resources the estate builds (constructs/, stacks/): each gets a model. */
export const CRD_MODELS: readonly ModelKind[] = [
  { apiVersion: "traefik.io/v1alpha1", kind: "Middleware" },
  { apiVersion: "kyverno.io/v1", kind: "ClusterPolicy" },
  { apiVersion: "external-secrets.io/v1", kind: "ClusterSecretStore" },
  { apiVersion: "external-secrets.io/v1", kind: "ExternalSecret" },
  { apiVersion: "postgresql.cnpg.io/v1", kind: "Cluster" },
  { apiVersion: "postgresql.cnpg.io/v1", kind: "Pooler" },
  { apiVersion: "postgresql.cnpg.io/v1", kind: "Database" },
  { apiVersion: "metallb.io/v1beta1", kind: "IPAddressPool" },
  { apiVersion: "metallb.io/v1beta1", kind: "L2Advertisement" },
  { apiVersion: "monitoring.coreos.com/v1", kind: "PrometheusRule" },
  { apiVersion: "monitoring.coreos.com/v1", kind: "ServiceMonitor" },
  { apiVersion: "monitoring.coreos.com/v1", kind: "PodMonitor" },
  { apiVersion: "monitoring.coreos.com/v1", kind: "Probe" },
];

/** Where a model's CRD came from, as PROVENANCE.json of its <group>/<version> directory records it. */
export interface ModelProvenance extends Provenance {
  /** The generator and its version. */
  readonly generator: string;
  /** The stored schemas read, under .gen/contracts. */
  readonly storedSchemas: readonly string[];
}

interface ModelSource extends ModelKind {
  readonly contract: string;
  readonly crd: StoredCrd;
  readonly schema: unknown;
}

/** The one stored contract holding the CRD of apiVersion/kind, with that version's schema. */
function sourceOf(model: ModelKind, root: string): ModelSource {
  const { group, version } = splitApiVersion(model.apiVersion);
  const contracts = readdirSync(join(root, CONTRACTS_DIR)).filter((name) => existsSync(join(root, CONTRACTS_DIR, name, "crds.json")));
  const holders = contracts.flatMap((contract) =>
    readStoredJson<StoredCrd[]>(contract, "crds.json", root)
      .filter((crd) => crd.group === group && crd.kind === model.kind)
      .map((crd) => ({ contract, crd })),
  );
  const where = `${model.apiVersion} ${model.kind}`;
  if (holders.length === 0) {
    throw new Error(`${where}: no stored contract in ${CONTRACTS_DIR} has its CRD; run npm run contracts -- helm-charts kubernetes-apis first, or declare who installs it`);
  }
  if (holders.length > 1) throw new Error(`${where}: the CRD is stored by ${holders.map((h) => h.contract).join(" and ")}; keep one source of it`);
  const [{ contract, crd }] = holders;
  const schema = readStoredJson<Record<string, unknown>>(contract, crd.schemaFile, root)[version];
  if (!crd.versions.some((v) => v.name === version && v.served) || !schema) {
    throw new Error(`${where}: ${contract} serves ${crd.versions.filter((v) => v.served).map((v) => apiVersionOf({ group, version: v.name })).join(", ")}, not ${model.apiVersion} with a schema`);
  }
  return { ...model, contract, crd, schema };
}

/** A CustomResourceDefinition holding just the one version, as crd-generate reads it. */
function definitionOf(source: ModelSource): unknown {
  const { crd } = source;
  return {
    apiVersion: "apiextensions.k8s.io/v1",
    kind: "CustomResourceDefinition",
    metadata: { name: `${crd.plural}.${crd.group}` },
    spec: {
      group: crd.group,
      names: { kind: crd.kind, plural: crd.plural },
      scope: crd.scope,
      versions: [{ name: splitApiVersion(source.apiVersion).version, served: true, storage: true, schema: { openAPIV3Schema: source.schema } }],
    },
  };
}

function generatorLabel(): string {
  const manifest = join(dirname(require.resolve("@kubernetes-models/crd-generate")), "..", "package.json");
  const { name, version } = JSON.parse(readFileSync(manifest, "utf8"));
  return `${name}@${version}`;
}

/** What .gen/models should hold, by path under it: crd-generate's output for the models, less its validators, with provenance. */
export async function renderCrdModels(models = CRD_MODELS, root = repoRoot()): Promise<Record<string, string>> {
  const sources = models.map((model) => sourceOf(model, root));
  const input = sources.map((s) => JSON.stringify(definitionOf(s))).join("\n---\n");
  const generator = generatorLabel();
  const generated = await generatedOnce(generator, [input], async () => {
    const scratch = mkdtempSync(join(tmpdir(), "homelab-crd-models-"));
    const log = console.log;
    try {
      console.log = () => undefined; // crd-generate announces every file it writes
      // Loaded here, not at the top: the other generators need none of crd-generate's compiler.
      const { generate } = await import("@kubernetes-models/crd-generate");
      await generate({ input, outputPath: scratch });
      return filesUnder(scratch);
    } finally {
      console.log = log;
      rmSync(scratch, { recursive: true, force: true });
    }
  });
  const files = Object.fromEntries(Object.entries(generated).filter(([path]) => !(path.startsWith("_schemas/") && path.endsWith(".js"))));
  const byDirectory = new Map<string, ModelSource[]>();
  for (const s of sources) byDirectory.set(s.apiVersion, [...(byDirectory.get(s.apiVersion) ?? []), s]);
  for (const [apiVersion, inDirectory] of byDirectory) {
    const upstreams = [...new Set(inDirectory.map((s) => s.contract))];
    if (upstreams.length > 1) throw new Error(`${apiVersion}: its kinds come from ${upstreams.join(" and ")}; one directory records one upstream`);
    const { project, version, repository, ref, commit } = readProvenance(upstreams[0], root);
    const provenance: ModelProvenance = {
      project,
      version,
      repository,
      ref,
      commit,
      sources: [...new Set(inDirectory.map((s) => s.crd.source))],
      command: COMMAND,
      generator,
      storedSchemas: inDirectory.map((s) => `${CONTRACTS_DIR}/${s.contract}/${s.crd.schemaFile}`),
    };
    files[`${apiVersion}/PROVENANCE.json`] = `${JSON.stringify(provenance, null, 2)}\n`;
  }
  return files;
}

/** What .gen/models holds, by path under it. */
export function readCrdModels(root = repoRoot()): Record<string, string> {
  return filesUnder(join(root, MODELS_DIR));
}

/** Replaces .gen/models with the rendered models. */
async function writeCrdModels(): Promise<string[]> {
  const root = repoRoot();
  const files = await renderCrdModels(CRD_MODELS, root);
  const dir = join(root, MODELS_DIR);
  rmSync(dir, { recursive: true, force: true });
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return CRD_MODELS.map((m) => `${m.apiVersion}/${m.kind}.ts`);
}

export const crdModelsGenerator: ContractGenerator = {
  name: "crd-models",
  description: "typed models of the estate's custom resources, from the stored CRD schemas, by @kubernetes-models/crd-generate",
  outputDir: MODELS_DIR,
  generate: writeCrdModels,
};
