import { formatFinding } from "../../contracts/contract";
import { nomadPeriodic } from "../../contracts/nomad-periodic";
import { inputWithJob, JOBSPEC, validJob } from "./nomad-fixtures";

function periodicJob(periodic: Record<string, unknown>, type = "batch"): Record<string, any> {
  return { ...validJob(), Type: type, Periodic: { Enabled: true, SpecType: "cron", ...periodic } };
}

const findings = (job: Record<string, any>) => nomadPeriodic.check(inputWithJob(job)).map(formatFinding);

test("a batch job on the seeds' schedule passes", () => {
  expect(findings(periodicJob({ Spec: "0 2 * * *", TimeZone: "Europe/London", ProhibitOverlap: true }))).toEqual([]);
  expect(findings(periodicJob({ Specs: ["0 2 * * *", "0 3 * * 0"] }))).toEqual([]);
});

test("a cron spec cronexpr refuses is a finding naming the job path, the value and what is allowed", () => {
  expect(findings(periodicJob({ Spec: "0 2 * * 8" }))).toEqual([
    expect.stringMatching(
      new RegExp(`^${JOBSPEC.replace(/[.]/g, "\\.")}\\.Periodic\\.Spec: cron spec "0 2 \\* \\* 8" does not parse \\(syntax error in day-of-week field: '8'\\); allowed: 5 to 7 fields.* \\(upstream: cronexpr@1\\.1\\.3 cronexpr_parse\\.go\\)$`),
    ),
  ]);
  expect(findings(periodicJob({ Specs: ["0 2 * * *", "*/60 * * * *"] }))).toEqual([expect.stringContaining(".Periodic.Specs[1]: cron spec \"*/60 * * * *\" does not parse (invalid interval */60")]);
});

test("Nomad's own rules for periodic jobs: batch or sysbatch, one of Spec and Specs, the cron spec type", () => {
  expect(findings(periodicJob({ Spec: "0 2 * * *" }, "service"))).toEqual([
    expect.stringContaining('.Periodic: job type "service" cannot be periodic; allowed: batch, sysbatch (upstream: nomad@1.10.5 nomad/structs/structs.go)'),
  ]);
  expect(findings(periodicJob({ Spec: "0 2 * * *", Specs: ["0 3 * * *"] }))).toEqual([expect.stringContaining("sets both Spec and Specs")]);
  expect(findings(periodicJob({}))).toEqual([expect.stringContaining("sets neither Spec nor Specs")]);
  expect(findings(periodicJob({ Spec: "0 2 * * *", SpecType: "interval" }))).toEqual([expect.stringContaining('.Periodic.SpecType: "interval" is not a spec type Nomad accepts; allowed: cron')]);
});

test("a job that is not periodic, or has it disabled, is not judged", () => {
  expect(findings(validJob())).toEqual([]);
  expect(findings({ ...periodicJob({ Spec: "nonsense" }), Periodic: { Enabled: false, Spec: "nonsense" } })).toEqual([]);
});
