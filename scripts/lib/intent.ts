/**
 * What a stack means to its operator, read from its synthesized resources and its construct
 * tree (a CatalogStack): the routes and their auth, the images, the volumes and claims, the
 * backups and their retention, the secret grants, the mesh's intentions, the schedules. Each
 * is a fact, a name the operator knows (a host, a volume id, a Vault role) and what it is now,
 * so two versions of a stack compare fact by fact (intent-diff).
 */
import { backupJobId, backupListEntry, backupListPlanOf, BACKUP_PLAN_META } from "../../jobspecs/backups";
import { jobVaultReads } from "../../jobspecs/vault";
import { kubernetesContainers } from "../../policy/resource-data";
import { first } from "../../policy/rules/k8s-support";
import { nomadJobOf } from "../../policy/rules/nomad-support";
import { SynthResource } from "../../policy/rule";
import { BACKUP_MODE_ANNOTATION } from "../../constructs/proxmox-claim-template";
import { CatalogStack, claimBackup, ingresses, nomadRoutes, volumes, WORKLOAD_TYPES } from "../catalog";

/** The kinds of fact, in the order a summary shows them: where data lives first. */
export const INTENT_CATEGORIES = ["volumes", "routes", "grants", "intentions", "images", "backups", "schedules", "stack"] as const;
export type IntentCategory = (typeof INTENT_CATEGORIES)[number];

/** One category's facts: the thing's name → what it is ("" when being there is the whole fact). */
export type Facts = ReadonlyMap<string, string>;
export type StackIntent = Readonly<Record<IntentCategory, Facts>>;

/** Every fact of a stack, by category. */
export function stackIntent(stack: CatalogStack): StackIntent {
  return {
    volumes: volumeFacts(stack),
    routes: routeFacts(stack.resources),
    grants: grantFacts(stack),
    intentions: intentionFacts(stack.resources),
    images: imageFacts(stack.resources),
    backups: backupFacts(stack),
    schedules: scheduleFacts(stack),
    stack: new Map([
      ["tier", String(stack.tier ?? "-")],
      ["cluster", stack.cluster ?? "-"],
      ["critical", stack.critical ? "yes: must keep working while NFS is down, uses no NFS" : "no"],
    ]),
  };
}

const withReason = (mode: string, reason: string) => (reason ? `${mode} (${reason})` : mode);

function routeFacts(resources: readonly SynthResource[]): Facts {
  return new Map([
    ...ingresses(resources).map((i): [string, string] => [i.host, `auth ${withReason(i.mode, i.reason)}, DNS ${i.dns}`]),
    ...nomadRoutes(resources).map((r): [string, string] => [r.host, `Nomad service ${r.service}, auth ${withReason(r.mode, r.reason)}`]),
  ]);
}

function volumeFacts(stack: CatalogStack): Facts {
  return new Map(volumes(stack).map((v) => [v.id, [v.size, v.where, v.criticality === "-" ? "" : `criticality ${v.criticality}`].filter((x) => x && x !== "-").join(", ")]));
}

const taskName = (group: string, task: string) => (group === task ? task : `${group}/${task}`);

function imageFacts(resources: readonly SynthResource[]): Facts {
  const facts = new Map<string, string>();
  for (const r of resources) {
    const job = nomadJobOf(r);
    if (job) {
      for (const g of job.TaskGroups) {
        for (const t of g.Tasks) if (typeof t.Config?.image === "string") facts.set(`Nomad job ${job.ID}, task ${taskName(g.Name, t.Name)}`, t.Config.image);
      }
      continue;
    }
    const kind = WORKLOAD_TYPES[/^kubernetes_(.+?)(_v1)?$/.exec(r.type)?.[1] ?? ""];
    if (kind) {
      const name = String(first(r.attributes.metadata)?.name);
      for (const { container } of kubernetesContainers(r.attributes)) facts.set(`${kind} ${name}, container ${container.name}`, String(container.image));
    } else if (r.type === "helm_release") {
      facts.set(`Helm release ${r.attributes.name}`, `chart ${r.attributes.chart} ${r.attributes.version ?? "unpinned"}`);
    }
  }
  return facts;
}

