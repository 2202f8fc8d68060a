import { EstateProblem, EstateRule, SynthResource, SynthStack } from "../rule";
import { VariableGrant, variableGrants, workloadMay, WorkloadClaim } from "./nomad-acl-policy";
import { estateTasks } from "./nomad-support";

/** A Nomad variable a task's templates name: read one, or list a prefix (and maybe read what the listing gives). */
interface VariableRead {
  readonly kind: "read" | "list";
  readonly path: string;
  /** From `path@namespace`, else the job's. */
  readonly namespace?: string;
  /** A listing whose items the template reads too (`nomadVar .Path` inside its range). */
  readonly readsItems?: boolean;
}

/** consul-template's Nomad variable functions with a literal path (hashicorp/consul-template template/funcs.go). */
const READ = /\bnomadVar(?:Exists)?\s+"((?:[^"\\]|\\.)*)"/g;
const LIST = /\bnomadVarList(?:Safe)?\s+"((?:[^"\\]|\\.)*)"/g;
/** A read of a path that is not a literal: in this estate, an item of a listing. */
const READ_OF_EXPRESSION = /\bnomadVar(?:Exists)?\s+[^"\s]/;

function withNamespace(kind: VariableRead["kind"], literal: string, readsItems?: boolean): VariableRead {
  const path = JSON.parse(`"${literal}"`) as string;
  const at = path.lastIndexOf("@");
  return at < 0 ? { kind, path, readsItems } : { kind, path: path.slice(0, at), namespace: path.slice(at + 1), readsItems };
}

/** The Nomad variables a template's text reads and lists. */
export function templateVariableReads(text: string): VariableRead[] {
  const readsItems = READ_OF_EXPRESSION.test(text);
  return [...[...text.matchAll(READ)].map((m) => withNamespace("read", m[1])), ...[...text.matchAll(LIST)].map((m) => withNamespace("list", m[1], readsItems))];
}

/** A policy bound to a job's workloads (job_acl), with what it grants; `unread` when its rules are not HCL the rule reads. */
interface BoundPolicy {
  readonly name: string;
  readonly namespace: string;
  readonly jobId: string;
  readonly group?: string;
  readonly task?: string;
  readonly grants: readonly VariableGrant[];
  readonly unread?: string;
}

function boundPolicy(resource: SynthResource): BoundPolicy | undefined {
  const acl = resource.attributes.job_acl as Record<string, unknown> | undefined;
  if (!acl) return undefined;
  const text = (key: string) => (typeof acl[key] === "string" && acl[key] !== "" ? (acl[key] as string) : undefined);
  const base = { name: String(resource.attributes.name), namespace: text("namespace") ?? "default", jobId: String(acl.job_id), group: text("group"), task: text("task") };
  try {
    return { ...base, grants: variableGrants(String(resource.attributes.rules_hcl ?? "")) };
  } catch (err) {
    return { ...base, grants: [], unread: (err as Error).message };
  }
}

/**
 * The policies Nomad attaches to a task's workload identity (nomad/auth/auth.go): bound to its
 * namespace and job, and to its group and task where the binding names them (the provider's
 * job_acl always names a job).
 */
function policiesOf(claim: WorkloadClaim, policies: readonly BoundPolicy[]): BoundPolicy[] {
  return policies.filter(
    (p) => p.namespace === claim.namespace && p.jobId === claim.job && (p.group === undefined || (p.group === claim.group && (p.task === undefined || p.task === claim.task))),
  );
}

/** The estate's Nomad variables: namespace (default when unset) and path. */
function estateVariables(stacks: readonly SynthStack[]): { namespace: string; path: string }[] {
  return stacks.flatMap((s) =>
    s.resources.filter((r) => r.type === "nomad_variable").map((r) => ({ namespace: String(r.attributes.namespace ?? "default"), path: String(r.attributes.path) })),
  );
}

export const nomadVariableReads: EstateRule = {
  id: "HL-NOMAD-12",
  scope: "estate",
  level: "error",
  description:
    "a Nomad task's templates read only Nomad variables its workload identity may read (Nomad 1.10.5 acl/acl.go): its job's own nomad/jobs/<job>[/<group>[/<task>]], or paths an ACL policy bound to the job (job_acl) grants, read for a read and list for each variable a listing should show",
  fix: "read the job's own nomad/jobs/<job> variables, or give the job a NomadJobVariableReader for the prefix it reads (an ACL policy bound to it, read and list)",
  check(stacks) {
    const policies = stacks.flatMap((s) => s.resources.filter((r) => r.type === "nomad_acl_policy").map(boundPolicy)).filter((p): p is BoundPolicy => p !== undefined);
    const variables = estateVariables(stacks);
    const problems: EstateProblem[] = [];
    for (const { stack, resource, job, group, task } of estateTasks(stacks)) {
      const claim: WorkloadClaim = { namespace: job.Namespace ?? "default", job: job.ID, group: group.Name, task: task.Name };
      const attached = policiesOf(claim, policies);
      const grants = attached.flatMap((p) => p.grants);
      const unread = attached.filter((p) => p.unread).map((p) => `policy ${p.name} is not HCL this rule reads (${p.unread})`);
      const say = (message: string) =>
        problems.push({ stackId: stack.id, path: resource.path, message: `group ${group.Name}, task ${task.Name}: ${message}${unread.length ? `; ${unread.join("; ")}` : ""}` });
      for (const read of (task.Templates ?? []).flatMap((t) => templateVariableReads(t.EmbeddedTmpl ?? ""))) {
        const namespace = read.namespace ?? claim.namespace;
        const where = `${read.path}${namespace === claim.namespace ? "" : ` in namespace ${namespace}`}`;
        if (read.kind === "read") {
          if (!workloadMay("read", namespace, read.path, claim, grants)) say(`reads Nomad variable ${where}, which job ${claim.job}'s workload identity may not read (its template cannot render, so the task does not start)`);
          continue;
        }
        const listed = variables.filter((v) => v.namespace === namespace && v.path.startsWith(read.path));
        const hidden = listed.filter((v) => !workloadMay("list", namespace, v.path, claim, grants) || (read.readsItems && !workloadMay("read", namespace, v.path, claim, grants)));
        if (hidden.length) {
          say(
            `lists Nomad variables under ${where}, but job ${claim.job}'s workload identity may not ${read.readsItems ? "list and read" : "list"} ${hidden.map((v) => v.path).join(", ")}: Nomad leaves them out of the listing, which the template renders as if they did not exist`,
          );
        }
      }
    }
    return problems;
  },
};
