/**
 * traefik-config: what Traefik reads from the configuration the estate generates for it,
 * from traefik/traefik at the tag of the image the Nomad ingress runs (jobspecs/images.ts):
 *
 * - static.json, dynamic.json: the structs its static configuration (pkg/config/static) and
 *   dynamic configuration (pkg/config/dynamic) decode into, with the packages they reach
 *   that the estate's config uses; types of packages not read are stored as scalars.
 * - provider-labels.json: the Consul Catalog provider's own labels (traefik.enable,
 *   traefik.consulcatalog.*), pkg/provider/consulcatalog/label.go.
 * - labels.json: the label prefixes each of those decodes (the filters passed to the label
 *   parser in pkg/config/label/label.go and pkg/provider/consulcatalog/label.go).
 * - matchers.json: the HTTP router rule matchers and their argument counts
 *   (pkg/muxer/http/matcher.go, httpFuncs).
 */
import { writeStoredContract } from "../../contracts/stored";
import { IMAGES } from "../../jobspecs/images";
import { UpstreamRepo } from "../lib/upstream";
import { ContractGenerator } from "./generator";
import { readGoPackageAt } from "./go-structs";
import { buildWireSchema } from "./go-wire-schema";

const REPOSITORY = "traefik/traefik";

/** The packages read, by the name the static and dynamic config files import them under. */
const PACKAGES: Readonly<Record<string, string>> = {
  static: "pkg/config/static",
  dynamic: "pkg/config/dynamic",
  types: "pkg/types",
  tls: "pkg/tls",
  ping: "pkg/ping",
  acmeprovider: "pkg/provider/acme",
  consulcatalog: "pkg/provider/consulcatalog",
  file: "pkg/provider/file",
};
/** Other names files import those packages under. */
const ALIASES: Readonly<Record<string, string>> = { traefiktls: "tls" };

const LABEL_FILE = "pkg/config/label/label.go";
const PROVIDER_LABEL_FILE = "pkg/provider/consulcatalog/label.go";
const MATCHER_FILE = "pkg/muxer/http/matcher.go";

/** The string arguments after the element of a parser.Decode / label.Decode call: the label prefixes it keeps. */
function decodeFilters(source: string, file: string, call: RegExp): string[] {
  const m = call.exec(source);
  if (!m) throw new Error(`${file}: no ${call.source} call found; the label decoding changed upstream, read it again`);
  return [...m[1].matchAll(/"([^"]+)"/g)].map((s) => s[1]);
}

/** httpFuncs: matcher name → the argument counts expectNParameters allows. */
function httpMatchers(source: string): Record<string, number[]> {
  const block = /var httpFuncs = matcherBuilderFuncs\{([\s\S]*?)\n\}/.exec(source)?.[1];
  if (!block) throw new Error(`${MATCHER_FILE}: no httpFuncs table found; the matchers changed upstream, read them again`);
  const matchers: Record<string, number[]> = {};
  for (const m of block.matchAll(/"([A-Za-z]+)":\s*expectNParameters\(\w+,\s*([\d,\s]+)\)/g)) matchers[m[1]] = m[2].split(",").map((n) => Number(n.trim()));
  if (!Object.keys(matchers).length) throw new Error(`${MATCHER_FILE}: httpFuncs has no entry this generator can read`);
  return matchers;
}

export const traefikConfigGenerator: ContractGenerator = {
  name: "traefik-config",
  description: `Traefik's static and dynamic config structs, Consul Catalog labels and rule matchers (${REPOSITORY} at ${IMAGES.traefik.tag}, the image's tag)`,
  generate() {
    const ref = IMAGES.traefik.tag;
    const repo = UpstreamRepo.open(REPOSITORY);
    const commit = repo.commit(ref);
    const packages = Object.fromEntries(Object.entries(PACKAGES).map(([name, dir]) => [name, readGoPackageAt(repo, ref, dir)]));
    for (const [alias, name] of Object.entries(ALIASES)) packages[alias] = packages[name];
    const schema = (rootPackage: string, root: string) => buildWireSchema({ codec: "encoding/json", packages, rootPackage, root, unreadPackagesAsScalars: true });
    const staticSchema = schema("static", "Configuration");
    const dynamicSchema = schema("dynamic", "Configuration");
    const providerLabels = schema("consulcatalog", "configuration");
    const labelSource = repo.show(ref, LABEL_FILE);
    const providerSource = repo.show(ref, PROVIDER_LABEL_FILE);
    const labels = {
      dynamic: decodeFilters(labelSource, LABEL_FILE, /parser\.Decode\(labels, conf, parser\.DefaultRootName,([^)]*)\)/),
      provider: decodeFilters(providerSource, PROVIDER_LABEL_FILE, /label\.Decode\(labels, &conf,([^)]*)\)/),
    };
    const sources = [
      ...new Set([...[staticSchema, dynamicSchema, providerLabels].flatMap((s) => Object.values(s.structs).map((x) => x.file)), LABEL_FILE, PROVIDER_LABEL_FILE, MATCHER_FILE]),
    ].sort();
    writeStoredContract(
      "traefik-config",
      { project: "traefik", version: ref.replace(/^v/, ""), repository: REPOSITORY, ref, commit, sources, command: "npm run contracts -- traefik-config" },
      {
        "static.json": staticSchema,
        "dynamic.json": dynamicSchema,
        "provider-labels.json": providerLabels,
        "labels.json": labels,
        "matchers.json": httpMatchers(repo.show(ref, MATCHER_FILE)),
      },
    );
    return ["traefik-config"];
  },
};
