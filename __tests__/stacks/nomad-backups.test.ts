import { readTerraformLiteral, terraformLiteral } from "../../constructs/terraform-literal";
import { ExternalDatabase } from "../../constructs/external-database";
import { GlusterCsiVolume } from "../../constructs/gluster-csi-volume";
import { nomadPeriodic } from "../../contracts/nomad-periodic";
import { COPY_SCRIPT, COPY_SCRIPT_ENV, RESTIC_SCRIPT, RESTIC_SCRIPT_ENV } from "../../jobspecs/backup-scripts";
import { DAILY, WEEKLY } from "../../jobspecs/backup-plans";
import { backupListEntry } from "../../jobspecs/backups";
import { NomadBackupsStack } from "../../stacks/nomad-backups";
import { synthApp, testInventory, testStack } from "../helpers/synth";
import { synthEstate } from "../helpers/estate";

const { stacks, files, report, order } = synthEstate();
const jobs: Record<string, any> = Object.fromEntries(
  Object.entries(files["nomad-backups"])
    .filter(([path]) => path.startsWith("jobs/"))
    .map(([, text]) => [JSON.parse(text).Job.ID, JSON.parse(text).Job]),
);
const taskOf = (id: string) => jobs[id].TaskGroups[0].Tasks[0];
const bindSources = (id: string) => taskOf(id).Config.mount.map((m: any) => `${m.source} -> ${m.target}${m.readonly ? " ro" : ""}`);
/** The estate's list variables (BackupListing), with the stack holding each. */
const listVariables = Object.entries(stacks).flatMap(([stack, json]) =>
  Object.values<any>(json.resource?.nomad_variable ?? {})
    .filter((v) => v.path.startsWith("backups/"))
    .map((v) => ({ stack, path: v.path as string, ...backupListEntry(v.items) })),
);
/** What a plan's job saves: everything listed under backups/<plan>/, from every stack. */
const listed = (plan: string, key: "items" | "verify" | "databases") => listVariables.filter((v) => v.path.startsWith(`backups/${plan}/`)).flatMap((v) => v[key]).sort();

/** Every CSI volume of the estate with the backup choice it records. */
const volumes = Object.entries(stacks).flatMap(([stack, json]) =>
  Object.values<any>(json.resource?.nomad_csi_volume ?? {}).map((v) => ({ stack, id: v.volume_id as string, plugin: v.plugin_id as string, choice: v["//"].homelab_backup })),
);

test("the seeds' daily backup: 02:00, the critical volumes and the four app databases, kept 7 days", () => {
  const daily = jobs["backup-daily"];
  expect(daily).toMatchObject({ Type: "batch", Periodic: { Enabled: true, Spec: "0 2 * * *", SpecType: "cron", ProhibitOverlap: true, TimeZone: "UTC" } });
  expect(listed("daily", "items")).toEqual(["glusterfs_jellyfin_config", "glusterfs_matrix_synapse_config", "glusterfs_plex_config"]);
  expect(listed("daily", "databases")).toEqual(["appflowy", "matrix-whatsapp", "ollama", "synapse"]);
  expect(taskOf("backup-daily").Env.BACKUP_KEEP_DAYS).toBe("7");
});

test("the seeds' weekly backup: Sunday 03:00, every GlusterFS volume and the databases, kept 4 weeks", () => {
  expect(jobs["backup-weekly"].Periodic.Spec).toBe("0 3 * * 0");
  const gluster = volumes.filter((v) => v.plugin === testInventory.csiPlugins.glusterfs).map((v) => v.id).sort();
  expect(gluster.length).toBeGreaterThan(10);
  expect(listed("weekly", "items")).toEqual(gluster);
  expect(listed("weekly", "databases")).toEqual(["appflowy", "matrix-whatsapp", "ollama", "synapse"]);
  expect(taskOf("backup-weekly").Env.BACKUP_KEEP_DAYS).toBe("28");
});

test("every volume records a choice, and lists itself, in its own stack, for each of its plans; the others say why not", () => {
  for (const v of volumes) {
    expect(v.choice).toBeDefined();
    if (v.choice.none) {
      expect(v.choice.none.length).toBeGreaterThanOrEqual(10);
      continue;
    }
    for (const plan of v.choice.plans) {
      expect(listVariables.filter((l) => l.path === `backups/${plan.name}/volumes/${v.id}`).map((l) => [l.stack, l.items])).toEqual([[v.stack, [v.id]]]);
    }
  }
  expect(volumes.filter((v) => v.choice.none).map((v) => v.id).sort()).toEqual([
    "martinibar_prod_forgejo_data",
    "martinibar_prod_media_library",
    "nfs_alby_hub_data",
    "nfs_bitcoin_data",
    "nfs_electrs_data",
  ]);
  // nomad-backups holds the jobs, not what they save.
  expect(listVariables.filter((l) => l.stack === "nomad-backups")).toEqual([]);
});

