/**
 * What `npm run mutation` hands StrykerJS: one run per file, each tested by the tests that
 * answer for that file. A test answers for a file when it imports it, or a module of the same
 * area that imports it (a rule pack, the rule that uses a support module), or names the rule id
 * the file defines or reports. Narrow test sets keep "static" mutants cheap: a mutant of code that runs
 * when a module loads (a rule's metadata, a table of patterns) is run against every test of
 * its run, each in a fresh module registry; over a whole area that is ten seconds a mutant.
 */
import { existsSync, readFileSync, statSync } from "fs";
import { join, relative } from "path";
import { filesUnder as readFilesUnder } from "./generated-cache";

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

/** Every file under `dir` (relative to `root`) that `keep` accepts, in order, with its text: read once per run. */
function filesUnder(root: string, dir: string, keep: (rel: string) => boolean): Map<string, string> {
  const files = Object.entries(readFilesUnder(join(root, dir))).map(([rel, text]) => [`${dir}/${rel}`, text] as const);
  return new Map(files.filter(([rel]) => keep(rel)).sort(([a], [b]) => a.localeCompare(b)));
}

/** The module paths a source imports from its own folder tree ("./x", "../y"), resolved to repository paths. */
function localImports(root: string, file: string, text: string): string[] {
  const dir = file.split("/").slice(0, -1).join("/");
  return [...text.matchAll(/from "(\.{1,2}\/[^"]+)"/g)].map(([, spec]) => relative(root, join(root, dir, spec)));
}

/** Whether a test's text imports `module` (a repository path without extension). */
function imports(testText: string, module: string): boolean {
  const escaped = module.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  return new RegExp(`["'](?:\\.\\./)+${escaped}(?:/index)?["']`).test(testText);
}

/** The tests of `target`'s area that answer for it (see the file comment). */
export function testsAnsweringFor(root: string, target: string, area: AreaFiles = areaFiles(root, areaOf(target))): string[] {
  const module = target.replace(/\.ts$/, "");
  const importersOf = new Map([...area.sources].map(([s, text]) => [s, localImports(root, s, text)]));
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
  // A rule's metadata (`id: "HL-…"`) or constants naming the ids the module reports (ACK_RULE_ID, SYNTH_RULE_ID).
  const source = area.sources.get(target) ?? readFileSync(join(root, target), "utf8");
  const ruleIds = [...source.matchAll(/\b(?:id:|[A-Z_]*RULE_ID =) "(HL-[A-Z0-9-]+)"/g)].map((m) => m[1]);
  const namesRule = ruleIds.map((id) => new RegExp(`${id}(?![0-9])`));
  return [...area.tests].filter(([, text]) => modules.some((m) => imports(text, m)) || namesRule.some((r) => r.test(text))).map(([test]) => test);
}

/** An area's sources and its tests (estate tests left out), each with its text. */
interface AreaFiles {
  readonly sources: ReadonlyMap<string, string>;
  readonly tests: ReadonlyMap<string, string>;
}

function areaFiles(root: string, area: string): AreaFiles {
  const estate = new RegExp(ESTATE_TESTS);
  return {
    sources: filesUnder(root, area, (f) => f.endsWith(".ts") && !f.endsWith(".d.ts")),
    tests: new Map(TESTS_OF[area].flatMap((dir) => [...filesUnder(root, dir, (f) => f.endsWith(".test.ts") && !estate.test(f))])),
  };
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
    if (statSync(join(root, dir)).isDirectory()) files.push(...filesUnder(root, dir, (f) => f.endsWith(".ts") && !f.endsWith(".d.ts")).keys());
    else files.push(t);
  }
  // Each area's files are read once for all its targets.
  const areas = new Map<string, AreaFiles>();
  return [...new Set(files)].map((target) => {
    const area = areas.get(areaOf(target)) ?? areas.set(areaOf(target), areaFiles(root, areaOf(target))).get(areaOf(target))!;
    const tests = testsAnsweringFor(root, target, area);
    const name = target.replace(/\.ts$/, "").replace(/\//g, "-");
    // The sandbox is compiled (`tsc -b`, a quarter of a minute) only for tests that run the compiled code in dist/.
    const needsBuild = tests.some((t) => area.tests.get(t)!.includes('"dist"'));
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
