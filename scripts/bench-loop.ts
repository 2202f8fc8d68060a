/**
 * The loop half of `npm run bench`: the full test run (wall time, peak memory of its whole
 * process tree, synth staging directories left in the temporary directory) and
 * `affected --since HEAD` after one tag changed (cold and with the base's synth kept), for this working tree and,
 * in the same run, for an earlier commit (--against <git-ref>; by default the commit before
 * constructs/synth-staging.ts was added, the approach the faster loop replaced), exported
 * with `git archive` beside it and built with its own `tsc -b`; then the edit loop (one tag
 * changed, that stack's tests run) on a copy of this tree, with `npm run watch` and without.
 */
import { spawn, spawnSync } from "child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
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
  // A repository of its own, as a clone is: the tests that read the repository's index need one.
  commitAll(dir, commit);
  shareDependenciesAndBuild(dir, commit);
}

/** A new repository at `dir` with one commit of everything in it. */
function commitAll(dir: string, message: string): void {
  for (const args of [["init", "-q"], ["add", "-A"], ["-c", "user.name=bench", "-c", "user.email=bench@example.org", "commit", "-qm", message]]) {
    if (spawnSync("git", args, { cwd: dir }).status !== 0) throw new Error(`git ${args.join(" ")} failed in ${dir}`);
  }
}

/** The tree at `dir` given this checkout's node_modules and its own `tsc -b`. */
function shareDependenciesAndBuild(dir: string, what: string): void {
  symlinkSync(join(ROOT, "node_modules"), join(dir, "node_modules"), "dir");
  const build = tscBuild(dir);
  if (build.status !== 0) throw new Error(`tsc -b of ${what} failed:\n${build.stdout}`);
}

const tscBuild = (dir: string) => spawnSync(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-b"], { cwd: dir, encoding: "utf8" });

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

/** The loop of the tree at `tree` (its dist/ built), in a temporary directory of its own; `affected` from `affectedScript` in `question`. */
async function measureTree(tree: string, affectedScript: string, question: string): Promise<LoopFigures> {
  // Both trees' runs on the same storage (memory where the machine has it, as npm test's own run directory).
  const tmp = mkdtempSync(join(fastTmpdir(), "homelab-bench-tmp-"));
  const env = { ...process.env, TMPDIR: tmp, HOMELAB_TEST_TMP: tmp, CI: "true", HOMELAB_AFFECTED_CACHE: join(tmp, "affected-cache") };
  // The test run three times too: the median time, the largest peak; what any run left behind counts.
  const tests: TreeRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    tests.push(await runTree("sh", ["-c", `${testCommand(tree)} --silent`], { cwd: tree, env: { ...env, PATH: `${join(tree, "node_modules", ".bin")}:${process.env.PATH}` } }));
  }
  const test = { ...medianRun(tests), peakMiB: Math.max(...tests.map((t) => t.peakMiB)) };
  const left = stagingLeft(tmp);
  // The same question to both trees: one tag changed since the question's commit. Three runs
  // each, cold (the base's synth not kept: the cache emptied first) then with it kept.
  const affected = () => runTree(process.execPath, [affectedScript, "--since", "HEAD"], { cwd: question, env });
  const cold: TreeRun[] = [];
  for (let i = 0; i < RUNS; i++) {
    rmSync(env.HOMELAB_AFFECTED_CACHE, { recursive: true, force: true });
    cold.push(await affected());
  }
  const warm: TreeRun[] = [];
  for (let i = 0; i < RUNS; i++) warm.push(await affected());
  rmSync(tmp, { recursive: true, force: true });
  return { test, left, affectedCold: medianRun(cold), affectedWarm: medianRun(warm) };
}

/** Runs of each timed command: the median is reported, as one run is one sample of a noisy machine (npm test took 20.5 s and 22.9 s in two runs of the same tree). */
const RUNS = 3;

/** The run of median wall time, or a failed run (a failure is never hidden by a median). */
export function medianRun(runs: readonly TreeRun[]): TreeRun {
  const failed = runs.find((r) => r.status !== 0);
  if (failed) return failed;
  return [...runs].sort((a, b) => a.seconds - b.seconds)[Math.floor(runs.length / 2)];
}

/** The working tree's files (tracked and new, not ignored ones) copied into `dir`. */
function copyWorkingFiles(dir: string): void {
  for (const file of git(["ls-files", "-z", "--cached", "--others", "--exclude-standard"]).split("\0").filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue; // deleted, not yet staged
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(dir, file));
  }
}

/** The working tree copied into `dir`, sharing node_modules, built. */
function copyWorkingTree(dir: string): void {
  copyWorkingFiles(dir);
  shareDependenciesAndBuild(dir, "the working tree");
}

/**
 * The question `affected` is timed on, as an operator's pull request asks it: a repository
 * holding this tree as its commit, with one tag changed since, built as `npm run affected`
 * builds first (dist/ current).
 */
function affectedQuestion(dir: string): string {
  copyWorkingFiles(dir);
  commitAll(dir, "the working tree");
  editTag(dir, 1);
  shareDependenciesAndBuild(dir, "the affected question");
  return dir;
}

