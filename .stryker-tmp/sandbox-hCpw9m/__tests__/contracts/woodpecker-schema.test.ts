// @ts-nocheck
import { checkWorkflowSchema } from "../../contracts/woodpecker-schema";

/** A minimal valid workflow, with `extra` lines spliced into its first step. */
const workflow = (stepLines = "", top = "when:\n  - event: push\n") =>
  `${top}steps:\n  - name: build\n    image: node:20.20-bookworm\n    commands:\n      - npm test\n${stepLines}`;

const FILE = ".woodpecker/bad.yaml";
const findings = (text: string) => checkWorkflowSchema(FILE, text);

test("a valid workflow has no findings", () => {
  expect(findings(workflow())).toEqual([]);
});

test("the secrets: key Woodpecker 3 removed is an unknown key of that step, reported once, naming what a commands step allows", () => {
  const [f, ...rest] = findings(workflow("    secrets: [pg_conn_str]\n"));
  expect(rest).toEqual([]);
  expect(f.where).toBe(`${FILE}:steps[0].secrets`);
  expect(f.problem).toMatch(/^unknown key "secrets"; allowed here: name, image, .*\bcommands, environment\b/);
  // Reported against the commands step it is, not against the plugin step it is not.
  expect(f.problem).not.toMatch(/\bsettings\b/);
  expect(f.upstream).toMatch(/^woodpecker@3\.\d+\.\d+ pipeline\/frontend\/yaml\/linter\/schema\/schema\.json$/);
});

test("an event Woodpecker does not know names the bad value and the events it allows", () => {
  const [f, ...rest] = findings(workflow("", "when:\n  - event: pushed\n"));
  expect(rest).toEqual([]);
  expect(f.where).toBe(`${FILE}:when[0].event`);
  expect(f.problem).toMatch(/^"pushed" is not allowed; allowed: "push", "pull_request", .*"tag"/);
});

test("a command YAML reads as a map (a stray colon) is an object where a string is required", () => {
  const [f] = findings(workflow("      - echo a: b\n"));
  expect(f.where).toBe(`${FILE}:steps[0].commands[1]`);
  expect(f.problem).toBe('{"echo a":"b"} is an object; allowed: string');
});

test("a status Woodpecker does not run on is reported at the list item", () => {
  const [f] = findings(workflow("    when:\n      - status: [success, always]\n"));
  expect(f.where).toBe(`${FILE}:steps[0].when[0].status[1]`);
  expect(f.problem).toBe('"always" is not allowed; allowed: "success", "failure"');
});

test("environment as a list of KEY=value is an array where a map is required", () => {
  const [f] = findings(workflow("    environment: [A=1]\n"));
  expect(f.where).toBe(`${FILE}:steps[0].environment`);
  expect(f.problem).toBe('["A=1"] is an array; allowed: object');
});

test("a workflow without steps, in the pipeline: form Woodpecker dropped, fails on both counts", () => {
  const problems = findings("pipeline:\n  build:\n    image: a\n    commands: [b]\n").map((f) => `${f.where}: ${f.problem}`);
  expect(problems).toContain(`${FILE}: missing "steps", which is required here`);
  expect(problems).toContainEqual(expect.stringMatching(new RegExp(`^${FILE}:pipeline: unknown key "pipeline"; allowed here: .*\\bsteps\\b`)));
});

test("text that is not YAML is reported with its line, not thrown", () => {
  const [f] = findings("steps:\n  - name: x\n   image: y\n");
  expect(f.where).toBe(FILE);
  expect(f.problem).toMatch(/^not valid YAML: .*line 3/);
});

test("anchors and merge keys are resolved before validation, as Woodpecker does", () => {
  const text = "variables:\n  - &node\n    image: node:20.20-bookworm\nsteps:\n  - name: build\n    <<: *node\n    commands: [npm test]\n";
  expect(findings(text)).toEqual([]);
});
