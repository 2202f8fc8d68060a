import { DAILY, WEEKLY } from "../../jobspecs/backup-plans";
import { Job } from "../../jobspecs/model";
import { SynthResource } from "../../policy/rule";
import { readTerraformLiteral } from "../../constructs/terraform-literal";
import { nomadVolumeBackup } from "../../policy/rules/nomad-volume-backup";
import { context, group, job, jobResource, other, stack, task, volumeResource } from "./nomad-rules.fixtures";

/** A volume whose construct recorded `choice` in its "//" comment, as the volume constructs do. */
const volume = (id: string, choice?: unknown, extra: Record<string, unknown> = {}): SynthResource => ({
  ...volumeResource(id, extra),
  path: `s/${id}/Resource`,
  comment: choice === undefined ? undefined : { homelab_backup: choice },
});
/**
 * A periodic batch job of plan `plan`, binding `binds` (host paths) into its task, with a
 * template listing `lists` (variable prefixes) as the backup jobs' do.
 */
const backupJob = (plan: string, cron: string, { binds = ["/storage/v"], lists = [`backups/${plan}/`] }: { binds?: string[]; lists?: string[] } = {}, extra: Partial<Job> = {}) =>
  jobResource(
    job(
      [
        group({
          Tasks: [
            task("backup", {
              Config: { image: "docker.io/library/busybox:1.37.0", mount: binds.map((source) => ({ type: "bind" as const, source, target: `/in${source}` })) },
              Templates: lists.map((prefix) => ({ EmbeddedTmpl: `BACKUP_ITEMS="{{ range nomadVarList ${JSON.stringify(prefix)} }}{{ with nomadVar .Path }}{{ .items }} {{ end }}{{ end }}"`, DestPath: "local/l.env" })),
            }),
          ],
        }),
      ],
      { ID: `backup-${plan}`, Type: "batch", Periodic: { Enabled: true, Spec: cron, SpecType: "cron", ProhibitOverlap: true }, Meta: { "backup-plan": plan }, ...extra },
    ),
    "b",
  );
/** A list variable at `path` (as BackupListing writes them), listing `items`. */
const listVar = (path: string, items: Record<string, string>): SynthResource => ({ type: "nomad_variable", path: `s/${path}/Var`, stackId: "s", attributes: { path, items } });
/** What BackupListing writes for a volume choosing DAILY and WEEKLY. */
const listed = (volumeId: string, planNames = ["daily", "weekly"]) => planNames.map((plan) => listVar(`backups/${plan}/volumes/${volumeId}`, { items: volumeId }));
const check = (...stacks: Parameters<typeof nomadVolumeBackup.check>[0]) => nomadVolumeBackup.check(stacks, context).map((p) => `${p.stackId} ${p.path}: ${p.message}`);
const plans = { plans: [DAILY, WEEKLY] };

describe("HL-BACKUP-1 every Nomad volume chooses its backup", () => {
  test("compliant: none with a reason; plans on GlusterFS when no backup job is in the app to compare with", () => {
    expect(check(stack([volume("glusterfs_a_data", { none: "scratch space, rebuilt on start" }), volume("glusterfs_b_data", plans)]))).toEqual([]);
  });

  test("non-compliant: no choice, a short reason, a registration too, each named by its volume id", () => {
    const registration = { ...volume("glusterfs_c_data", { none: "tbd" }), type: "nomad_csi_volume_registration" };
    expect(check(stack([volume("glusterfs_a_data"), registration, other]))).toEqual([
      expect.stringMatching(/^s s\/glusterfs_a_data\/Resource: volume glusterfs_a_data declares no backup choice; allowed: /),
      's s/glusterfs_c_data/Resource: volume glusterfs_c_data backup none must give a reason of 10+ characters; got "tbd"',
    ]);
  });

  test("plans for a volume the backup jobs cannot read: any plugin but the inventory's GlusterFS one", () => {
    expect(check(stack([volume("martinibar_prod_a_data", plans, { plugin_id: "martinibar" })]))).toEqual([
      "s s/martinibar_prod_a_data/Resource: volume martinibar_prod_a_data backup plans daily, weekly cannot run: the backup jobs read volumes from the nodes' GlusterFS mount /storage/v, and plugin martinibar's volumes are not on it; choose { none: \"<reason>\" }",
    ]);
    expect(check(stack([volume("martinibar_prod_a_data", { none: "the NAS snapshots it nightly" }, { plugin_id: "martinibar" })]))).toEqual([]);
  });
});

