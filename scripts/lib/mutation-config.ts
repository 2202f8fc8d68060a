/**
 * What `npm run mutation` hands StrykerJS: the files to mutate and the tests that answer for
 * them. Each target is tested by the tests of its own area (policy/ by __tests__/policy,
 * scripts/ by __tests__/ops …): a mutant must be killed by the tests written for that code.
 */
import { existsSync, readFileSync } from "fs";
import { join, relative } from "path";

/** The tests that answer for each top-level source folder. */
export const TESTS_OF: Readonly<Record<string, readonly string[]>> = {
  policy: ["__tests__/policy"],
  constructs: ["__tests__/constructs"],
  scripts: ["__tests__/ops"],
  contracts: ["__tests__/contracts"],
  inventory: ["__tests__/inventory"],
  jobspecs: ["__tests__/jobspecs"],
  stacks: ["__tests__/stacks"],
};

/**
 * Tests of the whole estate (`*.estate.test.ts`) are left out: they check what the estate is,
 * not the code under test, and under Stryker each synthesizes every stack again for each
 * mutant it reaches (hours for policy/rules).
 */
export const ESTATE_TESTS = "\\.estate\\.test\\.ts$";

/** A target that cannot be mutation-tested: the message says why. */
export class MutationTargetError extends Error {}

export interface MutationConfig {
  /** The source folder whose files this run mutates (policy, constructs, scripts …). */
  readonly area: string;
  readonly mutate: readonly string[];
  readonly jest: { readonly config: { readonly roots: readonly string[]; readonly testPathIgnorePatterns: readonly string[] } } & Record<string, unknown>;
  readonly jsonReporter: { readonly fileName: string };
  readonly [key: string]: unknown;
}

/**
 * stryker.config.json narrowed to `targets` (files or folders; none: its own "mutate"), one
 * run per area: a run's tests are its area's, so a rule is never scored by the constructs'
 * tests that happen to synthesize it (which would also make every rule mutant "static": run
 * against every test, since code a test file runs while jest collects it is not any test's).
 */
export function mutationConfigs(root: string, targets: readonly string[]): MutationConfig[] {
  const base = JSON.parse(readFileSync(join(root, "stryker.config.json"), "utf8")) as { mutate: string[]; jest: Record<string, unknown> };
  const relativeTargets = targets.map((t) => relative(root, join(root, t)).replace(/\/$/, ""));
  for (const t of relativeTargets) {
    if (!existsSync(join(root, t))) throw new MutationTargetError(`${t} does not exist`);
    if (!(areaOf(t) in TESTS_OF)) throw new MutationTargetError(`${t}: mutation testing covers ${Object.keys(TESTS_OF).join(", ")}`);
  }
  const mutate = relativeTargets.length ? relativeTargets.map((t) => (/\.ts$/.test(t) ? t : `${t}/**/*.ts`)) : base.mutate;
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const sourceConfig = require(join(root, "jest.source.config.js")) as { testPathIgnorePatterns?: string[] };
  const testPathIgnorePatterns = [...(sourceConfig.testPathIgnorePatterns ?? []), ESTATE_TESTS];
  const areas = [...new Set(mutate.map(areaOf))];
  return areas.map((area) => ({
    ...base,
    area,
    mutate: mutate.filter((m) => areaOf(m) === area),
    jest: { ...base.jest, config: { roots: TESTS_OF[area].map((r) => `<rootDir>/${r}`), testPathIgnorePatterns } },
    htmlReporter: { fileName: `reports/mutation/${area}.html` },
    jsonReporter: { fileName: `reports/mutation/${area}.json` },
    incrementalFile: `reports/stryker-incremental-${area}.json`,
  }));
}

function areaOf(path: string): string {
  return path.split("/")[0];
}
