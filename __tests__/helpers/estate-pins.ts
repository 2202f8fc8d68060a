/**
 * The versions the synthesized estate pins, read from what Terraform would apply rather than
 * from the code that wrote it: the image of every Nomad task, every Kubernetes container
 * (init containers, CronJobs and custom resources' pod templates included), every
 * CloudNativePG cluster's imageName, every module input named image, every image tag set in
 * Helm values; every Helm chart; every Traefik plugin a release loads. The Renovate test
 * holds Renovate's own extraction to this.
 */
import type { SynthesizedStack } from "../../contracts/contract";
import { mergedValues, readChartContract, readReleases, Release } from "../../contracts/helm/releases";
import { isMap, valueAt, Values } from "../../contracts/helm/values";
import { stackResources } from "../../contracts/synthesized";
import { normalizeRepository, parseImageRef } from "../../jobspecs/images";
import { kubernetesContainers, parseNomadJob } from "../../policy/resource-data";

export interface ImagePin {
  /** repository:tag (or repository@digest), the repository as its registry names it (docker.io/library/postgres). */
  readonly ref: string;
  /** Where the estate runs it: stack/address and the task, container or value. */
  readonly where: readonly string[];
  readonly stacks: readonly string[];
  /** Why it is a database's image, when it is (a PostgreSQL server, a pg_dump, a CloudNativePG resource). */
  readonly database?: string;
}

export interface ChartPin {
  /** The chart repository without a trailing slash: https://… or oci://… */
  readonly repository: string;
  readonly chart: string;
  readonly version: string;
  readonly where: readonly string[];
  /** Why it is a database's chart, when it is (it installs the CloudNativePG CRDs). */
  readonly database?: string;
}

export interface PluginPin {
  /** The Go module path Traefik fetches, e.g. github.com/maxlerebourg/crowdsec-bouncer-traefik-plugin. */
  readonly module: string;
  readonly version: string;
  readonly where: readonly string[];
}

export interface ProviderPin {
  /** The local name in required_providers (kubernetes, vault…). */
  readonly name: string;
  /** Its registry address as written (hashicorp/vault, or kubernetes for hashicorp/kubernetes). */
  readonly source: string;
  readonly version: string;
  readonly stacks: readonly string[];
}

export interface EstatePins {
  readonly images: readonly ImagePin[];
  readonly charts: readonly ChartPin[];
  readonly plugins: readonly PluginPin[];
  readonly providers: readonly ProviderPin[];
}

/** repository:tag with the repository as its registry names it, so "postgres:17" and "docker.io/library/postgres:17" agree. */
export function canonicalImage(ref: string): string {
  const { repository, tag } = parseImageRef(ref);
  const separator = tag?.startsWith("sha256:") ? "@" : ":";
  return `${normalizeRepository(repository)}${tag === undefined ? "" : `${separator}${tag}`}`;
}

/** A chart repository URL as both sides write it: no trailing slash. */
export function canonicalChartRepository(url: string): string {
  return url.replace(/\/+$/, "");
}

interface ImageUse {
  readonly ref: string;
  readonly where: string;
  readonly stack: string;
  readonly database?: string;
}

const CNPG_GROUP = "postgresql.cnpg.io";
const PG_SERVER_ENV = /^(POSTGRES_[A-Z_]+|PGDATA)$/;
const PG_DUMP = /\bpg_dump(all)?\b/;

/** Why a task or container is a database's, from what it runs: a PostgreSQL server's environment, or pg_dump. */
function databaseRole(env: readonly string[], text: string): string | undefined {
  if (env.some((name) => PG_SERVER_ENV.test(name))) return "runs a PostgreSQL server (POSTGRES_*/PGDATA environment)";
  if (PG_DUMP.test(text)) return "runs pg_dump";
  return undefined;
}

function nomadImages(stack: string, address: string, body: Readonly<Record<string, unknown>>): ImageUse[] {
  const parsed = parseNomadJob({ type: "nomad_job", path: address, stackId: stack, attributes: body });
  if ("error" in parsed) throw new Error(`${stack}/${address}: its jobspec cannot be read, so its images cannot be listed: ${parsed.error}`);
  return (parsed.job.TaskGroups ?? []).flatMap((group: any) =>
    (group.Tasks ?? [])
      .filter((task: any) => typeof task?.Config?.image === "string")
      .map((task: any) => ({
        ref: task.Config.image as string,
        where: `${stack}/${address} group ${group.Name}, task ${task.Name}`,
        stack,
        database: databaseRole(Object.keys(task.Env ?? {}), JSON.stringify(task)),
      })),
  );
}

function kubernetesImages(stack: string, address: string, body: Readonly<Record<string, any>>): ImageUse[] {
  const manifest = body.manifest;
  const apiVersion = String(manifest?.apiVersion ?? "");
  // A Kyverno policy's patterns describe the containers it judges; it runs none.
  if (apiVersion.startsWith("kyverno.io/")) return [];
  const cnpg = apiVersion.startsWith(`${CNPG_GROUP}/`) ? `a CloudNativePG ${manifest.kind}` : undefined;
  const uses: ImageUse[] = kubernetesContainers(body)
    .filter(({ container }) => typeof container.image === "string")
    .map(({ where, container }) => ({
      ref: container.image,
      where: `${stack}/${address} ${where}`,
      stack,
      database: cnpg ?? databaseRole((container.env ?? []).map((e: any) => String(e?.name)), JSON.stringify(container)),
    }));
  // CloudNativePG's Cluster names its PostgreSQL image outside any container.
  const imageName = manifest?.spec?.imageName;
  if (typeof imageName === "string") uses.push({ ref: imageName, where: `${stack}/${address} spec.imageName`, stack, database: cnpg });
  return uses;
}

