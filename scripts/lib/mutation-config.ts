/**
 * What `npm run mutation` hands StrykerJS: one run per file, each tested by the tests that
 * answer for that file. A test answers for a file when it imports it, or a module of the same
 * area that imports it (a rule pack, the rule that uses a support module), or names the rule id
 * the file defines. Narrow test sets keep "static" mutants cheap: a mutant of code that runs
 * when a module loads (a rule's metadata, a table of patterns) is run against every test of
 * its run, each in a fresh module registry; over a whole area that is ten seconds a mutant.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "fs";
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
 * mutant it reaches.
 */
export const ESTATE_TESTS = "\\.estate\\.test\\.ts$";

/** A target that cannot be mutation-tested: the message says why. */
export class MutationTargetError extends Error {}

export interface MutationConfig {
  /** The file this run mutates. */
  readonly target: string;
  /** The test files that answer for it, relative to the repository. */
  readonly tests: readonly string[];
  /** Stryker's configuration: stryker.config.json narrowed to the file and its tests. */
  readonly stryker: {
    readonly mutate: readonly string[];
    readonly jest: { readonly config: { readonly roots: readonly string[]; readonly testMatch: readonly string[] } } & Record<string, unknown>;
    readonly jsonReporter: { readonly fileName: string };
    readonly [key: string]: unknown;
  };
}

function areaOf(path: string): string {
  return path.split("/")[0];
}

function filesUnder(root: string, dir: string, keep: (rel: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const child = `${rel}/${name}`;
      if (statSync(join(root, child)).isDirectory()) walk(child);
      else if (keep(child)) out.push(child);
    }
  };
  walk(dir);
  return out;
}

/** The module paths a source imports from its own folder tree ("./x", "../y"), resolved to repository paths. */
function localImports(root: string, file: string): string[] {
  const dir = file.split("/").slice(0, -1).join("/");
  return [...readFileSync(join(root, file), "utf8").matchAll(/from "(\.{1,2}\/[^"]+)"/g)].map(([, spec]) => relative(root, join(root, dir, spec)));
}

/** Whether a test's text imports `module` (a repository path without extension). */
function imports(testText: string, module: string): boolean {
  const escaped = module.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return new RegExp(`["'](?:\\.\\./)+${escaped}(?:/index)?["']`).test(testText);
}

/** The tests of `target`'s area that answer for it (see the file comment). */
export function testsAnsweringFor(root: string, target: string): string[] {
  const area = areaOf(target);
  const module = target.replace(/\.ts$/, "");
  const sources = filesUnder(root, area, (f) => f.endsWith(".ts") && !f.endsWith(".d.ts"));
  const importersOf = new Map(sources.map((s) => [s, localImports(root, s)]));
  // The modules of the area that import the target, directly or through each other.
  const reaching = new Set([module]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [source, imported] of importersOf) {
      const m = source.replace(/\.ts$/, "");
      if (!reaching.has(m) && imported.some((i) => reaching.has(i) || reaching.has(`${i}/index`))) {
        reaching.add(m);
        grew = true;
      }
    }
  }
  const modules = [...reaching].map((m) => m.replace(/\/index$/, ""));
  const ruleId = /\bid: "(HL-[A-Z0-9-]+)"/.exec(readFileSync(join(root, target), "utf8"))?.[1];
  const namesRule = ruleId ? new RegExp(`${ruleId}(?![0-9])`) : undefined;
  const estate = new RegExp(ESTATE_TESTS);
  return TESTS_OF[area]
    .flatMap((dir) => filesUnder(root, dir, (f) => f.endsWith(".test.ts") && !estate.test(f)))
    .filter((test) => {
      const text = readFileSync(join(root, test), "utf8");
      return modules.some((m) => imports(text, m)) || (namesRule?.test(text) ?? false);
    });
}

/**
 * stryker.config.json narrowed to each file of `targets` (files or folders; none: its own
 * "mutate" list), one run per file, each tested by the tests that answer for it.
 */
export function mutationConfigs(root: string, targets: readonly string[]): MutationConfig[] {
  const base = JSON.parse(readFileSync(join(root, "stryker.config.json"), "utf8")) as { mutate: string[]; jest: Record<string, unknown> };
  const relativeTargets = (targets.length ? targets : base.mutate).map((t) => relative(root, join(root, t)).replace(/\/$/, ""));
  const files: string[] = [];
  for (const t of relativeTargets) {
    const glob = /^(.*)\/\*\.ts$/.exec(t);
    const dir = glob ? glob[1] : t;
    if (!existsSync(join(root, dir))) throw new MutationTargetError(`${t} does not exist`);
    if (!(areaOf(t) in TESTS_OF)) throw new MutationTargetError(`${t}: mutation testing covers ${Object.keys(TESTS_OF).join(", ")}`);
    if (statSync(join(root, dir)).isDirectory()) files.push(...filesUnder(root, dir, (f) => f.endsWith(".ts") && !f.endsWith(".d.ts")));
    else files.push(t);
  }
  return [...new Set(files)].map((target) => {
    const tests = testsAnsweringFor(root, target);
    const name = target.replace(/\.ts$/, "").replace(/\//g, "-");
    // The sandbox is compiled (`tsc -b`, a quarter of a minute) only for tests that run the compiled code in dist/.
    const needsBuild = tests.some((t) => readFileSync(join(root, t), "utf8").includes('"dist"'));
    const { buildCommand, ...rest } = base as typeof base & { buildCommand?: string };
    return {
      target,
      tests,
      stryker: {
        ...rest,
        ...(needsBuild && buildCommand ? { buildCommand } : {}),
        mutate: [target],
        jest: { ...base.jest, config: { roots: ["<rootDir>/__tests__"], testMatch: tests.map((t) => `<rootDir>/${t}`) } },
        htmlReporter: { fileName: `reports/mutation/${name}.html` },
        jsonReporter: { fileName: `reports/mutation/${name}.json` },
        incrementalFile: `reports/stryker-incremental/${name}.json`,
      },
    };
  });
}

/** `--shard k/n`: every n-th item from the k-th, so that n runs side by side share the list (one per core). */
export function shardOf<T>(items: readonly T[], spec: string): T[] {
  const m = /^(\d+)\/(\d+)$/.exec(spec);
  const [k, n] = m ? [Number(m[1]), Number(m[2])] : [0, 0];
  if (!m || k < 1 || k > n) throw new MutationTargetError(`--shard needs k/n with 1 <= k <= n, got ${JSON.stringify(spec)}`);
  return items.filter((_, i) => i % n === k - 1);
}
