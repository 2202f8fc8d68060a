// @ts-nocheck
import { spawnSync } from "child_process";
import { existsSync, readdirSync, realpathSync } from "fs";
import { join } from "path";

/**
 * The real tools the integration suite runs: Terraform and the PostgreSQL server programs.
 * A missing tool fails the suite with what to install, never skips it.
 */
export interface Tools {
  readonly terraform: string;
  /** Directory holding initdb, pg_ctl and postgres. */
  readonly pgBin: string;
}

function onPath(program: string, path: string): string | undefined {
  for (const dir of path.split(":")) {
    if (dir && existsSync(join(dir, program))) return join(dir, program);
  }
  return undefined;
}

/** PostgreSQL's bin directory: initdb on PATH, else Debian's /usr/lib/postgresql/<version>/bin. */
function findPgBin(path: string, debian: string): string | undefined {
  const initdb = onPath("initdb", path);
  if (initdb) return join(realpathSync(initdb), ".."); // /usr/local/bin/initdb may be a link into the real bin dir
  if (!existsSync(debian)) return undefined;
  const versions = readdirSync(debian).filter((v) => existsSync(join(debian, v, "bin", "initdb"))).sort((a, b) => Number(b) - Number(a));
  return versions.length ? join(debian, versions[0], "bin") : undefined;
}

/**
 * The tools, or an error naming every missing one and how to install it. `path` and
 * `debianPg` are for testing this check itself.
 */
export function requireTools(path: string = process.env.PATH ?? "", debianPg = "/usr/lib/postgresql"): Tools {
  const missing: string[] = [];
  const terraform = onPath("terraform", path);
  if (!terraform) {
    missing.push("Terraform 1.11 (the `terraform` binary on PATH: https://developer.hashicorp.com/terraform/install)");
  } else {
    const version = spawnSync(terraform, ["version", "-json"], { encoding: "utf8" });
    const found = version.status === 0 ? (JSON.parse(version.stdout).terraform_version as string) : "unknown";
    if (!/^1\.(1[1-9]|[2-9]\d)\./.test(found)) missing.push(`Terraform >= 1.11 (found ${found} at ${terraform})`);
  }
  const pgBin = findPgBin(path, debianPg);
  if (!pgBin) missing.push("PostgreSQL 15 server programs (initdb, pg_ctl, postgres: `apt-get install postgresql`, then put /usr/lib/postgresql/15/bin on PATH)");
  if (missing.length) throw new Error(`the integration suite needs real tools that are missing: ${missing.join("; ")}`);
  return { terraform: terraform!, pgBin: pgBin! };
}
