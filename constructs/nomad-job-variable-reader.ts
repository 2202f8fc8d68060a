import { AclPolicy } from "@cdktf/provider-nomad/lib/acl-policy";
import { Construct } from "constructs";
import { HomelabStack } from "./homelab-stack";
import { throwIfProblems } from "./kubernetes-names";

export interface NomadJobVariableReaderProps {
  /** The job whose workload identity may read. */
  readonly jobId: string;
  /** The variables it may list and read: every path under this prefix, e.g. "backups/weekly/". */
  readonly prefix: string;
  /** The job's and the variables' namespace. @default "default" */
  readonly namespace?: string;
}

/**
 * Lets one Nomad job read the variables under a prefix outside its own nomad/jobs/<job>
 * tree: an ACL policy bound to the job (job_acl), read and list only. Nomad's template hides
 * a listing it refuses as an empty one, so a job that reads without this sees nothing.
 */
export class NomadJobVariableReader extends Construct {
  readonly policy: AclPolicy;

  constructor(scope: Construct, id: string, props: NomadJobVariableReaderProps) {
    super(scope, id);
    const namespace = props.namespace ?? "default";
    throwIfProblems(this.node.path, [
      /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_-]*)*\/$/.test(props.prefix) ? undefined : `prefix ${JSON.stringify(props.prefix)} must be a variable path ending in /, e.g. "backups/weekly/"`,
      props.prefix.startsWith("nomad/") ? `prefix ${JSON.stringify(props.prefix)} is Nomad's own tree: a job reads nomad/jobs/<job> without a policy` : undefined,
    ]);
    const rules = [`namespace ${JSON.stringify(namespace)} {`, "  variables {", `    path ${JSON.stringify(`${props.prefix}*`)} {`, '      capabilities = ["read", "list"]', "    }", "  }", "}", ""].join("\n");
    this.policy = new AclPolicy(this, "Policy", {
      provider: HomelabStack.of(this).provider("nomad", this),
      name: `${props.jobId}-reads-${props.prefix.replace(/\/$/, "").replace(/\//g, "-")}`,
      description: `job ${props.jobId} reads the variables under ${props.prefix}`,
      rulesHcl: rules,
      jobAcl: { jobId: props.jobId, namespace },
    });
  }
}
