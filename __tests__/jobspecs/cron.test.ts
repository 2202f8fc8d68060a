import { readProvenance, readStoredJson } from "../../contracts/stored";
import { NOMAD_VERSION } from "../../contracts/nomad-version";
import { CronExamples, cronexprError, cronGrammar, cronScheduleProblem } from "../../jobspecs/cron";

const examples = readStoredJson<CronExamples>("cronexpr", "examples.json");

test("the stored grammar is cronexpr at the version Nomad's go.mod names, for the Nomad the estate runs", () => {
  expect(cronGrammar().nomadVersion).toBe(NOMAD_VERSION);
  expect(readProvenance("cronexpr")).toMatchObject({ repository: "hashicorp/cronexpr", version: cronGrammar().version });
});

test.each(examples.accepted)("accepts %s, which cronexpr's own tests parse", (spec) => {
  expect(cronexprError(spec)).toBeUndefined();
});

test.each(examples.refused)("refuses %s, which cronexpr's own tests expect Parse to refuse", (spec) => {
  expect(cronexprError(spec)).toMatch(/invalid interval/);
});

test("the seeds' schedules parse: daily 02:00 and Sunday 03:00", () => {
  expect(cronexprError("0 2 * * *")).toBeUndefined();
  expect(cronexprError("0 3 * * 0")).toBeUndefined();
  expect(cronexprError("0 3 * * sun")).toBeUndefined();
});

test.each([
  ["0 2 * *", /missing field\(s\)/],
  ["60 2 * * *", /syntax error in minute field: '60'/],
  ["0 24 * * *", /syntax error in hour field: '24'/],
  ["0 2 32 * *", /syntax error in day-of-month field: '32'/],
  ["0 2 * 13 *", /syntax error in month field: '13'/],
  ["0 2 * * 8", /syntax error in day-of-week field: '8'/],
  ["0 2 * * mo", /syntax error in day-of-week field: 'mo'/],
  ["*/0 * * * *", /invalid interval \*\/0/],
  ["0 2 * * * 1969", /syntax error in year field: '1969'/],
])("refuses %s as cronexpr does: %s", (spec, message) => {
  expect(cronexprError(spec)).toMatch(message);
});

test("is stricter than cronexpr where it would silently misread: extra fields, reversed ranges", () => {
  expect(cronexprError("0 0 2 * * * * *")).toMatch(/8 fields: cronexpr reads 7 at most and ignores the rest/);
  expect(cronexprError("@daily extra")).toMatch(/8 fields/); // @daily expands to seven fields
  expect(cronexprError("20-5 * * * *")).toMatch(/range 20-5 in the minute field is reversed/);
  expect(cronexprError("0 0 * * 5-7")).toBeUndefined(); // ends on Sunday written as 7
});

test("a schedule problem names the value and what is allowed", () => {
  const problem = cronScheduleProblem("schedule", "daily at 2");
  expect(problem).toContain('schedule "daily at 2" is not a cron expression Nomad accepts');
  expect(problem).toContain("[second] minute hour day-of-month month day-of-week [year]");
  expect(problem).toContain("@daily");
  expect(problem).toContain(`Nomad ${NOMAD_VERSION}'s parser`);
});
