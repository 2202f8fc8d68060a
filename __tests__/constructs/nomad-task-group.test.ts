import { Construct } from "constructs";
import { GlusterCsiVolume } from "../../constructs/gluster-csi-volume";
import { MartinibarNfsVolume } from "../../constructs/martinibar-nfs-volume";
import { NomadJob } from "../../constructs/nomad-job";
import { MountOptions } from "../../constructs/nomad-task-group";
import { Job, Task } from "../../jobspecs/model";
import { onlyResource, resourcesOf, synthApp, synthWith, testStack, NO_BACKUP } from "../helpers/synth";
import { lazy } from "../helpers/lazy";

const nomad = { cluster: "nomad-main" as const };
const task = (name: string): Task => ({ Name: name, Driver: "docker", Config: { image: "docker.io/library/nginx:1.29.4-alpine" }, Resources: { MemoryMB: 64 } });
const job = (tasks: Task[] = [task("app")]): Job => ({ ID: "web", Type: "service", Datacenters: ["dc1"], TaskGroups: [{ Name: "web", Tasks: tasks }] });
const jobOf = (stack: any) => JSON.parse(onlyResource(stack, "nomad_job").jobspec).Job;

describe("group.mount(volume)", () => {
  const stack = lazy(() => synthWith((s) => {
    const data = new GlusterCsiVolume(s, "Data", { criticality: "medium", backup: NO_BACKUP, service: "web", type: "data" });
    const media = new MartinibarNfsVolume(s, "Media", { criticality: "medium", backup: NO_BACKUP, service: "media", type: "library", accessMode: "multi-node-reader-only" });
    const j = new NomadJob(s, "Web", { job: job() });
    j.group("web").mount(data, { destination: "/data" });
    j.group("web").mount(media, { destination: "/media", readOnly: true });
  }, nomad));
  const group = lazy(() => jobOf(stack()).TaskGroups[0]);

  test("writes the group volume with the volume's id and modes", () => {
    expect(group().Volumes.glusterfs_web_data).toEqual({
      Name: "glusterfs_web_data",
      Type: "csi",
      Source: "glusterfs_web_data",
      ReadOnly: false,
      AccessMode: "single-node-writer",
      AttachmentMode: "file-system",
      PerAlloc: false,
    });
    expect(group().Volumes.martinibar_prod_media_library).toMatchObject({ ReadOnly: true, AccessMode: "multi-node-reader-only" });
  });

  test("writes the task's volume mount at the destination", () => {
    expect(group().Tasks[0].VolumeMounts).toEqual([
      { Volume: "glusterfs_web_data", Destination: "/data", ReadOnly: false, PropagationMode: "private" },
      { Volume: "martinibar_prod_media_library", Destination: "/media", ReadOnly: true, PropagationMode: "private" },
    ]);
  });

  test("makes the job depend on every volume it mounts", () => {
    const ids = Object.keys(resourcesOf(stack(), "nomad_csi_volume")).map((id) => `nomad_csi_volume.${id}`);
    expect([...onlyResource(stack(), "nomad_job").depends_on].sort()).toEqual(ids.sort());
  });
});

test("a volume mounted by several groups is one dependency of the job", () => {
  const stack = synthWith((s) => {
    // Read by two groups: a multi-node-reader-only volume (one claim each, HL-NOMAD-10).
    const shared = new GlusterCsiVolume(s, "Shared", { criticality: "medium", backup: NO_BACKUP, service: "web", type: "shared", accessMode: "multi-node-reader-only" });
    const j = new NomadJob(s, "Web", { job: { ...job(), TaskGroups: [{ Name: "a", Tasks: [task("a")] }, { Name: "b", Tasks: [task("b")] }] } });
    j.group("a").mount(shared, { destination: "/shared", readOnly: true });
    j.group("b").mount(shared, { destination: "/shared", readOnly: true });
  }, nomad);
  expect(onlyResource(stack, "nomad_job").depends_on).toHaveLength(1);
});

test("mounting into a named task of a group with several tasks", () => {
  const stack = synthWith((s) => {
    const j = new NomadJob(s, "Web", { job: job([task("app"), task("worker")]) });
    j.group("web").mount(new GlusterCsiVolume(s, "Data", { criticality: "medium", backup: NO_BACKUP, service: "web", type: "data" }), { destination: "/data", task: "worker" });
  }, nomad);
  const tasks = jobOf(stack).TaskGroups[0].Tasks;
  expect(tasks[0].VolumeMounts).toBeUndefined();
  expect(tasks[1].VolumeMounts[0].Destination).toBe("/data");
});

describe("bad mounts fail naming the job, the group and the value", () => {
  const mount = (opts: MountOptions, tasks?: Task[], volume?: (s: Construct) => GlusterCsiVolume) => () =>
    synthWith((s) => {
      const v = volume ? volume(s) : new GlusterCsiVolume(s, "Data", { criticality: "medium", backup: NO_BACKUP, service: "web", type: "data" });
      new NomadJob(s, "Web", { job: job(tasks) }).group("web").mount(v, opts);
    }, nomad);

  test("fails if the destination is relative", () => {
    expect(mount({ destination: "data" })).toThrow(/test\/Web: group web: destination "data" must be an absolute, normalized path/);
  });

  test("fails if the destination is inside Nomad's task directories", () => {
    expect(mount({ destination: "/alloc/data" })).toThrow(/destination \/alloc\/data is inside Nomad's task directories/);
  });

  test("fails if the group has several main tasks and none is named", () => {
    expect(mount({ destination: "/data" }, [task("a"), task("b")])).toThrow(/mounting glusterfs_web_data needs a task: the group has 2 main tasks \(a, b\)/);
  });

  test("fails if the named task does not exist", () => {
    expect(mount({ destination: "/data", task: "nope" })).toThrow(/has no task "nope"; tasks: app/);
  });

  test("fails if a reader-only volume is mounted writable", () => {
    expect(
      mount({ destination: "/data" }, undefined, (s) => new GlusterCsiVolume(s, "Ro", { criticality: "medium", backup: NO_BACKUP, service: "web", type: "ro", accessMode: "multi-node-reader-only" })),
    ).toThrow(/volume glusterfs_web_ro is multi-node-reader-only: mount it with readOnly: true/);
  });

  test("fails if two volumes are mounted at the same destination", () => {
    expect(() =>
      synthWith((s) => {
        const g = new NomadJob(s, "Web", { job: job() }).group("web");
        g.mount(new GlusterCsiVolume(s, "A", { criticality: "medium", backup: NO_BACKUP, service: "web", type: "a" }), { destination: "/data" });
        g.mount(new GlusterCsiVolume(s, "B", { criticality: "medium", backup: NO_BACKUP, service: "web", type: "b" }), { destination: "/data" });
      }, nomad),
    ).toThrow(/task app already has a volume mounted at \/data/);
  });

  test("fails if the volume is declared in another stack", () => {
    expect(() =>
      synthApp((app) => {
        const other = testStack(app, { id: "other", cluster: "nomad-main" });
        const v = new GlusterCsiVolume(other, "Data", { criticality: "medium", backup: NO_BACKUP, service: "web", type: "data" });
        new NomadJob(testStack(app, nomad), "Web", { job: job() }).group("web").mount(v, { destination: "/data" });
      }),
    ).toThrow(/volume glusterfs_web_data is declared in stack other; declare it in the job's stack test/);
  });
});
