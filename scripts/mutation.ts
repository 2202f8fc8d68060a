/**
 * `npm run mutation [-- <file or folder>...]`: mutation testing (StrykerJS) of the files that
 * stand between the operator and a destroyed volume or a leaked key: the house rules, the
 * safety constructs, the tier-0 state and affected scripts (stryker.config.json `mutate`), or
 * of the files and folders given (options after them go to Stryker), each tested by its own area's tests, not the estate tests
 * (scripts/lib/mutation-config.ts). Not part of `npm test`: it takes tens of minutes. Prints
 * Stryker's per-file score table; reports/mutation/ holds the HTML and JSON reports.
 */
import { spawnSync } from "child_process";
import { mkdirSync, writeFileSync } from "fs";
import { join } from "path";
import { runMain, UsageError } from "./lib/cli";
import { mutationConfig, MutationTargetError } from "./lib/mutation-config";
import { repoRoot } from "./repo-root";

const USAGE = "npm run mutation [-- <file or folder>... [--<stryker option> ...]]";

runMain(async () => {
  const root = repoRoot();
  // Targets first; from the first option on, the arguments are Stryker's (--incremental, --concurrency 1 …).
  const args = process.argv.slice(2);
  const firstOption = args.findIndex((a) => a.startsWith("-"));
  const [targets, strykerOptions] = firstOption < 0 ? [args, []] : [args.slice(0, firstOption), args.slice(firstOption)];
  let config;
  try {
    config = mutationConfig(root, targets);
  } catch (err) {
    if (err instanceof MutationTargetError) throw new UsageError(err.message, USAGE);
    throw err;
  }
  mkdirSync(join(root, "reports"), { recursive: true });
  const file = join(root, "reports", "stryker.run.json");
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  const roots = config.jest.config.roots.map((r) => r.replace("<rootDir>/", ""));
  process.stdout.write(`mutating ${config.mutate.join(", ")}\ntested by ${roots.join(", ")}, not the estate tests (*.estate.test.ts)\n`);
  const run = spawnSync(join(root, "node_modules", ".bin", "stryker"), ["run", file, ...strykerOptions], { cwd: root, stdio: "inherit" });
  return run.status ?? 1;
});
