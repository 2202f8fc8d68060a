/**
 * `npm run bench [-- --against <git-ref>]`: synth wall time and peak memory of the project's
 * synth against cdktf's default app command (type-checking ts-node), at 10x and 50x the
 * stacks; then the loop (scripts/bench-loop): the full test run and `affected`, beside the
 * same at <git-ref>. Prints figures; judging them is for the reader (targets in the README).
 */
import { spawnSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { textTable } from "../policy/report-format";
import { repoRoot } from "./repo-root";
import { benchLoop } from "./bench-loop";

const ROOT = repoRoot();
const PROBE = join(__dirname, "bench-probe.js");
const node = process.execPath;
const bin = (pkg: string, path: string) => join(ROOT, "node_modules", pkg, path);

interface Measure {
  readonly seconds: number;
  readonly peakMiB: number;
}

/** Runs node commands one after another; wall time summed, peak memory the largest of them. */
function measure(commands: string[][], env: NodeJS.ProcessEnv = {}): Measure {
  const work = mkdtempSync(join(tmpdir(), "homelab-bench-"));
  const rssFile = join(work, "rss");
  writeFileSync(rssFile, "");
  const outdir = join(work, "out");
  const start = process.hrtime.bigint();
  for (const args of commands) {
    const run = spawnSync(node, ["-r", PROBE, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...env, BENCH_RSS_FILE: rssFile, CDKTF_OUTDIR: outdir, CHECKPOINT_DISABLE: "1" },
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    if (run.status !== 0) throw new Error(`${args.join(" ")} failed:\n${run.stderr}${run.stdout}`);
  }
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const peakKiB = Math.max(...readFileSync(rssFile, "utf8").trim().split("\n").map(Number));
  rmSync(work, { recursive: true, force: true });
  return { seconds, peakMiB: peakKiB / 1024 };
}

/** The median of n runs by wall time (peak memory of the same run). */
function median(n: number, run: () => Measure): Measure {
  const runs = Array.from({ length: n }, run).sort((a, b) => a.seconds - b.seconds);
  return runs[Math.floor(n / 2)];
}

const tsc = [bin("typescript", "bin/tsc"), "-b"];
const benchApp = join(ROOT, "dist", "scripts", "bench-app.js");
/** (a): what `npm run synth` and cdktf.json's app run: the up-to-date check of tsc -b, then the compiled app. */
const projectSynth = () => measure([tsc, [join(ROOT, "dist", "main.js")]]);
/** The compiled app alone at a multiple of the estate's stacks: how synth cost grows. */
const scaledSynth = (scale: number) => () => measure([[benchApp]], { BENCH_SCALE: String(scale) });
/** (b): cdktf's default app command for TypeScript projects. */
const tsNodeSynth = () => measure([[bin("ts-node", "dist/bin.js"), "main.ts"]]);

const count = Number(
  spawnSync(node, ["-e", "const {HomelabApp}=require('./dist/constructs');const {defineEstate}=require('./dist/main');const a=new HomelabApp();defineEstate(a);console.log(a.stacks.length)"], {
    cwd: ROOT,
    encoding: "utf8",
  }).stdout.trim(),
);

const perStack = (m: Measure, stacks: number) => `${((m.seconds / stacks) * 1000).toFixed(1)} ms`;
const row = (what: string, stacks: number, m: Measure) => [what, String(stacks), `${m.seconds.toFixed(2)} s`, `${m.peakMiB.toFixed(0)} MiB`, perStack(m, stacks)];
console.log(`benchmark on ${count} stacks; each row the median of 3 runs\n`);
const project = median(3, projectSynth);
const tsNode = median(3, tsNodeSynth);
const x1 = median(3, scaledSynth(1));
const x10 = median(3, scaledSynth(10));
const x50 = median(3, scaledSynth(50));
console.log(
  textTable(
    ["what", "stacks", "wall", "peak memory", "per stack"],
    [
      row("(a) project synth: tsc -b (up to date) + node dist/main.js", count, project),
      row("(b) cdktf default: ts-node main.ts (type-checking)", count, tsNode),
      row("compiled app alone, 1x", count, x1),
      row("compiled app alone, 10x", count * 10, x10),
      row("compiled app alone, 50x", count * 50, x50),
    ],
  ),
);
console.log(`\n(b)/(a) wall time: (a) is ${(tsNode.seconds / project.seconds).toFixed(2)}x faster (target >= 2x); (a) peak ${project.peakMiB.toFixed(0)} MiB (target < 400 MiB)`);
console.log(
  `growth for 5x the stacks (10x -> 50x): wall x${(x50.seconds / x10.seconds).toFixed(2)}, peak memory x${(x50.peakMiB / x10.peakMiB).toFixed(2)} ` +
    `(linear: x5.00); 50x peak ${x50.peakMiB.toFixed(0)} MiB (target < 1024 MiB)`,
);

void benchLoop().then((ok) => (process.exitCode = ok ? 0 : 1));
