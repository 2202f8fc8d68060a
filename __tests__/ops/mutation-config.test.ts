import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { ESTATE_TESTS, mutationConfigs, MutationTargetError } from "../../scripts/lib/mutation-config";
import { fileScores, scoreTable, survivorLines } from "../../scripts/lib/mutation-scores";
import { repoRoot } from "../../scripts/repo-root";

const ROOT = repoRoot();

describe("what npm run mutation hands Stryker", () => {
  test("one rule file is mutated alone, tested by __tests__/policy without the estate tests", () => {
    const [config, ...more] = mutationConfigs(ROOT, ["policy/rules/image-pinned.ts"]);
    expect(more).toEqual([]);
    expect(config.mutate).toEqual(["policy/rules/image-pinned.ts"]);
    expect(config.jest.config.roots).toEqual(["<rootDir>/__tests__/policy"]);
    const ignored = config.jest.config.testPathIgnorePatterns.map((p) => new RegExp(p.replace("<rootDir>", ROOT)));
    const ignores = (file: string) => ignored.some((r) => r.test(join(ROOT, file)));
    expect(ignores("__tests__/policy/stateful-kinds.estate.test.ts")).toBe(true);
    expect(ignores("__tests__/integration/tier0-faults.test.ts")).toBe(true);
    expect(ignores("__tests__/policy/stateful-kinds.test.ts")).toBe(false);
    // What stryker.config.json says besides is kept: the runner, coverage and the checker.
    expect(config).toMatchObject({ testRunner: "jest", coverageAnalysis: "perTest", checkers: ["typescript"] });
    expect(config.jsonReporter.fileName).toBe("reports/mutation/policy.json");
  });

  test("with no target, stryker.config.json's files, one run per area, each tested by its own area's tests only", () => {
    const configs = mutationConfigs(ROOT, []);
    const stryker = JSON.parse(readFileSync(join(ROOT, "stryker.config.json"), "utf8")) as { mutate: string[] };
    expect(configs.flatMap((c) => c.mutate).sort()).toEqual([...stryker.mutate].sort());
    const runs = Object.fromEntries(configs.map((c) => [c.area, { roots: c.jest.config.roots, mutate: c.mutate }]));
    expect(runs.policy.roots).toEqual(["<rootDir>/__tests__/policy"]);
    expect(runs.constructs.roots).toEqual(["<rootDir>/__tests__/constructs"]);
    expect(runs.scripts.roots).toEqual(["<rootDir>/__tests__/ops"]);
    for (const { mutate } of Object.values(runs)) expect(new Set(mutate.map((m) => m.split("/")[0])).size).toBe(1);
    // Each run keeps its own report and incremental file: a later run does not overwrite another's.
    expect(new Set(configs.map((c) => c.jsonReporter.fileName)).size).toBe(configs.length);
    expect(new Set(configs.map((c) => c.incrementalFile)).size).toBe(configs.length);
  });

  test("a folder becomes its TypeScript files", () => {
    expect(mutationConfigs(ROOT, ["policy/rules/"]).map((c) => c.mutate)).toEqual([["policy/rules/**/*.ts"]]);
  });

  test("a target that is missing, or outside the tested areas, is refused by name", () => {
    expect(() => mutationConfigs(ROOT, ["policy/rules/no-such-rule.ts"])).toThrow(new MutationTargetError("policy/rules/no-such-rule.ts does not exist"));
    expect(() => mutationConfigs(ROOT, ["README.md"])).toThrow(/^README\.md: mutation testing covers policy, constructs, scripts/);
  });
});

test("every test file that synthesizes the whole estate is named *.estate.test.ts, so mutation testing leaves it out", () => {
  const estateTest = new RegExp(ESTATE_TESTS);
  const offenders: string[] = [];
  // The areas whose tests answer for stryker.config.json's files.
  for (const dir of mutationConfigs(ROOT, []).flatMap((c) => c.jest.config.roots.map((r) => r.replace("<rootDir>/", "")))) {
    for (const name of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith(".test.ts"))) {
      const source = readFileSync(join(ROOT, dir, name), "utf8");
      const synthesizesEstate = /from "\.\.\/helpers\/estate"|from "\.\.\/\.\.\/main"|require\("\.\.\/\.\.\/main"\)/.test(source);
      if (synthesizesEstate !== estateTest.test(name)) offenders.push(`${dir}/${name}`);
    }
  }
  expect(offenders).toEqual([]);
});

describe("the score table", () => {
  const mutants = (statuses: Record<string, number>) => Object.entries(statuses).flatMap(([status, n]) => Array.from({ length: n }, () => ({ status })));

  test("killed and timed-out mutants over every valid one; compile errors and ignored mutants do not count", () => {
    const [score] = fileScores({ files: { "policy/rules/a.ts": { mutants: mutants({ Killed: 6, Timeout: 2, Survived: 1, NoCoverage: 1, CompileError: 5, Ignored: 3 }) } } });
    expect(score).toEqual({ file: "policy/rules/a.ts", killed: 6, timeout: 2, survived: 1, noCoverage: 1, compileErrors: 5, ignored: 3, score: 80 });
  });

  test("files in order, the ones under the bar marked, a file with no valid mutant shown as n/a", () => {
    const scores = fileScores({
      files: {
        "policy/rules/b.ts": { mutants: mutants({ Killed: 3, Survived: 1 }) },
        "policy/rules/a.ts": { mutants: mutants({ Killed: 4, Survived: 1 }) },
        "policy/rules/c.ts": { mutants: mutants({ CompileError: 2 }) },
      },
    });
    expect(scoreTable(scores, 80).split("\n").slice(2)).toEqual([
      "| policy/rules/a.ts | 4 | 0 | 1 | 0 | 0 | 0 | 80.00% |",
      "| policy/rules/b.ts | 3 | 0 | 1 | 0 | 0 | 0 | 75.00% (below 80%) |",
      "| policy/rules/c.ts | 0 | 0 | 0 | 0 | 2 | 0 | n/a |",
    ]);
  });

  test("the survivors, by file and position, with the mutator and its replacement; the uncovered ones said so", () => {
    const at = (line: number, column: number) => ({ start: { line, column } });
    const lines = survivorLines({
      files: {
        "policy/rules/b.ts": { mutants: [{ status: "Survived", mutatorName: "StringLiteral", replacement: '""', location: at(3, 7) }] },
        "policy/rules/a.ts": {
          mutants: [
            { status: "NoCoverage", mutatorName: "ArrayDeclaration", replacement: '["Stryker was here"]', location: at(12, 4) },
            { status: "Killed", mutatorName: "ConditionalExpression", replacement: "true", location: at(1, 1) },
            { status: "Survived", mutatorName: "ConditionalExpression", replacement: "x &&\n   y", location: at(9, 30) },
          ],
        },
      },
    });
    expect(lines).toEqual([
      "policy/rules/a.ts:9:30 ConditionalExpression -> x && y",
      'policy/rules/a.ts:12:4 ArrayDeclaration -> ["Stryker was here"] (no coverage)',
      'policy/rules/b.ts:3:7 StringLiteral -> ""',
    ]);
  });
});