/** The edit the loop is timed on: one image tag, and the tests of the stack that runs it. */
const EDIT = { file: "jobspecs/images.ts", tests: "stacks/forgejo", from: /(image\("codeberg\.org\/forgejo\/forgejo", ")([^"]+)"/ };

/** Changes the tag in the copy at `dir` (a new one each time), as an operator's save would. */
function editTag(dir: string, n: number): void {
  const file = join(dir, EDIT.file);
  const text = readFileSync(file, "utf8");
  if (!EDIT.from.test(text)) throw new Error(`${EDIT.file} no longer pins forgejo's image: update EDIT in scripts/bench-loop.ts`);
  writeFileSync(file, text.replace(EDIT.from, `$1$2-bench${n}"`));
}

interface EditLoopFigures {
  /** Today's approach before the watch mode: `tsc -b`, then jest (ts-jest) on the stack's test file. */
  readonly rebuildAndTest: number;
  /** `npm run watch`: from the save to its result. */
  readonly watch: number;
}

/** The edit loop on a copy of the working tree: the same edit, timed both ways. */
async function measureEditLoop(work: string): Promise<EditLoopFigures> {
  const dir = join(work, "edit-loop");
  copyWorkingTree(dir);
  editTag(dir, 1);
  const start = process.hrtime.bigint();
  tscBuild(dir);
  const jest = spawnSync(process.execPath, [join(ROOT, "node_modules", "jest", "bin", "jest.js"), "-c", "jest.source.config.js", `__tests__/${EDIT.tests}`], { cwd: dir, encoding: "utf8" });
  if (jest.status !== 0) throw new Error(`the stack's tests failed after the edit:\n${jest.stderr}`);
  const rebuildAndTest = Number(process.hrtime.bigint() - start) / 1e9;

  const watcher = spawn(process.execPath, [join(dir, "dist", "scripts", "watch.js"), EDIT.tests], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const seen = (pattern: RegExp) =>
    new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`npm run watch did not print ${pattern} within 120 s:\n${output}`)), 120_000);
      const check = () => {
        if (!pattern.test(output)) return;
        clearTimeout(timer);
        done();
      };
      watcher.stdout!.on("data", (d) => ((output += d), check()));
      watcher.stderr!.on("data", (d) => ((output += d), check()));
      check();
    });
  try {
    await seen(/watching; save/);
    const saved = process.hrtime.bigint();
    editTag(dir, 2);
    await seen(/: (passed|FAILED) in [\d.]+ s/);
    if (/FAILED in/.test(output)) throw new Error(`the stack's tests failed in the watch loop:\n${output}`);
    return { rebuildAndTest, watch: Number(process.hrtime.bigint() - saved) / 1e9 };
  } finally {
    watcher.kill();
  }
}

const seconds = (r: TreeRun) => `${r.seconds.toFixed(1)} s${r.status === 0 ? "" : ` (FAILED, exit ${r.status})`}`;
const peak = (r: TreeRun) => `${r.peakMiB.toFixed(0)} MiB`;

/** Prints the loop's figures; false when a run failed. */
export async function benchLoop(): Promise<boolean> {
  const base = baseline();
  const work = mkdtempSync(join(tmpdir(), "homelab-bench-loop-"));
  try {
    const rows: { what: string; figures: LoopFigures }[] = [];
    const question = affectedQuestion(join(work, "affected-question"));
    const script = (tree: string) => join(tree, "dist", "scripts", "affected.js");
    if (base) {
      const old = join(work, "baseline");
      exportTree(base, old);
      rows.push({ what: `${base.slice(0, 12)} (before)`, figures: await measureTree(old, script(old), question) });
    }
    // This tree's script is the question's own: the compiled path, as `npm run affected` runs in a checkout.
    rows.push({ what: "this tree", figures: await measureTree(ROOT, script(question), question) });
    console.log(`\nthe loop${base ? `, beside ${base.slice(0, 12)} in the same run` : ""} (each tree built first; runs one after another)\n`);
    console.log(
      textTable(
        ["tree", `npm test (jest), median of ${RUNS}`, "its peak memory (all processes, largest run)", "staging dirs left", `affected (a tag changed), cold, median of ${RUNS}`, "affected, base kept, median"],
        rows.map(({ what, figures: f }) => [what, seconds(f.test), peak(f.test), String(f.left), seconds(f.affectedCold), seconds(f.affectedWarm)]),
      ),
    );
    for (const { what, figures } of rows.filter(({ figures: f }) => f.test.status !== 0)) {
      const failed = figures.test.output.split("\n").filter((line) => line.startsWith("FAIL "));
      console.log(`\n${what}: the test run failed (${[...new Set(failed)].join(", ") || "see jest's output"})`);
    }
    const edit = await measureEditLoop(work);
    console.log(`\nthe edit loop (a tag changed in ${EDIT.file}, then the tests of ${EDIT.tests}), on a copy of this tree:\n`);
    console.log(
      textTable(
        ["approach", "save to result"],
        [
          ["tsc -b, then jest (ts-jest) on the stack's test file", `${edit.rebuildAndTest.toFixed(2)} s`],
          ["npm run watch (transpile the file, rerun the tests in the warm process)", `${edit.watch.toFixed(2)} s`],
        ],
      ),
    );
    console.log("\ntargets: npm test <= 25 s and < 700 MiB; affected <= 1.5 s; the edit loop <= 2 s; no staging directory left");
    // The earlier commit's figures are for comparison: only this tree's failures fail the benchmark.
    const ours = rows[rows.length - 1].figures;
    return [ours.test, ours.affectedCold, ours.affectedWarm].every((r) => r.status === 0);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
