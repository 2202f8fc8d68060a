/**
 * `npm run contracts -- kubernetes-apis`: the kinds the cluster serves without any chart
 * (kubernetes/api at the cluster's release: every group/version/kind with a round-trip
 * fixture, less alpha versions, which are off by default, and versions removed by that
 * release), and the CRDs of the declared external sources (contracts/kubernetes/cluster-apis.ts).
 */
// @ts-nocheck

import YAML from "yaml";
import { EXTERNAL_CRD_SOURCES, externalCrdContract, KUBERNETES_API, KUBERNETES_API_CONTRACT } from "../../contracts/kubernetes/cluster-apis";
import { crdDocuments, normalizeCrd, StoredCrd } from "../../contracts/kubernetes/crd";
import { writeStoredContract } from "../../contracts/stored";
import { UpstreamRepo } from "../lib/upstream";
import { ContractGenerator } from "./generator";

const COMMAND = "npm run contracts -- kubernetes-apis";

/** A built-in kind the API server serves. */
export interface BuiltinKind {
  readonly group: string;
  readonly version: string;
  readonly kind: string;
}

function builtinKinds(): string[] {
  const { repository, tag, version } = KUBERNETES_API;
  const repo = UpstreamRepo.open(repository);
  const commit = repo.commit(tag);
  const [major, minor] = version.split(".").map(Number);
  const sources: string[] = [];
  // Versions a release no longer serves say so in their generated prerelease-lifecycle file.
  const removed = new Set<string>();
  const groupOfDir = new Map<string, string>();
  for (const file of repo.list(commit, ".")) {
    const dir = file.split("/").slice(0, 2).join("/");
    if (file.endsWith("/register.go") && file.split("/").length === 3) {
      const text = repo.show(commit, file);
      const group = /const GroupName = "([^"]*)"/.exec(text)?.[1];
      if (group !== undefined) groupOfDir.set(dir, group);
      sources.push(file);
    }
    if (file.endsWith("zz_generated.prerelease-lifecycle.go")) {
      const text = repo.show(commit, file);
      for (const m of text.matchAll(/func \(in \*(\w+)\) APILifecycleRemoved\(\) \(major, minor int\) \{\s*return (\d+), (\d+)/g)) {
        if (Number(m[2]) < major || (Number(m[2]) === major && Number(m[3]) <= minor)) removed.add(`${dir}/${m[1]}`);
      }
      sources.push(file);
    }
  }
  groupOfDir.set("core/v1", "");
  const kinds: BuiltinKind[] = [];
  for (const file of repo.list(commit, "testdata/HEAD")) {
    const name = file.split("/").pop()!;
    const m = /^(.*)\.(v[0-9]+(?:(?:alpha|beta)[0-9]+)?)\.([A-Z]\w*)\.json$/.exec(name);
    if (!m) continue;
    const [, groupName, ver, kind] = m;
    const group = groupName === "core" ? "" : groupName;
    if (/alpha/.test(ver)) continue;
    const dir = [...groupOfDir].find(([d, g]) => g === group && d.endsWith(`/${ver}`))?.[0];
    if (!dir) continue; // fixtures of types no API group registers (admission reviews and the like)
    if (removed.has(`${dir}/${kind}`)) continue;
    kinds.push({ group, version: ver, kind });
  }
  kinds.sort((a, b) => `${a.group}/${a.version}/${a.kind}`.localeCompare(`${b.group}/${b.version}/${b.kind}`));
  writeStoredContract(
    KUBERNETES_API_CONTRACT,
    { project: KUBERNETES_API.project, version, repository, ref: tag, commit, sources: ["testdata/HEAD/*.json", ...sources.sort()], command: COMMAND },
    { "kinds.json": kinds },
  );
  return [KUBERNETES_API_CONTRACT];
}

function externalCrds(): string[] {
  return EXTERNAL_CRD_SOURCES.map((source) => {
    const repo = UpstreamRepo.open(source.repository);
    const commit = repo.commit(source.tag);
    const crds: StoredCrd[] = [];
    const files: Record<string, unknown> = {};
    const read = repo.list(commit, source.dir).filter((f) => /\.ya?ml$/.test(f));
    for (const file of read) {
      for (const doc of crdDocuments(YAML.parseAllDocuments(repo.show(commit, file)).map((d) => d.toJS()))) {
        const { crd, schemas } = normalizeCrd(doc, file);
        crds.push(crd);
        files[crd.schemaFile] = schemas;
      }
    }
    const name = externalCrdContract(source.project);
    writeStoredContract(
      name,
      { project: source.project, version: source.version, repository: source.repository, ref: source.tag, commit, sources: read, command: COMMAND },
      { "crds.json": crds, ...files },
    );
    return name;
  });
}

export const kubernetesApisGenerator: ContractGenerator = {
  name: "kubernetes-apis",
  description: `built-in kinds of kubernetes/api ${KUBERNETES_API.tag} and the CRDs of the declared external sources`,
  generate: () => [...builtinKinds(), ...externalCrds()],
};