test("the stacks writing the lists deploy before the jobs that read them", () => {
  const dependencies = order.find((s) => s.id === "nomad-backups")!.dependencies;
  const writers = [...new Set(listVariables.map((l) => l.stack))];
  expect(writers.length).toBeGreaterThan(3);
  expect(writers.filter((w) => !dependencies.includes(w))).toEqual([]);
});

test("each job reads its own plan's lists, through an ACL policy bound to it that reads and lists those only", () => {
  const policies = Object.values<any>(stacks["nomad-backups"].resource.nomad_acl_policy);
  expect(Object.keys(jobs).sort()).toEqual(["backup-daily", "backup-offsite", "backup-restic", "backup-weekly"]);
  for (const [id, job] of Object.entries(jobs)) {
    const plan = job.Meta["backup-plan"];
    expect(taskOf(id).Templates[0]).toMatchObject({ DestPath: "local/backup-lists.env", Envvars: true, ChangeMode: "noop" });
    expect(taskOf(id).Templates[0].EmbeddedTmpl).toContain(`BACKUP_ITEMS="{{ range nomadVarList "backups/${plan}/" }}{{ with nomadVar .Path }}{{ .items }} {{ end }}{{ end }}"`);
    expect(policies.filter((p) => p.job_acl.job_id === id).map((p) => [p.job_acl.namespace, p.rules_hcl])).toEqual([
      ["default", `namespace "default" {\n  variables {\n    path "backups/${plan}/*" {\n      capabilities = ["read", "list"]\n    }\n  }\n}\n`],
    ]);
  }
});

test("the jobs claim no CSI volume: they bind the node's GlusterFS mount read-only, pinned to the node holding their target", () => {
  for (const [id, job] of Object.entries(jobs)) {
    expect(job.TaskGroups.every((g: any) => !g.Volumes)).toBe(true);
    expect(bindSources(id).filter((b: string) => b.startsWith("/storage/v"))).toEqual([`/storage/v -> ${id === "backup-daily" || id === "backup-weekly" ? "/volumes" : "/data"} ro`]);
    expect(taskOf(id).Config.mount.every((m: any) => m.type === "bind")).toBe(true);
  }
  expect(bindSources("backup-daily")).toContain("/data/backups -> /backups");
  expect(jobs["backup-daily"].Constraints).toEqual([{ LTarget: "${node.unique.name}", Operand: "=", RTarget: testInventory.backups.copies.node }]);
  expect(jobs["backup-restic"].Constraints).toEqual([{ LTarget: "${node.unique.name}", Operand: "=", RTarget: testInventory.backups.restic.node }]);
});

test("the restic repository the Litestream recovery relies on: MinIO's data, restic 0.18.1, the seeds' repository and Vault password", () => {
  const task = taskOf("backup-restic");
  expect(task.Config.image).toBe("docker.io/restic/restic:0.18.1");
  expect(listed("restic", "items")).toEqual(["glusterfs_minio_data"]);
  expect(bindSources("backup-restic")).toEqual(["/storage/v -> /data ro", "/mnt/csi/backups/restic -> /repo"]);
  expect(task.Env.RESTIC_REPOSITORY).toBe("/repo");
  expect(task.Templates[1].EmbeddedTmpl).toBe('{{ with secret "secret/data/nomad/default/restic-backup" }}\nRESTIC_PASSWORD={{ .Data.data.RESTIC_PASSWORD }}\n{{ end }}\n');
  expect(task.Config.args).toEqual([RESTIC_SCRIPT]);
  expect(RESTIC_SCRIPT).toMatch(/restic check --read-data-subset/);
});

test("the Matrix signing key goes off-site to the inventory's repository, and every copy of it is compared with the source", () => {
  const task = taskOf("backup-offsite");
  const key = `glusterfs_matrix_synapse_config/${testInventory.domains.public}.signing.key`;
  expect(listed("offsite", "items")).toEqual([key]);
  expect(task.Env.RESTIC_REPOSITORY).toBe(`s3:${testInventory.backups.offsite.endpoint}/${testInventory.backups.offsite.bucket}`);
  expect(task.Templates.map((t: any) => t.EmbeddedTmpl).join("")).toContain("AWS_SECRET_ACCESS_KEY={{ .Data.data.secret_access_key }}");
  for (const plan of ["daily", "weekly"]) expect(listed(plan, "verify")).toEqual([key]);
});

