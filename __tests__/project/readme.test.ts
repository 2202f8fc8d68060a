import { readFileSync } from "fs";
import { join } from "path";
import { ALL_RULES } from "../../policy/packs";
import { renderReadme } from "../../scripts/readme";
import { repoRoot } from "../../scripts/repo-root";

const readme = readFileSync(join(repoRoot(), "README.md"), "utf8");

test("the README's rule list is the code's (run `npm run readme` when this fails)", () => {
  expect(readme).toBe(renderReadme(readme));
  for (const rule of ALL_RULES) expect(readme).toContain(`| ${rule.id} |`);
});

test("the README starts with the two commands, and .ci/run calls its test command", () => {
  const firstCommands = readme.match(/```sh\n([^`]*)```/)?.[1] ?? "";
  expect(firstCommands).toContain("npm ci && npm run synth");
  expect(firstCommands).toContain("npm ci && npm test");
  expect(readFileSync(join(repoRoot(), ".ci", "run"), "utf8")).toMatch(/^npm test$/m);
});

test("every rule id is unique and every rule says how to fix it", () => {
  const ids = ALL_RULES.map((r) => r.id);
  expect(new Set(ids).size).toBe(ids.length);
  for (const rule of ALL_RULES) {
    expect(rule.id).toMatch(/^HL-[A-Z0-9]+-\d+$/);
    expect(rule.description.length).toBeGreaterThan(10);
    expect(rule.fix.length).toBeGreaterThan(10);
  }
});
