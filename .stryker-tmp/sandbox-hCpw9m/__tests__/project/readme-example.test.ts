// @ts-nocheck
import { readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import ts from "typescript";
import { HomelabStack } from "../../constructs";
import { synthApp } from "../helpers/synth";

const ROOT = join(__dirname, "..", "..");
const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const example = readme.match(/```ts\n(\/\/ stacks\/whoami\.ts\n[^`]*)```/)?.[1];
// Written beside the real stacks so its relative imports resolve; removed afterwards.
const file = join(ROOT, "stacks", `readme-example-${process.pid}.ts`);

beforeAll(() => writeFileSync(file, example ?? ""));
afterAll(() => rmSync(file, { force: true }));

test("the README's example stack type-checks under the project's compiler options", () => {
  expect(example).toBeDefined();
  const config = ts.getParsedCommandLineOfConfigFile(join(ROOT, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const program = ts.createProgram([file], { ...config.options, noEmit: true, incremental: false });
  const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
  expect(problems).toEqual([]);
}, 60000);

test("the README's example synthesizes and passes every house rule", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { WhoamiStack } = require(file) as { WhoamiStack: new (scope: unknown) => HomelabStack };
  const { stacks, report } = synthApp((app) => new WhoamiStack(app));
  expect(Object.keys(stacks)).toEqual(["whoami"]);
  expect(stacks.whoami.terraform.backend).toEqual({ pg: { schema_name: "whoami" } });
  expect(report.findings.filter((f) => f.acknowledged === undefined)).toEqual([]);
});