/**
 * How each volume, claim and database is backed up and how long it is kept, as its own
 * choice says (a Nomad volume's backup, a claim's backup annotations), and what each backup
 * job saves: a claim a backup job merely writes to is not listed as backed up.
 */
function backupFacts(stack: CatalogStack): Facts {
  const facts = new Map<string, string>();
  const annotated = (metadata: any, recorded: string | undefined) =>
    metadata?.annotations?.[BACKUP_MODE_ANNOTATION] ? claimBackup(metadata, recorded ?? "-") : undefined;
  for (const r of stack.resources) {
    const a = r.attributes as Record<string, any>;
    const recorded = stack.factsAt(r.path).backup;
    if (/^nomad_csi_volume(_registration)?$/.test(r.type) && recorded) facts.set(String(a.volume_id), recorded);
    if (/^kubernetes_persistent_volume_claim(_v1)?$/.test(r.type)) {
      const choice = annotated(first(a.metadata), recorded);
      if (choice) facts.set(stack.resolve(String(first(a.metadata)?.name)), choice);
    }
    if (/^kubernetes_stateful_set(_v1)?$/.test(r.type)) {
      for (const t of first(a.spec)?.volume_claim_template ?? []) {
        const choice = annotated(first(t.metadata), recorded);
        if (choice) facts.set(`${first(t.metadata)?.name} (per pod of ${first(a.metadata)?.name})`, choice);
      }
    }
    // A backup job of its own (Vault's raft snapshots, the database dumps): named by its CronJob.
    if (/^kubernetes_cron_job(_v1)?$/.test(r.type) && recorded && ![...facts.values()].includes(recorded)) {
      facts.set(`CronJob ${stack.resolve(String(first(a.metadata)?.name))}`, recorded);
    }
    const job = nomadJobOf(r);
    const plan = job?.Meta?.[BACKUP_PLAN_META];
    if (job && plan) facts.set(`${job.ID}: plan`, `${plan}, kept ${job.Meta?.["keep-days"] ?? "?"} days`);
    // What a plan saves is listed by the stack of each volume and database (BackupListing).
    const listedFor = r.type === "nomad_variable" ? backupListPlanOf(a.path) : undefined;
    if (listedFor) {
      const { items, databases } = backupListEntry((a.items ?? {}) as Record<string, unknown>);
      const jobId = backupJobId({ name: listedFor });
      for (const item of items) facts.set(`${jobId} saves ${item}`, "");
      for (const db of databases) facts.set(`${jobId} dumps database ${db}`, "");
    }
  }
  for (const d of stack.databases) facts.set(`database ${d.name}`, d.backup);
  return facts;
}

const NOMAD_VARIABLE = /\bnomadVar(?:List)?\s+"([^"]+)"/g;
const DAY_SECONDS = 86400;

function duration(seconds: unknown): string {
  const n = Number(seconds);
  if (!Number.isFinite(n)) return String(seconds);
  return n % DAY_SECONDS === 0 ? `${n / DAY_SECONDS} day(s)` : n % 3600 === 0 ? `${n / 3600} hour(s)` : `${n} s`;
}

