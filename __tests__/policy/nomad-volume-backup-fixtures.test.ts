import { DAILY, WEEKLY } from "../../jobspecs/backup-plans";
import { Job } from "../../jobspecs/model";
import { SynthResource } from "../../policy/rule";
import { nomadVolumeBackup } from "../../policy/rules/nomad-volume-backup";
import { context, group, job, jobResource, other, stack, task, volumeResource } from "./nomad-rules.fixtures";

/** A volume whose construct recorded `choice` in its "//" comment, as the volume constructs do. */
const volume = (id: string, choice?: unknown, extra: Record<string, unknown> = {}): SynthResource => ({
  ...volumeResource(id, extra),
  path: `s/${id}/Resource`,
  comment: choice === undefined ? undefined : { homelab_backup: choice },
});
/** A periodic batch job of plan `plan` binding the given host paths into its task. */
const backupJob = (plan: string, cron: string, sources: string[], extra: Partial<Job> = {}) =>
  jobResource(
    job([group({ Tasks: [task("backup", { Config: { image: "docker.io/library/busybox:1.37.0", mount: sources.map((source) => ({ type: "bind" as const, source, target: `/in${source}` })) } })] })], {
      ID: `backup-${plan}`,
      Type: "batch",
      Periodic: { Enabled: true, Spec: cron, SpecType: "cron", ProhibitOverlap: true },
      Meta: { "backup-plan": plan },
      ...extra,
    }),
    "b",
  );
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
  const jobs = [backupJob("daily", DAILY.cron, ["/storage/v/glusterfs_a_data"]), backupJob("weekly", WEEKLY.cron, ["/storage/v/glusterfs_a_data", "/storage/v/glusterfs_b_data"])];

  test("compliant: a job of each plan's schedule reads the volume from /storage/v", () => {
    expect(check(stack([volume("glusterfs_a_data", plans)]), stack(jobs, "nomad-main", "b"))).toEqual([]);
  });

  test("non-compliant: no job of that schedule reads it, naming the plan, its cron, the cluster and the path", () => {
    expect(check(stack([volume("glusterfs_b_data", plans)]), stack(jobs, "nomad-main", "b"))).toEqual([
      "s s/glusterfs_b_data/Resource: volume glusterfs_b_data chose backup plan daily (0 2 * * *), but no periodic batch job of cluster nomad-main reads /storage/v/glusterfs_b_data on that schedule",
    ]);
  });

  test("only periodic, enabled, batch jobs that say which plan they carry out read anything; bind mounts only", () => {
    const notBackups = [
      backupJob("daily", DAILY.cron, ["/storage/v/glusterfs_a_data"], { Type: "service" }),
      backupJob("daily", DAILY.cron, ["/storage/v/glusterfs_a_data"], { Periodic: { Enabled: false, Spec: DAILY.cron, SpecType: "cron" } }),
      backupJob("daily", DAILY.cron, ["/storage/v/glusterfs_a_data"], { Meta: {} }),
      jobResource(job([group({ Tasks: [task("t", { Config: { image: "busybox:1.37.0", mount: [{ type: "volume", source: "/storage/v/glusterfs_a_data", target: "/in" }, { type: "bind", target: "/x" }] } })] })], { Type: "batch", Periodic: { Enabled: true, Spec: DAILY.cron, SpecType: "cron" }, Meta: { "backup-plan": "daily" } })),
    ];
    const found = check(stack([volume("glusterfs_a_data", { plans: [DAILY] })]), stack([...notBackups, backupJob("weekly", WEEKLY.cron, [])], "nomad-main", "b"));
    expect(found).toEqual([expect.stringMatching(/chose backup plan daily \(0 2 \* \* \*\), but no periodic batch job of cluster nomad-main reads \/storage\/v\/glusterfs_a_data/)]);
  });

  test("backup jobs of another cluster do not count, those of other stacks of the same cluster do", () => {
    expect(check(stack([volume("glusterfs_a_data", { plans: [DAILY] })]), stack(jobs, "nomad-bitcoin", "b"))).toEqual([]);
    expect(check(stack([volume("glusterfs_a_data", { plans: [DAILY] })]), stack([jobs[1]], "nomad-bitcoin", "b"), stack([jobs[0]], "nomad-main", "c"))).toEqual([]);
    expect(check(stack([volume("glusterfs_a_data", { plans: [DAILY] })]), stack([jobs[1]], "nomad-main", "b"), stack([jobs[0]], "nomad-bitcoin", "c"))).toHaveLength(1);
  });

  test("files named to go off-site are read by the off-site plan, each under the volume", () => {
    const offsite = { plans: [WEEKLY], offsite: ["keys/signing.key", "db.sqlite"] };
    const offsiteJob = backupJob("offsite", "30 2 * * *", ["/storage/v/glusterfs_a_data/keys/signing.key"]);
    expect(check(stack([volume("glusterfs_a_data", offsite)]), stack([...jobs, offsiteJob], "nomad-main", "b"))).toEqual([
      "s s/glusterfs_a_data/Resource: volume glusterfs_a_data chose backup plan offsite (30 2 * * *), but no periodic batch job of cluster nomad-main reads /storage/v/glusterfs_a_data/db.sqlite on that schedule",
    ]);
  });

  test("a listed plan that only shares the off-site plan's name is a plan like any other: a job of its schedule must read the whole volume", () => {
    // NomadBackupsStack gives such a plan the whole volume (only the OFFSITE plan itself takes the named files).
    const namesake = { name: "offsite", cron: "0 5 * * *", keepDays: 30, store: "copies" };
    expect(check(stack([volume("glusterfs_a_data", { plans: [namesake] })]), stack(jobs, "nomad-main", "b"))).toEqual([
      "s s/glusterfs_a_data/Resource: volume glusterfs_a_data chose backup plan offsite (0 5 * * *), but no periodic batch job of cluster nomad-main reads /storage/v/glusterfs_a_data on that schedule",
    ]);
    const itsJob = backupJob("offsite", "0 5 * * *", ["/storage/v/glusterfs_a_data"]);
    expect(check(stack([volume("glusterfs_a_data", { plans: [namesake] })]), stack([...jobs, itsJob], "nomad-main", "b"))).toEqual([]);
  });

  test("a stack without a cluster is named -", () => {
    const plain = { id: "p", resources: [volume("glusterfs_b_data", { plans: [DAILY] })] };
    expect(check(plain, { id: "q", resources: [jobs[0]] })).toEqual([expect.stringMatching(/no periodic batch job of cluster - reads/)]);
  });
});
