/**
 * The service catalog and the stack graph, derived from the synthesized estate: pure
 * functions from stacks (with their resources) to Markdown and Graphviz DOT. Sorted and
 * free of timestamps, so a pull request shows a clean diff.
 */
import { HomelabApp } from "../constructs";
import { CatalogFacts } from "../constructs/catalog-facts";
import { BACKUP_MODE_ANNOTATION, BACKUP_REASON_ANNOTATION } from "../constructs/proxmox-claim-template";
import { OrderedStack } from "../constructs/stack-graph";
import { Finding } from "../policy/engine";
import { kubernetesContainers, nomadJobImages } from "../policy/resource-data";
import { first } from "../policy/rules/k8s-support";
import { nomadJobOf } from "../policy/rules/nomad-support";
import { isRouted, serviceRoutes } from "../jobspecs/traefik-routes";
import { jobVaultReads } from "../jobspecs/vault";
import { AUTH_MODE_ANNOTATION, AUTH_REASON_ANNOTATION } from "../policy/rules/ingress-auth-mode";
import {
  METRICS_MODE_ANNOTATION,
  METRICS_REASON_ANNOTATION,
  UPTIME_MODE_ANNOTATION,
  UPTIME_MONITOR_ANNOTATION,
  UPTIME_PATH_ANNOTATION,
  UPTIME_REASON_ANNOTATION,
} from "../policy/rules/k8s-workload-observability";
import { SynthResource } from "../policy/rule";
import { StackFiles } from "./lib/affected-core";
import { resolveReferences, StackJson } from "./lib/references";
import { DescribedStack, describeWithFacts, factsAt } from "./lib/tree-facts";

/** A stack as the catalog (and the intent summary) reads it: its tree facts and its synthesized resources. */
export interface CatalogStack extends DescribedStack {
  readonly resources: readonly SynthResource[];
  /** Catalog facts of the construct at a resource's path. */
  readonly factsAt: (path: string) => CatalogFacts;
  /** A synthesized string with its Terraform references resolved to what they name, in this stack. */
  readonly resolve: (text: string) => string;
  /** Acknowledged findings of this stack. */
  readonly acknowledged: readonly Finding[];
  /** The annotation marking an ingress for an external uptime monitor (inventory). */
  readonly uptimeAnnotation: string;
}

interface Workload { kind: string; name: string; images: string[] }
export interface Volume { id: string; size: string; where: string; criticality: string; backup: string }
export interface Ingress { host: string; mode: string; reason: string; dns: string }
export interface Route { host: string; service: string; mode: string; reason: string }
interface Intention { destination: string; callers: string }

/** The catalog's stacks, in deploy order, with what the synthesized estate says of them. */
export function catalogStacks(app: HomelabApp): CatalogStack[] {
  const report = app.check();
  const synthesized = new Map(app.synthesized.map((s) => [s.id, s]));
  const estate = new Map(app.stacks.map((s) => [s.node.id, s.toTerraform() as StackJson]));
  return describeWithFacts(app).map((s) => ({
    ...s,
    resources: synthesized.get(s.id)?.resources ?? [],
    factsAt: (path: string) => factsAt(s.recorded, path),
    resolve: (text: string) => resolveReferences(text, s.id, estate),
    acknowledged: report.findings.filter((f) => f.stackId === s.id && f.acknowledged !== undefined),
    uptimeAnnotation: app.inventory.kubernetes.uptimeMonitorAnnotation,
  }));
}

/**
 * The same from synthesized files and a description of the tree (describe-estate), as for a
 * git ref's estate: the resources as the rules see them, their cdktf metadata apart.
 */
export function catalogStacksOfSynth(described: readonly DescribedStack[], files: ReadonlyMap<string, StackFiles>): CatalogStack[] {
  const estate = new Map<string, StackJson>();
  for (const [id, stackFiles] of files) {
    const text = stackFiles.get("cdk.tf.json");
    if (text !== undefined) estate.set(id, JSON.parse(text));
  }
  return described.map((s) => ({
    ...s,
    resources: synthesizedResources(s.id, estate.get(s.id) ?? {}),
    factsAt: (path: string) => factsAt(s.recorded, path),
    resolve: (text: string) => resolveReferences(text, s.id, estate),
    acknowledged: [],
    uptimeAnnotation: "",
  }));
}

