// @ts-nocheck
import { Job } from "@cdktf/provider-nomad/lib/job";
import { Construct } from "constructs";
import { acknowledge } from "../../policy/acknowledge";
import { allFindings, line, providerOf } from "../helpers/rules";

const latestJob = (scope: Construct, id = "Job") =>
  new Job(scope, id, {
    provider: providerOf(scope, "nomad"),
    json: true,
    jobspec: JSON.stringify({ Job: { ID: id.toLowerCase(), TaskGroups: [{ Name: "g", Tasks: [{ Name: "t", Config: { image: "tool:latest" } }] }] } }),
  });

test("an acknowledgement accepts one rule on one construct and shows its reason", () => {
  const findings = allFindings("nomad-main", (s) => {
    const wrapper = new Construct(s, "Legacy");
    latestJob(wrapper);
    acknowledge(wrapper, "HL-IMAGE-1", "upstream publishes only latest; mirrored nightly");
    latestJob(s, "Other");
  });
  const image = findings.filter((f) => f.ruleId === "HL-IMAGE-1");
  expect(image.map((f) => [f.path, f.acknowledged])).toEqual([
    ["test/Legacy/Job", "upstream publishes only latest; mirrored nightly"],
    ["test/Other", undefined],
  ]);
});

test("an acknowledgement of one rule does not hide another rule's finding on the same construct", () => {
  const findings = allFindings("nomad-main", (s) => {
    const job = latestJob(s);
    job.addOverride("json", false);
    acknowledge(job, "HL-IMAGE-1", "upstream publishes only latest");
  });
  expect(findings.filter((f) => f.acknowledged === undefined).map((f) => f.ruleId)).toContain("HL-JOB-1");
});

test("fails if the reason is shorter than 10 characters", () => {
  const findings = allFindings("nomad-main", (s) => acknowledge(latestJob(s), "HL-IMAGE-1", "legacy"));
  expect(findings.filter((f) => f.ruleId === "HL-ACK").map((f) => [f.level, line(f)])).toEqual([
    ["error", 'test/Job: acknowledges HL-IMAGE-1 with reason "legacy", shorter than 10 characters'],
  ]);
  expect(findings.find((f) => f.ruleId === "HL-IMAGE-1")?.acknowledged).toBeUndefined();
});

test("fails if the rule id is unknown", () => {
  const findings = allFindings("nomad-main", (s) => acknowledge(latestJob(s), "HL-NOPE-9", "a perfectly fine reason"));
  expect(findings.filter((f) => f.ruleId === "HL-ACK").map((f) => [f.level, line(f)])).toEqual([
    ["error", "test/Job: acknowledges unknown rule HL-NOPE-9"],
  ]);
});

test("fails if the rule cannot be acknowledged", () => {
  const findings = allFindings("nomad-main", (s) => {
    const job = latestJob(s);
    job.addOverride("hcl2", { allow_fs: true });
    acknowledge(job, "HL-JOB-2", "needs a file from the operator's disk");
  });
  expect(findings.filter((f) => f.ruleId === "HL-ACK").map((f) => [f.level, line(f)])).toEqual([
    ["error", "test/Job: acknowledges HL-JOB-2, which cannot be acknowledged"],
  ]);
  expect(findings.filter((f) => f.ruleId === "HL-JOB-2" && f.acknowledged === undefined)).toHaveLength(1);
});

test("warns about a stale acknowledgement that matches no finding", () => {
  const findings = allFindings("nomad-main", (s) => {
    const job = new Job(s, "Job", {
      provider: providerOf(s, "nomad"),
      json: true,
      jobspec: JSON.stringify({ Job: { ID: "j", TaskGroups: [{ Name: "g", Tasks: [{ Name: "t", Config: { image: "tool:1.0" } }] }] } }),
    });
    acknowledge(job, "HL-IMAGE-1", "was on latest until 1.0 came out");
  });
  expect(findings.filter((f) => f.ruleId === "HL-ACK").map((f) => [f.level, line(f)])).toEqual([
    ["warning", "test/Job: stale acknowledgement of HL-IMAGE-1: no finding of that rule at or under this construct"],
  ]);
  expect(findings.filter((f) => f.ruleId === "HL-IMAGE-1")).toEqual([]);
});
