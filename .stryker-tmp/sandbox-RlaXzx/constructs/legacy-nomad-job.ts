// @ts-nocheck
import { readFileSync } from "fs";
import { basename } from "path";
import { Job as JobResource } from "@cdktf/provider-nomad/lib/job";
import { Construct } from "constructs";
import { terraformLiteral } from "./terraform-literal";
import { acknowledge, MIN_REASON_LENGTH } from "../policy/acknowledge";
import { jobTypedJson } from "../policy/rules/job-typed-json";
import { HomelabStack } from "./homelab-stack";

export interface LegacyNomadJobProps {
  /** Path of the `.nomad.hcl` file, read at synth (never by Terraform: no hcl2.allow_fs). */
  readonly file: string;
  /** Why this job cannot be typed data yet; shows in the rule report. At least 10 characters. */
  readonly reason: string;
  /** @default false */
  readonly purgeOnDestroy?: boolean;
  /** @default false - wait for the deployment */
  readonly detach?: boolean;
}

/**
 * The escape hatch for a job still written in HCL: carried as-is, so none of the Nomad
 * rules can read it. It acknowledges the typed-JSON rule with the stated reason, so every
 * use shows in the report. Prefer NomadJob.
 */
export class LegacyNomadJob extends Construct {
  readonly resource: JobResource;

  constructor(scope: Construct, id: string, props: LegacyNomadJobProps) {
    super(scope, id);
    const errors: string[] = [];
    if (!props.file.endsWith(".nomad.hcl")) errors.push(`file ${JSON.stringify(props.file)} must be a .nomad.hcl jobspec`);
    if (typeof props.reason !== "string" || props.reason.trim().length < MIN_REASON_LENGTH) {
      errors.push(`reason must say in ${MIN_REASON_LENGTH}+ characters why ${basename(props.file)} is not typed data yet`);
    }
    let hcl = "";
    if (!errors.length) {
      try {
        hcl = readFileSync(props.file, "utf8");
      } catch (err) {
        errors.push(`cannot read ${props.file}: ${(err as Error).message}`);
      }
    }
    if (errors.length) throw new Error(`${this.node.path}: ${errors.join("; ")}`);

    this.resource = new JobResource(this, "Resource", {
      provider: HomelabStack.of(this).provider("nomad", this),
      // Terraform would read Nomad's ${…} as its own interpolation: escaped, as for JSON jobs.
      jobspec: terraformLiteral(hcl),
      json: false,
      purgeOnDestroy: props.purgeOnDestroy ?? false,
      detach: props.detach ?? false,
      deregisterOnDestroy: true,
    });
    acknowledge(this, jobTypedJson.id, props.reason);
  }
}