/** A stack's resources and data sources from its cdk.tf.json, split as the rule collector splits them. */
function synthesizedResources(stackId: string, json: StackJson): SynthResource[] {
  const blocks: Array<[string, Record<string, Record<string, any>>]> = [
    ...Object.entries<Record<string, Record<string, any>>>(json.resource ?? {}),
    ...Object.entries<Record<string, Record<string, any>>>(json.data ?? {}).map(([type, byName]): [string, Record<string, Record<string, any>>] => [`data.${type}`, byName]),
  ];
  return blocks.flatMap(([type, byName]) =>
    Object.entries(byName).map(([logicalId, body]) => {
      const { "//": cdktf, ...attributes } = body;
      const { metadata, ...comment } = (cdktf ?? {}) as Record<string, any>;
      return {
        type,
        logicalId,
        stackId,
        path: String(metadata?.path ?? `${stackId}/${logicalId}`),
        attributes,
        comment: Object.keys(comment).length ? comment : undefined,
      };
    }),
  );
}

/** What a stack's critical flag promises, in one line (HomelabStackProps.critical, HL-K8S-2, backupDestination). */
export const CRITICAL_MEANS =
  "it must keep working while the NFS server is down (monitoring, alerting, the uptime monitor), so it uses no NFS (HL-K8S-2) and its backups land on a claim of its own instead";

const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
const sortBy = <T>(items: T[], key: (t: T) => string) => items.sort((a, b) => key(a).localeCompare(key(b)));

export const WORKLOAD_TYPES: Record<string, string> = {
  deployment: "Deployment",
  stateful_set: "StatefulSet",
  daemon_set: "DaemonSet",
  cron_job: "CronJob",
  job: "Job",
};

function workloads(resources: readonly SynthResource[]): Workload[] {
  const out: Workload[] = [];
  for (const r of resources) {
    if (r.type === "nomad_job") {
      const job = nomadJobOf(r);
      if (!job) continue;
      const kind = `Nomad ${job.Type ?? "service"} job`;
      for (const group of job.TaskGroups) {
        const images = nomadJobImages({ TaskGroups: [group] }).map((i) => i.image);
        out.push({ kind, name: `${job.ID}/${group.Name}`, images: [...new Set(images)].sort() });
      }
      continue;
    }
    const k8s = /^kubernetes_(.+?)(_v1)?$/.exec(r.type)?.[1];
    if (k8s && WORKLOAD_TYPES[k8s]) {
      const images = kubernetesContainers(r.attributes).map((c) => String(c.container.image));
      out.push({ kind: WORKLOAD_TYPES[k8s], name: String(first(r.attributes.metadata)?.name), images: [...new Set(images)].sort() });
    } else if (r.type === "helm_release") {
      out.push({ kind: "Helm release", name: String(r.attributes.name), images: [`chart ${r.attributes.chart}@${r.attributes.version ?? "unpinned"}`] });
    }
  }
  return sortBy(out, (w) => `${w.kind}/${w.name}`);
}

export function volumes(stack: CatalogStack): Volume[] {
  const out: Volume[] = [];
  for (const r of stack.resources) {
    const facts = stack.factsAt(r.path);
    const known = { criticality: facts.criticality ?? "-", backup: facts.backup ?? "-" };
    const a = r.attributes as any;
    if (r.type === "nomad_csi_volume" || r.type === "nomad_csi_volume_registration") {
      const size = a.capacity_min || a.capacity_max ? `${a.capacity_min ?? "?"}–${a.capacity_max ?? "?"}` : "-";
      out.push({ id: a.volume_id, size, where: `CSI plugin ${a.plugin_id}`, ...known });
    } else if (/^kubernetes_persistent_volume_claim(_v1)?$/.test(r.type)) {
      const spec = first(a.spec);
      out.push({
        id: first(a.metadata)?.name,
        size: first(spec?.resources)?.requests?.storage ?? "-",
        where: spec?.storage_class_name ? `class ${spec.storage_class_name}` : "bound PV",
        ...known,
        backup: claimBackup(first(a.metadata), known.backup),
      });
    } else if (/^kubernetes_stateful_set(_v1)?$/.test(r.type)) {
      for (const t of first(a.spec)?.volume_claim_template ?? []) {
        const spec = first(t.spec);
        out.push({
          id: `${first(t.metadata)?.name} (per pod of ${first(a.metadata)?.name})`,
          size: first(spec?.resources)?.requests?.storage ?? "-",
          where: `class ${spec?.storage_class_name ?? "default"}`,
          ...known,
          backup: claimBackup(first(t.metadata), known.backup),
        });
      }
    } else if (/^kubernetes_persistent_volume(_v1)?$/.test(r.type)) {
      const nfs = first(first(first(a.spec)?.persistent_volume_source)?.nfs);
      out.push({
        id: first(a.metadata)?.name,
        size: first(a.spec)?.capacity?.storage ?? "-",
        where: nfs ? `NFS ${nfs.server}:${nfs.path}` : "persistent volume",
        ...known,
      });
    }
  }
  return sortBy(
    out.map((v) => ({ ...v, id: stack.resolve(String(v.id)) })),
    (v) => v.id,
  );
}

