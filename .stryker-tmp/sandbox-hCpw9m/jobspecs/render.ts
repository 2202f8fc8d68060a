/**
 * A job as the `nomad_job` resource takes it, and back. Terraform reads `${…}` and `%{…}`
 * in any JSON string as its own template syntax, so Nomad's interpolations
 * (`${attr.cpu.arch}`, `${NOMAD_ALLOC_DIR}`) are escaped as `$${…}` / `%%{…}`; Terraform
 * hands Nomad the original text.
 */
// @ts-nocheck

import { terraformLiteral } from "../constructs/terraform-literal";
import { Job } from "./model";

/** The compact jobspec string for `nomad_job.jobspec` (with `json = true`). */
export function toTerraformJobspec(job: Job): string {
  return terraformLiteral(JSON.stringify({ Job: job }));
}

/** The job pretty-printed as Nomad receives it: for `nomad job plan -json <file>`. */
export function toPlanFile(job: Job): string {
  return `${JSON.stringify({ Job: job }, null, 2)}\n`;
}