test("the scripts read only variables the jobs set (or they set themselves), and carry no ${ for Nomad to interpolate", () => {
  const readBy = (script: string) => new Set([...script.matchAll(/\$([A-Z][A-Z0-9_]*)/g)].map((m) => m[1]));
  for (const [id, names] of [["backup-daily", COPY_SCRIPT_ENV], ["backup-restic", RESTIC_SCRIPT_ENV]] as const) {
    const task = taskOf(id);
    const script = task.Config.args[0];
    const rendered = new Set([...task.Templates.flatMap((t: any) => [...t.EmbeddedTmpl.matchAll(/^([A-Z_]+)=/gm)].map((m: any) => m[1]))]);
    for (const name of [...readBy(script), ...Object.values(names)]) expect([name, name in task.Env || rendered.has(name)]).toEqual([name, true]);
    expect(script).not.toContain("${");
  }
  expect(taskOf("backup-daily").Config.args).toEqual([COPY_SCRIPT]);
  expect(taskOf("backup-daily").Env).toMatchObject({ PGHOST: testInventory.externalPostgres.host, PGPORT: String(testInventory.externalPostgres.port) });
});

test("credentials come from Vault at run time, and each job is granted exactly what it reads, beside it", () => {
  const everything = JSON.stringify(stacks["nomad-backups"]);
  expect(everything).not.toMatch(/PGPASSWORD=[^{]|RESTIC_PASSWORD=[^{]/);
  const policies = Object.values<any>(stacks["nomad-backups"].resource.vault_policy).map((p) => readTerraformLiteral(p.policy));
  expect(policies.some((p) => p.includes("secret/data/backups/postgres"))).toBe(true);
  expect(report.findings.filter((f) => f.stackId === "nomad-backups")).toEqual([]);
});

test("nomad-periodic reads every backup job: a broken schedule in each is one finding each", () => {
  const broken = Object.entries(stacks).map(([id, json]) => {
    const copy = structuredClone(json);
    for (const r of Object.values<any>(copy.resource?.nomad_job ?? {})) {
      const spec = JSON.parse(readTerraformLiteral(r.jobspec));
      if (spec.Job.Periodic) spec.Job.Periodic.Spec = "0 2 * * 9";
      r.jobspec = terraformLiteral(JSON.stringify(spec));
    }
    return { id, json: copy };
  });
  const findings = nomadPeriodic.check({ stacks: broken, workflows: [] });
  expect(findings.map((f) => [f.where.replace(/nomad_job\.[\w-]+\./, "nomad_job.<id>."), f.problem])).toEqual(
    Object.keys(jobs).map(() => ["nomad-backups/nomad_job.<id>.jobspec.Periodic.Spec", expect.stringMatching(/^cron spec "0 2 \* \* 9" does not parse \(syntax error in day-of-week field: '9'\)/)]),
  );
});

describe("bad input fails synth naming the construct and what is allowed", () => {
  test("a database declared twice", () => {
    expect(() =>
      synthApp((app) => {
        new ExternalDatabase(testStack(app, { id: "a", cluster: "nomad-main" }), "Db", { name: "synapse", backup: { plans: [DAILY] } });
        new ExternalDatabase(testStack(app, { id: "b", cluster: "nomad-main" }), "Db", { name: "synapse", backup: { plans: [WEEKLY] } });
        new NomadBackupsStack(app, { estate: app });
      }),
    ).toThrow(/b\/Db: database synapse is already declared by a\/Db; declare it once, where its service is/);
  });

  test("two plans of one name that differ", () => {
    expect(() =>
      synthApp((app) => {
        const s = testStack(app, { cluster: "nomad-main" });
        new GlusterCsiVolume(s, "A", { criticality: "low", service: "a", type: "data", backup: { plans: [DAILY] } });
        new GlusterCsiVolume(s, "B", { criticality: "low", service: "b", type: "data", backup: { plans: [{ ...DAILY, cron: "0 4 * * *" }] } });
        new NomadBackupsStack(app, { estate: app });
      }),
    ).toThrow(/test\/B: backup plan daily .* differs from the plan of that name test\/A chose/);
  });

  test("a database backed up by a plan that keeps no copies", () => {
    expect(() => synthApp((app) => new ExternalDatabase(testStack(app, { cluster: "nomad-main" }), "Db", { name: "x", backup: { plans: [{ ...DAILY, store: "restic" }] } }))).toThrow(
      /test\/Db: database backup plan daily keeps restic, not dated copies/,
    );
  });
});