/** The backup choice a Proxmox claim records in its annotations, with what its backup job recorded. */
export function claimBackup(metadata: any, recorded: string): string {
  const annotations: Record<string, string> = metadata?.annotations ?? {};
  const mode = annotations[BACKUP_MODE_ANNOTATION];
  if (mode === "cronjob") return recorded === "-" ? "CronJob" : recorded;
  if (mode === "none") return `none: ${annotations[BACKUP_REASON_ANNOTATION] ?? ""}`;
  return recorded;
}

export function ingresses(resources: readonly SynthResource[]): Ingress[] {
  const out: Ingress[] = [];
  for (const r of resources) {
    if (!/^kubernetes_ingress(_v1)?$/.test(r.type)) continue;
    const metadata = first(r.attributes.metadata) ?? {};
    const annotations: Record<string, string> = metadata.annotations ?? {};
    const hostname = annotations["external-dns.alpha.kubernetes.io/hostname"];
    const proxied = annotations["external-dns.alpha.kubernetes.io/cloudflare-proxied"];
    const dns = !hostname ? "none" : proxied === "true" ? "proxied" : "non-proxied";
    const rules: any[] = first(r.attributes.spec)?.rule ?? [];
    for (const rule of rules) {
      const paths = (first(rule.http)?.path ?? []).map((p: any) => p.path).filter(Boolean);
      out.push({
        host: `${rule.host}${paths.length && !(paths.length === 1 && paths[0] === "/") ? ` (${paths.join(", ")})` : ""}`,
        mode: annotations[AUTH_MODE_ANNOTATION] ?? "(unset)",
        reason: annotations[AUTH_REASON_ANNOTATION] ?? "",
        dns,
      });
    }
  }
  return sortBy(out, (i) => i.host);
}

/** The routes Traefik on Nomad serves, from the traefik.* tags and auth meta of each job's services. */
export function nomadRoutes(resources: readonly SynthResource[]): Route[] {
  const out: Route[] = [];
  for (const r of resources) {
    const job = nomadJobOf(r);
    for (const group of job?.TaskGroups ?? []) {
      for (const service of [...(group.Services ?? []), ...group.Tasks.flatMap((t) => t.Services ?? [])].filter(isRouted)) {
        for (const route of serviceRoutes(service)) {
          const host = `${route.hosts.join(", ") || route.rule}${route.paths.length ? ` (${route.paths.join(", ")})` : ""}`;
          out.push({ host, service: service.Name, mode: route.mode ?? "(unset)", reason: route.reason ?? "" });
        }
      }
    }
  }
  return sortBy(out, (x) => x.host);
}

/** Consul intentions: who may call each destination, and why. */
function intentions(resources: readonly SynthResource[]): Intention[] {
  const every = (name?: string) => (name === "*" ? "every service" : String(name));
  const found = resources.filter((r) => r.type === "consul_config_entry_service_intentions");
  return sortBy([...found], (r) => String(r.attributes.name)).map((r) => {
    const sources = (r.attributes.sources ?? []) as Array<{ name?: string; action?: string; description?: string }>;
    const callers = sources.map((x) => (x.action === "allow" ? `${x.name} (${x.description ?? ""})` : `${x.action} from ${every(x.name)}`));
    return { destination: every(String(r.attributes.name)), callers: callers.join("; ") };
  });
}

