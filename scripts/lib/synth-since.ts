/**
 * The estate synthesized twice, as it was at a git ref and as it is in the working tree: what
 * `npm run affected` and `npm run diff` compare. Nothing in the repository changes. The base's
 * synth is kept in node_modules/.cache/homelab-affected, keyed by everything that synth reads
 * (commit, package-lock.json, the inventory file, Node's version), so the same base is
 * synthesized once. When the `tsc -b` the npm scripts run first left dist/ newer than every
 * source, the working tree runs from dist/, and the base's tree is the working tree linked
 * with the base's own files where they differ, its dist/ the working tree's with those files
 * transpiled (compiled-base); its synth starts at once and loads its packages while that tree
 * is written. When nothing a synth reads differs, the base's synth is the working tree's.
 * Otherwise both sides are exported and run through ts-node. Each side is described by
 * describe-estate (stacks in deploy order with their tree facts) and its synthesized files
 * read into memory before the temporary directory goes.
 */
import { spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { readSynth, StackFiles } from "./affected-core";
import { baseTreeFromWorkingTree, differingPaths, distStandsForBase, synthInputsDiffer } from "./compiled-base";
import { parseArgs, UsageError } from "./cli";
import { appModuleName, DIST_ROOT } from "./app-module";
import { WAIT_FOR_TREE } from "./describe-estate-args";
import { fastTmpdir } from "./fast-tmp";
import { DescribedStack } from "./tree-facts";

/** One side of the comparison. */
export interface SynthSide {
  /** Every stack in deploy order, with what its construct tree says. */
  readonly stacks: readonly DescribedStack[];
  /** Every stack's synthesized files. */
  readonly files: ReadonlyMap<string, StackFiles>;
}

export interface SynthSides {
  /** The commit `since` names. */
  readonly commit: string;
  readonly before: SynthSide;
  readonly after: SynthSide;
}

function git(cwd: string, args: string[]): string {
  const r = spawnSync("git", args, { cwd, encoding: "utf8" });
  if (r.error) throw new Error(`git is not available: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

/**
 * Why `since` names no commit here, and what to change. A CI clone often holds only the commit
 * it builds: Woodpecker's plugin-git defaults partial to true, which forces --depth=1.
 */
function missingBase(root: string, since: string): string {
  const what = since === "" ? "--since is empty (the command that computed the base found no commit)" : `--since ${since}: not a commit in this clone`;
  if (git(root, ["rev-parse", "--is-shallow-repository"]) === "true") {
    const commits = git(root, ["rev-list", "--count", "HEAD"]);
    return (
      `${what}: the clone is shallow (${commits} commit(s) of history), so the commit to compare with is missing; clone the full history: ` +
      "in the Woodpecker clone step set partial: false and depth: 0 (plugin-git's partial, on by default, forces --depth=1), or run git fetch --unshallow"
    );
  }
  return `${what} (a branch, tag or sha such as HEAD~1 or origin/main; a commit of another branch is there once that branch is fetched)`;
}

/** Writes the tree of `commit` into `dir` with `git archive`: no worktree, nothing changes in the repository. */
function exportCommit(root: string, commit: string, dir: string): void {
  const tarFile = join(dir, "..", "tree.tar");
  git(root, ["archive", "--format=tar", `--output=${tarFile}`, commit]);
  const untar = spawnSync("tar", ["-xf", tarFile, "-C", dir], { encoding: "utf8" });
  if (untar.status !== 0) throw new Error(`cannot unpack ${commit}: ${untar.stderr}`);
  rmSync(tarFile, { force: true });
}

/** Where the bases' synths are kept (the benchmark points it at an empty directory for a cold run). */
const CACHE_ENV = "HOMELAB_AFFECTED_CACHE";

/**
 * Synthesizes the estate of a source tree into `outdir`: compiled JavaScript is run as it is,
 * TypeScript through ts-node (transpile only). With `treeReady`, the process starts at once
 * and loads the estate's dependencies while the tree is being written, and synthesizes it once
 * `treeReady` resolves (it is stopped if `treeReady` rejects).
 */
function describeTree(tree: string, appName: string, outdir: string, nodeModules: string, compiled = false, treeReady?: Promise<void>): Promise<DescribedStack[]> {
  const json = `${outdir}.json`;
  const register = compiled ? [] : ["-r", require.resolve("ts-node/register/transpile-only", { paths: [nodeModules] })];
  // The synth's staging (thousands of small files written and removed) in memory where the machine has room.
  const env: NodeJS.ProcessEnv = { ...process.env, TS_NODE_PROJECT: join(tree, "tsconfig.json"), CDKTF_OUTDIR: outdir, TMPDIR: fastTmpdir() };
  if (env.HOMELAB_INVENTORY) env.HOMELAB_INVENTORY = resolve(env.HOMELAB_INVENTORY);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...register, join(__dirname, "describe-estate.js"), tree, appName, outdir, json, ...(treeReady ? [WAIT_FOR_TREE] : [])], {
      cwd: compiled ? process.cwd() : tree,
      env,
      stdio: [treeReady ? "pipe" : "ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr!.on("data", (d) => (stderr += d));
    child.on("error", fail);
    child.on("exit", (code) =>
      code === 0 ? done(JSON.parse(readFileSync(json, "utf8"))) : fail(new Error(`synth of ${tree} failed:\n${stderr.trim()}`)),
    );
    treeReady?.then(
      () => child.stdin!.end(),
      (err: Error) => {
        child.kill();
        fail(err);
      },
    );
  });
}

/**
 * True when this script runs from `root`'s own dist/ and the last `tsc -b` is newer than every
 * TypeScript file of the working tree (tracked or not): then dist/ is the working tree, compiled.
 */
function distIsCurrent(root: string): boolean {
  if (resolve(DIST_ROOT) !== resolve(root, "dist")) return false;
  const built = join(DIST_ROOT, ".tsbuildinfo");
  if (!existsSync(built)) return false;
  const builtAt = statSync(built).mtimeMs;
  // The tests' snapshots (json) are rewritten after a build and never read by a synth.
  const sources = git(root, ["ls-files", "-z", "--cached", "--others", "--exclude-standard", "--", "*.ts", "*.json", ":(exclude,glob)__tests__/**/*.json"]).split("\0").filter(Boolean);
  return sources.every((file) => !existsSync(join(root, file)) || statSync(join(root, file)).mtimeMs <= builtAt);
}

/**
 * The base's synth is a function of its commit, the dependencies, the inventory and Node: the
 * cache key holds all four, so a hit is the synth that would run.
 */
function baseCacheKey(root: string, commit: string, appName: string): string {
  const hash = createHash("sha256").update(JSON.stringify([commit, appName, process.version]));
  for (const file of [join(root, "package-lock.json"), process.env.HOMELAB_INVENTORY ?? ""]) {
    hash.update(file && existsSync(file) ? readFileSync(file) : "-");
  }
  return hash.digest("hex").slice(0, 32);
}

/**
 * The base's synth, from the cache when this base was synthesized before: the directory
 * holding it (`out/`, the synthesized stacks, and `stacks.json`, their description).
 * `differing` is given when the working tree's dist/ is current: then the base's tree is built
 * from it while the base's synth is already starting.
 */
async function describeBase(root: string, commit: string, appName: string, work: string, nodeModules: string, differing?: ReadonlySet<string>): Promise<string> {
  const cached = join(process.env[CACHE_ENV] ?? join(nodeModules, ".cache", "homelab-affected"), baseCacheKey(root, commit, appName));
  if (existsSync(join(cached, "stacks.json"))) return cached;
  const tree = join(work, "tree");
  mkdirSync(tree);
  const fresh = join(work, "base");
  const linkDependencies = () => {
    // This checkout's dependencies (package-lock.json is in the cache key); rm takes a link, not what it points to.
    rmSync(join(tree, "node_modules"), { recursive: true, force: true });
    symlinkSync(nodeModules, join(tree, "node_modules"), "dir");
  };
  if (differing && distStandsForBase(differing)) {
    let ready!: { resolve: () => void; reject: (err: Error) => void };
    const treeReady = new Promise<void>((resolve, reject) => (ready = { resolve, reject }));
    const synth = describeTree(join(tree, "dist"), appName, join(fresh, "out"), nodeModules, true, treeReady);
    try {
      baseTreeFromWorkingTree(root, commit, tree, appName, differing);
      linkDependencies();
      ready.resolve();
    } catch (err) {
      ready.reject(err as Error);
    }
    await synth;
  } else {
    exportCommit(root, commit, tree);
    linkDependencies();
    await describeTree(tree, appName, join(fresh, "out"), nodeModules);
  }
  renameSync(join(fresh, "out.json"), join(fresh, "stacks.json"));
  return keepWhole(fresh, cached);
}

/**
 * Keeps the directory `fresh` as `cached`, whole or not at all: renamed where it can be (the
 * same file system), else copied beside it and renamed. Another run may have filled `cached`
 * meanwhile; its synth is the same, and stays. Returns where the synth now is.
 */
function keepWhole(fresh: string, cached: string): string {
  mkdirSync(join(cached, ".."), { recursive: true });
  try {
    renameSync(fresh, cached);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "EXDEV") {
      const partial = `${cached}.${process.pid}`;
      cpSync(fresh, partial, { recursive: true });
      try {
        renameSync(partial, cached);
      } catch {
        rmSync(partial, { recursive: true, force: true });
      }
    }
  }
  return existsSync(join(cached, "stacks.json")) ? cached : fresh;
}

/** The `--since <git-ref>` of a command that compares with a ref (affected, diff), and nothing else. */
export function sinceArgument(argv: readonly string[], usage: string): string {
  const { positional, flags } = parseArgs(argv, ["since="], usage);
  if (positional.length) throw new UsageError(`unexpected arguments: ${positional.join(" ")}`, usage);
  const since = flags.get("since");
  if (typeof since !== "string") throw new UsageError("--since <git-ref> is required", usage);
  return since;
}

/** Synthesizes the estate at `since` and in the working tree under `root`, both at once. */
export async function synthSince(root: string, since: string): Promise<SynthSides> {
  const nodeModules = join(root, "node_modules");
  if (!existsSync(nodeModules)) throw new Error(`no node_modules in ${root}: run npm ci first`);
  let commit: string;
  try {
    commit = git(root, ["rev-parse", "--verify", "--quiet", `${since}^{commit}`]);
  } catch {
    throw new Error(missingBase(root, since));
  }
  const appName = appModuleName();

  const work = mkdtempSync(join(tmpdir(), "homelab-affected-"));
  try {
    const compiled = distIsCurrent(root);
    // The working tree's synth starts first: it runs while the base's tree is being prepared.
    const after = describeTree(compiled ? DIST_ROOT : root, appName, join(work, "after"), nodeModules, compiled).catch((err: Error) => {
      throw new Error(`cannot synthesize the working tree: ${err.message}`);
    });
    const differing = compiled ? differingPaths(root, commit) : undefined;
    const afterSide = async (): Promise<SynthSide> => ({ stacks: await after, files: readSynth(join(work, "after")) });
    if (differing && !synthInputsDiffer(differing, appName)) {
      // Nothing a synth reads differs: the base's tree is this one, and so is its synth.
      const side = await afterSide();
      return { commit, before: side, after: side };
    }
    const before = describeBase(root, commit, appName, work, nodeModules, differing).catch((err: Error) => {
      throw new Error(`cannot synthesize ${since} (${commit.slice(0, 12)}): ${err.message}`);
    });
    const [base, afterSynth] = await Promise.all([before, afterSide()]);
    return {
      commit,
      before: { stacks: JSON.parse(readFileSync(join(base, "stacks.json"), "utf8")) as DescribedStack[], files: readSynth(join(base, "out")) },
      after: afterSynth,
    };
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
