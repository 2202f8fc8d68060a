/**
 * `npm run mutation [-- <file or folder>... [--<stryker option> ...]]`: mutation testing
 * (StrykerJS) of the files that stand between the operator and a destroyed volume or a leaked
 * key: the house rules, the safety constructs, the tier-0 state and affected scripts
 * (stryker.config.json `mutate`), or of the files and folders given. One Stryker run per area,
 * each tested by that area's tests without the estate tests (scripts/lib/mutation-config.ts);
 * options after the targets go to every run (--incremental, --concurrency 1 …). Not part of
 * `npm test`: it takes tens of minutes. Ends with one per-file score table; reports/mutation/
 * holds each area's HTML and JSON reports.
 */
import { spawnSync } from "child_process";
import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { runMain, UsageError } from "./lib/cli";
import { mutationConfigs, MutationTargetError } from "./lib/mutation-config";
import { fileScores, MutationReport, scoreTable, survivorLines } from "./lib/mutation-scores";
import { repoRoot } from "./repo-root";

const USAGE = "npm run mutation [-- <file or folder>... [--<stryker option> ...]]";
/** The bar the issue set for every file. */
const BAR = 80;

runMain(async () => {
  const root = repoRoot();
  const args = process.argv.slice(2);
  const firstOption = args.findIndex((a) => a.startsWith("-"));
  const [targets, strykerOptions] = firstOption < 0 ? [args, []] : [args.slice(0, firstOption), args.slice(firstOption)];
  let configs;
  try {
    configs = mutationConfigs(root, targets);
  } catch (err) {
    if (err instanceof MutationTargetError) throw new UsageError(err.message, USAGE);
    throw err;
  }
  mkdirSync(join(root, "reports", "mutation"), { recursive: true });
  let status = 0;
  for (const config of configs) {
    const file = join(root, "reports", `stryker.${config.area}.json`);
    writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
    const roots = config.jest.config.roots.map((r) => r.replace("<rootDir>/", ""));
    process.stdout.write(`\nmutating ${config.mutate.join(", ")}\ntested by ${roots.join(", ")}, not the estate tests (*.estate.test.ts)\n`);
    const run = spawnSync(join(root, "node_modules", ".bin", "stryker"), ["run", file, ...strykerOptions], { cwd: root, stdio: "inherit" });
    if (run.status !== 0) {
      process.stderr.write(`error: Stryker's run of ${config.area} ended with ${run.status ?? run.signal}; its report is not read\n`);
      status = 1;
      continue;
    }
    const report = JSON.parse(readFileSync(join(root, config.jsonReporter.fileName), "utf8")) as MutationReport;
    const survivors = survivorLines(report);
    process.stdout.write(`\n${config.area}: scores (the bar is ${BAR}% per file)\n${scoreTable(fileScores(report), BAR)}\n`);
    process.stdout.write(`\n${config.area}: ${survivors.length} mutant(s) no test killed; each is killed by a new test or judged equivalent\n${survivors.map((l) => `- ${l}`).join("\n")}\n`);
  }
  return status;
});