const WATCHED_WORKLOADS = /^kubernetes_(deployment|stateful_set|daemon_set|daemonset)(_v1)?$/;
const annotationsOf = (r: SynthResource): Record<string, string> => first(r.attributes.metadata)?.annotations ?? {};
const nameOf = (r: SynthResource) => String(first(r.attributes.metadata)?.name ?? r.path);

/** One service's row of the summary: how it is reached, watched and backed up. */
export interface ServiceSummary {
  readonly routes: string[];
  readonly auth: string[];
  readonly dns: string[];
  readonly scrape: string[];
  readonly uptime: string[];
  readonly backup: string[];
}

/** What a stack's synthesized resources say about its routes, scrape targets, uptime monitors and backups. */
export function serviceSummary(stack: CatalogStack): ServiceSummary {
  const routes = ingresses(stack.resources);
  const manifests = stack.resources.filter((r) => r.type === "kubernetes_manifest").map((r) => first(r.attributes.manifest) ?? {});
  const scrape: string[] = [];
  const uptime: string[] = [];
  for (const w of stack.resources.filter((r) => WATCHED_WORKLOADS.test(r.type))) {
    const a = annotationsOf(w);
    const mode = a[METRICS_MODE_ANNOTATION];
    if (mode === "none") scrape.push(`${nameOf(w)}: none (${a[METRICS_REASON_ANNOTATION] ?? ""})`);
    else if (mode) {
      const kind = mode === "servicemonitor" ? "ServiceMonitor" : "PodMonitor";
      const monitor = manifests.find((m) => m.kind === kind && m.metadata?.name === nameOf(w));
      const endpoint = (monitor?.spec?.endpoints ?? monitor?.spec?.podMetricsEndpoints ?? [])[0];
      scrape.push(`${nameOf(w)}: ${kind}${endpoint ? ` port ${endpoint.port} ${endpoint.path}` : ""}`);
    } else scrape.push(`${nameOf(w)}: undeclared`);
    if (a[UPTIME_MODE_ANNOTATION] === "none") uptime.push(`${nameOf(w)}: none (${a[UPTIME_REASON_ANNOTATION] ?? ""})`);
  }
  for (const m of manifests.filter((m) => m.kind === "Probe")) {
    scrape.push(`Probe ${m.metadata?.name}: ${(m.spec?.targets?.staticConfig?.static ?? []).length} URLs through ${m.spec?.module}`);
  }
  for (const s of stack.resources.filter((r) => /^kubernetes_service(_v1)?$/.test(r.type))) {
    const a = annotationsOf(s);
    if (a[UPTIME_MONITOR_ANNOTATION] === "internal") uptime.push(`internal ${nameOf(s)}: ${a[UPTIME_PATH_ANNOTATION] ? `HTTP ${a[UPTIME_PATH_ANNOTATION]}` : "TCP"}`);
  }
  const external = new Set<string>();
  for (const r of stack.resources.filter((r) => /^kubernetes_ingress(_v1)?$/.test(r.type))) {
    if (annotationsOf(r)[stack.uptimeAnnotation] !== "true") continue;
    for (const rule of first(r.attributes.spec)?.rule ?? []) external.add(`external https://${rule.host}/`);
  }
  uptime.push(...[...external].sort());
  const backup = new Set<string>();
  for (const r of stack.resources) {
    const facts = stack.factsAt(r.path);
    if (facts.backup) {
      // A volume's own choice is named by the volume; a backup job's or a release's stands alone.
      const volume = /^nomad_csi_volume(_registration)?$/.test(r.type) ? String(r.attributes.volume_id) : undefined;
      backup.add(volume ? `${volume}: ${facts.backup}` : facts.backup);
    }
    if (facts.scrape && !scrape.includes(facts.scrape)) scrape.push(facts.scrape);
    if (/^kubernetes_persistent_volume_claim(_v1)?$/.test(r.type)) {
      const a = annotationsOf(r);
      if (a[BACKUP_MODE_ANNOTATION] === "none") backup.add(`${nameOf(r)}: none (${a[BACKUP_REASON_ANNOTATION] ?? ""})`);
    }
  }
  for (const d of stack.databases) backup.add(`database ${d.name}: ${d.backup}`);
  // Nomad's Traefik routes: their DNS is not published by this codebase.
  const nomad = nomadRoutes(stack.resources);
  return {
    routes: [...routes.map((i) => i.host), ...nomad.map((r) => `${r.host} (Nomad service ${r.service})`)],
    auth: [...routes.map((i) => i.mode), ...nomad.map((r) => r.mode)],
    dns: [...routes.map((i) => i.dns), ...nomad.map(() => "-")],
    scrape,
    uptime,
    backup: [...backup].sort(),
  };
}

