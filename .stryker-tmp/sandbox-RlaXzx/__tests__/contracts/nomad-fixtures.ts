/**
 * Known-bad artifacts for the Nomad contract checks: a job (plain data, so it can break
 * the typed model on purpose) serialized exactly as NomadJob does and put in a stack as
 * the `nomad_job` resource the checks read.
 */
// @ts-nocheck

import { SynthesizedStack, ValidateInput } from "../../contracts/contract";
import { IMAGES, imageRef } from "../../jobspecs/images";
import { Job } from "../../jobspecs/model";
import { toTerraformJobspec } from "../../jobspecs/render";

export const STACK = "shop";
export const ADDRESS = "nomad_job.Web_Resource_0A1B2C3D";
/** Where findings about the job sit: `<stack>/<address>.jobspec`. */
export const JOBSPEC = `${STACK}/${ADDRESS}.jobspec`;

/** A small valid job: one group "web" with one docker task "nginx". */
export function validJob(): Record<string, any> {
  return {
    ID: "web",
    Type: "service",
    Datacenters: ["dc1"],
    TaskGroups: [
      {
        Name: "web",
        Count: 1,
        Tasks: [{ Name: "nginx", Driver: "docker", Config: { image: imageRef(IMAGES.nginx) }, Resources: { CPU: 100, MemoryMB: 64 } }],
      },
    ],
  };
}

/** The checks' input for a stack holding one JSON job. */
export function inputWithJob(job: Record<string, any>, stack = STACK): ValidateInput {
  const stacks: SynthesizedStack[] = [
    { id: stack, json: { resource: { nomad_job: { [ADDRESS.split(".")[1]]: { json: true, jobspec: toTerraformJobspec(job as Job) } } } } },
  ];
  return { stacks, workflows: [] };
}
