// @ts-nocheck
import { formatFinding } from "../../contracts/contract";
import { checkNomadApi } from "../../contracts/nomad-api";
import { staleNomadContract } from "../../contracts/nomad-version";
import { readProvenance } from "../../contracts/stored";
import { inputWithJob, JOBSPEC, validJob } from "./nomad-fixtures";

const TASK = "TaskGroups[0].Tasks[0]";
const findingsFor = (edit: (job: Record<string, any>) => void) => {
  const job = validJob();
  edit(job);
  return checkNomadApi(inputWithJob(job));
};

describe("nomad-api: job JSON against Nomad's API structs", () => {
  test("a valid job has no finding", () => {
    expect(checkNomadApi(inputWithJob(validJob()))).toEqual([]);
  });

  test("fails on a field in the wrong case, naming upstream's spelling", () => {
    const findings = findingsFor((job) => {
      const resources = job.TaskGroups[0].Tasks[0].Resources;
      resources.MemoryMb = resources.MemoryMB;
      delete resources.MemoryMB;
    });
    expect(findings).toHaveLength(1);
    expect(findings[0].where).toBe(`${JOBSPEC}.${TASK}.Resources.MemoryMb`);
    expect(findings[0].problem).toMatch(/^group "web", task "nginx": field "MemoryMb" is spelled "MemoryMB" in Nomad's Resources/);
    expect(findings[0].upstream).toMatch(/^nomad@\d+\.\d+\.\d+ api\/resources\.go$/);
  });

  test("fails on an unknown field, listing the struct's fields and a guess", () => {
    const findings = findingsFor((job) => {
      job.TaskGroups[0].Tasks[0].Resources.Foo = 1;
      job.TaskGroups[0].Tasks[0].Resources.MemoryMax = 512;
    });
    const [foo, memoryMax] = ["Foo", "MemoryMax"].map((f) => findings.find((x) => x.where.endsWith(`.Resources.${f}`))!);
    expect(foo.problem).toMatch(/unknown field "Foo" \(value 1\): Nomad's Resources has no such field and would ignore it; Resources has: .*\bCPU\b.*\bMemoryMB\b/);
    expect(memoryMax.problem).toMatch(/did you mean MemoryMaxMB\?/);
    expect(findings).toHaveLength(2);
  });

  test("fails on a string where Nomad wants an integer, and on a duration written as text", () => {
    const findings = findingsFor((job) => {
      job.TaskGroups[0].Tasks[0].Resources.CPU = "500";
      job.TaskGroups[0].Tasks[0].KillTimeout = "30s";
    });
    expect(findings.map(formatFinding)).toEqual([
      expect.stringMatching(new RegExp(`^${JOBSPEC.replace(/[.[\]]/g, "\\$&")}\\.TaskGroups\\[0\\]\\.Tasks\\[0\\]\\.Resources\\.CPU: .*"500" does not fit Resources\\.CPU, which is \\*int in Nomad: expected an integer`)),
      expect.stringMatching(/Tasks\[0\]\.KillTimeout: .*"30s" does not fit Task\.KillTimeout, which is \*time\.Duration in Nomad: expected an integer number of nanoseconds/),
    ]);
  });

  test("fails on a field nested at the wrong level, saying where it belongs", () => {
    const findings = findingsFor((job) => {
      job.TaskGroups[0].Resources = { CPU: 100 };
    });
    expect(findings).toHaveLength(1);
    expect(findings[0].where).toBe(`${JOBSPEC}.TaskGroups[0].Resources`);
    expect(findings[0].problem).toMatch(/^group "web": unknown field "Resources".*Resources is a field of [^;]*\bTask\b[^;]*, not of TaskGroup/);
  });

  test("fails on an object where Nomad wants a list", () => {
    const findings = findingsFor((job) => {
      job.TaskGroups[0].Tasks = { nginx: job.TaskGroups[0].Tasks[0] };
    });
    expect(findings.map((f) => [f.where, f.problem])).toEqual([[`${JOBSPEC}.TaskGroups[0].Tasks`, expect.stringMatching(/an object does not fit TaskGroup\.Tasks, which is \[\]\*Task in Nomad: expected a list/)]]);
  });

  test("fails on a field Nomad marks deprecated and ignores, quoting upstream", () => {
    const findings = findingsFor((job) => {
      job.TaskGroups[0].MaxClientDisconnect = 60_000_000_000;
    });
    expect(findings).toHaveLength(1);
    expect(findings[0].problem).toMatch(/TaskGroup\.MaxClientDisconnect is deprecated in Nomad \(upstream comment: ".*ignored in Nomad 1\.10\. Use Disconnect\.LostAfter\."\)/);
  });

  test("checks the free-form maps' values: Meta holds strings", () => {
    const findings = findingsFor((job) => {
      job.Meta = { version: 3 };
    });
    expect(findings.map((f) => [f.where, f.problem])).toEqual([[`${JOBSPEC}.Meta.version`, expect.stringMatching(/3 does not fit Job\.Meta\["version"\], which is string in Nomad: expected a string/)]]);
  });

  test("a stored contract for another Nomad version is itself a finding, naming the command", () => {
    const stored = readProvenance("nomad-api");
    expect(staleNomadContract("nomad-api", stored)).toEqual([]);
    const [finding] = staleNomadContract("nomad-api", { ...stored, version: "1.9.0" });
    expect(finding.where).toBe(".gen/contracts/nomad-api");
    expect(finding.problem).toMatch(/stored for Nomad 1\.9\.0, but the estate runs .*: run npm run contracts -- nomad-api/);
  });
});