const NOMAD_VARIABLE_PATHS = /\bnomadVar(?:List)?\s+"([^"]+)"/g;

/** Secret paths (never values) a stack's resources read: Vault policies, Nomad templates, ExternalSecrets. */
function secretPaths(stack: CatalogStack): string[] {
  const paths = new Set<string>();
  for (const r of stack.resources) {
    const a = r.attributes as any;
    if (r.type === "vault_policy" && typeof a.policy === "string") {
      try {
        Object.keys(JSON.parse(a.policy).path ?? {}).forEach((p) => paths.add(`vault: ${p}`));
      } catch {
        for (const m of a.policy.matchAll(/path\s+"([^"]+)"/g)) paths.add(`vault: ${m[1]}`);
      }
    } else if (r.type === "nomad_job") {
      const job = nomadJobOf(r);
      if (!job) continue;
      jobVaultReads(job).forEach((p) => paths.add(`vault: ${p}`));
      for (const t of job.TaskGroups.flatMap((g) => g.Tasks.flatMap((task) => task.Templates ?? []))) {
        for (const m of (t.EmbeddedTmpl ?? "").matchAll(NOMAD_VARIABLE_PATHS)) paths.add(`nomad variable: ${m[1]}`);
      }
    } else if (r.type === "kubernetes_manifest" && first(a.manifest)?.kind === "ExternalSecret") {
      const spec = first(a.manifest)!.spec ?? {};
      for (const d of spec.data ?? []) if (d.remoteRef?.key) paths.add(`vault kv: ${d.remoteRef.key}`);
      for (const d of spec.dataFrom ?? []) if (d.extract?.key) paths.add(`vault kv: ${d.extract.key}`);
    }
  }
  return [...paths].map(stack.resolve).sort();
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`)];
}

/** docs/catalog.md */
export function renderCatalog(stacks: readonly CatalogStack[]): string {
  const lines: string[] = [
    "# Service catalog",
    "",
    "Generated by `npm run docs` from the construct tree; do not edit by hand. CI fails when it is stale.",
    "",
    "![Stacks by tier and cluster; arrows point from a stack to the stacks that depend on it](stacks.svg)",
    "",
    "## Deploy order",
    "",
    ...table(
      ["#", "stack", "tier", "cluster", "critical", "depends on", "what"],
      stacks.map((s) => [
        String(s.order),
        `[${s.id}](#${s.id})`,
        String(s.tier ?? "-"),
        s.cluster ?? "-",
        s.critical ? "yes" : "-",
        s.dependencies.join(", ") || "-",
        s.description,
      ]),
    ),
    "",
    `Critical: ${CRITICAL_MEANS}.`,
  ];
  lines.push(
    "",
    "## Services",
    "",
    "How each stack's services are reached (route, auth, DNS), watched (Prometheus scrape, uptime monitor) and backed up; a dash where the code records nothing.",
    "",
    ...table(
      ["stack", "route", "auth", "DNS", "scrape", "uptime monitor", "backup"],
      stacks.map((s) => {
        const x = serviceSummary(s);
        const list = (items: string[]) => items.join("<br>") || "-";
        return [`[${s.id}](#${s.id})`, list(x.routes), list(x.auth), list(x.dns), list(x.scrape), list(x.uptime), list(x.backup)];
      }),
    ),
  );
  for (const s of stacks) {
    lines.push("", `## ${s.id}`, "", `${s.description}. Tier ${s.tier ?? "-"}, cluster ${s.cluster ?? "-"}${s.critical ? ", critical" : ""}, deploy order ${s.order}` +
      `${s.dependencies.length ? `, after ${s.dependencies.join(", ")}` : ""}.`);
    const w = workloads(s.resources);
    if (w.length) lines.push("", "### Workloads", "", ...table(["kind", "name", "images"], w.map((x) => [x.kind, x.name, x.images.join(", ") || "-"])));
    const v = volumes(s);
    if (v.length) lines.push("", "### Volumes and claims", "", ...table(["id", "size", "storage", "criticality", "backup"], v.map((x) => [x.id, x.size, x.where, x.criticality, x.backup])));
    const d = sortBy([...s.databases], (x) => x.name);
    if (d.length) lines.push("", "### Databases (external PostgreSQL)", "", ...table(["database", "backup"], d.map((x) => [x.name, x.backup])));
    const i = ingresses(s.resources);
    if (i.length) lines.push("", "### Ingresses", "", ...table(["host", "auth", "reason", "DNS"], i.map((x) => [x.host, x.mode, x.reason || "-", x.dns])));
    const routes = nomadRoutes(s.resources);
    if (routes.length) lines.push("", "### Routes (Traefik on Nomad)", "", ...table(["host", "Connect service", "auth", "reason"], routes.map((x) => [x.host, x.service, x.mode, x.reason || "-"])));
    const mesh = intentions(s.resources);
    if (mesh.length) lines.push("", "### Mesh intentions", "", ...table(["destination", "allowed callers (why)"], mesh.map((x) => [x.destination, x.callers])));
    const p = secretPaths(s);
    if (p.length) lines.push("", "### Secrets read (paths only)", "", ...p.map((x) => `- ${x}`));
    const acks = sortBy([...s.acknowledged], (f) => `${f.path}/${f.ruleId}`);
    if (acks.length) lines.push("", "### Acknowledged rules", "", ...table(["construct", "rule", "reason"], acks.map((f) => [f.path, f.ruleId, f.acknowledged ?? ""])));
  }
  return `${lines.join("\n")}\n`;
}

