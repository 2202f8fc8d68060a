/**
 * The readers the Nomad rules share (policy/rules/nomad-support.ts), on the jobs a hand-written
 * or overridden jobspec can hold: fields left out, volumes that are not CSI, services without
 * sidecar limits. The rules' own tests reach these only through their fixtures.
 */
import { Task, TaskGroup } from "../../jobspecs/model";
import { groupDatabases, isLitestreamTask, memoryMaxUses, nomadJobOf, writableCsiMounts } from "../../policy/rules/nomad-support";
import { group, job, jobResource, litestream, task } from "./nomad-rules.fixtures";

/** A task as a jobspec written by hand may hold it, without the fields the typed model requires. */
const handWritten = (fields: Record<string, unknown>) => fields as unknown as Task;

describe("writableCsiMounts: the CSI volumes a task may write to", () => {
  const volumes: TaskGroup["Volumes"] = {
    data: { Name: "data", Type: "csi", Source: "glusterfs_app_data", AccessMode: "single-node-writer", AttachmentMode: "file-system" },
    media: { Name: "media", Type: "csi", Source: "glusterfs_app_media", AccessMode: "multi-node-reader-only", AttachmentMode: "file-system" },
    scratch: { Name: "scratch", Type: "host", Source: "scratch" },
  };
  const mounts = (t: Task) => writableCsiMounts(group({ Volumes: volumes, Tasks: [t] }), t).map((m) => m.Destination);

  test("a writable mount of a CSI volume, not a read-only one, a host volume or a volume the group does not declare", () => {
    const t = task("app", {
      VolumeMounts: [
        { Volume: "data", Destination: "/data" },
        { Volume: "media", Destination: "/media", ReadOnly: true },
        { Volume: "scratch", Destination: "/scratch" },
        { Volume: "missing", Destination: "/missing" },
        { Volume: "data", Destination: "/data2", ReadOnly: false },
      ],
    });
    expect(mounts(t)).toEqual(["/data", "/data2"]);
  });

  test("no mounts, and a group without volumes", () => {
    expect(mounts(task("app"))).toEqual([]);
    const t = task("app", { VolumeMounts: [{ Volume: "data", Destination: "/data" }] });
    expect(writableCsiMounts(group({ Tasks: [t] }), t)).toEqual([]);
  });
});

test("nomadJobOf reads only a nomad_job: another resource carrying a jobspec is no job", () => {
  const resource = jobResource(job([group()]));
  expect(nomadJobOf(resource)?.ID).toBe("web");
  expect(nomadJobOf({ ...resource, type: "terraform_data" })).toBeUndefined();
});

test("isLitestreamTask: a task without a config or an image runs no Litestream", () => {
  expect(isLitestreamTask(litestream[0])).toBe(true);
  expect(isLitestreamTask(handWritten({ Name: "cmd", Driver: "raw_exec" }))).toBe(false);
  expect(isLitestreamTask(handWritten({ Name: "cmd", Driver: "raw_exec", Config: { command: "litestream" } }))).toBe(false);
});

describe("groupDatabases on hand-written tasks", () => {
  const paths = (...tasks: Task[]) => groupDatabases(group({ Tasks: tasks })).map((d) => `${d.path} (${d.source})`);

  test("a template without a destination is not litestream.yml, and nothing breaks", () => {
    const t = task("app", { Templates: [handWritten({ EmbeddedTmpl: "dbs:\n  - path: /alloc/data/x.db\n" }) as never] });
    expect(paths(t)).toEqual([]);
  });

  test("a scheme or file: is taken off the front only: a path that holds one further on is kept whole", () => {
    const t = task("app", { Env: { A: "/data/sqlite://app.db", B: "/data/file:old/app.db", C: "sqlite:///data/c.db" } });
    expect(paths(t)).toEqual(["/data/sqlite://app.db (task app env A)", "/data/file:old/app.db (task app env B)", "/data/c.db (task app env C)"]);
  });
});

describe("memoryMaxUses: every memory_max of a job, Connect sidecars included", () => {
  const sidecarService = (name: string, memoryMax?: number) => ({
    Name: name,
    Connect: { SidecarService: {}, SidecarTask: { Resources: { MemoryMB: 32, ...(memoryMax === undefined ? {} : { MemoryMaxMB: memoryMax }) } } },
  });

  test("tasks and sidecars that set it, named by group, task or service, with the value", () => {
    const g = group({
      Name: "web",
      Services: [sidecarService("web", 128), sidecarService("plain")],
      Tasks: [task("app", { Resources: { MemoryMB: 64, MemoryMaxMB: 256 }, Services: [sidecarService("api", 96)] }), task("small")],
    });
    expect(memoryMaxUses(job([g]))).toEqual([
      "group web task app (memory_max 256)",
      "group web sidecar of web (memory_max 128)",
      "group web sidecar of api (memory_max 96)",
    ]);
  });

  test("none when no task or sidecar sets it, memory_max 0 included; a task without resources is read too", () => {
    const g = group({
      Services: [sidecarService("web"), sidecarService("zero", 0), { Name: "bare" }],
      Tasks: [task("app", { Resources: { MemoryMB: 64, MemoryMaxMB: 0 } }), handWritten({ Name: "raw", Driver: "raw_exec" })],
    });
    expect(memoryMaxUses(job([g]))).toEqual([]);
  });
});
