import { Job as JobResource } from "@cdktf/provider-nomad/lib/job";
import { GlusterCsiVolume } from "../../constructs/gluster-csi-volume";
import { LitestreamSidecar } from "../../constructs/litestream-sidecar";
import { NomadJob } from "../../constructs/nomad-job";
import { NomadSchedulerConfig } from "../../constructs/nomad-scheduler-config";
import { archConstraint } from "../../jobspecs/common";
import { connectService } from "../../jobspecs/connect";
import { Job, Task, TaskGroup } from "../../jobspecs/model";
import { toTerraformJobspec } from "../../jobspecs/render";
import { NOMAD_RULES } from "../../policy/packs/nomad";
import { SynthResource } from "../../policy/rule";
import { nomadArchConstraint } from "../../policy/rules/nomad-arch-constraint";
import { nomadConnectSidecarMemory } from "../../policy/rules/nomad-connect-sidecar-memory";
import { nomadCsiVolumeNaming } from "../../policy/rules/nomad-csi-volume-naming";
import { nomadLitestreamPairing } from "../../policy/rules/nomad-litestream-pairing";
import { nomadMemoryMaxOversubscription } from "../../policy/rules/nomad-memory-max-oversubscription";
import { nomadMountsDeclaredVolumes } from "../../policy/rules/nomad-mounts-declared-volumes";
import { nomadNodePluginSystem } from "../../policy/rules/nomad-node-plugin-system";
import { nomadSqliteOffVolumes } from "../../policy/rules/nomad-sqlite-off-volumes";
import { findingsOf, providerOf } from "../helpers/rules";
import { checkApp, testStack, NO_BACKUP } from "../helpers/synth";
import { context, group, job, jobResource, litestream, litestreamFor, other, stack, task, volumeResource } from "./nomad-rules.fixtures";

test("the Nomad pack has the twelve rules, ids HL-NOMAD-1 … 12, and the volumes' backup rule HL-BACKUP-1", () => {
  expect(NOMAD_RULES.map((r) => r.id)).toEqual([...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((n) => `HL-NOMAD-${n}`), "HL-BACKUP-1"]);
});

