/**
 * nomad-api: every JSON Nomad job against the structs Nomad's API client decodes it into
 * (api.Job and what it reaches, at the estate's Nomad version): field names exactly as
 * upstream spells them, values of the field's type, structs nested where upstream nests
 * them, no field upstream marks deprecated.
 */
// @ts-nocheck

import { ContractCheck, ContractFinding, ValidateInput } from "./contract";
import { checkAgainstSchema, GoStructSchema } from "./go-struct-schema";
import { jobFinding, synthesizedNomadJobs } from "./nomad-jobs";
import { staleNomadContract } from "./nomad-version";
import { readProvenance, readStoredJson, upstreamLabel } from "./stored";

export const NOMAD_API_CONTRACT = "nomad-api";

export function checkNomadApi(input: ValidateInput): ContractFinding[] {
  const provenance = readProvenance(NOMAD_API_CONTRACT);
  const schema = readStoredJson<GoStructSchema>(NOMAD_API_CONTRACT, "job.json");
  const { jobs, unreadable } = synthesizedNomadJobs(input.stacks, upstreamLabel(provenance, "api/jobs.go"));
  const findings: ContractFinding[] = [...staleNomadContract(NOMAD_API_CONTRACT, provenance), ...unreadable];
  for (const job of jobs) {
    for (const p of checkAgainstSchema(job.job, schema, { project: "Nomad" })) {
      findings.push(jobFinding(job, p.path, p.problem, upstreamLabel(provenance, p.file)));
    }
  }
  return findings;
}

export const nomadApi: ContractCheck = {
  id: NOMAD_API_CONTRACT,
  description: "Nomad job JSON matches Nomad's API structs (api.Job and what it reaches): field names, types, nesting, no deprecated fields",
  check: checkNomadApi,
};
