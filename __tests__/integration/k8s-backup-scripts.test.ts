/**
 * The backup CronJobs' scripts, run for real: the same text the jobs run, against a real
 * PostgreSQL server and a real SQLite database, and what they saved restored and compared.
 */
import { execFileSync, spawn, spawnSync } from "child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { pgDumpScript, sqliteSnapshotScript, vaultRaftSnapshotScript } from "../../constructs/backup-scripts";
import { startPostgres, Postgres } from "./helpers/postgres";
import { requireTools } from "./helpers/tools";

const work = mkdtempSync(join(tmpdir(), "homelab-backups-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Runs a script as the job does (sh -eu, or bash with pipefail), failing with its output. */
function run(shell: "sh" | "bash", script: string, env: NodeJS.ProcessEnv = {}): string {
  const args = shell === "bash" ? ["-euo", "pipefail", "-c", script] : ["-euc", script];
  const r = spawnSync(shell, args, { encoding: "utf8", env: { ...process.env, ...env } });
  if (r.status !== 0) throw new Error(`script failed (${r.status}):\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

const sqlite = (db: string, sql: string) => execFileSync("sqlite3", [db, sql], { encoding: "utf8" }).trim();

describe("PostgreSQL: the full dump and one pg_dump -Fc per database", () => {
  let pg: Postgres;
  let env: NodeJS.ProcessEnv;
  const backup = join(work, "pg-backup");

  beforeAll(async () => {
    pg = await startPostgres();
    const url = new URL(pg.connStr);
    const { pgBin } = requireTools();
    env = { PATH: `${pgBin}:${process.env.PATH}`, PGHOST: url.hostname, PGPORT: url.port, PGUSER: url.username, PGPASSWORD: url.password };
    const psql = (db: string, sql: string) => run("sh", `psql -v ON_ERROR_STOP=1 --dbname=${db} -c "${sql}"`, env);
    for (const db of ["vaultwarden_like", "linkwarden_like"]) {
      psql("postgres", `CREATE DATABASE ${db}`);
      psql(db, `CREATE TABLE items (id int primary key, name text); INSERT INTO items VALUES (1, '${db} one'), (2, '${db} two')`);
    }
    mkdirSync(backup);
  });
  afterAll(() => pg?.stop());

  const rows = (db: string) => run("sh", `psql -At --dbname=${db} -c "SELECT name FROM items ORDER BY id"`, env).trim().split("\n");

  test("one run writes the full dump and a custom-format dump of every database", () => {
    run("bash", pgDumpScript(backup, "pg-cluster-", 14), env);
    const full = readdirSync(backup).filter((f) => /^pg-cluster-\d{8}T\d{6}Z\.sql\.gz$/.test(f));
    expect(full).toHaveLength(1);
    expect(readdirSync(join(backup, "per-db")).sort()).toEqual(["linkwarden_like", "postgres", "terraform_state", "vaultwarden_like"]);
    expect(readdirSync(backup).some((f) => f.endsWith(".partial") || f.endsWith(".databases"))).toBe(false);
  });

  test("one database is restored from its own dump without touching the others", () => {
    run("sh", `psql -v ON_ERROR_STOP=1 --dbname=vaultwarden_like -c "DELETE FROM items; INSERT INTO items VALUES (3, 'after the backup')"`, env);
    run("sh", `psql --dbname=linkwarden_like -c "INSERT INTO items VALUES (3, 'kept')"`, env);
    const [dump] = readdirSync(join(backup, "per-db", "vaultwarden_like"));
    run("sh", `pg_restore --dbname=vaultwarden_like --clean --if-exists "${join(backup, "per-db", "vaultwarden_like", dump)}"`, env);
    expect(rows("vaultwarden_like")).toEqual(["vaultwarden_like one", "vaultwarden_like two"]);
    expect(rows("linkwarden_like")).toEqual(["linkwarden_like one", "linkwarden_like two", "kept"]);
  });

  test("the full dump brings back every database after they are dropped", () => {
    run("sh", 'psql -v ON_ERROR_STOP=1 --dbname=postgres -c "DROP DATABASE vaultwarden_like" -c "DROP DATABASE linkwarden_like"', env);
    const [full] = readdirSync(backup).filter((f) => f.endsWith(".sql.gz"));
    // pg_dumpall recreates roles too; the one running the restore exists already, which psql reports and passes over.
    run("bash", `gunzip -c "${join(backup, full)}" | psql --quiet --dbname=postgres > /dev/null 2>&1 || true`, env);
    expect(rows("vaultwarden_like")).toEqual(["vaultwarden_like one", "vaultwarden_like two"]);
    expect(rows("linkwarden_like")).toEqual(["linkwarden_like one", "linkwarden_like two"]);
  });

  test("dumps past retention are deleted, newer ones kept", () => {
    const old = join(backup, "pg-cluster-20200101T000000Z.sql.gz");
    writeFileSync(old, "");
    utimesSync(old, new Date("2020-01-01"), new Date("2020-01-01"));
    // A dump from yesterday, named older than the one above: retention goes by age, not name.
    const recent = join(backup, "pg-cluster-20190101T000000Z.sql.gz");
    const yesterday = new Date(Date.now() - 24 * 3600 * 1000);
    writeFileSync(recent, "");
    utimesSync(recent, yesterday, yesterday);
    const dumps = () => new Map(readdirSync(backup).filter((f) => f.endsWith(".sql.gz")).map((f) => [f, statSync(join(backup, f)).mtimeMs]));
    const before = dumps();
    run("bash", pgDumpScript(backup, "pg-cluster-", 14), env);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(recent)).toBe(true);
    // And this run's own dump: new, or (named by the second) an earlier test's of the same second written again.
    const written = [...dumps()].filter(([f, mtime]) => before.get(f) !== mtime).map(([f]) => f);
    expect(written).toEqual([expect.stringMatching(/^pg-cluster-\d{8}T\d{6}Z\.sql\.gz$/)]);
  });
});

describe("SQLite: a consistent snapshot, integrity-checked, restored", () => {
  const data = join(work, "vaultwarden-data");
  const backup = join(work, "vaultwarden-backup");
  const dirs = { dataDir: data, backupDir: backup };
  const db = join(data, "db.sqlite3");

  beforeAll(() => {
    mkdirSync(join(data, "attachments"), { recursive: true });
    mkdirSync(backup);
    // WAL mode, as Vaultwarden runs it: the latest rows live in db.sqlite3-wal until a checkpoint.
    sqlite(db, "PRAGMA journal_mode=WAL; CREATE TABLE ciphers (id integer primary key, data text);");
    writeFileSync(join(data, "rsa_key.pem"), "not a real key\n");
    writeFileSync(join(data, "attachments", "a1"), "attachment\n");
  });

  test("the snapshot holds rows still in the WAL, the keys and attachments, and no live database file", () => {
    // The app keeps its connection open, checkpoints off: the new rows sit in db.sqlite3-wal, not in db.sqlite3.
    const app = spawn("sqlite3", [db], { stdio: ["pipe", "ignore", "inherit"] });
    app.stdin.write("PRAGMA wal_autocheckpoint=0;\n" + [1, 2, 3].map((i) => `INSERT INTO ciphers(data) VALUES ('secret ${i}');\n`).join(""));
    for (let i = 0; i < 100 && sqlite(db, "SELECT count(*) FROM ciphers") !== "3"; i++) execFileSync("sleep", ["0.1"]);
    expect(existsSync(`${db}-wal`)).toBe(true);
    try {
      run("sh", sqliteSnapshotScript(dirs, ["db.sqlite3"], "vaultwarden-data-encrypted-", 14));
    } finally {
      app.stdin.end();
    }
    const [archive] = readdirSync(backup);
    expect(archive).toMatch(/^vaultwarden-data-encrypted-\d{8}T\d{6}Z\.tar\.gz$/);

    const restored = join(work, "restored");
    mkdirSync(restored);
    execFileSync("tar", ["-xzf", join(backup, archive), "-C", restored]);
    expect(readdirSync(restored).sort()).toEqual(["attachments", "db.sqlite3", "rsa_key.pem"]);
    expect(sqlite(join(restored, "db.sqlite3"), "PRAGMA integrity_check;")).toBe("ok");
    expect(sqlite(join(restored, "db.sqlite3"), "SELECT data FROM ciphers ORDER BY id").split("\n")).toEqual(["secret 1", "secret 2", "secret 3"]);
  });

  test("a snapshot that fails the integrity check fails the run and leaves no archive", () => {
    const broken = join(work, "broken");
    const out = join(work, "broken-backup");
    mkdirSync(broken);
    mkdirSync(out);
    sqlite(join(broken, "db.sqlite3"), "CREATE TABLE t (x); CREATE INDEX tx ON t (x); INSERT INTO t VALUES (1), (2), (3);");
    // Corrupt the index behind SQLite's back: the rows stay readable, the check does not pass.
    sqlite(join(broken, "db.sqlite3"), "PRAGMA writable_schema=ON; UPDATE sqlite_schema SET sql='CREATE INDEX tx ON t (x DESC)' WHERE name='tx';");
    expect(() => run("sh", sqliteSnapshotScript({ dataDir: broken, backupDir: out }, ["db.sqlite3"], "broken-", 14))).toThrow(/integrity check of the db.sqlite3 snapshot failed/);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe("Vault: the weekly raft snapshot", () => {
  test("saves through `vault operator raft snapshot save` with the token from the environment, atomically", () => {
    const bin = join(work, "fake-vault-bin");
    const backup = join(work, "vault-backup");
    mkdirSync(bin);
    mkdirSync(backup);
    // The vault CLI cannot run offline against a server: a stand-in records how it is called.
    writeFileSync(join(bin, "vault"), '#!/bin/sh\necho "$VAULT_TOKEN $*" > "$5"\n');
    chmodSync(join(bin, "vault"), 0o755);
    run("sh", vaultRaftSnapshotScript(backup, "vault-raft-", 56), { PATH: `${bin}:${process.env.PATH}`, VAULT_TOKEN: "t0ken" });
    const [snapshot] = readdirSync(backup);
    expect(snapshot).toMatch(/^vault-raft-\d{8}T\d{6}Z\.snap$/);
    expect(execFileSync("cat", [join(backup, snapshot)], { encoding: "utf8" })).toBe(`t0ken operator raft snapshot save ${join(backup, snapshot)}.partial\n`);
  });
});
