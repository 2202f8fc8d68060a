import { vaultEnv } from "../../jobspecs/common";
import { Job, Task } from "../../jobspecs/model";
import { SynthResource } from "../../policy/rule";
import { nomadVaultGrants } from "../../policy/rules/nomad-vault-grants";
import { context, group, job, jobResource, other, stack, task } from "./nomad-rules.fixtures";

const reading = (paths: string[], vault: Task["Vault"] = { Role: "nomad-web" }): Task =>
  task("app", { Vault: vault, Templates: paths.map((p, i) => vaultEnv(p, { [`V${i}`]: "value" }, `v${i}`)) });
const policy = (logicalId: string, name: string, document: unknown): SynthResource => ({
  type: "vault_policy",
  logicalId,
  path: `v/${logicalId}`,
  stackId: "v",
  attributes: { name, policy: typeof document === "string" ? document : JSON.stringify(document) },
});
const readable = (...paths: string[]) => ({ path: Object.fromEntries(paths.map((p) => [p, { capabilities: ["read"] }])) });
/** A JWT role; claims null for a role that binds none. */
const role = (policies: string[] | undefined, claims: Record<string, unknown> | null = { nomad_job_id: "web", nomad_namespace: "default" }, name = "nomad-web"): SynthResource => ({
  type: "vault_jwt_auth_backend_role",
  logicalId: "Role",
  path: "v/Role",
  stackId: "v",
  attributes: { role_name: name, token_policies: policies, bound_claims: claims ?? undefined },
});
const check = (vaultResources: SynthResource[], j: Job) =>
  nomadVaultGrants.check([stack(vaultResources, "kubernetes", "v"), stack([jobResource(j)])], context).map((p) => `${p.path}: ${p.message}`);
const web = (...tasks: Task[]) => job([group({ Tasks: tasks })]);
const denied = (paths: string) => [`s/Job/Resource: group web, task app: reads ${paths}, which the policies of role nomad-web do not allow`];

describe("HL-NOMAD-9 what a policy grants", () => {
  test("exact paths; a trailing * is any suffix; + is one segment", () => {
    const grants = (pattern: string, path: string) => check([policy("P", "p", readable(pattern)), role(["p"])], web(reading([path])));
    expect(grants("secret/data/web/db", "secret/data/web/db")).toEqual([]);
    expect(grants("secret/data/web/*", "secret/data/web/db")).toEqual([]);
    expect(grants("secret/data/web/*", "secret/data/web/a/b")).toEqual([]);
    expect(grants("secret/data/web*", "secret/data/webapp/db")).toEqual([]);
    expect(grants("secret/data/+/db", "secret/data/web/db")).toEqual([]);
    expect(grants("secret/data/+/db", "secret/data/a/b/db")).toEqual(denied("secret/data/a/b/db"));
    expect(grants("secret/data/web/db", "secret/data/web/db2")).toEqual(denied("secret/data/web/db2"));
    expect(grants("secret/data/web/db", "x/secret/data/web/db")).toEqual(denied("x/secret/data/web/db"));
  });

  test("characters a regular expression would read are literal in a Vault path, a * before the end included", () => {
    const grants = (pattern: string, path: string) => check([policy("P", "p", readable(pattern)), role(["p"])], web(reading([path])));
    expect(grants("secret/data/web.db", "secret/data/webxdb")).toEqual(denied("secret/data/webxdb"));
    expect(grants("secret/data/we*/db", "secret/data/w/db")).toEqual(denied("secret/data/w/db"));
    expect(grants("secret/data/we*/db", "secret/data/wee/db")).toEqual(denied("secret/data/wee/db"));
    expect(grants("secret/data/(web)?/db", "secret/data/web/db")).toEqual(denied("secret/data/web/db"));
  });

  test("only read grants count; a policy that is not JSON grants nothing the rule can see", () => {
    expect(check([policy("P", "p", { path: { "secret/data/web/db": { capabilities: ["list", "update"] } } }), role(["p"])], web(reading(["secret/data/web/db"])))).toEqual(denied("secret/data/web/db"));
    expect(check([policy("P", "p", { path: { "secret/data/web/db": {} } }), role(["p"])], web(reading(["secret/data/web/db"])))).toEqual(denied("secret/data/web/db"));
    expect(check([policy("P", "p", 'path "secret/data/web/db" { capabilities = ["read"] }'), role(["p"])], web(reading(["secret/data/web/db"])))).toEqual(denied("secret/data/web/db"));
    expect(check([policy("P", "p", {}), role(["p"])], web(reading(["secret/data/web/db"])))).toEqual(denied("secret/data/web/db"));
  });

  test("every policy of the role counts, by name or by a reference to the policy in the same stack", () => {
    const two = [policy("A", "a", readable("secret/data/web/a")), policy("B", "b", readable("secret/data/web/b"))];
    expect(check([...two, role(["a", "${vault_policy.B.name}"])], web(reading(["secret/data/web/a", "secret/data/web/b"])))).toEqual([]);
    expect(check([...two, role(["a"])], web(reading(["secret/data/web/a", "secret/data/web/b", "secret/data/web/c"])))).toEqual(denied("secret/data/web/b, secret/data/web/c"));
    expect(check([...two, role(["${vault_policy.Missing.name}", "${vault_policy.B.path}"])], web(reading(["secret/data/web/b"])))).toEqual(denied("secret/data/web/b"));
  });

  test("references inside a policy's name and document resolve to the referenced attribute", () => {
    const mount: SynthResource = { type: "vault_mount", logicalId: "Kv", path: "v/Kv", stackId: "v", attributes: { path: "kv", options: { version: "2" } } };
    const named = policy("P", "${vault_mount.Kv.path}-web", readable("${vault_mount.Kv.path}/data/web/db"));
    expect(check([mount, named, role(["kv-web"])], web(reading(["kv/data/web/db"])))).toEqual([]);
    const unresolved = policy("P", "p", readable("${vault_mount.Kv.options}/data/web/db"));
    expect(check([mount, unresolved, role(["p"])], web(reading(["kv/data/web/db"])))).toEqual(denied("kv/data/web/db"));
  });

  test("a reference names its resource by type and logical id: a namesake of another type is not it", () => {
    // Terraform's logical ids are unique per type only: an auth backend may share the mount's id.
    const namesake: SynthResource = { type: "vault_auth_backend", logicalId: "Kv", path: "v/KvAuth", stackId: "v", attributes: { path: "jwt" } };
    const mount: SynthResource = { type: "vault_mount", logicalId: "Kv", path: "v/Kv", stackId: "v", attributes: { path: "kv" } };
    const named = policy("P", "p", readable("${vault_mount.Kv.path}/data/web/db"));
    expect(check([namesake, mount, named, role(["p"])], web(reading(["kv/data/web/db"])))).toEqual([]);
  });

  test("only vault_policy resources are policies: another resource of the same name does not replace the grant", () => {
    // A Nomad ACL policy may well be named like the Vault policy; its rules are not Vault's.
    const nomadAcl: SynthResource = { type: "nomad_acl_policy", logicalId: "Acl", path: "v/Acl", stackId: "v", attributes: { name: "p", rules_hcl: 'namespace "default" {}' } };
    expect(check([policy("P", "p", readable("secret/data/web/db")), nomadAcl, role(["p"])], web(reading(["secret/data/web/db"])))).toEqual([]);
  });
});

