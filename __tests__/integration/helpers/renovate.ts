import { spawnSync } from "child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { REPO } from "./workspace";

/**
 * Renovate as tools/renovate pins it: its own extraction over this repository's files, its
 * config validator, and tools/renovate/plan-branches.js (its rules and branching over
 * made-up updates). All offline; the npm registry is needed once, to install it.
 */
export const RENOVATE_DIR = join(REPO, "tools", "renovate");

/** The installed Renovate's bin directory, or an error saying how to install it (or the version the lockfile now pins). `dir` is for testing this check. */
export function requireRenovate(dir: string = RENOVATE_DIR): string {
  const bin = join(dir, "node_modules", ".bin");
  if (!existsSync(join(bin, "renovate")) || !existsSync(join(bin, "renovate-config-validator"))) {
    throw new Error(
      "Renovate is not installed (tools/renovate/node_modules): run `npm ci --prefix tools/renovate` (the version its package-lock.json pins; .ci/run does this before the integration suite, and it needs the npm registry once)",
    );
  }
  const pinned = JSON.parse(readFileSync(join(dir, "package-lock.json"), "utf8")).packages?.["node_modules/renovate"]?.version;
  const installed = JSON.parse(readFileSync(join(dir, "node_modules", "renovate", "package.json"), "utf8")).version;
  if (installed !== pinned) {
    throw new Error(`Renovate ${installed} is installed in tools/renovate but its package-lock.json pins ${pinned}: run \`npm ci --prefix tools/renovate\``);
  }
  return bin;
}

/** What Renovate's extraction found in one file. */
export interface RenovateDep {
  readonly depName?: string;
  readonly packageName?: string;
  readonly currentValue?: string;
  readonly currentDigest?: string;
  readonly datasource?: string;
  readonly depType?: string;
  readonly registryUrls?: readonly string[];
  readonly skipReason?: string;
}

export interface RenovateExtraction {
  /** By manager (npm, regex, woodpecker, terraform…), the files it read and their dependencies. */
  readonly packageFiles: Record<string, Array<{ readonly packageFile: string; readonly deps: RenovateDep[] }>>;
  /** Warnings and errors Renovate logged while extracting. */
  readonly problems: readonly unknown[];
  /** The report as Renovate wrote it, for plan-branches.js. */
  readonly report: unknown;
}

/** A home, cache and log level of Renovate's own, with nothing of the caller's environment but PATH: no token reaches it. */
function renovateEnv(home: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: home,
    LOG_LEVEL: "warn",
    RENOVATE_BASE_DIR: join(home, "renovate"),
    // re2's native build is one of the install scripts left blocked: JavaScript's RegExp serves.
    RENOVATE_X_IGNORE_RE2: "true",
    GIT_CONFIG_NOSYSTEM: "1",
  };
}

function run(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): string {
  const r = spawnSync(command, args, { cwd, env, encoding: "utf8", timeout: 150_000 });
  if (r.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${r.status ?? r.signal}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/**
 * Renovate's extraction (`--platform=local --dry-run=extract`) over the repository's files as
 * they are in the working tree: tracked and untracked but not ignored ones, copied into a
 * fresh git repository (the local platform reads the file list from git), so what the
 * developer has not committed yet is judged too and the repository itself is never touched.
 */
export function extractWithRenovate(root: string = REPO, renovateDir: string = RENOVATE_DIR): RenovateExtraction {
  const bin = requireRenovate(renovateDir);
  const work = mkdtempSync(join(tmpdir(), "homelab-renovate-"));
  try {
    const copy = join(work, "repo");
    const files = run("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], root, { PATH: process.env.PATH })
      .split("\0")
      .filter((f) => f && existsSync(join(root, f)));
    for (const file of files) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      cpSync(join(root, file), join(copy, file));
    }
    const env = renovateEnv(work);
    run("git", ["init", "-q"], copy, env);
    run("git", ["add", "-A"], copy, env);
    run("git", ["-c", "user.name=renovate-test", "-c", "user.email=renovate-test@example.org", "commit", "-q", "-m", "working tree"], copy, env);
    const reportPath = join(work, "report.json");
    run(join(bin, "renovate"), ["--platform=local", "--dry-run=extract", "--onboarding=false", "--report-type=file", `--report-path=${reportPath}`], copy, env);
    const report = JSON.parse(readFileSync(reportPath, "utf8"));
    const repositories = Object.values<any>(report.repositories ?? {});
    if (repositories.length !== 1) throw new Error(`Renovate reported ${repositories.length} repositories, expected the one it was run in`);
    return { packageFiles: repositories[0].packageFiles ?? {}, problems: [...(report.problems ?? []), ...(repositories[0].problems ?? [])], report };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** Every dependency of an extraction, with the manager and file it came from. */
export function extractedDeps(extraction: RenovateExtraction): Array<RenovateDep & { readonly manager: string; readonly packageFile: string }> {
  return Object.entries(extraction.packageFiles).flatMap(([manager, files]) => files.flatMap((f) => f.deps.map((d) => ({ ...d, manager, packageFile: f.packageFile }))));
}

/** `renovate-config-validator --strict` on a config file: throws with its findings when it finds any. */
export function validateRenovateConfig(configFile: string, renovateDir: string = RENOVATE_DIR): void {
  const bin = requireRenovate(renovateDir);
  const work = mkdtempSync(join(tmpdir(), "homelab-renovate-"));
  try {
    run(join(bin, "renovate-config-validator"), ["--strict", configFile], dirname(configFile), renovateEnv(work));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

export type UpdateType = "patch" | "minor" | "major" | "digest";

export interface PlannedUpgrade extends RenovateDep {
  readonly depName: string;
  readonly packageFile: string;
  readonly updateType: UpdateType;
  readonly automerge: boolean;
  readonly minimumReleaseAge?: string | null;
  readonly prBodyNotes: readonly string[];
  readonly postUpgradeTasks?: { readonly commands?: readonly string[]; readonly fileFilters?: readonly string[] };
}

export interface PlannedBranch {
  readonly branchName: string;
  readonly groupName?: string;
  readonly automerge: boolean;
  readonly labels: readonly string[];
  readonly addLabels: readonly string[];
  readonly upgrades: readonly PlannedUpgrade[];
}

export interface PlannedDep {
  readonly manager: string;
  readonly packageFile: string;
  readonly depName?: string;
  readonly currentValue?: string;
  readonly skipReason?: string;
  readonly versioning?: string;
  /** Whether the versioning Renovate picks for it reads its current value (else the lookup skips it: invalid-value). */
  readonly versionValid?: boolean;
}

export interface RenovatePlan {
  readonly deps: readonly PlannedDep[];
  /** By update type, the branches Renovate makes when every dependency has one update of that type. */
  readonly branches: Readonly<Record<UpdateType, readonly PlannedBranch[]>>;
}

/** tools/renovate/plan-branches.js: the branches Renovate's rules make of a made-up update of each type for every dependency. */
export function planBranches(extraction: RenovateExtraction, configFile: string, renovateDir: string = RENOVATE_DIR): RenovatePlan {
  requireRenovate(renovateDir);
  const work = mkdtempSync(join(tmpdir(), "homelab-renovate-"));
  try {
    const reportPath = join(work, "report.json");
    writeFileSync(reportPath, JSON.stringify(extraction.report));
    return JSON.parse(run(process.execPath, [join(renovateDir, "plan-branches.js"), configFile, reportPath], work, renovateEnv(work)));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
