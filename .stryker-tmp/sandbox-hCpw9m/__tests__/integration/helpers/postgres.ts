// @ts-nocheck
import { execFileSync, spawnSync } from "child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { createServer } from "net";
import { tmpdir } from "os";
import { join } from "path";
import { randomBytes } from "crypto";
import { requireTools } from "./tools";

/**
 * A throwaway PostgreSQL server on a free loopback port, its data in a temporary
 * directory. initdb refuses to run as root, so as root the server runs as an unprivileged
 * user (`postgres` when it exists, else one created for the tests).
 */
export interface Postgres {
  /** What Terraform reads from PG_CONN_STR: password authentication over TCP. */
  readonly connStr: string;
  readonly port: number;
  /** Stops the server and deletes its data; safe to call twice. */
  stop(): void;
}

const TEST_USER = "homelab-test-pg";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function userExists(name: string): boolean {
  return spawnSync("id", ["-u", name]).status === 0;
}

/** A root-only program (runuser, useradd) from PATH or the sbin directories PATH may lack. */
function sbin(program: string): string {
  const dirs = [...(process.env.PATH ?? "").split(":"), "/usr/sbin", "/sbin", "/usr/bin", "/bin"];
  const found = dirs.filter(Boolean).map((d) => join(d, program)).find((p) => existsSync(p));
  if (!found) throw new Error(`${program} not found (util-linux/passwd): needed to run PostgreSQL as an unprivileged user when the tests run as root`);
  return found;
}

/** The user the server runs as, and how to run a program as that user. */
function serverUser(): { uid: number; gid: number; run: (argv: string[]) => string[] } | undefined {
  if (process.getuid?.() !== 0) return undefined;
  let name = "postgres";
  if (!userExists(name)) {
    name = TEST_USER;
    if (!userExists(name)) execFileSync(sbin("useradd"), ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", name]);
  }
  const uid = Number(execFileSync("id", ["-u", name], { encoding: "utf8" }).trim());
  const gid = Number(execFileSync("id", ["-g", name], { encoding: "utf8" }).trim());
  const runuser = sbin("runuser");
  return { uid, gid, run: (argv) => [runuser, "-u", name, "--", ...argv] };
}

const running = new Set<() => void>();
process.once("exit", () => running.forEach((stop) => stop()));

export async function startPostgres(): Promise<Postgres> {
  const { pgBin } = requireTools();
  const dir = mkdtempSync(join(tmpdir(), "homelab-pg-"));
  const data = join(dir, "data");
  const user = serverUser();
  const as = (argv: string[]) => (user ? user.run(argv) : argv);
  const exec = (argv: string[]) => {
    const [cmd, ...args] = as(argv);
    const r = spawnSync(cmd, args, { encoding: "utf8", cwd: dir });
    if (r.error) throw new Error(`cannot run ${cmd}: ${r.error.message}`);
    if (r.status !== 0) throw new Error(`${argv.join(" ")} failed (${r.status}): ${r.stderr || r.stdout}`);
    return r.stdout;
  };
  const password = randomBytes(12).toString("hex");
  writeFileSync(join(dir, "pw"), `${password}\n`);
  if (user) {
    chownSync(dir, user.uid, user.gid);
    chownSync(join(dir, "pw"), user.uid, user.gid);
  }
  chmodSync(dir, 0o700);

  let started = false;
  const stop = () => {
    if (started) {
      const [cmd, ...args] = as([join(pgBin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"]);
      spawnSync(cmd, args, { cwd: dir });
    }
    started = false;
    rmSync(dir, { recursive: true, force: true });
    running.delete(stop);
  };
  running.add(stop);
  try {
    exec([join(pgBin, "initdb"), "-D", data, "-U", "tfstate", "--auth-local=trust", "--auth-host=scram-sha-256", `--pwfile=${join(dir, "pw")}`, "-E", "UTF8", "--no-sync"]);
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      try {
        exec([join(pgBin, "pg_ctl"), "-D", data, "-l", join(dir, "log"), "-w", "-t", "30", "-o", `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`, "start"]);
        started = true;
        break;
      } catch (err) {
        if (attempt >= 3) throw new Error(`${(err as Error).message}\nserver log:\n${readSafe(join(dir, "log"))}`);
      }
    }
    exec([join(pgBin, "psql"), "-h", dir, "-p", String(port), "-U", "tfstate", "-d", "postgres", "-v", "ON_ERROR_STOP=1", "-c", "CREATE DATABASE terraform_state"]);
    return {
      port,
      connStr: `postgres://tfstate:${password}@127.0.0.1:${port}/terraform_state?sslmode=disable`,
      stop,
    };
  } catch (err) {
    stop();
    throw err;
  }
}

function readSafe(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return "(no log)";
  }
}
