// @ts-nocheck
import { mkdtempSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { LegacyNomadJob } from "../../constructs/legacy-nomad-job";
import { NomadJob } from "../../constructs/nomad-job";
import { onlyResource, synthApp, synthWith, testStack } from "../helpers/synth";

const dir = mkdtempSync(join(tmpdir(), "legacy-job-"));
const file = join(dir, "old.nomad.hcl");
writeFileSync(file, 'job "old" {\n  constraint {\n    attribute = "${attr.cpu.arch}"\n    value = "amd64"\n  }\n}\n');
const nomad = { cluster: "nomad-main" as const };

test("carries the HCL as-is (Terraform escapes added), json = false, never hcl2.allow_fs", () => {
  const job = onlyResource(synthWith((s) => new LegacyNomadJob(s, "Old", { file, reason: "vendor job, typed port tracked in issue 12" }), nomad), "nomad_job");
  expect(job).toMatchObject({ json: false, purge_on_destroy: false, detach: false });
  expect(job.hcl2).toBeUndefined();
  expect(job.jobspec).toContain('attribute = "$${attr.cpu.arch}"');
});

test("the typed-JSON rule's finding is acknowledged with the reason and shows in the report", () => {
  const { report } = synthApp((app) => new LegacyNomadJob(testStack(app, nomad), "Old", { file, reason: "vendor job, typed port tracked in issue 12" }));
  const finding = report.findings.find((f) => f.ruleId === "HL-JOB-1");
  expect(finding).toMatchObject({ path: "test/Old/Resource", acknowledged: "vendor job, typed port tracked in issue 12" });
});

test("a typed NomadJob needs no acknowledgement", () => {
  const { report } = synthApp((app) =>
    new NomadJob(testStack(app, nomad), "Web", { job: { ID: "web", Type: "service", Datacenters: ["dc1"], TaskGroups: [{ Name: "web", Tasks: [{ Name: "app", Driver: "docker", Config: { image: "docker.io/library/nginx:1.29.4-alpine" }, Resources: { MemoryMB: 64 } }] }] } }),
  );
  expect(report.findings.filter((f) => f.ruleId === "HL-JOB-1")).toEqual([]);
});

test("fails if the reason is too short", () => {
  expect(() => synthWith((s) => new LegacyNomadJob(s, "Old", { file, reason: "legacy" }), nomad)).toThrow(/test\/Old: reason must say in 10\+ characters why old.nomad.hcl/);
});

test("fails if the file is not a .nomad.hcl jobspec", () => {
  expect(() => synthWith((s) => new LegacyNomadJob(s, "Old", { file: "job.json", reason: "a reason long enough" }), nomad)).toThrow(/file "job.json" must be a .nomad.hcl jobspec/);
});

test("fails if the file cannot be read", () => {
  expect(() => synthWith((s) => new LegacyNomadJob(s, "Old", { file: join(dir, "missing.nomad.hcl"), reason: "a reason long enough" }), nomad)).toThrow(/cannot read .*missing.nomad.hcl/);
});
