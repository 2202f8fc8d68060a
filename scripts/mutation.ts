/**
 * `npm run mutation [-- <file or folder>... [--<stryker option> ...]]`: mutation testing
 * (StrykerJS) of the files that stand between the operator and a destroyed volume or a leaked
 * key: the house rules, the safety constructs, the tier-0 state and affected scripts
 * (stryker.config.json `mutate`), or of the files and folders given. One Stryker run per file,
 * tested by the tests that answer for it (scripts/lib/mutation-config.ts); options after the
 * targets go to every run (--incremental, --concurrency 1 …) but --shard k/n, which takes every
 * n-th file from the k-th (n runs side by side, one per core). Not part of `npm test`: it takes
 * tens of minutes. Ends with one per-file score table and the list of mutants no test killed;
 * reports/mutation/ holds each file's HTML and JSON reports.
 */
import { spawnSync } from "child_process";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { runMain, UsageError } from "./lib/cli";
import { mutationConfigs, MutationTargetError, shardOf } from "./lib/mutation-config";
import { fileScores, MutationReport, scoreTable, survivorLines } from "./lib/mutation-scores";
import { repoRoot } from "./repo-root";

const USAGE = "npm run mutation [-- <file or folder>... [--shard <k>/<n>] [--<stryker option> ...]]";
/** The bar the issue set for every file. */
const BAR = 80;

runMain(async () => {
  const root = repoRoot();
  const args = process.argv.slice(2);
  const firstOption = args.findIndex((a) => a.startsWith("-"));
  const [targets, options] = firstOption < 0 ? [args, []] : [args.slice(0, firstOption), args.slice(firstOption)];
  // --shard k/n is ours (shardOf); the other options are Stryker's.
  const shardAt = options.indexOf("--shard");
  const strykerOptions = shardAt < 0 ? options : [...options.slice(0, shardAt), ...options.slice(shardAt + 2)];
  let configs;
  try {
    configs = mutationConfigs(root, targets);
    if (shardAt >= 0) configs = shardOf(configs, options[shardAt + 1] ?? "");
  } catch (err) {
    if (err instanceof MutationTargetError) throw new UsageError(err.message, USAGE);
    throw err;
  }
  for (const dir of ["reports/mutation", "reports/stryker", "reports/stryker-incremental"]) mkdirSync(join(root, dir), { recursive: true });
  const files: MutationReport["files"] = {};
  const failed: string[] = [];
  for (const [i, { target, tests, stryker }] of configs.entries()) {
    const file = join(root, "reports", "stryker", `${target.replace(/\.ts$/, "").replace(/\//g, "-")}.json`);
    writeFileSync(file, `${JSON.stringify(stryker, null, 2)}\n`);
    process.stdout.write(`\n[${i + 1}/${configs.length}] mutating ${target}, tested by ${tests.join(", ") || "no test"}\n`);
    const run = spawnSync(join(root, "node_modules", ".bin", "stryker"), ["run", file, ...strykerOptions], { cwd: root, stdio: "inherit" });
    if (run.status !== 0) {
      failed.push(target);
      continue;
    }
    Object.assign(files, (JSON.parse(readFileSync(join(root, stryker.jsonReporter.fileName), "utf8")) as MutationReport).files);
  }
  const report = { files };
  const survivors = survivorLines(report);
  process.stdout.write(`\nscores (the bar is ${BAR}% per file)\n${scoreTable(fileScores(report), BAR)}\n`);
  process.stdout.write(`\n${survivors.length} mutant(s) no test killed; each is killed by a new test or judged equivalent\n${survivors.map((l) => `- ${l}`).join("\n")}\n`);
  if (failed.length) process.stderr.write(`error: Stryker's run failed for ${failed.join(", ")}: not scored\n`);
  return failed.length ? 1 : 0;
});