function moduleImages(stack: SynthesizedStack): ImageUse[] {
  return Object.entries<Record<string, unknown>>(stack.json.module ?? {}).flatMap(([name, inputs]) =>
    typeof inputs.image === "string" ? [{ ref: inputs.image, where: `${stack.id}/module.${name}.image`, stack: stack.id }] : [],
  );
}

/** Paths (in a release's own values) of every map under an `image` key that sets a tag, and of every `image` string. */
function imageValuePaths(values: unknown, path: string[] = []): string[][] {
  if (!isMap(values)) return [];
  return Object.entries(values).flatMap(([key, value]) => {
    const here = [...path, key];
    if (key === "image" && (typeof value === "string" || (isMap(value) && typeof value.tag === "string" && value.tag !== ""))) return [here];
    return imageValuePaths(value, here);
  });
}

/** The images a release's values pin: a tag it sets, over the chart's repository (and registry) where it sets none. */
function helmValueImages(release: Release): ImageUse[] {
  const paths = imageValuePaths(release.values);
  if (paths.length === 0) return [];
  const merged = mergedValues(release, readChartContract(release.chart));
  return paths.map((path) => {
    const where = `${release.stack}/${release.address}.values.${path.join(".")}`;
    const value = valueAt(merged, path);
    if (typeof value === "string") return { ref: value, where, stack: release.stack };
    const image = value as Values;
    if (typeof image.repository !== "string" || image.repository === "") {
      throw new Error(`${where}: sets tag ${String(image.tag)} but neither it nor chart ${release.chart}'s defaults name a repository`);
    }
    const registry = typeof image.registry === "string" && image.registry !== "" ? `${image.registry}/` : "";
    return { ref: `${registry}${image.repository}:${image.tag}`, where, stack: release.stack };
  });
}

function installsCnpg(release: Release): string | undefined {
  return readChartContract(release.chart).crds.some((crd) => crd.group === CNPG_GROUP) ? `installs the CloudNativePG operator (${CNPG_GROUP} CRDs)` : undefined;
}

function groupImages(uses: readonly ImageUse[]): ImagePin[] {
  const byRef = new Map<string, ImageUse[]>();
  for (const use of uses) {
    const ref = canonicalImage(use.ref);
    byRef.set(ref, [...(byRef.get(ref) ?? []), use]);
  }
  return [...byRef.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([ref, all]) => ({
      ref,
      where: all.map((u) => u.where),
      stacks: [...new Set(all.map((u) => u.stack))].sort(),
      ...(all.some((u) => u.database) ? { database: all.find((u) => u.database)!.database } : {}),
    }));
}

/** Every pinned version of the synthesized estate (stacks by id, as synthApp returns them). */
export function readEstatePins(stacksById: Readonly<Record<string, Record<string, any>>>): EstatePins {
  const stacks: SynthesizedStack[] = Object.entries(stacksById)
    .map(([id, json]) => ({ id, json }))
    .sort((a, b) => a.id.localeCompare(b.id));
  const releases = readReleases(stacks);
  const uses: ImageUse[] = [
    ...stacks.flatMap((stack) =>
      stackResources(stack)
        .filter((r) => r.mode === "managed")
        .flatMap((r) => (r.type === "nomad_job" ? nomadImages(stack.id, r.address, r.body) : r.type.startsWith("kubernetes_") ? kubernetesImages(stack.id, r.address, r.body) : [])),
    ),
    ...stacks.flatMap(moduleImages),
    ...releases.flatMap(helmValueImages),
  ];
  const charts = releases.map((r) => {
    const database = installsCnpg(r);
    return { repository: canonicalChartRepository(r.repository), chart: r.chart, version: r.version, where: [`${r.stack}/${r.address}`], ...(database ? { database } : {}) };
  });
  const plugins = releases.flatMap((r) => {
    const declared = valueAt(r.values, ["experimental", "plugins"]);
    return isMap(declared)
      ? Object.entries(declared).map(([name, plugin]) => ({
          module: String((plugin as Values).moduleName),
          version: String((plugin as Values).version),
          where: [`${r.stack}/${r.address}.values.experimental.plugins.${name}`],
        }))
      : [];
  });
  return { images: groupImages(uses), charts, plugins, providers: requiredProviders(stacks) };
}

/** Every provider version the stacks require, each (name, source, version) once with the stacks requiring it. */
function requiredProviders(stacks: readonly SynthesizedStack[]): ProviderPin[] {
  const byKey = new Map<string, ProviderPin>();
  for (const stack of stacks) {
    for (const [name, required] of Object.entries<any>(stack.json.terraform?.required_providers ?? {})) {
      const pin = { name, source: String(required?.source ?? name), version: String(required?.version ?? "") };
      const key = `${pin.name} ${pin.source} ${pin.version}`;
      byKey.set(key, { ...pin, stacks: [...(byKey.get(key)?.stacks ?? []), stack.id] });
    }
  }
  return [...byKey.values()].sort((a, b) => a.name.localeCompare(b.name));
}
