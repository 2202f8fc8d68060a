// @ts-nocheck
import { Job } from "../../jobspecs/model";
import { readTerraformLiteral, terraformLiteral } from "../../constructs/terraform-literal";
import { toPlanFile, toTerraformJobspec } from "../../jobspecs/render";
import { nomadJobOf } from "../../policy/rules/nomad-support";

/** What the rules read back from a synthesized nomad_job's jobspec. */
const readBack = (jobspec: unknown) => nomadJobOf({ type: "nomad_job", path: "s/Job", stackId: "s", attributes: { jobspec } });

const job: Job = {
  ID: "web",
  Type: "service",
  Datacenters: ["dc1"],
  Constraints: [{ LTarget: "${attr.cpu.arch}", Operand: "=", RTarget: "amd64" }],
  TaskGroups: [{ Name: "web", Tasks: [{ Name: "app", Driver: "docker", Config: { image: "x:1", args: ["%{not-terraform}"] }, Resources: { MemoryMB: 64 } }] }],
};

test("the Terraform jobspec escapes Nomad's ${…} and %{…} so Terraform passes them through", () => {
  const spec = toTerraformJobspec(job);
  expect(spec).toContain('"$${attr.cpu.arch}"');
  expect(spec).toContain('"%%{not-terraform}"');
  expect(spec).not.toMatch(/(^|[^$])\$\{/);
});

test("escaping round-trips, and the rules read the job back", () => {
  expect(readTerraformLiteral(terraformLiteral("a ${b} $${c} %{d}"))).toBe("a ${b} $${c} %{d}");
  expect(readBack(toTerraformJobspec(job))).toEqual(job);
});

test("a bare job is read too; HCL and non-jobs are not", () => {
  expect(readBack(JSON.stringify(job))?.ID).toBe("web");
  expect(readBack('job "web" { }')).toBeUndefined();
  expect(readBack(JSON.stringify({ Job: { ID: "x" } }))).toBeUndefined();
  expect(readBack(42)).toBeUndefined();
});

test("the plan file is the unescaped job, pretty-printed, wrapped in Job", () => {
  const file = toPlanFile(job);
  expect(file.startsWith('{\n  "Job": {\n    "ID": "web"')).toBe(true);
  expect(JSON.parse(file)).toEqual({ Job: job });
});
