import { ResourceRule } from "../rule";
import { first } from "./k8s-support";

export const jobNoAllowFs: ResourceRule = {
  id: "HL-JOB-2",
  scope: "resource",
  level: "error",
  acknowledgeable: false,
  description: "nomad_job never sets hcl2.allow_fs: a job must not read files of the machine that plans it",
  fix: "put the file's content into the jobspec (a template's EmbeddedTmpl) instead of reading it at plan time",
  check(resource) {
    if (resource.type !== "nomad_job") return "not-applicable";
    // Terraform's JSON takes a block as an object or a one-element list: an override may write either.
    return first(resource.attributes.hcl2)?.allow_fs === true ? ["nomad_job sets hcl2.allow_fs = true"] : [];
  },
};
