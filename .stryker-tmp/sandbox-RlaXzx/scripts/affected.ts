/**
 * The stacks a change affects:
 *
 *   npm run affected -- --since <git-ref>
 *
 * Synthesizes the estate as it was at <git-ref> (an export of that commit, sharing this
 * checkout's node_modules) and as it is in the working tree, compares every stack's
 * synthesized files (cdk.tf.json and the jobspec files beside it), and prints the stacks that
 * differ plus the stacks that read an output of theirs whose value may change (affected-core),
 * one per line, in deploy order: nothing else on stdout, so
 * `for s in $(npm run -s affected -- --since X)` works. On stderr, loudly: stacks removed (to
 * destroy by hand, in reverse deploy order) and what happens to resources that hold data. The
 * repository is only read.
 */
// @ts-nocheck

import { spawn, spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync } from "fs";
import { tmpdir } from "os";
import { join, resolve } from "path";
import { OrderedStack } from "../constructs/stack-graph";
import { affectedStacks, inDeployOrder, readSynth, removedInDestroyOrder, removedStacks, statefulChanges } from "./lib/affected-core";
import { parseArgs, runMain, UsageError } from "./lib/cli";
import { appModuleName } from "./lib/estate";

const USAGE = "npm run affected -- --since <git-ref>";

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

/** Synthesizes the estate of a source tree with ts-node (transpile only) into `outdir`. */
function describeTree(tree: string, appName: string, outdir: string, nodeModules: string): Promise<OrderedStack[]> {
  const json = `${outdir}.json`;
  const register = require.resolve("ts-node/register/transpile-only", { paths: [nodeModules] });
  const env: NodeJS.ProcessEnv = { ...process.env, TS_NODE_PROJECT: join(tree, "tsconfig.json"), CDKTF_OUTDIR: outdir };
  if (env.HOMELAB_INVENTORY) env.HOMELAB_INVENTORY = resolve(env.HOMELAB_INVENTORY);
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ["-r", register, join(__dirname, "lib", "describe-estate.js"), tree, appName, outdir, json], {
      cwd: tree,
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", fail);
    child.on("exit", (code) =>
      code === 0 ? done(JSON.parse(readFileSync(json, "utf8"))) : fail(new Error(`synth of ${tree} failed:\n${stderr.trim()}`)),
    );
  });
}

async function main(): Promise<number> {
  const { positional, flags } = parseArgs(process.argv.slice(2), ["since="], USAGE);
  if (positional.length) throw new UsageError(`unexpected arguments: ${positional.join(" ")}`, USAGE);
  const since = flags.get("since");
  if (typeof since !== "string") throw new UsageError("--since <git-ref> is required", USAGE);
  const root = process.cwd();
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
    const tree = join(work, "tree");
    mkdirSync(tree);
    exportCommit(root, commit, tree);
    rmSync(join(tree, "node_modules"), { recursive: true, force: true });
    symlinkSync(nodeModules, join(tree, "node_modules"), "dir");
    const [previous, current] = await Promise.all([
      describeTree(tree, appName, join(work, "before"), nodeModules).catch((err: Error) => {
        throw new Error(`cannot synthesize ${since} (${commit.slice(0, 12)}): ${err.message}`);
      }),
      describeTree(root, appName, join(work, "after"), nodeModules).catch((err: Error) => {
        throw new Error(`cannot synthesize the working tree: ${err.message}`);
      }),
    ]);
    const before = readSynth(join(work, "before"));
    const after = readSynth(join(work, "after"));
    const removed = removedInDestroyOrder(previous, removedStacks(before, after));
    if (removed.length) {
      process.stderr.write(
        `\nSTACKS REMOVED since ${since}, never destroyed by the pipelines: their resources stay until destroyed by hand, in this order ` +
          `(the reverse of the deploy order): ${removed.join(", ")}\n`,
      );
    }
    // Loud, on stderr: stdout stays the list of stacks.
    const stateful = statefulChanges(before, after);
    if (stateful.length) process.stderr.write(`\nresources that hold data, since ${since}:\n${stateful.map((l) => `  ${l}`).join("\n")}\n\n`);
    for (const stack of inDeployOrder(current, affectedStacks(before, after))) process.stdout.write(`${stack.id}\n`);
    return 0;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

runMain(main);
