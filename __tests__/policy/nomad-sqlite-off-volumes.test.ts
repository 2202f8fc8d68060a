import { Task, TaskGroup } from "../../jobspecs/model";
import { nomadSqliteOffVolumes } from "../../policy/rules/nomad-sqlite-off-volumes";
import { groupDatabases, isUnder } from "../../policy/rules/nomad-support";
import { context, group, job, jobResource, litestream, litestreamFor, other, task } from "./nomad-rules.fixtures";

const check = (...groups: TaskGroup[]) => nomadSqliteOffVolumes.check(jobResource(job(groups)), context);
const mountedAt = (destination: string, t: Task = task("app"), volume = "config"): Task => ({ ...t, VolumeMounts: [...(t.VolumeMounts ?? []), { Volume: volume, Destination: destination }] });
const sqliteEnv = (value: string, name = "DATABASE_URL") => task("app", { Env: { [name]: value } });
const paths = (g: TaskGroup) => groupDatabases(g).map((d) => `${d.path} (${d.source})`);

describe("HL-NOMAD-3 the SQLite databases a group declares", () => {
  test("Litestream's restore target, the dbs of its litestream.yml, and SQLite paths or URLs in the environment", () => {
    expect(paths(group({ Tasks: [task("app"), ...litestream] }))).toEqual([
      "/alloc/data/app.db (task litestream-restore (litestream restore))",
      "/alloc/data/app.db (task litestream-restore litestream.yml)",
      "/alloc/data/app.db (task litestream litestream.yml)",
    ]);
    const env = {
      A: "/data/app.db",
      B: "/data/app.sqlite",
      C: "/data/app.sqlite3",
      D: "sqlite:////data/d",
      E: "sqlite3:///data/e",
      F: "file:/data/f.db?mode=ro",
      G: "sqlite:///data/g.db?cache=shared",
      H: "//data/h.db",
    };
    expect(paths(group({ Tasks: [task("app", { Env: env })] }))).toEqual([
      "/data/app.db (task app env A)",
      "/data/app.sqlite (task app env B)",
      "/data/app.sqlite3 (task app env C)",
      "/data/d (task app env D)",
      "/data/e (task app env E)",
      "/data/f.db (task app env F)",
      "/data/g.db (task app env G)",
      "/data/h.db (task app env H)",
    ]);
  });
  test("not a database: other files, relative paths, hosts and words that merely mention SQLite", () => {
    const env = { A: "/data/app.dbx", B: "/data/db", C: "app.db", D: "postgres://db/app", E: "/data/app.db.bak", F: "use sqlite", G: "/data/sqlite", H: "sqlite:app.db" };
    expect(paths(group({ Tasks: [task("app", { Env: env })] }))).toEqual([]);
  });
  test("a Litestream task that neither restores nor replicates, and templates that are not litestream.yml or not YAML, declare nothing", () => {
    const [restore, replicate] = litestream;
    const other = { ...restore, Name: "other", Config: { ...restore.Config, args: ["databases", "-config", "/local/litestream.yml"] } };
    expect(paths(group({ Tasks: [other] })).filter((p) => p.includes("restore)"))).toEqual([]);
    const notYaml = { ...replicate, Templates: [{ DestPath: "local/litestream.yml", EmbeddedTmpl: "dbs: [unclosed" }, { DestPath: "local/app.yml", EmbeddedTmpl: "dbs:\n  - path: /data/x.db\n" }] };
    expect(paths(group({ Tasks: [notYaml] }))).toEqual([]);
    const noDbs = { ...replicate, Templates: [{ DestPath: "local/litestream.yml", EmbeddedTmpl: "logging:\n  level: info\n" }, { DestPath: "local/litestream.yml", EmbeddedTmpl: "dbs:\n  - replica: {}\n  - path: 7\n" }] };
    expect(paths(group({ Tasks: [noDbs] }))).toEqual([]);
    const noBody = { ...replicate, Templates: [{ DestPath: "local/litestream.yml" }] };
    expect(paths(group({ Tasks: [noBody] }))).toEqual([]);
  });
  test("each database once per source, however often a source repeats it", () => {
    const twice = task("app", { Templates: [litestream[1].Templates![0], litestream[1].Templates![0]] });
    expect(paths(group({ Tasks: [twice] }))).toEqual(["/alloc/data/app.db (task app litestream.yml)"]);
  });
  test("isUnder: the directory itself and what lies below it, by whole path segments", () => {
    expect(isUnder("/config", "/config")).toBe(true);
    expect(isUnder("/config/app.db", "/config")).toBe(true);
    expect(isUnder("/config/app.db", "/config/")).toBe(true);
    expect(isUnder("/config/app.db", "/config//")).toBe(true);
    expect(isUnder("/config/app.db", "/")).toBe(true);
    expect(isUnder("/configuration/app.db", "/config")).toBe(false);
    expect(isUnder("/config", "/config/app.db")).toBe(false);
  });
});

