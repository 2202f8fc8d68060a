/**
 * nomad-docker-driver: the `Config` of every docker task against the docker driver's own
 * task config spec at the estate's Nomad version. The API takes Config as a free-form map,
 * so neither the provider nor `nomad job plan` looks inside; the driver decodes it only
 * when the task starts, and fails it there on an unknown key or a wrong type.
 */
// @ts-nocheck

import { ContractCheck, ContractFinding, ValidateInput } from "./contract";
import { checkDriverConfig, DriverSpec } from "./nomad-driver-spec";
import { jobFinding, jobTasks, synthesizedNomadJobs } from "./nomad-jobs";
import { staleNomadContract } from "./nomad-version";
import { readProvenance, readStoredJson, upstreamLabel } from "./stored";

export const NOMAD_DOCKER_DRIVER_CONTRACT = "nomad-docker-driver";

export function checkNomadDockerDriver(input: ValidateInput): ContractFinding[] {
  const provenance = readProvenance(NOMAD_DOCKER_DRIVER_CONTRACT);
  const spec = readStoredJson<DriverSpec>(NOMAD_DOCKER_DRIVER_CONTRACT, "task-config.json");
  const upstream = upstreamLabel(provenance, provenance.sources[0]);
  // Unreadable jobspecs are nomad-api's findings; here they are only skipped.
  const { jobs } = synthesizedNomadJobs(input.stacks, upstream);
  const findings: ContractFinding[] = staleNomadContract(NOMAD_DOCKER_DRIVER_CONTRACT, provenance);
  for (const job of jobs) {
    for (const { task, path } of jobTasks(job.job)) {
      if (task.Driver !== "docker") continue;
      for (const p of checkDriverConfig(task.Config ?? {}, spec)) findings.push(jobFinding(job, [...path, "Config", ...p.path], p.problem, upstream));
    }
  }
  return findings;
}

export const nomadDockerDriver: ContractCheck = {
  id: NOMAD_DOCKER_DRIVER_CONTRACT,
  description: "the Config of every docker task matches the docker driver's task config spec (keys, types, required image)",
  check: checkNomadDockerDriver,
};
