import childProcess = require("child_process");
import { DataResource, Lazy, Tokenization } from "cdktf";
import { ValidateBinaryVersion } from "cdktf/lib/validations/validate-binary-version";
import "../../constructs"; // HomelabApp loads constructs/cdktf-overheads
import { synthWith } from "../helpers/synth";

afterEach(() => jest.restoreAllMocks());

test("a token records no creation stack (cdktf would format one per token)", () => {
  const token = Lazy.stringValue({ produce: () => "x" });
  expect(Tokenization.reverseString(token).firstToken!.creationStack).toEqual([]);
});

test("terraform version runs once for any number of terraform_data resources", () => {
  const run = jest.spyOn(childProcess, "execSync");
  const stack = synthWith((scope) => {
    new DataResource(scope, "One", { input: { n: 1 } });
    new DataResource(scope, "Two", { input: { n: 2 } });
    new DataResource(scope, "Three", { input: { n: 3 } });
  });
  expect(Object.keys(stack.resource.terraform_data)).toHaveLength(3);
  // At most once: the answer may already be known to this process (an earlier synth asked).
  expect(run.mock.calls.filter(([command]) => command === "terraform version").length).toBeLessThanOrEqual(1);
});

test("each requirement is still judged, the command run once: a Terraform older than required is refused", () => {
  const run = jest.spyOn(childProcess, "execSync");
  const ask = (constraint: string, command = "terraform version") => new ValidateBinaryVersion("terraform", constraint, command, "upgrade").validate();
  expect(ask(">=1.4")).toEqual([]);
  expect(ask(">=1.5")).toEqual([]);
  expect(ask(">=99.0.0")).toEqual([expect.stringMatching(/^terraform version \d+\.\d+\.\d+ is lower than the required version >=99\.0\.0 for this construct\. upgrade$/)]);
  expect(run.mock.calls.filter(([command]) => command === "terraform version").length).toBeLessThanOrEqual(1);
  // Another command is its own question; and once judged, execSync is child_process's own again.
  expect(ask(">=1.4", "terraform -version")).toEqual([]);
  expect(run.mock.calls.filter(([command]) => command === "terraform -version")).toHaveLength(1);
  expect(childProcess.execSync).toBe(run);
});
