// @ts-nocheck
import { Job as RawJob } from "@cdktf/provider-nomad/lib/job";
import { Policy } from "@cdktf/provider-vault/lib/policy";
import { HomelabApp } from "../../constructs";
import { NomadJob } from "../../constructs/nomad-job";
import { ServiceSecrets } from "../../constructs/service-secrets";
import { VaultKvStore } from "../../constructs/vault-kv-store";
import { VaultNomadJwtAuth } from "../../constructs/vault-nomad-jwt-auth";
import { vaultEnv } from "../../jobspecs/common";
import { Job, Task } from "../../jobspecs/model";
import { jobVaultReads, nomadVaultRole, withVaultRole } from "../../jobspecs/vault";
import { line, providerOf } from "../helpers/rules";
import { checkApp, synthWith, testStack } from "../helpers/synth";

const task = (extra: Partial<Task> = {}): Task => ({
  Name: "app",
  Driver: "docker",
  Config: { image: "docker.io/library/nginx:1.29.4-alpine" },
  Resources: { CPU: 100, MemoryMB: 64 },
  ...extra,
});
const readingJob = (path: string): Job => ({
  ID: "app",
  Type: "service",
  Datacenters: ["dc1"],
  TaskGroups: [{ Name: "web", Tasks: [task({ Vault: { ChangeMode: "restart" }, Templates: [vaultEnv(path, { DB_PASSWORD: "password" })] })] }],
});

/** A vault stack granting `grantedPaths` to role nomad-app (or no role at all), and a Nomad stack running `job`. */
function findings(job: Job, grantedPaths: readonly string[] | undefined, roleNamespace = "default"): string[] {
  const report = checkApp((app: HomelabApp) => {
    const vault = testStack(app, { id: "vault", tier: 0 });
    const kv = new VaultKvStore(vault, "Kv", { path: "secret" });
    if (grantedPaths) {
      const secrets = new ServiceSecrets(vault, "Secrets", { store: kv, service: "app", reads: grantedPaths });
      new VaultNomadJwtAuth(vault, "Jwt", { nomadAddress: "https://nomad.example.org", issuer: "https://nomad.example.org" }).serviceRole("app", [secrets.policyName], roleNamespace);
    }
    new NomadJob(testStack(app, { id: "apps", cluster: "nomad-main" }), "Job", { job });
  });
  return report.findings.filter((f) => f.ruleId === "HL-NOMAD-9").map(line);
}

describe("HL-NOMAD-9 Nomad tasks read only what Vault grants their role", () => {
  test("compliant: the role's policy allows exactly the path the template reads (mount resolved from its reference)", () => {
    expect(findings(readingJob("secret/data/app/db"), ["app/db"])).toEqual([]);
  });

  test("compliant: a glob in the policy covers the path", () => {
    const report = checkApp((app) => {
      const vault = testStack(app, { id: "vault", tier: 0 });
      const policy = new Policy(vault, "Policy", {
        provider: providerOf(vault, "vault"),
        name: "service-app",
        policy: JSON.stringify({ path: { "secret/data/app/*": { capabilities: ["read"] } } }),
      });
      new VaultNomadJwtAuth(vault, "Jwt", { nomadAddress: "https://nomad.example.org", issuer: "https://nomad.example.org" }).serviceRole("app", [policy.name], "default");
      new NomadJob(testStack(app, { id: "apps", cluster: "nomad-main" }), "Job", { job: readingJob("secret/data/app/db") });
    });
    expect(report.findings.filter((f) => f.ruleId === "HL-NOMAD-9")).toEqual([]);
  });

  test("non-compliant: the job's role is defined by no stack", () => {
    expect(findings(readingJob("secret/data/app/db"), undefined)).toEqual([
      "apps/Job/Resource: group web, task app: logs in with Vault role nomad-app, which no stack defines",
    ]);
  });

  test("non-compliant: the role's policies do not allow a path the template reads", () => {
    expect(findings(readingJob("secret/data/app/db"), ["app/other"])).toEqual([
      "apps/Job/Resource: group web, task app: reads secret/data/app/db, which the policies of role nomad-app do not allow",
    ]);
  });

  test("non-compliant: another job borrowing nothing of app's grant gets no access", () => {
    const problems = findings({ ...readingJob("secret/data/app/db"), ID: "other" }, ["app/db"]);
    expect(problems).toEqual(["apps/Job/Resource: group web, task app: logs in with Vault role nomad-other, which no stack defines"]);
  });

  test("non-compliant: a raw nomad_job whose task uses the cluster's default role", () => {
    const report = checkApp((app) => {
      const apps = testStack(app, { id: "apps", cluster: "nomad-main" });
      new RawJob(apps, "Raw", { provider: providerOf(apps, "nomad"), json: true, jobspec: JSON.stringify({ Job: readingJob("secret/data/app/db") }) });
    });
    expect(report.findings.filter((f) => f.ruleId === "HL-NOMAD-9").map(line)).toEqual([
      "apps/Raw: group web, task app: reads secret/data/app/db with the cluster's default Vault role; give the job a role of its own",
    ]);
  });

  test("non-compliant: the role is bound to another namespace, so the job cannot log in (and a namesake there could)", () => {
    expect(findings(readingJob("secret/data/app/db"), ["app/db"], "bitcoin")).toEqual([
      'apps/Job/Resource: group web, task app: logs in with Vault role nomad-app, whose bound claims {"nomad_job_id":"app","nomad_namespace":"bitcoin"} do not bind nomad_namespace = "default"; allowed: a role bound to this job\'s id and namespace',
    ]);
  });

  test("the role binds the issuer too: tokens from another Nomad are refused even when their key is served", () => {
    const jwt = synthWith((s) => new VaultNomadJwtAuth(s, "Jwt", { nomadAddress: "https://nomad.example.org/", issuer: "https://issuer.example.org" }));
    expect(Object.values<any>(jwt.resource.vault_jwt_auth_backend)[0]).toMatchObject({
      bound_issuer: "https://issuer.example.org",
      jwks_url: "https://nomad.example.org/.well-known/jwks.json",
    });
  });

  test("not applicable: a job that reads nothing from Vault", () => {
    const job: Job = { ...readingJob("secret/data/app/db"), TaskGroups: [{ Name: "web", Tasks: [task()] }] };
    expect(findings(job, undefined)).toEqual([]);
  });
});

describe("what a job asks of Vault is read from the job", () => {
  test("reads are the template paths, once each, sorted", () => {
    const job = readingJob("secret/data/b/x");
    const twice: Job = { ...job, TaskGroups: [...job.TaskGroups, { Name: "more", Tasks: [task({ Templates: [vaultEnv("secret/data/a/y", { X: "x" }), vaultEnv("secret/data/b/x", { Y: "y" })] })] }] };
    expect(jobVaultReads(twice)).toEqual(["secret/data/a/y", "secret/data/b/x"]);
  });

  test("tasks that use Vault log in with the job's role; others and explicit roles are left alone", () => {
    const job: Job = {
      ...readingJob("secret/data/app/db"),
      TaskGroups: [{ Name: "web", Tasks: [task({ Vault: {} }), task({ Name: "own", Vault: { Role: "custom" } }), task({ Name: "plain" })] }],
    };
    expect(withVaultRole(job).TaskGroups[0].Tasks.map((t) => t.Vault)).toEqual([{ Role: nomadVaultRole("app") }, { Role: "custom" }, undefined]);
  });
});
