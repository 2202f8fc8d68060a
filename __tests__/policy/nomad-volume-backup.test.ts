import { CsiVolume } from "@cdktf/provider-nomad/lib/csi-volume";
import { Variable } from "@cdktf/provider-nomad/lib/variable";
import { NomadJob } from "../../constructs/nomad-job";
import { GlusterCsiVolume } from "../../constructs/gluster-csi-volume";
import { HomelabApp } from "../../constructs/homelab-app";
import { MartinibarNfsVolume } from "../../constructs/martinibar-nfs-volume";
import { DAILY, WEEKLY } from "../../jobspecs/backup-plans";
import { copyBackupJob } from "../../jobspecs/backups";
import { Job, Task } from "../../jobspecs/model";
import { NomadBackupsStack } from "../../stacks/nomad-backups";
import { line, providerOf } from "../helpers/rules";
import { checkApp, synthApp, testStack } from "../helpers/synth";

const RULE = "HL-BACKUP-1";
const findings = (define: (app: HomelabApp) => void) =>
  checkApp(define)
    .findings.filter((f) => f.ruleId === RULE && f.acknowledged === undefined)
    .map(line);

/** A raw provider volume: what nothing but the rule can hold to a backup choice. */
function rawVolume(app: HomelabApp, comment?: Record<string, unknown>, { id = "Raw", volumeId = "glusterfs_raw_data", pluginId = "glusterfs" } = {}) {
  const s = testStack(app, { cluster: "nomad-main" });
  const v = new CsiVolume(s, id, {
    provider: providerOf(s, "nomad"),
    volumeId,
    name: volumeId,
    pluginId,
    capability: [{ accessMode: "single-node-writer", attachmentMode: "file-system" }],
    lifecycle: { preventDestroy: true },
  });
  if (comment) v.addOverride("//.homelab_backup", comment);
}

test("fails synth for a volume without a backup choice, naming the construct path and what is allowed", () => {
  expect(findings((app) => rawVolume(app))).toEqual([
    expect.stringMatching(/^test\/Raw: volume glusterfs_raw_data declares no backup choice; allowed: \{ plans: \[DAILY, WEEKLY, …\] \} .* or \{ none: "<reason of 10\+ characters>" \}$/),
  ]);
  expect(() => synthApp((app) => rawVolume(app))).toThrow(/\[HL-BACKUP-1\] test\/Raw: volume glusterfs_raw_data declares no backup choice/);
});

test("a none without a real reason, or a plan whose schedule is not a cron Nomad accepts, fails with the value and what is allowed", () => {
  expect(findings((app) => rawVolume(app, { none: "tbd" }))).toEqual([
    'test/Raw: volume glusterfs_raw_data backup none must give a reason of 10+ characters; got "tbd"',
  ]);
  expect(findings((app) => rawVolume(app, { plans: [{ ...DAILY, cron: "at two" }] }))).toEqual([
    expect.stringMatching(/^test\/Raw: volume glusterfs_raw_data plan daily: schedule "at two" is not a cron expression Nomad accepts \(missing field\(s\)\); allowed: 5 to 7 fields/),
  ]);
  expect(findings((app) => rawVolume(app, { none: "scratch space, rebuilt on start" }))).toEqual([]);
});

test("once the estate has backup jobs, a plan no job carries out for the volume is a finding", () => {
  const found = findings((app) => {
    rawVolume(app, { plans: [DAILY, WEEKLY] });
    new GlusterCsiVolume(testStack(app, { id: "other", cluster: "nomad-main" }), "V", { criticality: "low", service: "other", type: "data", backup: { plans: [WEEKLY] } });
    new NomadBackupsStack(app, { estate: app });
  });
  // There is a weekly job, whose lists hold glusterfs_other_data only, and no daily job at all.
  expect(found).toEqual([
    "test/Raw: volume glusterfs_raw_data chose backup plan daily (0 2 * * *), but no periodic batch job of cluster nomad-main runs it on that schedule reading /storage/v and the lists under backups/daily/",
    "test/Raw: volume glusterfs_raw_data chose backup plan daily (0 2 * * *), but no Nomad variable under backups/daily/ lists glusterfs_raw_data, so its job does not save it",
    "test/Raw: volume glusterfs_raw_data chose backup plan weekly (0 3 * * 0), but no Nomad variable under backups/weekly/ lists glusterfs_raw_data, so its job does not save it",
  ]);
});