/** Who may read which secret: Vault policies and roles, ExternalSecrets, what Nomad jobs' templates read. */
function grantFacts(stack: CatalogStack): Facts {
  const facts = new Map<string, string>();
  const list = (values: unknown) => (Array.isArray(values) ? values.map((v) => stack.resolve(String(v))).join(", ") : "-");
  for (const r of stack.resources) {
    const a = r.attributes as Record<string, any>;
    if (r.type === "vault_policy" && typeof a.policy === "string") {
      for (const [path, rule] of Object.entries<{ capabilities?: string[] }>(policyPaths(a.policy))) {
        facts.set(`Vault policy ${stack.resolve(String(a.name))}: ${stack.resolve(path)}`, (rule.capabilities ?? []).join(", "));
      }
    } else if (/^vault_(jwt|kubernetes)_auth_backend_role$/.test(r.type)) {
      const bound = a.bound_claims
        ? Object.entries(a.bound_claims).map(([k, v]) => `${k}=${v}`).join(", ")
        : `service account ${list(a.bound_service_account_namespaces)}/${list(a.bound_service_account_names)}`;
      facts.set(`Vault role ${stack.resolve(String(a.role_name))}`, `policies ${list(a.token_policies)}; for ${bound}`);
    } else if (r.type === "vault_database_secret_backend_static_role") {
      facts.set(`Vault database role ${stack.resolve(String(a.name))}`, `user ${a.username}, password rotated every ${duration(a.rotation_period)}`);
    } else if (r.type === "kubernetes_manifest" && first(a.manifest)?.kind === "ExternalSecret") {
      const m = first(a.manifest)!;
      const keys = [...(m.spec?.data ?? []).map((d: any) => d.remoteRef?.key), ...(m.spec?.dataFrom ?? []).map((d: any) => d.extract?.key)].filter(Boolean);
      for (const key of keys) facts.set(stack.resolve(`ExternalSecret ${m.metadata?.namespace}/${m.metadata?.name} reads ${key}`), "");
    } else if (r.type === "nomad_job") {
      const job = nomadJobOf(r);
      if (!job) continue;
      for (const path of jobVaultReads(job)) facts.set(`Nomad job ${job.ID} reads ${path}`, "");
      for (const t of job.TaskGroups.flatMap((g) => g.Tasks.flatMap((task) => task.Templates ?? []))) {
        for (const m of (t.EmbeddedTmpl ?? "").matchAll(NOMAD_VARIABLE)) facts.set(`Nomad job ${job.ID} reads variable ${m[1]}`, "");
      }
    }
  }
  return facts;
}

function policyPaths(policy: string): Record<string, { capabilities?: string[] }> {
  try {
    return JSON.parse(policy).path ?? {};
  } catch {
    return Object.fromEntries([...policy.matchAll(/path\s+"([^"]+)"/g)].map((m) => [m[1], {}]));
  }
}

/** Consul intentions: one fact per caller and destination. */
function intentionFacts(resources: readonly SynthResource[]): Facts {
  const facts = new Map<string, string>();
  for (const r of resources.filter((x) => x.type === "consul_config_entry_service_intentions")) {
    for (const s of (r.attributes.sources ?? []) as Array<{ name?: string; action?: string; description?: string }>) {
      facts.set(`${s.name} → ${r.attributes.name}`, withReason(String(s.action), s.description ?? ""));
    }
  }
  return facts;
}

/** When things run on their own: Nomad periodic jobs and Kubernetes CronJobs. */
function scheduleFacts(stack: CatalogStack): Facts {
  const facts = new Map<string, string>();
  for (const r of stack.resources) {
    const job = nomadJobOf(r);
    const periodic = job?.Periodic;
    if (job && periodic) {
      // Nomad's API also takes several specs; the estate's model writes one.
      const several = (periodic as { Specs?: string[] }).Specs;
      const specs = several?.length ? several : [periodic.Spec];
      facts.set(`Nomad job ${job.ID}`, `${specs.join(" and ")} (${periodic.TimeZone ?? "UTC"})${periodic.Enabled === false ? ", disabled" : ""}`);
    } else if (/^kubernetes_cron_job(_v1)?$/.test(r.type)) {
      const meta = first(r.attributes.metadata);
      const spec = first(r.attributes.spec);
      facts.set(`CronJob ${stack.resolve(`${meta?.namespace}/${meta?.name}`)}`, `${spec?.schedule}${spec?.timezone ? ` (${spec.timezone})` : ""}${spec?.suspend ? ", suspended" : ""}`);
    }
  }
  return facts;
}
