/**
 * `npm run mutation [-- <file or folder>...]`: mutation testing (StrykerJS) of the files that
 * stand between the operator and a destroyed volume or a leaked key: the house rules, the
 * safety constructs, the tier-0 state and affected scripts (stryker.config.json `mutate`), or
 * of the files and folders given. Each target is tested by the tests of its own area (policy/ by
 * __tests__/policy, scripts/ by __tests__/ops …): a mutant must be killed by the tests written
 * for that code, not by a whole-estate synth that happens to run it. Not part of `npm test`:
 * it takes tens of minutes. Prints Stryker's per-file score table; reports/mutation/ holds the
 * HTML and JSON reports.
 */
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "fs";
import { join, relative } from "path";
import { runMain, UsageError } from "./lib/cli";
import { repoRoot } from "./repo-root";

const USAGE = "npm run mutation [-- <file or folder>...]";

/** The tests that answer for each top-level source folder. */
const TESTS_OF: Readonly<Record<string, readonly string[]>> = {
  policy: ["__tests__/policy"],
  constructs: ["__tests__/constructs"],
  scripts: ["__tests__/ops"],
  contracts: ["__tests__/contracts"],
  inventory: ["__tests__/inventory"],
  jobspecs: ["__tests__/jobspecs"],
  stacks: ["__tests__/stacks"],
};

runMain(async () => {
  const root = repoRoot();
  const base = JSON.parse(readFileSync(join(root, "stryker.config.json"), "utf8")) as { mutate: string[]; jest: Record<string, unknown> };
  const targets = process.argv.slice(2).map((t) => relative(root, join(root, t)).replace(/\/$/, ""));
  for (const t of targets) {
    if (!existsSync(join(root, t))) throw new UsageError(`${t} does not exist`, USAGE);
    if (!(t.split("/")[0] in TESTS_OF)) throw new UsageError(`${t}: mutation testing covers ${Object.keys(TESTS_OF).join(", ")}`, USAGE);
  }
  const mutate = targets.length ? targets.map((t) => (/\.ts$/.test(t) ? t : `${t}/**/*.ts`)) : base.mutate;
  const roots = [...new Set(mutate.flatMap((m) => TESTS_OF[m.split("/")[0]] ?? []))].map((r) => `<rootDir>/${r}`);
  const config = { ...base, mutate, jest: { ...base.jest, config: { roots } } };
  mkdirSync(join(root, "reports"), { recursive: true });
  const file = join(root, "reports", "stryker.run.json");
  writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  process.stdout.write(`mutating ${mutate.join(", ")}\ntested by ${roots.map((r) => r.replace("<rootDir>/", "")).join(", ")}\n`);
  const run = spawnSync(join(root, "node_modules", ".bin", "stryker"), ["run", file], { cwd: root, stdio: "inherit" });
  return run.status ?? 1;
});
