/**
 * traefik-config: the configuration the estate generates for Traefik on Nomad, against
 * Traefik's own structs at the stored version: the static configuration file its task
 * reads (--configFile), the dynamic files of its file provider, and the `traefik.*` tags of
 * every service (its Consul Catalog provider reads them as labels). Then what they name
 * must exist: routers' entry points in the static configuration, `@file` middlewares in
 * the dynamic files. A misspelt key is a setting that silently never applies; a router
 * naming a missing middleware is dropped by Traefik: both are errors here.
 */
import YAML from "yaml";
import { IMAGES } from "../jobspecs/images";
import { ContractCheck, ContractFinding, ValidateInput } from "./contract";
import { checkAgainstSchema, GoStructSchema } from "./go-struct-schema";
import { jobFinding, synthesizedNomadJobs, SynthesizedJob } from "./nomad-jobs";
import { isRuntimeValue, neutralizeTemplate, programTasks, taskRelativePath } from "./nomad-task-files";
import { readProvenance, readStoredJson, upstreamLabel } from "./stored";
import { joinPath } from "./synthesized";
import { labelProblems, TraefikLabelContract } from "./traefik-labels";

export const TRAEFIK_CONTRACT = "traefik-config";
const STATIC_FILE = "pkg/config/static/static_config.go";
const MIDDLEWARES_FILE = "pkg/config/dynamic/middlewares.go";

type Path = readonly (string | number)[];

/** What a Traefik deployment defines, for the references routes make. */
interface Deployment {
  readonly entryPoints: ReadonlySet<string>;
  readonly fileMiddlewares: ReadonlySet<string>;
}

function parseYaml(text: string): { value?: Record<string, any>; error?: string } {
  const doc = YAML.parseDocument(text);
  return doc.errors.length ? { error: doc.errors[0].message.split("\n")[0] } : { value: (doc.toJS() ?? {}) as Record<string, any> };
}

/**
 * The file-provider name a middleware reference points at, or undefined when it points at
 * another provider; a name without @provider points into the provider it is written in.
 */
function fileMiddleware(reference: string, writtenIn: "file" | "consulcatalog"): string | undefined {
  if (reference.endsWith("@file")) return reference.slice(0, -"@file".length);
  return !reference.includes("@") && writtenIn === "file" ? reference : undefined;
}

export function checkTraefikConfig(input: ValidateInput): ContractFinding[] {
  const provenance = readProvenance(TRAEFIK_CONTRACT);
  const upstream = (file = STATIC_FILE) => upstreamLabel(provenance, file);
  const staticSchema = readStoredJson<GoStructSchema>(TRAEFIK_CONTRACT, "static.json");
  const dynamicSchema = readStoredJson<GoStructSchema>(TRAEFIK_CONTRACT, "dynamic.json");
  const labels: TraefikLabelContract = {
    dynamic: dynamicSchema,
    provider: readStoredJson<GoStructSchema>(TRAEFIK_CONTRACT, "provider-labels.json"),
    labels: readStoredJson(TRAEFIK_CONTRACT, "labels.json"),
    matchers: readStoredJson(TRAEFIK_CONTRACT, "matchers.json"),
  };
  const reader = { project: "Traefik", isRuntimeValue };
  const { jobs } = synthesizedNomadJobs(input.stacks, upstream());
  const findings: ContractFinding[] = [];
  const deployments: Deployment[] = [];

  for (const t of programTasks(jobs, IMAGES.traefik.repository, ["--configFile", "--configfile"])) {
    if (t.tag !== `v${provenance.version}`) {
      findings.push(jobFinding(t.job, [...t.path, "Config", "image"], `runs Traefik ${t.tag ?? "(untagged)"} but the stored contract is for v${provenance.version}: run ${provenance.command} after bumping jobspecs/images.ts`, upstream()));
    }
    if (t.configPath === undefined) continue;
    if (!t.rendered) {
      findings.push(jobFinding(t.job, [...t.path, "Config", "args"], `Traefik reads --configFile ${t.configPath}, but no template of the task renders it (templates: ${t.destinations}): it would start without its configuration`, upstream()));
      continue;
    }
    const parsed = parseYaml(t.rendered.text);
    if (!parsed.value) {
      findings.push(jobFinding(t.job, t.rendered.at, `${t.configPath} is not YAML: ${parsed.error}`, upstream()));
      continue;
    }
    const config = parsed.value;
    for (const p of checkAgainstSchema(config, staticSchema, reader)) findings.push(jobFinding(t.job, t.rendered.at, `${t.configPath} ${joinPath(p.path) || "(top level)"}: ${p.problem}`, upstream(p.file)));

    const directory: unknown = config.providers?.file?.directory;
    const templates: any[] = Array.isArray(t.task.Templates) ? t.task.Templates : [];
    const fileMiddlewares = new Set<string>();
    templates.forEach((template, i) => {
      const dest = typeof template?.DestPath === "string" ? taskRelativePath(template.DestPath) : "";
      if (typeof directory !== "string" || !dest.startsWith(`${taskRelativePath(directory)}/`)) return;
      const at: Path = [...t.path, "Templates", i, "EmbeddedTmpl"];
      const dynamic = parseYaml(neutralizeTemplate(String(template.EmbeddedTmpl ?? ""), template.LeftDelim, template.RightDelim));
      if (!dynamic.value) {
        findings.push(jobFinding(t.job, at, `/${dest} is not YAML: ${dynamic.error}`, upstream()));
        return;
      }
      for (const p of checkAgainstSchema(dynamic.value, dynamicSchema, reader)) findings.push(jobFinding(t.job, at, `/${dest} ${joinPath(p.path) || "(top level)"}: ${p.problem}`, upstream(p.file)));
      Object.keys(dynamic.value.http?.middlewares ?? {}).forEach((name) => fileMiddlewares.add(name));
    });
    const deployment = { entryPoints: new Set(Object.keys(config.entryPoints ?? {})), fileMiddlewares };
    deployments.push(deployment);
    for (const [name, entryPoint] of Object.entries<any>(config.entryPoints ?? {})) {
      for (const reference of entryPoint?.http?.middlewares ?? []) {
        const missing = fileMiddleware(String(reference), "file");
        if (missing !== undefined && !fileMiddlewares.has(missing)) {
          findings.push(jobFinding(t.job, t.rendered.at, `${t.configPath} entryPoints.${name}.http.middlewares names ${reference}, which no file of the file provider defines (defined: ${[...fileMiddlewares].join(", ") || "none"})`, upstream(MIDDLEWARES_FILE)));
        }
      }
    }
  }

  for (const job of jobs) findings.push(...tagFindings(job, labels, deployments, upstream));
  return findings;
}

