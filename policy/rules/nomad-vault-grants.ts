import { taskVaultReads } from "../../jobspecs/vault";
import { EstateProblem, EstateRule, SynthResource, SynthStack } from "../rule";
import { estateTasks } from "./nomad-support";

/** A "${type.logicalId.attribute}" reference inside a stack, replaced by that attribute's literal value. */
function resolveLocal(text: string, stack: SynthStack): string {
  return text.replace(/\$\{([a-z0-9_]+)\.([A-Za-z0-9_-]+)\.([a-z0-9_]+)\}/g, (whole, type, id, attribute) => {
    const target = stack.resources.find((r) => r.type === type && r.logicalId === id);
    const value = target?.attributes[attribute];
    return typeof value === "string" ? value : whole;
  });
}

/** Vault paths a policy document allows reading, as written (globs included). */
function readablePaths(policy: SynthResource, stack: SynthStack): string[] {
  try {
    const doc = JSON.parse(resolveLocal(String(policy.attributes.policy), stack)) as { path?: Record<string, { capabilities?: string[] }> };
    return Object.entries(doc.path ?? {})
      .filter(([, rule]) => rule.capabilities?.includes("read"))
      .map(([path]) => path);
  } catch {
    return []; // HCL policies are not read here: their grants cannot be checked
  }
}

/** Vault's path globs: a trailing * matches any suffix, + matches one segment; anything else, a * before the end included, is literal. */
function grants(pattern: string, path: string): boolean {
  const regex = pattern
    .split("")
    .map((c, i) => (c === "*" && i === pattern.length - 1 ? ".*" : c === "+" ? "[^/]+" : c.replace(/[.*?^${}()|[\]\\/]/g, "\\$&")))
    .join("");
  return new RegExp(`^${regex}$`).test(path);
}

export const nomadVaultGrants: EstateRule = {
  id: "HL-NOMAD-9",
  scope: "estate",
  level: "error",
  description:
    "a Nomad task that reads Vault logs in with a role some stack defines, bound to its job id and namespace, whose policies allow reading every path it reads",
  fix: "deploy the job with NomadJob (it names the job's role) and grant it in main.ts with vault.grantNomadJob(job), which derives the policy from the job's templates",
  check(stacks) {
    const policies = new Map<string, string[]>();
    const roles = new Map<string, { policies: string[]; claims: Record<string, unknown> }>();
    for (const stack of stacks) {
      for (const r of stack.resources) {
        if (r.type === "vault_policy") policies.set(resolveLocal(String(r.attributes.name), stack), readablePaths(r, stack));
        if (r.type === "vault_jwt_auth_backend_role") {
          const names = (r.attributes.token_policies as string[] | undefined) ?? [];
          const claims = (r.attributes.bound_claims as Record<string, unknown> | undefined) ?? {};
          roles.set(String(r.attributes.role_name), { policies: names.map((n) => resolveLocal(n, stack)), claims });
        }
      }
    }
    const problems: EstateProblem[] = [];
    for (const { stack, resource, job, group, task } of estateTasks(stacks)) {
      const reads = taskVaultReads(task);
      if (!task.Vault || reads.length === 0) continue;
      const where = `group ${group.Name}, task ${task.Name}`;
      const say = (message: string) => problems.push({ stackId: stack.id, path: resource.path, message: `${where}: ${message}` });
      const role = task.Vault.Role;
      if (!role) {
        say(`reads ${reads.join(", ")} with the cluster's default Vault role; give the job a role of its own`);
        continue;
      }
      const defined = roles.get(role);
      if (!defined) {
        say(`logs in with Vault role ${role}, which no stack defines`);
        continue;
      }
      // Vault refuses the login unless the token's claims match the role's bound claims; an
      // unbound claim would let a job of that name in any namespace log in.
      const namespace = job.Namespace ?? "default";
      const expected = { nomad_job_id: job.ID, nomad_namespace: namespace };
      const mismatched = Object.entries(expected).filter(([claim, value]) => defined.claims[claim] !== value);
      if (mismatched.length) {
        say(
          `logs in with Vault role ${role}, whose bound claims ${JSON.stringify(defined.claims)} do not bind ${mismatched
            .map(([claim, value]) => `${claim} = ${JSON.stringify(value)}`)
            .join(" and ")}; allowed: a role bound to this job's id and namespace`,
        );
        continue;
      }
      const allowed = defined.policies.flatMap((p) => policies.get(p) ?? []);
      const denied = reads.filter((path) => !allowed.some((pattern) => grants(pattern, path)));
      if (denied.length) say(`reads ${denied.join(", ")}, which the policies of role ${role} do not allow`);
    }
    return problems;
  },
};