describe("HL-NOMAD-9 who logs in", () => {
  const grant = [policy("P", "p", readable("secret/data/web/*"))];
  test("compliant: a role bound to the job's id and namespace whose policies allow every read", () => {
    expect(check([...grant, role(["p"])], web(reading(["secret/data/web/db"])))).toEqual([]);
    const bitcoin = { ...web(reading(["secret/data/web/db"])), Namespace: "bitcoin" };
    expect(check([...grant, role(["p"], { nomad_job_id: "web", nomad_namespace: "bitcoin" })], bitcoin)).toEqual([]);
  });

  test("non-compliant: the cluster's default role, a role no stack defines", () => {
    expect(check([...grant, role(["p"])], web(reading(["secret/data/web/db"], {})))).toEqual([
      "s/Job/Resource: group web, task app: reads secret/data/web/db with the cluster's default Vault role; give the job a role of its own",
    ]);
    expect(check([...grant, role(["p"], null, "nomad-other")], web(reading(["secret/data/web/db"])))).toEqual([
      "s/Job/Resource: group web, task app: logs in with Vault role nomad-web, which no stack defines",
    ]);
  });

  test("only JWT roles are the roles Nomad's workload identity logs in with: an AppRole role of the same name is not", () => {
    const appRole: SynthResource = {
      type: "vault_approle_auth_backend_role",
      logicalId: "AppRole",
      path: "v/AppRole",
      stackId: "v",
      attributes: { role_name: "nomad-web", token_policies: ["p"] },
    };
    expect(check([...grant, appRole], web(reading(["secret/data/web/db"])))).toEqual([
      "s/Job/Resource: group web, task app: logs in with Vault role nomad-web, which no stack defines",
    ]);
  });

  test("the default role's finding names every path the task reads", () => {
    expect(check([...grant, role(["p"])], web(reading(["secret/data/web/db", "secret/data/web/key"], {})))).toEqual([
      "s/Job/Resource: group web, task app: reads secret/data/web/db, secret/data/web/key with the cluster's default Vault role; give the job a role of its own",
    ]);
  });

  test("non-compliant: bound claims that do not bind the job's id and namespace, each named", () => {
    expect(check([...grant, role(["p"], null)], web(reading(["secret/data/web/db"])))).toEqual([
      's/Job/Resource: group web, task app: logs in with Vault role nomad-web, whose bound claims {} do not bind nomad_job_id = "web" and nomad_namespace = "default"; allowed: a role bound to this job\'s id and namespace',
    ]);
    expect(check([...grant, role(["p"], { nomad_job_id: "other", nomad_namespace: "default" })], web(reading(["secret/data/web/db"])))).toEqual([
      's/Job/Resource: group web, task app: logs in with Vault role nomad-web, whose bound claims {"nomad_job_id":"other","nomad_namespace":"default"} do not bind nomad_job_id = "web"; allowed: a role bound to this job\'s id and namespace',
    ]);
  });

  test("a role without policies allows nothing", () => {
    expect(check([...grant, role(undefined)], web(reading(["secret/data/web/db"])))).toEqual(denied("secret/data/web/db"));
  });

  test("not applicable: tasks without Vault or without reads, other resources", () => {
    const noReads = task("app", { Vault: { Role: "nomad-web" } });
    const noVault = { ...reading(["secret/data/web/db"]), Vault: undefined };
    expect(check([], job([group({ Tasks: [noReads, noVault] })]))).toEqual([]);
    expect(nomadVaultGrants.check([stack([other])], context)).toEqual([]);
  });
});
