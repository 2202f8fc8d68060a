import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { ESTATE_TESTS, mutationConfigs, MutationTargetError, shardOf } from "../../scripts/lib/mutation-config";
import { fileScores, scoreTable, survivorLines } from "../../scripts/lib/mutation-scores";
import { repoRoot } from "../../scripts/repo-root";

const ROOT = repoRoot();

describe("what npm run mutation hands Stryker", () => {
  test("one run per file: a rule is tested by its own tests, the packs' tests and the tests naming its id, not the estate tests", () => {
    const [config, ...more] = mutationConfigs(ROOT, ["policy/rules/k8s-nfs-critical.ts"]);
    expect(more).toEqual([]);
    expect(config.target).toBe("policy/rules/k8s-nfs-critical.ts");
    expect(config.tests).toEqual(["__tests__/policy/k8s-nfs-critical.test.ts", "__tests__/policy/k8s-pack.test.ts", "__tests__/policy/rule-catalogue.test.ts"]);
    expect(config.stryker.mutate).toEqual(["policy/rules/k8s-nfs-critical.ts"]);
    expect(config.stryker.jest.config.testMatch).toEqual(config.tests.map((t) => `<rootDir>/${t}`));
    // What stryker.config.json says besides is kept: the runner, coverage and the checker.
    expect(config.stryker).toMatchObject({ testRunner: "jest", coverageAnalysis: "perTest", checkers: ["typescript"] });
    expect(config.stryker.jsonReporter.fileName).toBe("reports/mutation/policy-rules-k8s-nfs-critical.json");
  });

  test("a support module is tested by the tests of the rules that use it as well as its own", () => {
    const [config] = mutationConfigs(ROOT, ["policy/rules/nomad-support.ts"]);
    expect(config.tests).toEqual(expect.arrayContaining(["__tests__/policy/nomad-support.test.ts", "__tests__/policy/nomad-litestream-pairing.test.ts"]));
    expect(config.tests.filter((t) => new RegExp(ESTATE_TESTS).test(t))).toEqual([]);
  });

  test("the engine is tested by the tests naming the rule id it reports synth's own errors under", () => {
    const [config] = mutationConfigs(ROOT, ["policy/engine.ts"]);
    expect(config.tests).toContain("__tests__/policy/raw-resources.test.ts");
  });

  test("with no target, every file of stryker.config.json's list, each in its own run with its own report and incremental file", () => {
    const configs = mutationConfigs(ROOT, []);
    const stryker = JSON.parse(readFileSync(join(ROOT, "stryker.config.json"), "utf8")) as { mutate: string[] };
    const globbed = stryker.mutate.filter((m) => m.endsWith("/*.ts")).map((m) => m.replace("/*.ts", "/"));
    for (const c of configs) expect(stryker.mutate.includes(c.target) || globbed.some((g) => c.target.startsWith(g))).toBe(true);
    expect(configs.map((c) => c.target)).toEqual(expect.arrayContaining(stryker.mutate.filter((m) => !m.includes("*"))));
    expect(new Set(configs.map((c) => c.stryker.jsonReporter.fileName)).size).toBe(configs.length);
    expect(new Set(configs.map((c) => c.stryker.incrementalFile)).size).toBe(configs.length);
    for (const c of configs) expect([c.target, c.tests.length > 0]).toEqual([c.target, true]);
  });

  test("the sandbox is compiled only for runs whose tests run the compiled code", () => {
    const [rule] = mutationConfigs(ROOT, ["policy/rules/k8s-nfs-critical.ts"]);
    expect(rule.stryker.buildCommand).toBeUndefined();
    const [claim] = mutationConfigs(ROOT, ["constructs/proxmox-claim.ts"]);
    expect(claim.tests.some((t) => readFileSync(join(ROOT, t), "utf8").includes('"dist"'))).toBe(claim.stryker.buildCommand === "tsc -b");
  });

  test("a folder becomes its TypeScript files", () => {
    const targets = mutationConfigs(ROOT, ["policy/rules/"]).map((c) => c.target);
    expect(targets).toContain("policy/rules/k8s-nfs-critical.ts");
    expect(targets.every((t) => /^policy\/rules\/[^/]+\.ts$/.test(t))).toBe(true);
  });

  test("--shard k/n takes every n-th file from the k-th: the shards together are the list, each file once", () => {
    const files = ["a", "b", "c", "d", "e"];
    expect(shardOf(files, "1/2")).toEqual(["a", "c", "e"]);
    expect(shardOf(files, "2/2")).toEqual(["b", "d"]);
    expect(shardOf(files, "1/1")).toEqual(files);
    for (const bad of ["0/2", "3/2", "2", "", "1/0"]) expect(() => shardOf(files, bad)).toThrow(`--shard needs k/n with 1 <= k <= n, got ${JSON.stringify(bad)}`);
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
  const dirs = [...new Set(mutationConfigs(ROOT, []).map((c) => c.tests[0].split("/").slice(0, 2).join("/")))];
  expect(dirs.length).toBeGreaterThan(1);
  for (const dir of dirs) {
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