const TIER_COLOURS: Record<string, string> = { "0": "#fde2c8", "1": "#d6e6f7", "-": "#eeeeee" };

/**
 * Dependency edges with the ones implied by a longer path left out (transitive
 * reduction), so the picture shows structure rather than a thicket of arrows.
 */
export function directEdges(stacks: readonly OrderedStack[]): [string, string][] {
  const deps = new Map(stacks.map((s) => [s.id, s.dependencies]));
  const reaches = (from: string, target: string): boolean =>
    (deps.get(from) ?? []).some((d) => d === target || reaches(d, target));
  return stacks.flatMap((s) =>
    s.dependencies
      .filter((d) => !s.dependencies.some((other) => other !== d && reaches(other, d)))
      .map((d): [string, string] => [d, s.id]),
  );
}

/** Graphviz source of docs/stacks.svg: one box per tier and cluster, edges from dependency to dependent. */
export function renderStackGraph(stacks: readonly CatalogStack[]): string {
  const groups = new Map<string, CatalogStack[]>();
  for (const s of stacks) {
    const key = `${s.tier ?? "-"}\u0000${s.cluster ?? "-"}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const q = JSON.stringify;
  const lines = [
    "digraph stacks {",
    '  graph [rankdir=LR, fontname="Helvetica", fontsize=13, nodesep=0.25, ranksep=0.9, pad=0.3, labelloc=b,',
    '         label="Numbers: deploy order. Arrows: deploy before (arrows implied by others left out)."];',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=13, margin="0.15,0.06"];',
    '  edge [color="#555555", arrowsize=0.7];',
  ];
  [...groups.keys()].sort().forEach((key, i) => {
    const [tier, cluster] = key.split("\u0000");
    lines.push(`  subgraph cluster_${i} {`, `    label=${q(`  tier ${tier} · ${cluster}  `)}; style="rounded,dashed"; color="#888888"; fontsize=14; margin=14; labelloc=t;`);
    for (const s of groups.get(key)!) lines.push(`    ${q(s.id)} [label=${q(`${s.order}. ${s.id}`)}, fillcolor=${q(TIER_COLOURS[tier])}];`);
    lines.push("  }");
  });
  for (const [from, to] of directEdges(stacks)) lines.push(`  ${q(from)} -> ${q(to)};`);
  lines.push("}");
  return `${lines.join("\n")}\n`;
}
