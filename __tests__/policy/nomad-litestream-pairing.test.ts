import { Task, TaskGroup } from "../../jobspecs/model";
import { nomadLitestreamPairing } from "../../policy/rules/nomad-litestream-pairing";
import { isLitestreamTask, litestreamMode } from "../../policy/rules/nomad-support";
import { context, group, job, jobResource, litestream, other, task } from "./nomad-rules.fixtures";

const [restore, replicate] = litestream;
const paired = (extra: Partial<TaskGroup> = {}, tasks: Task[] = litestream): TaskGroup =>
  group({ Count: 1, EphemeralDisk: { Sticky: true, Migrate: true }, Tasks: [task("app"), ...tasks], ...extra });
/** The problems' messages: each case's fitted fix is tested in nomad-rules.test.ts. */
const check = (...groups: TaskGroup[]) => {
  const verdict = nomadLitestreamPairing.check(jobResource(job(groups)), context);
  return verdict === "not-applicable" ? verdict : verdict.map((p) => (typeof p === "string" ? p : p.message));
};
const withArgs = (t: Task, args: string[]): Task => ({ ...t, Config: { ...t.Config, args } });

describe("HL-NOMAD-2 which tasks are Litestream's", () => {
  test("the litestream repository, on any registry, at any tag or digest", () => {
    for (const image of ["docker.io/litestream/litestream:0.5.8", "litestream/litestream:0.3.13", "litestream:0.3", "registry.home.arpa:5000/mirror/litestream@sha256:" + "a".repeat(64)]) {
      expect([image, isLitestreamTask(task("t", { Config: { image } }))]).toEqual([image, true]);
    }
    for (const image of ["docker.io/benbjohnson/litestream-exporter:1.0", "docker.io/library/notlitestream:1", "litestream/litestream-extra:1"]) {
      expect([image, isLitestreamTask(task("t", { Config: { image } }))]).toEqual([image, false]);
    }
    expect(isLitestreamTask({ ...task("t"), Config: {} as Task["Config"] })).toBe(false);
  });
  test("its mode is its first argument, restore or replicate; anything else has none", () => {
    expect(litestreamMode(restore)).toBe("restore");
    expect(litestreamMode(replicate)).toBe("replicate");
    expect(litestreamMode(withArgs(replicate, ["databases"]))).toBeUndefined();
    expect(litestreamMode(withArgs(replicate, []))).toBeUndefined();
    expect(litestreamMode(withArgs(task("app"), ["restore"]))).toBeUndefined();
  });
});

describe("HL-NOMAD-2 a group with Litestream restores, replicates, runs once and keeps its disk", () => {
  test("compliant: LitestreamSidecar's tasks, count 1 (or unset), a sticky migrating disk", () => {
    expect(check(paired())).toEqual([]);
    expect(check(paired({ Count: undefined }))).toEqual([]);
  });

  test("non-compliant: the restore is not a prestart task that runs to completion", () => {
    const message = "group web runs Litestream without a prestart, non-sidecar restore task: a new allocation would start with an empty database";
    expect(check(paired({}, [replicate]))).toEqual([message]);
    expect(check(paired({}, [{ ...restore, Lifecycle: { Hook: "poststart", Sidecar: false } }, replicate]))).toEqual([message]);
    expect(check(paired({}, [{ ...restore, Lifecycle: { Hook: "prestart", Sidecar: true } }, replicate]))).toEqual([message]);
    expect(check(paired({}, [{ ...restore, Lifecycle: undefined }, replicate]))).toEqual([message]);
    // Sidecar left out means a task that runs to completion.
    expect(check(paired({}, [{ ...restore, Lifecycle: { Hook: "prestart" } }, replicate]))).toEqual([]);
  });

  test("non-compliant: a restore without -if-db-not-exists or -if-replica-exists, naming what is missing", () => {
    const args = (...flags: string[]) => check(paired({}, [withArgs(restore, ["restore", ...flags, "-config", "/local/litestream.yml", "/alloc/data/app.db"]), replicate]));
    expect(args("-if-replica-exists")).toEqual([
      "group web task litestream-restore restores without -if-db-not-exists: it would overwrite a database or fail on first start",
    ]);
    expect(args("-if-db-not-exists")).toEqual([
      "group web task litestream-restore restores without -if-replica-exists: it would overwrite a database or fail on first start",
    ]);
    expect(args()).toEqual([
      "group web task litestream-restore restores without -if-db-not-exists and -if-replica-exists: it would overwrite a database or fail on first start",
    ]);
    const bothMissing = nomadLitestreamPairing.check(jobResource(job([paired({}, [withArgs(restore, ["restore", "/alloc/data/app.db"]), replicate])])), context);
    expect(bothMissing).toEqual([expect.objectContaining({ fix: "add -if-db-not-exists and -if-replica-exists to task litestream-restore's args, before the database path" })]);
  });

  test("non-compliant: no replicating sidecar", () => {
    const message = "group web runs Litestream without a replicate sidecar task (lifecycle sidecar = true): nothing is replicated";
    expect(check(paired({}, [restore]))).toEqual([message]);
    expect(check(paired({}, [restore, { ...replicate, Lifecycle: { Hook: "poststart", Sidecar: false } }]))).toEqual([message]);
    expect(check(paired({}, [restore, { ...replicate, Lifecycle: undefined }]))).toEqual([message]);
  });

  test("non-compliant: a count other than 1, 0 included", () => {
    expect(check(paired({ Count: 2 }))).toEqual(["group web has count 2; Litestream allows one replicating writer, so count must be 1"]);
    expect(check(paired({ Count: 0 }))).toEqual(["group web has count 0; Litestream allows one replicating writer, so count must be 1"]);
  });

  test("non-compliant: an ephemeral disk that is not both sticky and migrating, unset fields read as false", () => {
    const disk = (EphemeralDisk: TaskGroup["EphemeralDisk"]) => check(paired({ EphemeralDisk }));
    const message = (sticky: boolean, migrate: boolean) =>
      `group web has ephemeral_disk sticky=${sticky} migrate=${migrate}; both must be true or the database is lost on every update`;
    expect(disk(undefined)).toEqual([message(false, false)]);
    expect(disk({ Sticky: true })).toEqual([message(true, false)]);
    expect(disk({ Migrate: true })).toEqual([message(false, true)]);
    expect(disk({ Sticky: true, Migrate: false })).toEqual([message(true, false)]);
  });

  test("a job of several groups: only the groups with Litestream are held to it, each named", () => {
    const web = group({ Name: "web", Count: 3 });
    expect(check(web, paired({ Name: "db" }))).toEqual([]);
    expect(check(web, paired({ Name: "db", Count: 2 }), paired({ Name: "cache", EphemeralDisk: { Sticky: true, Migrate: true } }))).toEqual([
      "group db has count 2; Litestream allows one replicating writer, so count must be 1",
    ]);
  });

  test("not applicable: groups without Litestream, other resources", () => {
    expect(check(group({ Count: 3 }))).toBe("not-applicable");
    expect(nomadLitestreamPairing.check(other, context)).toBe("not-applicable");
  });
});