describe("HL-BACKUP-1 once the cluster has backup jobs, each plan is carried out", () => {
  const jobs = [backupJob("daily", DAILY.cron), backupJob("weekly", WEEKLY.cron)];
  const notRun = (volumeId: string, plan: string, cron: string, cluster = "nomad-main") =>
    `s s/${volumeId}/Resource: volume ${volumeId} chose backup plan ${plan} (${cron}), but no periodic batch job of cluster ${cluster} runs it on that schedule reading /storage/v and the lists under backups/${plan}/`;
  const notListed = (volumeId: string, plan: string, cron: string, path = volumeId) =>
    `s s/${volumeId}/Resource: volume ${volumeId} chose backup plan ${plan} (${cron}), but no Nomad variable under backups/${plan}/ lists ${path}, so its job does not save it`;

  test("compliant: a job of each plan's schedule reads the GlusterFS mount and its plan's lists, which list the volume", () => {
    expect(check(stack([volume("glusterfs_a_data", plans), ...listed("glusterfs_a_data")]), stack(jobs, "nomad-main", "b"))).toEqual([]);
  });

  test("non-compliant: a plan no list names the volume for, naming the plan, its cron and the path", () => {
    expect(check(stack([volume("glusterfs_b_data", plans), ...listed("glusterfs_b_data", ["weekly"]), ...listed("glusterfs_a_data", ["daily"])]), stack(jobs, "nomad-main", "b"))).toEqual([
      notListed("glusterfs_b_data", "daily", DAILY.cron),
    ]);
    // Listed under another key (verify), or outside backups/<plan>/, it is not saved.
    const wrong = [listVar("backups/daily/volumes/glusterfs_b_data", { verify: "glusterfs_b_data" }), listVar("daily/volumes/glusterfs_b_data", { items: "glusterfs_b_data" }), ...listed("glusterfs_b_data", ["weekly"])];
    expect(check(stack([volume("glusterfs_b_data", plans), ...wrong]), stack(jobs, "nomad-main", "b"))).toEqual([notListed("glusterfs_b_data", "daily", DAILY.cron)]);
  });

  test("only periodic, enabled, batch jobs that say which plan they carry out, bind the mount and read their own plan's lists count", () => {
    const notBackups = [
      backupJob("daily", DAILY.cron, {}, { Type: "service" }),
      backupJob("daily", DAILY.cron, {}, { Periodic: { Enabled: false, Spec: DAILY.cron, SpecType: "cron" } }),
      backupJob("daily", DAILY.cron, {}, { Meta: {} }),
      backupJob("daily", WEEKLY.cron),
      backupJob("daily", DAILY.cron, { binds: ["/storage"] }),
      backupJob("daily", DAILY.cron, { lists: ["backups/weekly/"] }),
      // Another plan's job on the daily schedule, reading its own lists: not the daily plan's.
      backupJob("hourly", DAILY.cron),
      jobResource(job([group({ Tasks: [task("t", { Config: { image: "busybox:1.37.0", mount: [{ type: "volume", source: "/storage/v", target: "/in" }, { type: "bind", target: "/x" }] }, Templates: [{ EmbeddedTmpl: 'nomadVarList "backups/daily/"', DestPath: "l" }] })] })], { Type: "batch", Periodic: { Enabled: true, Spec: DAILY.cron, SpecType: "cron" }, Meta: { "backup-plan": "daily" } })),
    ];
    const found = check(stack([volume("glusterfs_a_data", { plans: [DAILY] }), ...listed("glusterfs_a_data", ["daily"])]), stack([...notBackups, backupJob("weekly", WEEKLY.cron)], "nomad-main", "b"));
    expect(found).toEqual([notRun("glusterfs_a_data", "daily", DAILY.cron)]);
  });

  test("a job whose mount and lists are read by one of its tasks carries the plan out, beside tasks that read neither", () => {
    const spec = JSON.parse(readTerraformLiteral(String(backupJob("daily", DAILY.cron).attributes.jobspec))).Job as Job;
    const helper = task("notify", { Config: { image: "docker.io/library/busybox:1.37.0" } });
    const withHelper = jobResource({ ...spec, TaskGroups: [{ ...spec.TaskGroups[0], Tasks: [helper, ...spec.TaskGroups[0].Tasks] }] }, "b");
    expect(check(stack([volume("glusterfs_a_data", { plans: [DAILY] }), ...listed("glusterfs_a_data", ["daily"])]), stack([withHelper, jobs[1]], "nomad-main", "b"))).toEqual([]);
  });

  test("only a Nomad variable lists: another resource carrying a list's path and items does not", () => {
    const lookalike: SynthResource = { ...listed("glusterfs_a_data", ["daily"])[0], type: "terraform_data" };
    expect(check(stack([volume("glusterfs_a_data", { plans: [DAILY] }), lookalike]), stack(jobs, "nomad-main", "b"))).toEqual([notListed("glusterfs_a_data", "daily", DAILY.cron)]);
  });

  test("backup jobs and lists of another cluster do not count, those of other stacks of the same cluster do", () => {
    const daily = [volume("glusterfs_a_data", { plans: [DAILY] }), ...listed("glusterfs_a_data", ["daily"])];
    expect(check(stack(daily), stack(jobs, "nomad-bitcoin", "b"))).toEqual([]);
    expect(check(stack(daily), stack([jobs[1]], "nomad-bitcoin", "b"), stack([jobs[0]], "nomad-main", "c"))).toEqual([]);
    expect(check(stack(daily), stack([jobs[1]], "nomad-main", "b"), stack([jobs[0]], "nomad-bitcoin", "c"))).toEqual([notRun("glusterfs_a_data", "daily", DAILY.cron)]);
    expect(check(stack([daily[0]]), stack([...jobs, ...listed("glusterfs_a_data", ["daily"])], "nomad-main", "b"))).toEqual([]);
    expect(check(stack([daily[0]]), stack(jobs, "nomad-main", "b"), stack(listed("glusterfs_a_data", ["daily"]), "nomad-bitcoin", "c"))).toEqual([notListed("glusterfs_a_data", "daily", DAILY.cron)]);
  });

  test("files named to go off-site are listed for the off-site plan, each under the volume", () => {
    const offsite = { plans: [WEEKLY], offsite: ["keys/signing.key", "db.sqlite"] };
    const lists = [...listed("glusterfs_a_data", ["weekly"]), listVar("backups/offsite/volumes/glusterfs_a_data", { items: "glusterfs_a_data/keys/signing.key" })];
    expect(check(stack([volume("glusterfs_a_data", offsite), ...lists]), stack([...jobs, backupJob("offsite", "30 2 * * *")], "nomad-main", "b"))).toEqual([
      notListed("glusterfs_a_data", "offsite", "30 2 * * *", "glusterfs_a_data/db.sqlite"),
    ]);
  });

  test("a listed plan that only shares the off-site plan's name is a plan like any other: its list must name the whole volume", () => {
    // BackupListing gives such a plan the whole volume (only the OFFSITE plan itself takes the named files).
    const namesake = { name: "offsite", cron: "0 5 * * *", keepDays: 30, store: "copies" };
    const itsJob = backupJob("offsite", "0 5 * * *");
    expect(check(stack([volume("glusterfs_a_data", { plans: [namesake] })]), stack([...jobs, itsJob], "nomad-main", "b"))).toEqual([notListed("glusterfs_a_data", "offsite", "0 5 * * *")]);
    expect(check(stack([volume("glusterfs_a_data", { plans: [namesake] }), ...listed("glusterfs_a_data", ["offsite"])]), stack([...jobs, itsJob], "nomad-main", "b"))).toEqual([]);
  });

  test("a stack without a cluster is named -", () => {
    const plain = { id: "p", resources: [volume("glusterfs_b_data", { plans: [DAILY] })] };
    expect(check(plain, { id: "q", resources: [backupJob("weekly", WEEKLY.cron)] })).toEqual([expect.stringMatching(/no periodic batch job of cluster - runs it/), expect.stringMatching(/no Nomad variable under backups\/daily\/ lists glusterfs_b_data/)]);
  });
});