describe("HL-NOMAD-1 Connect sidecar memory", () => {
  test("compliant: connectService's defaults", () => {
    expect(nomadConnectSidecarMemory.check(jobResource(job([group({ Services: [connectService({ name: "web", port: 80 })] })])), context)).toEqual([]);
  });
  test("non-compliant: a sidecar with Nomad's default resources", () => {
    const bare = { Name: "web", PortLabel: "80", Connect: { SidecarService: {} } };
    expect(nomadConnectSidecarMemory.check(jobResource(job([group({ Services: [bare] })])), context)).toEqual([
      expect.stringMatching(/group web service web: sidecar memory unset \(Nomad's default 128\) MiB is below 256 MiB/),
      expect.stringMatching(/sidecar memory_max unset MiB is below 512 MiB/),
    ]);
  });
  test("not applicable: jobs without Connect, other resources", () => {
    expect(nomadConnectSidecarMemory.check(jobResource(job([group()])), context)).toBe("not-applicable");
    expect(nomadConnectSidecarMemory.check(other, context)).toBe("not-applicable");
  });
});

describe("HL-NOMAD-2 Litestream pairing, count and sticky disk", () => {
  const withLitestream = (extra: Partial<TaskGroup> = {}, tasks = litestream) =>
    jobResource(job([group({ Count: 1, EphemeralDisk: { Sticky: true, Migrate: true }, Tasks: [task("app"), ...tasks], ...extra })]));
  const [restore, replicate] = litestream;
  const GENERAL_FIX = /^add Litestream with LitestreamSidecar/;
  test("compliant: restore + replicate, count 1, sticky migrating disk", () => {
    expect(nomadLitestreamPairing.check(withLitestream(), context)).toEqual([]);
  });
  test("replicate without restore: the sidecar is there, so the fix is its restore half", () => {
    expect(nomadLitestreamPairing.check(withLitestream({}, [replicate]), context)).toEqual([
      {
        message: expect.stringMatching(/without a prestart, non-sidecar restore task/),
        fix: expect.stringMatching(/^the replicating sidecar litestream is already there: add its restore half, a task running litestream restore -if-db-not-exists -if-replica-exists with lifecycle hook prestart, sidecar false/),
      },
    ]);
  });
  test("restore without replicate: nothing replicates yet, so the fix is LitestreamSidecar", () => {
    expect(nomadLitestreamPairing.check(withLitestream({}, [restore]), context)).toEqual([
      { message: expect.stringMatching(/without a replicate sidecar task/), fix: expect.stringMatching(GENERAL_FIX) },
    ]);
  });
  test("a replicate task that is not a sidecar: the fix makes it one", () => {
    const notSidecar: Task = { ...replicate, Lifecycle: { Hook: "poststart" } };
    expect(nomadLitestreamPairing.check(withLitestream({}, [restore, notSidecar]), context)).toEqual([
      { message: expect.stringMatching(/without a replicate sidecar task/), fix: "task litestream already runs litestream replicate: give it lifecycle hook poststart, sidecar true, so it runs beside the app for the allocation's life" },
    ]);
  });
  test("a restore without its guards: the fix names the missing flags and the task", () => {
    const bare = { ...restore, Config: { ...restore.Config, args: (restore.Config.args ?? []).filter((a) => a !== "-if-replica-exists") } };
    expect(nomadLitestreamPairing.check(withLitestream({}, [bare, replicate]), context)).toEqual([
      { message: expect.stringMatching(/task litestream-restore restores without -if-replica-exists/), fix: "add -if-replica-exists to task litestream-restore's args, before the database path" },
    ]);
  });
  test("count 2 and a disk that is not sticky, with both tasks there: the fix says where to set them, not to add LitestreamSidecar", () => {
    const problems = nomadLitestreamPairing.check(withLitestream({ Count: 2, EphemeralDisk: { Sticky: false, Migrate: true } }), context);
    expect(problems).toEqual([
      { message: expect.stringMatching(/group web has count 2; Litestream allows one replicating writer/), fix: expect.stringMatching(/^the Litestream tasks are already there, so adding LitestreamSidecar is not the fix: set count 1 where group web's count is written/) },
      {
        message: expect.stringMatching(/ephemeral_disk sticky=false migrate=true; both must be true/),
        fix: expect.stringMatching(/^the Litestream tasks are already there, so adding LitestreamSidecar is not the fix: set sticky and migrate to true where group web's ephemeral_disk is written/),
      },
    ]);
  });
  test("count 2 without a replicating sidecar: LitestreamSidecar fixes it (it sets count 1)", () => {
    expect(nomadLitestreamPairing.check(withLitestream({ Count: 2 }, [restore]), context)).toContainEqual({ message: expect.stringMatching(/has count 2/), fix: expect.stringMatching(GENERAL_FIX) });
  });
  test("through synth: a group whose count is raised after LitestreamSidecar gets the fix that fits", () => {
    const report = checkApp((app) => {
      const s = testStack(app, { cluster: "nomad-main" });
      const j = new NomadJob(s, "Job", { job: job([group()]) });
      new LitestreamSidecar(s, "Litestream", { group: j.group("web"), databases: ["/alloc/data/web.db"], replica: { bucket: "litestream", path: "web" }, credentials: { source: "nomad-variable", path: "nomad/jobs/web" } });
      j.group("web").spec.Count = 3;
    });
    const findings = report.findings.filter((f) => f.ruleId === "HL-NOMAD-2");
    expect(findings.map((f) => [f.path, f.message, f.fix])).toEqual([
      ["test/Job/Resource", "group web has count 3; Litestream allows one replicating writer, so count must be 1", expect.stringMatching(/^the Litestream tasks are already there.*set count 1 where group web's count is written/)],
    ]);
  });
  test("not applicable: groups without Litestream", () => {
    expect(nomadLitestreamPairing.check(jobResource(job([group()])), context)).toBe("not-applicable");
    expect(nomadLitestreamPairing.check(other, context)).toBe("not-applicable");
  });
});

describe("HL-NOMAD-3 SQLite never under a volume mount", () => {
  const mounted = (t: Task) => ({ ...t, VolumeMounts: [{ Volume: "config", Destination: "/config" }] });
  test("compliant: the Litestream database on /alloc/data while config is on a volume", () => {
    expect(nomadSqliteOffVolumes.check(jobResource(job([group({ Tasks: [mounted(task("app")), ...litestream] })])), context)).toEqual([]);
  });
  test("non-compliant: a Litestream database under the volume mount", () => {
    const onVolume = litestreamFor("/config/app.db");
    const problems = nomadSqliteOffVolumes.check(jobResource(job([group({ Tasks: [mounted(task("app")), ...onVolume] })])), context);
    expect(problems).toContainEqual(expect.stringMatching(/SQLite database \/config\/app.db .* is under volume config mounted at \/config in task app; network file locking corrupts SQLite/));
  });
  test("non-compliant: an app pointed at SQLite on its volume through the environment", () => {
    const app = mounted(task("app", { Env: { DATABASE_URL: "sqlite:////config/app.sqlite3" } }));
    expect(nomadSqliteOffVolumes.check(jobResource(job([group({ Tasks: [app] })])), context)).toEqual([
      expect.stringMatching(/SQLite database \/config\/app.sqlite3 \(task app env DATABASE_URL\) is under volume config/),
    ]);
  });
  test("not applicable: no SQLite declared anywhere", () => {
    expect(nomadSqliteOffVolumes.check(jobResource(job([group({ Tasks: [mounted(task("app"))] })])), context)).toBe("not-applicable");
    expect(nomadSqliteOffVolumes.check(other, context)).toBe("not-applicable");
  });
  test("cannot be acknowledged", () => {
    expect(nomadSqliteOffVolumes.acknowledgeable).toBe(false);
  });
});

describe("HL-NOMAD-4 CSI volume naming per plugin", () => {
  test("compliant: glusterfs_<service>_<type> and martinibar_prod_<service>_<type>", () => {
    expect(nomadCsiVolumeNaming.check(volumeResource("glusterfs_matrix_synapse_config"), context)).toEqual([]);
    expect(nomadCsiVolumeNaming.check(volumeResource("martinibar_prod_forgejo_data", { plugin_id: "martinibar" }), context)).toEqual([]);
  });
  test("non-compliant: the wrong prefix for the plugin, a bad segment, a name that differs", () => {
    expect(nomadCsiVolumeNaming.check(volumeResource("martinibar_forgejo_data", { plugin_id: "martinibar" }), context)).toEqual([
      expect.stringMatching(/volume_id "martinibar_forgejo_data" of plugin martinibar does not match martinibar_prod_<service>_<type>/),
    ]);
    expect(nomadCsiVolumeNaming.check(volumeResource("glusterfs_Matrix-data"), context)).toHaveLength(1);
    expect(nomadCsiVolumeNaming.check(volumeResource("glusterfs_a_b", { name: "a-b" }), context)).toEqual([expect.stringMatching(/name "a-b" differs from volume_id "glusterfs_a_b"/)]);
  });
  test("not applicable: other resources", () => {
    expect(nomadCsiVolumeNaming.check(jobResource(job([group()])), context)).toBe("not-applicable");
  });
});

describe("HL-NOMAD-5 jobs mount only declared volumes with a matching capability", () => {
  const mounting = (source: string, modes: { AccessMode?: any; AttachmentMode?: any } = { AccessMode: "single-node-writer", AttachmentMode: "file-system" }, extra: Partial<Job> = {}) =>
    jobResource(job([group({ Volumes: { data: { Name: "data", Type: "csi", Source: source, ...modes } } })], extra));
  test("compliant: the volume is declared in the same cluster, with that capability", () => {
    expect(nomadMountsDeclaredVolumes.check([stack([volumeResource("glusterfs_web_data")]), stack([mounting("glusterfs_web_data")], "nomad-main", "t")], context)).toEqual([]);
  });
  test("non-compliant: nobody declares the volume", () => {
    expect(nomadMountsDeclaredVolumes.check([stack([mounting("glusterfs_web_data")])], context)).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/mounts CSI volume glusterfs_web_data, which no stack of cluster nomad-main declares in namespace default/) }),
    ]);
  });
  test("non-compliant: declared on the other cluster or in another namespace", () => {
    const declared = stack([volumeResource("glusterfs_web_data")], "nomad-bitcoin", "b");
    expect(nomadMountsDeclaredVolumes.check([declared, stack([mounting("glusterfs_web_data")])], context)).toHaveLength(1);
    expect(nomadMountsDeclaredVolumes.check([stack([volumeResource("glusterfs_web_data"), mounting("glusterfs_web_data", undefined, { Namespace: "bitcoin" })])], context)).toHaveLength(1);
  });
  test("non-compliant: the capability differs", () => {
    const problems = nomadMountsDeclaredVolumes.check([stack([volumeResource("glusterfs_web_data"), mounting("glusterfs_web_data", { AccessMode: "multi-node-multi-writer", AttachmentMode: "file-system" })])], context);
    expect(problems.map((p) => p.message)).toEqual([expect.stringMatching(/asks for multi-node-multi-writer\/file-system but volume glusterfs_web_data offers single-node-writer\/file-system/)]);
  });
  test("per_alloc volumes match the declared <source>[n] volumes", () => {
    const perAlloc = jobResource(job([group({ Volumes: { data: { Name: "data", Type: "csi", Source: "glusterfs_web_data", PerAlloc: true, AccessMode: "single-node-writer", AttachmentMode: "file-system" } } })]));
    expect(nomadMountsDeclaredVolumes.check([stack([volumeResource("glusterfs_web_data[0]"), perAlloc])], context)).toEqual([]);
  });
  test("not applicable: host volumes and jobs without volumes raise nothing", () => {
    const host = jobResource(job([group({ Volumes: { h: { Name: "h", Type: "host", Source: "docker-sock" } } })]));
    expect(nomadMountsDeclaredVolumes.check([stack([host, jobResource(job([group()])), other])], context)).toEqual([]);
  });
});

describe("HL-NOMAD-6 node plugin jobs are system and privileged, and plugins name their driver with their id", () => {
  const plugin = (privileged: boolean, args = ["--csi-name=glusterfs"]) =>
    task("plugin", { Config: { image: "docker.io/democraticcsi/democratic-csi:v1.9.4", privileged, args }, CSIPluginConfig: { ID: "glusterfs", Type: "node", MountDir: "/csi" } });
  test("compliant: a privileged system job", () => {
    expect(nomadNodePluginSystem.check(jobResource(job([group({ Tasks: [plugin(true)] })], { Type: "system" })), context)).toEqual([]);
  });
  test("non-compliant: a service job with an unprivileged plugin", () => {
    expect(nomadNodePluginSystem.check(jobResource(job([group({ Tasks: [plugin(false)] })])), context)).toEqual([
      expect.stringMatching(/runs a CSI node plugin but is type "service"/),
      expect.stringMatching(/task plugin is a CSI node plugin but not privileged/),
    ]);
  });
  test("non-compliant: a driver named otherwise than its csi_plugin id, or not named at all", () => {
    const system = (args: string[]) => jobResource(job([group({ Tasks: [plugin(true, args)] })], { Type: "system" }));
    expect(nomadNodePluginSystem.check(system(["--csi-name=gluster"]), context)).toEqual([
      expect.stringMatching(/task plugin is CSI plugin glusterfs but names its driver "gluster": the csi_plugin id and the driver's name must be equal/),
    ]);
    expect(nomadNodePluginSystem.check(system(["--endpoint=unix:///csi/csi.sock"]), context)).toEqual([
      expect.stringMatching(/passes no driver name \(--csi-name, --drivername\): the driver registers under its own default name/),
    ]);
  });
  test("compliant: csi-driver-nfs' --drivername, in either flag form, on a controller too", () => {
    const controller = (args: string[]) => task("plugin", { Config: { image: "registry.k8s.io/sig-storage/nfsplugin:v4.12.1", args }, CSIPluginConfig: { ID: "nfs", Type: "controller", MountDir: "/csi" } });
    expect(nomadNodePluginSystem.check(jobResource(job([group({ Tasks: [controller(["--drivername=nfs"])] })])), context)).toEqual([]);
    expect(nomadNodePluginSystem.check(jobResource(job([group({ Tasks: [controller(["--drivername", "nfs"])] })])), context)).toEqual([]);
    expect(nomadNodePluginSystem.check(jobResource(job([group({ Tasks: [controller([])] })])), context)).toEqual([expect.stringMatching(/passes no driver name/)]);
  });
  test("not applicable: ordinary jobs", () => {
    expect(nomadNodePluginSystem.check(jobResource(job([group()])), context)).toBe("not-applicable");
  });
});

describe("HL-NOMAD-7 memory_max needs memory oversubscription on the job's cluster", () => {
  const scheduler: SynthResource = { type: "nomad_scheduler_config", path: "c/S", stackId: "c", attributes: { memory_oversubscription_enabled: true } };
  const usesMax = jobResource(job([group({ Tasks: [task("app", { Resources: { MemoryMB: 64, MemoryMaxMB: 128 } })] })]));
  test("compliant: a stack of the cluster enables it", () => {
    expect(nomadMemoryMaxOversubscription.check([stack([scheduler], "nomad-main", "c"), stack([usesMax])], context)).toEqual([]);
  });
  test("non-compliant: no stack enables it, or only a stack of the other cluster", () => {
    const expected = [expect.objectContaining({ message: expect.stringMatching(/job web sets memory_max \(group web task app \(memory_max 128\)\) but no stack of cluster nomad-main enables memory oversubscription/) })];
    expect(nomadMemoryMaxOversubscription.check([stack([usesMax])], context)).toEqual(expected);
    expect(nomadMemoryMaxOversubscription.check([stack([scheduler], "nomad-bitcoin", "c"), stack([usesMax])], context)).toEqual(expected);
  });
  test("Connect sidecars' memory_max counts too", () => {
    const connect = jobResource(job([group({ Services: [connectService({ name: "web", port: 80 })] })]));
    expect(nomadMemoryMaxOversubscription.check([stack([connect])], context)[0].message).toMatch(/sidecar of web \(memory_max 512\)/);
  });
  test("not applicable: jobs without memory_max", () => {
    expect(nomadMemoryMaxOversubscription.check([stack([jobResource(job([group()])), other])], context)).toEqual([]);
  });
});

describe("HL-NOMAD-8 single-arch images carry an arch constraint on mixed clusters (warning)", () => {
  const appflowy = task("app", { Config: { image: "docker.io/appflowyinc/appflowy_cloud:0.11.9" } });
  test("is a warning", () => expect(nomadArchConstraint.level).toBe("warning"));
  test("compliant: constrained to amd64, or to a node that is amd64, or a multi-arch image", () => {
    expect(nomadArchConstraint.check([stack([jobResource(job([group({ Tasks: [appflowy], Constraints: [archConstraint("amd64")] })]))])], context)).toEqual([]);
    const onHestia = { LTarget: "${node.unique.name}", Operand: "=" as const, RTarget: "hestia" };
    expect(nomadArchConstraint.check([stack([jobResource(job([group({ Tasks: [appflowy], Constraints: [onHestia] })]))])], context)).toEqual([]);
    expect(nomadArchConstraint.check([stack([jobResource(job([group()]))])], context)).toEqual([]);
  });
  test("non-compliant: an amd64-only image free to land on the arm64 nodes", () => {
    expect(nomadArchConstraint.check([stack([jobResource(job([group({ Tasks: [appflowy] })]))])], context).map((p) => p.message)).toEqual([
      expect.stringMatching(/image docker.io\/appflowyinc\/appflowy_cloud:0.11.9 is published for amd64 but may be placed on arm64 nodes/),
    ]);
  });
  test("non-compliant: an image the catalog does not know, unconstrained", () => {
    const unknown = task("app", { Config: { image: "ghcr.io/someone/thing:1.0" } });
    expect(nomadArchConstraint.check([stack([jobResource(job([group({ Tasks: [unknown] })]))])], context)).toHaveLength(1);
  });
  test("not applicable: a single-architecture cluster (the Pi cluster)", () => {
    expect(nomadArchConstraint.check([stack([jobResource(job([group({ Tasks: [appflowy] })]))], "nomad-bitcoin")], context)).toEqual([]);
  });
});

describe("the rules run in the real synth pipeline", () => {
  test("a Connect job with no scheduler config in the estate is refused by HL-NOMAD-7", () => {
    const findings = findingsOf("HL-NOMAD-7", "nomad-main", (s) => new NomadJob(s, "Job", { job: job([group({ Services: [connectService({ name: "web", port: 80 })] })]) }));
    expect(findings).toEqual([expect.stringMatching(/^test\/Job\/Resource: job web sets memory_max/)]);
  });

  test("with NomadSchedulerConfig in any stack of the cluster, it passes", () => {
    const report = checkApp((app) => {
      new NomadSchedulerConfig(testStack(app, { id: "nomad-cluster", cluster: "nomad-main" }), "Scheduler");
      new NomadJob(testStack(app, { cluster: "nomad-main" }), "Job", { job: job([group({ Services: [connectService({ name: "web", port: 80 })] })]) });
    });
    expect(report.findings.filter((f) => f.ruleId.startsWith("HL-NOMAD"))).toEqual([]);
  });

  test("a raw nomad_job mounting an undeclared volume is caught by HL-NOMAD-5", () => {
    const findings = findingsOf("HL-NOMAD-5", "nomad-main", (s) => {
      new JobResource(s, "Raw", {
        provider: providerOf(s, "nomad"),
        json: true,
        jobspec: toTerraformJobspec(job([group({ Volumes: { d: { Name: "d", Type: "csi", Source: "glusterfs_ghost_data", AccessMode: "single-node-writer", AttachmentMode: "file-system" } } })])),
      });
    });
    expect(findings).toEqual([expect.stringMatching(/test\/Raw: group web volume d mounts CSI volume glusterfs_ghost_data, which no stack/)]);
  });

  test("constructs produce nothing the Nomad rules object to", () => {
    const report = checkApp((app) => {
      const s = testStack(app, { cluster: "nomad-main" });
      new NomadSchedulerConfig(s, "Scheduler");
      const j = new NomadJob(s, "Job", { job: job([group({ Services: [connectService({ name: "web", port: 80 })] })]) });
      j.group("web").mount(new GlusterCsiVolume(s, "Data", { criticality: "medium", backup: NO_BACKUP, service: "web", type: "data" }), { destination: "/data" });
      new LitestreamSidecar(s, "Litestream", {
        group: j.group("web"),
        databases: ["/alloc/data/web.db"],
        replica: { bucket: "litestream", path: "web" },
        credentials: { source: "nomad-variable", path: "nomad/jobs/web" },
      });
    });
    expect(report.findings.filter((f) => f.ruleId.startsWith("HL-NOMAD"))).toEqual([]);
  });
});