describe("HL-NOMAD-3 SQLite never on a volume", () => {
  test("compliant: the Litestream database on /alloc/data beside a config volume, an env database off every volume", () => {
    expect(check(group({ Tasks: [mountedAt("/config"), ...litestream] }))).toEqual([]);
    expect(check(group({ Tasks: [mountedAt("/config", sqliteEnv("/data/app.db"))] }))).toEqual([]);
  });

  test("non-compliant: a database under a volume, once per mount that covers it, naming group, database, source, volume, mount and task", () => {
    const app = mountedAt("/config/db", mountedAt("/config", sqliteEnv("/config/db/app.db")), "db");
    expect(check(group({ Tasks: [app] }))).toEqual([
      "group web: SQLite database /config/db/app.db (task app env DATABASE_URL) is under volume config mounted at /config in task app; network file locking corrupts SQLite",
      "group web: SQLite database /config/db/app.db (task app env DATABASE_URL) is under volume db mounted at /config/db in task app; network file locking corrupts SQLite",
    ]);
  });

  test("a volume mounted at / or at the database's own path covers it; one in another group does not", () => {
    expect(check(group({ Tasks: [mountedAt("/", sqliteEnv("/data/app.db"))] }))).toEqual([expect.stringMatching(/^group web: SQLite database \/data\/app.db .* under volume config mounted at \/ in task app;/)]);
    expect(check(group({ Tasks: [mountedAt("/data/app.db", sqliteEnv("/data/app.db"))] }))).toHaveLength(1);
    expect(check(group({ Name: "db", Tasks: [sqliteEnv("/config/app.db")] }), group({ Name: "files", Tasks: [mountedAt("/config")] }))).toEqual([]);
  });

  test("a job of several groups: the database in its second group is found, the mount in another task of that group counts", () => {
    const groups = [group({ Name: "web" }), group({ Name: "api", Tasks: [sqliteEnv("/config/api.db"), mountedAt("/config", task("sync"))] })];
    expect(check(...groups)).toEqual([
      "group api: SQLite database /config/api.db (task app env DATABASE_URL) is under volume config mounted at /config in task sync; network file locking corrupts SQLite",
    ]);
  });

  test("non-compliant: a Litestream database (restore target or litestream.yml) off /alloc/data, even on no volume", () => {
    expect(check(group({ Tasks: [task("app"), ...litestreamFor("/local/app.db")] }))).toEqual([
      "group web: Litestream database /local/app.db (task litestream-restore (litestream restore)) is not under /alloc/data, the allocation's ephemeral disk",
      "group web: Litestream database /local/app.db (task litestream-restore litestream.yml) is not under /alloc/data, the allocation's ephemeral disk",
      "group web: Litestream database /local/app.db (task litestream litestream.yml) is not under /alloc/data, the allocation's ephemeral disk",
    ]);
    expect(check(group({ Tasks: [task("app"), ...litestreamFor("/alloc/database.db")] }))).toHaveLength(3);
  });

  test("under a volume, a Litestream database is reported for the volume, not again for /alloc/data", () => {
    const found = check(group({ Tasks: [mountedAt("/local"), ...litestreamFor("/local/app.db")] }));
    expect(found).toHaveLength(3);
    for (const problem of found as string[]) expect(problem).toMatch(/is under volume config mounted at \/local in task app/);
  });

  test("an app's own SQLite off /alloc/data is its choice when Litestream replicates only other databases", () => {
    expect(check(group({ Tasks: [sqliteEnv("/local/cache.db", "CACHE_DB"), ...litestream] }))).toEqual([]);
  });

  test("not applicable: no SQLite anywhere in the job, other resources; never acknowledgeable", () => {
    expect(check(group({ Tasks: [mountedAt("/config")] }), group({ Name: "api" }))).toBe("not-applicable");
    expect(nomadSqliteOffVolumes.check(other, context)).toBe("not-applicable");
    expect(nomadSqliteOffVolumes.acknowledgeable).toBe(false);
  });
});
