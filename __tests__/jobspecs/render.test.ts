import { Job } from "../../jobspecs/model";
import { escapeTerraformTemplate, parseTerraformJobspec, toPlanFile, toTerraformJobspec, unescapeTerraformTemplate } from "../../jobspecs/render";

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

test("escaping round-trips, and parseTerraformJobspec reads the job back", () => {
  expect(unescapeTerraformTemplate(escapeTerraformTemplate("a ${b} $${c} %{d}"))).toBe("a ${b} $${c} %{d}");
  expect(parseTerraformJobspec(toTerraformJobspec(job))).toEqual(job);
});

test("parseTerraformJobspec accepts a bare job and rejects HCL or non-jobs", () => {
  expect(parseTerraformJobspec(JSON.stringify(job))?.ID).toBe("web");
  expect(parseTerraformJobspec('job "web" { }')).toBeUndefined();
  expect(parseTerraformJobspec(JSON.stringify({ Job: { ID: "x" } }))).toBeUndefined();
  expect(parseTerraformJobspec(42)).toBeUndefined();
});

test("the plan file is the unescaped job, pretty-printed, wrapped in Job", () => {
  const file = toPlanFile(job);
  expect(file.startsWith('{\n  "Job": {\n    "ID": "web"')).toBe(true);
  expect(JSON.parse(file)).toEqual({ Job: job });
});