/** Every `traefik.*` tag of a job's services, as a label, and what its routers refer to. */
function tagFindings(job: SynthesizedJob, contract: TraefikLabelContract, deployments: readonly Deployment[], upstream: (file?: string) => string): ContractFinding[] {
  const findings: ContractFinding[] = [];
  const services: Array<{ service: any; path: Path }> = [];
  (job.job.TaskGroups ?? []).forEach((group: any, g: number) => {
    (group.Services ?? []).forEach((service: any, s: number) => services.push({ service, path: ["TaskGroups", g, "Services", s] }));
    (group.Tasks ?? []).forEach((task: any, t: number) => (task.Services ?? []).forEach((service: any, s: number) => services.push({ service, path: ["TaskGroups", g, "Tasks", t, "Services", s] })));
  });
  for (const { service, path } of services) {
    (service.Tags ?? []).forEach((tag: unknown, i: number) => {
      if (typeof tag !== "string" || !tag.startsWith("traefik.")) return;
      const at = [...path, "Tags", i];
      const eq = tag.indexOf("=");
      if (eq < 0) {
        findings.push(jobFinding(job, at, `tag ${JSON.stringify(tag)} has no "=": the Consul Catalog provider reads only key=value tags`, upstream("pkg/provider/consulcatalog/convert_types.go")));
        return;
      }
      const [key, value] = [tag.slice(0, eq), tag.slice(eq + 1)];
      for (const p of labelProblems(key, value, contract)) findings.push(jobFinding(job, at, `service ${service.Name}: ${p.problem}`, upstream(p.file)));
      const attribute = /^traefik\.http\.routers\.[^.]+\.(entrypoints|middlewares)$/i.exec(key)?.[1].toLowerCase();
      if (!attribute || deployments.length === 0) return;
      const entryPoints = attribute === "entrypoints";
      for (const item of value.split(",").map((v) => v.trim())) {
        const file = fileMiddleware(item, "consulcatalog");
        const missing = deployments.filter((d) => (entryPoints ? !d.entryPoints.has(item) : file !== undefined && !d.fileMiddlewares.has(file)));
        if (!missing.length) continue;
        const defined = entryPoints ? missing[0].entryPoints : missing[0].fileMiddlewares;
        const where = entryPoints ? "static configuration" : "file provider";
        findings.push(
          jobFinding(job, at, `service ${service.Name}: ${key} names ${item}, which Traefik's ${where} does not define, so Traefik drops the router; defined: ${[...defined].join(", ") || "none"}`, upstream(entryPoints ? STATIC_FILE : MIDDLEWARES_FILE)),
        );
      }
    });
  }
  return findings;
}

export const traefikConfig: ContractCheck = {
  id: TRAEFIK_CONTRACT,
  description: "Traefik's static and dynamic config files and every service's traefik.* tags use only what Traefik's config structs, label parser and rule matchers read; routers name defined entry points and middlewares",
  check: checkTraefikConfig,
};
