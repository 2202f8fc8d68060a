/**
 * The backup jobs' own scripts, taken from the synthesized estate, run for real: busybox's
 * shell and tools (the alpine images'), a real PostgreSQL with pg_dump, a real restic, over
 * a local directory tree standing in for the nodes' GlusterFS mount. Then what they saved is
 * restored the way the runbooks say, and compared with what was there.
 */
import { spawnSync } from "child_process";
import { createHash, randomBytes } from "crypto";
import { chmodSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { backupListEntry } from "../../jobspecs/backups";
import { defineEstate } from "../../main";
import { synthApp } from "../helpers/synth";
import { BackupTools, requireBackupTools } from "./helpers/backup-tools";
import { Postgres, startPostgres } from "./helpers/postgres";
import { requireTools } from "./helpers/tools";

const { files, stacks } = synthApp(defineEstate);
const jobOf = (id: string) => JSON.parse(files["nomad-backups"][`jobs/${id}.json`]).Job;
const taskOf = (id: string) => jobOf(id).TaskGroups[0].Tasks[0];
/**
 * The lists a plan's job renders when it starts: BACKUP_ITEMS, BACKUP_VERIFY and
 * BACKUP_DATABASES from every list variable under backups/<plan>/ the estate writes.
 */
function listsOf(plan: string): Record<string, string> {
  const entries = Object.values(stacks)
    .flatMap((json: any) => Object.values<any>(json.resource?.nomad_variable ?? {}))
    .filter((v) => v.path.startsWith(`backups/${plan}/`))
    .map((v) => backupListEntry(v.items));
  const joined = (key: "items" | "verify" | "databases") => entries.flatMap((e) => e[key]).join(" ");
  return { BACKUP_ITEMS: joined("items"), BACKUP_VERIFY: joined("verify"), BACKUP_DATABASES: joined("databases") };
}

let tools: BackupTools;
let pgBin: string;
let pg: Postgres;
let pgEnv: Record<string, string>;
let dir: string;
beforeAll(async () => {
  tools = requireBackupTools();
  pgBin = requireTools().pgBin;
  pg = await startPostgres();
  const url = new URL(pg.connStr);
  pgEnv = { PGHOST: url.hostname, PGPORT: url.port, PGUSER: decodeURIComponent(url.username), PGPASSWORD: decodeURIComponent(url.password) };
  dir = mkdtempSync(join(tmpdir(), "homelab-backup-"));
});
afterAll(() => {
  pg?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  if (tools) rmSync(tools.applets, { recursive: true, force: true });
});

/** Runs a job's script as its container would: busybox sh, busybox tools first on PATH, the job's env with local paths. */
function runJobScript(jobId: string, env: Record<string, string>, extraPath: string[] = []) {
  const task = taskOf(jobId);
  expect(task.Config.entrypoint).toEqual(["/bin/sh", "-c"]);
  const result = spawnSync(tools.busybox, ["sh", "-c", task.Config.args[0]], {
    encoding: "utf8",
    env: { ...task.Env, ...env, HOME: dir, PATH: [...extraPath, tools.applets, pgBin, "/usr/bin", "/bin"].join(":") },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** psql with `-c <sql>`, or `-f <file>` as the runbook restores a dump. */
function psql(database: string, sql: string, flag: "-c" | "-f" = "-c"): string {
  const r = spawnSync(join(pgBin, "psql"), ["-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-d", database, flag, sql], { encoding: "utf8", env: { ...process.env, ...pgEnv } });
  if (r.status !== 0) throw new Error(`psql ${database}: ${r.stderr}`);
  return r.stdout;
}

/** Every entry under a directory: files by content hash and mode, links by target, directories. */
function treeOf(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const rel = relative(root, path);
      const st = lstatSync(path);
      if (st.isSymbolicLink()) out[rel] = `link -> ${readlinkSync(path)}`;
      else if (st.isDirectory()) {
        out[rel] = `dir ${(st.mode & 0o7777).toString(8)}`;
        walk(path);
      } else out[rel] = `file ${(st.mode & 0o7777).toString(8)} ${createHash("sha256").update(readFileSync(path)).digest("hex")}`;
    }
  };
  walk(root);
  return out;
}

/** A volume's worth of awkward content: nesting, spaces, binary data, a private file, a link, an empty directory. */
function fillVolume(root: string, seed: string): void {
  mkdirSync(join(root, "nested", "deeper"), { recursive: true });
  mkdirSync(join(root, "empty dir"), { recursive: true });
  writeFileSync(join(root, "homeserver.yaml"), `server_name: ${seed}\n`);
  writeFileSync(join(root, "with space.txt"), `spaces in ${seed}\n`);
  writeFileSync(join(root, "nested", "deeper", "blob.bin"), randomBytes(70_000));
  writeFileSync(join(root, "secret.key"), `private ${seed}\n`);
  chmodSync(join(root, "secret.key"), 0o600);
  symlinkSync("homeserver.yaml", join(root, "config-link"));
}

const today = () => new Date().toISOString().slice(0, 10).replace(/-/g, "");

describe("the daily copy job", () => {
  const daily = { ...taskOf("backup-daily").Env, ...listsOf("daily") };
  const env = () => ({ ...pgEnv, ...listsOf("daily"), BACKUP_SOURCE: join(dir, "storage", "v"), BACKUP_TARGET: join(dir, "backups", "daily") });
  const items: string[] = daily.BACKUP_ITEMS.split(" ");
  const databases: string[] = daily.BACKUP_DATABASES.split(" ");
  const signingKey: string = daily.BACKUP_VERIFY;

  beforeAll(() => {
    for (const item of items) fillVolume(join(dir, "storage", "v", item), item);
    writeFileSync(join(dir, "storage", "v", signingKey), "ed25519 a_key cannot-be-regenerated\n");
    for (const db of databases) {
      psql("postgres", `CREATE DATABASE "${db}"`);
      psql(db, `CREATE TABLE events (id serial PRIMARY KEY, body text NOT NULL); INSERT INTO events (body) SELECT '${db} event ' || g FROM generate_series(1, 500) g;`);
    }
  });

  test("saves every volume and database into today's directory, checksummed and verified", () => {
    const run = runJobScript("backup-daily", env());
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const saved = join(dir, "backups", "daily", today());
    expect(run.stdout).toContain(`backup ${today()} complete and verified: ${saved}`);
    expect(readdirSync(join(saved, "glusterfs")).sort()).toEqual([...items].sort());
    expect(readdirSync(join(saved, "postgres")).sort()).toEqual(databases.map((d) => `${d}.sql`).sort());
    const check = spawnSync(join(tools.applets, "sha256sum"), ["-c", "checksums.txt"], { cwd: saved, encoding: "utf8" });
    expect(check.status).toBe(0);
    expect(check.stdout.trim().split("\n").length).toBeGreaterThan(items.length * 4);
  });

  test("what it saved restores as the runbook says: volumes byte for byte (modes, links, empty directories), databases row for row", () => {
    const saved = join(dir, "backups", "daily", today());
    for (const item of items) {
      const restored = join(dir, "restore", item);
      mkdirSync(join(dir, "restore"), { recursive: true });
      // The runbook's restore: copy the saved volume back over an empty volume directory.
      const cp = spawnSync(join(tools.applets, "cp"), ["-a", join(saved, "glusterfs", item), restored]);
      expect(cp.stderr.toString()).toBe("");
      expect(cp.status).toBe(0);
      expect(treeOf(restored)).toEqual(treeOf(join(dir, "storage", "v", item)));
    }
    for (const db of databases) {
      psql("postgres", `CREATE DATABASE "restored-${db}"`);
      psql(`restored-${db}`, join(saved, "postgres", `${db}.sql`), "-f");
      expect(psql(`restored-${db}`, "SELECT id, body FROM events ORDER BY id")).toBe(psql(db, "SELECT id, body FROM events ORDER BY id"));
    }
  });

  test("a failed dump keeps the run as <date>.incomplete, fails the job, and leaves the good run of the day in place", () => {
    const before = treeOf(join(dir, "backups", "daily", today()));
    const run = runJobScript("backup-daily", { ...env(), BACKUP_DATABASES: `${daily.BACKUP_DATABASES} no-such-database` });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`backup ${today()} incomplete, kept at ${join(dir, "backups", "daily", `${today()}.incomplete`)}; failed: no-such-database`);
    expect(existsSync(join(dir, "backups", "daily", `${today()}.incomplete`, "postgres", "synapse.sql"))).toBe(true);
    expect(treeOf(join(dir, "backups", "daily", today()))).toEqual(before);
  });

  test("retention: a complete run deletes runs older than the plan keeps, and only those", () => {
    const target = join(dir, "backups", "daily");
    const keep = Number(daily.BACKUP_KEEP_DAYS);
    const age = (name: string, days: number) => {
      mkdirSync(join(target, name, "glusterfs"), { recursive: true });
      const when = new Date(Date.now() - days * 86_400_000);
      utimesSync(join(target, name), when, when);
    };
    age("20000101", keep + 2);
    age("20000102", keep - 1);
    mkdirSync(join(target, "operator-notes"));
    utimesSync(join(target, "operator-notes"), new Date(0), new Date(0));
    expect(runJobScript("backup-daily", env()).status).toBe(0);
    // Today's incomplete run (the test above) is young enough to stay for inspection.
    expect(readdirSync(target).sort()).toEqual(["20000102", today(), `${today()}.incomplete`, "operator-notes"].sort());
  });
});

describe("the restic job (the repository Litestream recovery restores MinIO from)", () => {
  const source = () => join(dir, "data");
  const bucket = () => join(source(), "glusterfs_minio_data", "litestream");
  const env = (extra: Record<string, string> = {}) => ({ ...listsOf("restic"), BACKUP_SOURCE: source(), RESTIC_REPOSITORY: join(dir, "repo"), RESTIC_PASSWORD: "correct horse battery staple", ...extra });

  beforeAll(() => {
    // A volume no list names for this plan: on the same mount, never in its snapshots.
    fillVolume(join(source(), "glusterfs_unlisted_data"), "unlisted");
    for (const [service, n] of [["media-centre/plex", 30], ["overseerr", 12]] as const) {
      const ltx = join(bucket(), ...service.split("/"), "com.plexapp.plugins.library.db", "0000", "ltx", "0");
      mkdirSync(ltx, { recursive: true });
      for (let i = 1; i <= n; i++) writeFileSync(join(ltx, `${String(i).padStart(16, "0")}.ltx`), randomBytes(4096 + i));
    }
  });

  test("initialises the repository, backs up, checks a subset and restores known files that match", () => {
    const run = runJobScript("backup-restic", env());
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/no errors were found/);
    expect(run.stdout).toMatch(/repository checked, (\d+) known file\(s\) restored and matched/);
    expect(Number(/(\d+) known file/.exec(run.stdout)![1])).toBeGreaterThan(10);
    const saved = spawnSync(tools.restic, ["ls", "latest"], { encoding: "utf8", env: { ...process.env, ...env(), HOME: dir } }).stdout;
    expect(saved).toContain(join(source(), "glusterfs_minio_data", "litestream"));
    expect(saved).not.toContain("glusterfs_unlisted_data");
  });

  test("with nothing listed (a listing Nomad refused renders empty), the job fails saying so, and saves nothing", () => {
    const run = runJobScript("backup-restic", env({ BACKUP_ITEMS: " " }));
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/^nothing to save: no volume or database is listed for this plan/);
    expect(runJobScript("backup-daily", { ...pgEnv, BACKUP_SOURCE: join(dir, "storage", "v"), BACKUP_TARGET: join(dir, "empty-plan"), BACKUP_ITEMS: "", BACKUP_VERIFY: "", BACKUP_DATABASES: "" }).status).toBe(1);
    expect(existsSync(join(dir, "empty-plan"))).toBe(false);
  });

  test("the runbook's restore brings one service's Litestream prefix back byte for byte", () => {
    const target = join(dir, "restic-restore");
    const prefix = join(bucket(), "media-centre", "plex");
    const r = spawnSync(tools.restic, ["restore", "latest", "--host", taskOf("backup-restic").Env.BACKUP_HOST, "--include", `${prefix}/`, "--target", target], {
      encoding: "utf8",
      env: { ...process.env, ...env(), HOME: dir },
    });
    expect(r.stderr).toBe("");
    expect(treeOf(join(target, prefix))).toEqual(treeOf(prefix));
    expect(existsSync(join(target, bucket(), "overseerr"))).toBe(false);
  });

  test("a restore that does not match the source fails the job, naming the file", () => {
    // A restic that corrupts what `dump` returns, as a damaged repository would.
    const shim = mkdtempSync(join(dir, "shim-"));
    writeFileSync(join(shim, "restic"), `#!/bin/sh\nif [ "$1" = dump ]; then ${tools.restic} "$@"; echo corrupted; else exec ${tools.restic} "$@"; fi\n`);
    chmodSync(join(shim, "restic"), 0o755);
    const run = runJobScript("backup-restic", env(), [shim]);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/restored .*\.ltx does not match: sha256 [0-9a-f]{64}, expected [0-9a-f]{64}/);
    expect(run.stderr).toMatch(/\d+ restored file\(s\) differ from the source/);
  });

  test("a repository that refuses the password fails the job and is not initialised again", () => {
    const config = readFileSync(join(dir, "repo", "config"));
    const run = runJobScript("backup-restic", env({ RESTIC_PASSWORD: "wrong" }));
    expect(run.status).not.toBe(0);
    expect(readFileSync(join(dir, "repo", "config"))).toEqual(config);
  });

  test("the off-site job runs the same program over the signing key alone", () => {
    const offsite = taskOf("backup-offsite");
    expect(offsite.Config.args).toEqual(taskOf("backup-restic").Config.args);
    const lists = listsOf("offsite");
    const [key, ...more] = lists.BACKUP_ITEMS.split(" ");
    expect(more).toEqual([]);
    const root = join(dir, "offsite-source");
    mkdirSync(join(root, key, ".."), { recursive: true });
    writeFileSync(join(root, key), "ed25519 a_key cannot-be-regenerated\n");
    writeFileSync(join(root, key, "..", "homeserver.yaml"), "the rest of the volume: not off-site\n");
    const run = runJobScript("backup-offsite", { ...lists, BACKUP_SOURCE: root, RESTIC_REPOSITORY: join(dir, "offsite-repo"), RESTIC_PASSWORD: "another password" });
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/1 known file\(s\) restored and matched/);
  });
});

test("the tools missing fail the suite saying what to install, never skip it", () => {
  const empty = mkdtempSync(join(tmpdir(), "homelab-nopath-"));
  try {
    expect(() => requireBackupTools(empty)).toThrow(/the backup script tests need real tools that are missing: restic \(`apt-get install restic`\); busybox \(`apt-get install busybox`/);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
