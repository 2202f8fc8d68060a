/**
 * The loop half of `npm run bench`: the full test run (wall time, peak memory of its whole
 * process tree, synth staging directories left in the temporary directory) and
 * `affected --since HEAD` (cold and with the base's synth kept), for this working tree and,
 * in the same run, for an earlier commit (--against <git-ref>; by default the commit before
 * constructs/synth-staging.ts was added, the approach the faster loop replaced), exported
 * with `git archive` beside it and built with its own `tsc -b`.
 */
import { spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { textTable } from "../policy/report-format";
import { parseArgs } from "./lib/cli";
import { fastTmpdir } from "./lib/fast-tmp";
import { runTree, TreeRun } from "./lib/process-tree";
import { repoRoot } from "./repo-root";

const ROOT = repoRoot();
const USAGE = "npm run bench [-- --against <git-ref>]";

function git(args: string[]): string {
  const r = spawnSync("git", args, { cwd: ROOT, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

/** The commit named by --against, else the one before the staging module was added. */
function baseline(): string | undefined {
  const against = parseArgs(process.argv.slice(2), ["against="], USAGE).flags.get("against");
  if (typeof against === "string") return git(["rev-parse", "--verify", `${against}^{commit}`]);
  const added = git(["log", "--diff-filter=A", "--format=%H", "--", "constructs/synth-staging.ts"]).split("\n").pop();
  return added ? git(["rev-parse", "--verify", `${added}^`]) : undefined;
}

/** `commit`'s tree in `dir`, sharing this checkout's node_modules, with its own dist/ built. */
function exportTree(commit: string, dir: string): void {
  mkdirSync(dir);
  const tar = `${dir}.tar`;
  git(["archive", "--format=tar", `--output=${tar}`, commit]);
  if (spawnSync("tar", ["-xf", tar, "-C", dir]).status !== 0) throw new Error(`cannot unpack ${commit}`);
  rmSync(tar);
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const build = spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-b"], { cwd: dir, encoding: "utf8" });
  if (build.status !== 0) throw new Error(`tsc -b of ${commit} failed:\n${build.stdout}`);
}

/** The tree's own `npm test` command after its `tsc -b` (each tree is built first). */
function testCommand(tree: string): string {
  const script = (JSON.parse(readFileSync(join(tree, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts.test;
  return script.replace(/^tsc -b && /, "");
}

/** Synth staging directories anywhere under `dir`. */
function stagingLeft(dir: string): number {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((p) => p.split("/").pop()!.startsWith("homelab-synth-")).length;
}

interface LoopFigures {
  readonly test: TreeRun;
  readonly left: number;
  readonly affectedCold: TreeRun;
  readonly affectedWarm: TreeRun;
}

/** The loop of the tree at `tree` (its dist/ built), in a temporary directory of its own. */
async function measureTree(tree: string): Promise<LoopFigures> {
  // Both trees' runs on the same storage (memory where the machine has it, as npm test's own run directory).
  const tmp = mkdtempSync(join(fastTmpdir(), "homelab-bench-tmp-"));
  const env = { ...process.env, TMPDIR: tmp, HOMELAB_TEST_TMP: tmp, CI: "true", HOMELAB_AFFECTED_CACHE: join(tmp, "affected-cache") };
  const test = await runTree("sh", ["-c", `${testCommand(tree)} --silent`], { cwd: tree, env: { ...env, PATH: `${join(tree, "node_modules", ".bin")}:${process.env.PATH}` } });
  const left = stagingLeft(tmp);
  // `affected` runs in this checkout, from the tree's compiled script: the same question to both.
  const affected = () => runTree(process.execPath, [join(tree, "dist", "scripts", "affected.js"), "--since", "HEAD"], { cwd: ROOT, env });
  const affectedCold = await affected();
  const affectedWarm = await affected();
  rmSync(tmp, { recursive: true, force: true });
  return { test, left, affectedCold, affectedWarm };
}

const seconds = (r: TreeRun) => `${r.seconds.toFixed(1)} s${r.status === 0 ? "" : ` (FAILED, exit ${r.status})`}`;
const peak = (r: TreeRun) => `${r.peakMiB.toFixed(0)} MiB`;

/** Prints the loop's figures; false when a run failed. */
export async function benchLoop(): Promise<boolean> {
  const base = baseline();
  const work = mkdtempSync(join(tmpdir(), "homelab-bench-loop-"));
  try {
    const rows: { what: string; figures: LoopFigures }[] = [];
    if (base) {
      const old = join(work, "baseline");
      exportTree(base, old);
      rows.push({ what: `${base.slice(0, 12)} (before)`, figures: await measureTree(old) });
    }
    rows.push({ what: "this tree", figures: await measureTree(ROOT) });
    console.log(`\nthe loop${base ? `, beside ${base.slice(0, 12)} in the same run` : ""} (each tree built first; runs one after another)\n`);
    console.log(
      textTable(
        ["tree", "npm test (jest)", "its peak memory (all processes)", "staging dirs left", "affected, cold", "affected, base kept"],
        rows.map(({ what, figures: f }) => [what, seconds(f.test), peak(f.test), String(f.left), seconds(f.affectedCold), seconds(f.affectedWarm)]),
      ),
    );
    for (const { what, figures } of rows.filter(({ figures: f }) => f.test.status !== 0)) {
      const failed = figures.test.output.split("\n").filter((line) => line.startsWith("FAIL "));
      console.log(`\n${what}: the test run failed (${[...new Set(failed)].join(", ") || "see jest's output"})`);
    }
    console.log("\ntargets: npm test <= 25 s and < 700 MiB; affected <= 1.5 s; no staging directory left");
    // The earlier commit's figures are for comparison: only this tree's failures fail the benchmark.
    const ours = rows[rows.length - 1].figures;
    return [ours.test, ours.affectedCold, ours.affectedWarm].every((r) => r.status === 0);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
