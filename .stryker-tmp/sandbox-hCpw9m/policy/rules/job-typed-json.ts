// @ts-nocheck
import { parseNomadJob } from "../resource-data";
import { ResourceRule } from "../rule";

export const jobTypedJson: ResourceRule = {
  id: "HL-JOB-1",
  scope: "resource",
  level: "error",
  description: "nomad_job is typed JSON: json = true and a jobspec that parses as a Nomad API job",
  fix: "build the job as data in jobspecs/ and deploy it with the NomadJob construct; a legacy .nomad.hcl file goes through the acknowledged escape hatch",
  check(resource) {
    if (resource.type !== "nomad_job") return "not-applicable";
    const problems: string[] = [];
    if (resource.attributes.json !== true) problems.push("nomad_job does not set json = true, so its jobspec is HCL the rules cannot read");
    const parsed = parseNomadJob(resource);
    if ("error" in parsed) problems.push(`nomad_job ${parsed.error}`);
    return problems;
  },
};