test("a list variable for the plan naming the volume, in any stack of its cluster, is what saves it", () => {
  const listing = (app: HomelabApp, path: string, items: Record<string, string>) => {
    const s = testStack(app, { id: "lists", cluster: "nomad-main" });
    new Variable(s, "List", { provider: providerOf(s, "nomad"), path, items });
  };
  const found = (path: string, items: Record<string, string>) =>
    findings((app) => {
      rawVolume(app, { plans: [WEEKLY] });
      new GlusterCsiVolume(testStack(app, { id: "other", cluster: "nomad-main" }), "V", { criticality: "low", service: "other", type: "data", backup: { plans: [WEEKLY] } });
      new NomadBackupsStack(app, { estate: app });
      listing(app, path, items);
    });
  expect(found("backups/weekly/volumes/glusterfs_raw_data", { items: "glusterfs_raw_data" })).toEqual([]);
  // Listed for another plan, or under another key, it is not saved by the weekly job.
  const missing = ["test/Raw: volume glusterfs_raw_data chose backup plan weekly (0 3 * * 0), but no Nomad variable under backups/weekly/ lists glusterfs_raw_data, so its job does not save it"];
  expect(found("backups/daily/volumes/glusterfs_raw_data", { items: "glusterfs_raw_data" })).toEqual(missing);
  expect(found("backups/weekly/volumes/glusterfs_raw_data", { verify: "glusterfs_raw_data" })).toEqual(missing);
  expect(found("other/weekly/volumes/glusterfs_raw_data", { items: "glusterfs_raw_data" })).toEqual(missing);
});

test("a plan's job that does not read the GlusterFS mount, or not its plan's lists, does not carry the plan out", () => {
  const withJob = (edit: (job: Job) => Job) =>
    findings((app) => {
      new GlusterCsiVolume(testStack(app, { id: "other", cluster: "nomad-main" }), "V", { criticality: "low", service: "other", type: "data", backup: { plans: [WEEKLY] } });
      const job = copyBackupJob({ datacenters: ["dc1"], plan: WEEKLY, timeZone: "UTC", copies: { node: "n1", path: "/backups" }, postgres: { host: "db", port: 5432 } });
      new NomadJob(testStack(app, { id: "jobs", cluster: "nomad-main" }), "Backup", { job: edit(job) });
    });
  const task = (job: Job, change: (t: Task) => Task): Job => ({ ...job, TaskGroups: [{ ...job.TaskGroups[0], Tasks: [change(job.TaskGroups[0].Tasks[0])] }] });
  expect(withJob((job) => job)).toEqual([]);
  const notRun = "other/V/Resource: volume glusterfs_other_data chose backup plan weekly (0 3 * * 0), but no periodic batch job of cluster nomad-main runs it on that schedule reading /storage/v and the lists under backups/weekly/";
  expect(withJob((job) => task(job, (t) => ({ ...t, Config: { ...t.Config, mount: t.Config.mount!.map((m) => ({ ...m, source: m.source === "/storage/v" ? "/mnt" : m.source })) } })))).toEqual([notRun]);
  expect(withJob((job) => task(job, (t) => ({ ...t, Templates: t.Templates!.map((tpl) => ({ ...tpl, EmbeddedTmpl: tpl.EmbeddedTmpl!.replaceAll("backups/weekly/", "backups/daily/") })) })))).toEqual([notRun]);
  expect(withJob((job) => ({ ...job, Periodic: { ...job.Periodic!, Spec: "0 4 * * 0" } }))).toEqual([notRun]);
});

test("the constructs' volumes pass when NomadBackupsStack builds the jobs, GlusterFS and NFS alike", () => {
  expect(
    findings((app) => {
      const s = testStack(app, { cluster: "nomad-main" });
      new GlusterCsiVolume(s, "Config", { criticality: "critical", service: "app", type: "config", backup: { plans: [DAILY, WEEKLY], offsite: ["app.key"] } });
      new MartinibarNfsVolume(s, "Legacy", { criticality: "low", service: "app", type: "legacy", backup: { none: "kept by the legacy NFS server itself" } });
      new NomadBackupsStack(app, { estate: app });
    }),
  ).toEqual([]);
});

test("a plan on a volume the jobs cannot read (not on the GlusterFS mount) is refused", () => {
  const found = findings((app) => rawVolume(app, { plans: [WEEKLY] }, { id: "Legacy", volumeId: "martinibar_prod_app_data", pluginId: "martinibar" }));
  expect(found).toEqual([expect.stringContaining("test/Legacy: volume martinibar_prod_app_data backup plans weekly cannot run: the backup jobs read volumes from the nodes' GlusterFS mount /storage/v")]);
});
