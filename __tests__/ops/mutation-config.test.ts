import { readdirSync, readFileSync } from "fs";
import { join } from "path";
import { ESTATE_TESTS, mutationConfig, MutationTargetError } from "../../scripts/lib/mutation-config";
import { repoRoot } from "../../scripts/repo-root";

const ROOT = repoRoot();

describe("what npm run mutation hands Stryker", () => {
  test("one rule file is mutated alone, tested by __tests__/policy without the estate tests", () => {
    const config = mutationConfig(ROOT, ["policy/rules/image-pinned.ts"]);
    expect(config.mutate).toEqual(["policy/rules/image-pinned.ts"]);
    expect(config.jest.config.roots).toEqual(["<rootDir>/__tests__/policy"]);
    const ignored = config.jest.config.testPathIgnorePatterns.map((p) => new RegExp(p.replace("<rootDir>", ROOT)));
    const ignores = (file: string) => ignored.some((r) => r.test(join(ROOT, file)));
    expect(ignores("__tests__/policy/stateful-kinds.estate.test.ts")).toBe(true);
    expect(ignores("__tests__/integration/tier0-faults.test.ts")).toBe(true);
    expect(ignores("__tests__/policy/stateful-kinds.test.ts")).toBe(false);
    // What stryker.config.json says besides is kept: the runner, coverage and the checker.
    expect(config).toMatchObject({ testRunner: "jest", coverageAnalysis: "perTest", checkers: ["typescript"] });
  });

  test("a folder becomes its TypeScript files; with no target, stryker.config.json's list, each area with its own tests", () => {
    expect(mutationConfig(ROOT, ["policy/rules/"]).mutate).toEqual(["policy/rules/**/*.ts"]);
    const all = mutationConfig(ROOT, []);
    const stryker = JSON.parse(readFileSync(join(ROOT, "stryker.config.json"), "utf8")) as { mutate: string[] };
    expect(all.mutate).toEqual(stryker.mutate);
    expect(all.jest.config.roots).toEqual(expect.arrayContaining(["<rootDir>/__tests__/policy", "<rootDir>/__tests__/constructs", "<rootDir>/__tests__/ops"]));
    expect(all.jest.config.roots).not.toContain("<rootDir>/__tests__/stacks");
  });

  test("a target that is missing, or outside the tested areas, is refused by name", () => {
    expect(() => mutationConfig(ROOT, ["policy/rules/no-such-rule.ts"])).toThrow(new MutationTargetError("policy/rules/no-such-rule.ts does not exist"));
    expect(() => mutationConfig(ROOT, ["README.md"])).toThrow(/^README\.md: mutation testing covers policy, constructs, scripts/);
  });
});

test("every test file that synthesizes the whole estate is named *.estate.test.ts, so mutation testing leaves it out", () => {
  const estateTest = new RegExp(ESTATE_TESTS);
  const offenders: string[] = [];
  // The areas whose tests answer for stryker.config.json's files (the ones the bar is on).
  for (const dir of mutationConfig(ROOT, []).jest.config.roots.map((r) => r.replace("<rootDir>/", ""))) {
    for (const name of readdirSync(join(ROOT, dir)).filter((n) => n.endsWith(".test.ts"))) {
      const source = readFileSync(join(ROOT, dir, name), "utf8");
      const synthesizesEstate = /from "\.\.\/helpers\/estate"|from "\.\.\/\.\.\/main"|require\("\.\.\/\.\.\/main"\)/.test(source);
      if (synthesizesEstate !== estateTest.test(name)) offenders.push(`${dir}/${name}`);
    }
  }
  expect(offenders).toEqual([]);
});
