import { Job } from "../../jobspecs/model";
import { templateVariableReads } from "../../policy/rules/nomad-variable-reads";
import { synthEstate } from "../helpers/estate";

const RULE = "HL-NOMAD-12";

test(`the estate: every Nomad variable its tasks read or list is theirs to read (${RULE} finds nothing), and there are such reads`, () => {
  const estate = synthEstate();
  expect(estate.report.findings.filter((f) => f.ruleId === RULE)).toEqual([]);
  // Not vacuous: the estate's own templates read variables, and read what the backup plans' lists hold.
  const reads = Object.values(estate.stacks)
    .flatMap((stack) => Object.values((stack.resource?.nomad_job ?? {}) as Record<string, { jobspec: string }>))
    .flatMap((r) => (JSON.parse(r.jobspec) as { Job: Job }).Job.TaskGroups)
    .flatMap((g) => g.Tasks)
    .flatMap((t) => (t.Templates ?? []).flatMap((tpl) => templateVariableReads(tpl.EmbeddedTmpl ?? "")));
  expect(reads.filter((r) => r.kind === "read").length).toBeGreaterThan(0);
  expect(reads.filter((r) => r.kind === "list" && r.readsItems).length).toBeGreaterThan(0);
});
