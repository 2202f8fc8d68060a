/**
 * nomad-api: the structs Nomad's Go API client decodes a job into (`api.Job` and every
 * struct it reaches), read from hashicorp/nomad's api package at the estate's Nomad
 * version. terraform-provider-nomad decodes `nomad_job.jobspec` (json = true) with
 * encoding/json into exactly these structs before submitting the job.
 */
// @ts-nocheck

import { writeStoredContract } from "../../contracts/stored";
import { NOMAD_TAG, NOMAD_VERSION } from "../../contracts/nomad-version";
import { UpstreamRepo } from "../lib/upstream";
import { ContractGenerator } from "./generator";
import { readGoPackageAt } from "./go-structs";
import { buildWireSchema } from "./go-wire-schema";

export const NOMAD_REPOSITORY = "hashicorp/nomad";

export const nomadApiGenerator: ContractGenerator = {
  name: "nomad-api",
  description: `Nomad's api.Job and the structs it reaches (${NOMAD_REPOSITORY} api/*.go at ${NOMAD_TAG})`,
  generate() {
    const repo = UpstreamRepo.open(NOMAD_REPOSITORY);
    const commit = repo.commit(NOMAD_TAG);
    const api = readGoPackageAt(repo, NOMAD_TAG, "api");
    const schema = buildWireSchema({ codec: "encoding/json", packages: { api }, rootPackage: "api", root: "Job" });
    const sources = [...new Set(Object.values(schema.structs).map((s) => s.file))].sort();
    writeStoredContract(
      "nomad-api",
      { project: "nomad", version: NOMAD_VERSION, repository: NOMAD_REPOSITORY, ref: NOMAD_TAG, commit, sources, command: "npm run contracts -- nomad-api" },
      { "job.json": schema },
    );
    return ["nomad-api"];
  },
};
