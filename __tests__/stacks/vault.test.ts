import { NomadJob } from "../../constructs/nomad-job";
import { vaultEnv } from "../../jobspecs/common";
import { Job } from "../../jobspecs/model";
import { readTerraformLiteral } from "../../constructs/terraform-literal";
import { VaultStack } from "../../stacks/vault";
import { onlyResource, resourcesOf, synthApp, testInventory, testStack } from "../helpers/synth";
import { synthEstate } from "../helpers/estate";

describe("vault stack", () => {
  const { stacks, report } = synthApp((app) =>
    new VaultStack(app, {
      services: [
        { service: "vaultwarden", reads: ["vaultwarden/admin"], runsOn: "kubernetes", namespace: "apps" },
        { service: "matrix", reads: ["matrix/synapse", "matrix/mas"], runsOn: "nomad" },
      ],
    }),
  );
  const v = stacks.vault;
  const policies = Object.values(resourcesOf(v, "vault_policy")) as any[];

  test("the weekly vault-raft-backup: a raft snapshot with the hand-made vault-root-token, to NFS", () => {
    const cron = onlyResource(v, "kubernetes_cron_job_v1");
    expect(cron.metadata.name).toBe("vault-raft-backup");
    expect(cron.spec.schedule).toBe("0 3 * * 0");
    const container = cron.spec.job_template.spec.template.spec.container[0];
    expect(container.args[0]).toContain('vault operator raft snapshot save "$snapshot.partial"');
    expect(container.env_from).toEqual([{ secret_ref: { name: "vault-root-token" } }]);
    const pv = onlyResource(v, "kubernetes_persistent_volume_v1");
    expect(pv.spec[0].persistent_volume_source.nfs.path).toBe(`${testInventory.kubernetes.nfs.backupRoot}/vault-backup`);
  });
  const policy = (name: string) => JSON.parse(policies.find((p) => p.name === name).policy);

  test("tier 0 and no rule finding", () => {
    expect(v.terraform.backend.local).toBeDefined();
    expect(report.findings.filter((f) => f.stackId === "vault")).toEqual([]);
  });

  test("KV v2 and the database engine", () => {
    const mounts = Object.values(resourcesOf(v, "vault_mount")) as any[];
    expect(mounts.map((m) => [m.path, m.type, m.options])).toEqual(
      expect.arrayContaining([
        ["secret", "kv", { version: "2" }],
        ["database", "database", undefined],
      ]),
    );
  });

  test("the state user's password rotates every 7 days; the admin password is write-only from an ephemeral variable", () => {
    const role = onlyResource(v, "vault_database_secret_backend_static_role");
    expect([role.name, role.username, role.rotation_period]).toEqual(["pg-terraform-state", "terraform_state", 604800]);
    const connection = onlyResource(v, "vault_database_secret_backend_connection");
    expect(connection.postgresql.password_wo).toBe("${var.vault_pg_admin_password}");
    expect(connection.postgresql.password).toBeUndefined();
    expect(v.variable.vault_pg_admin_password).toMatchObject({ ephemeral: true, sensitive: true });
  });

  test("Kubernetes auth: the state role reads only the state credentials", () => {
    const roles = Object.values(resourcesOf(v, "vault_kubernetes_auth_backend_role")) as any[];
    const state = roles.find((r) => r.role_name === "pg-terraform-state");
    expect(state.bound_service_account_names).toEqual(["terraform"]);
    expect(Object.keys(policy("pg-terraform-state").path)).toEqual([expect.stringMatching(/\/static-creds\/\$\{vault_database_secret_backend_static_role\./)]);
  });

  test("one least-privilege policy per service, from what it declares", () => {
    expect(policy("service-vaultwarden")).toEqual({ path: { "${vault_mount.Kv_E29FB789.path}/data/vaultwarden/admin": { capabilities: ["read"] } } });
    expect(Object.keys(policy("service-matrix").path)).toEqual([
      "${vault_mount.Kv_E29FB789.path}/data/matrix/mas",
      "${vault_mount.Kv_E29FB789.path}/data/matrix/synapse",
    ]);
  });

  test("External Secrets gets the Kubernetes services' policies; Nomad jobs log in by JWT with their own", () => {
    const roles = Object.values(resourcesOf(v, "vault_kubernetes_auth_backend_role")) as any[];
    expect(roles.find((r) => r.role_name === "external-secrets").token_policies).toEqual(["${vault_policy.Services_vaultwarden_Policy_BD172A44.name}"]);
    const jwt = onlyResource(v, "vault_jwt_auth_backend");
    expect(jwt.jwks_url).toBe("https://nomad.example.org:443/.well-known/jwks.json");
    const matrix = onlyResource(v, "vault_jwt_auth_backend_role");
    expect(matrix).toMatchObject({ role_name: "nomad-matrix", bound_claims: { nomad_job_id: "matrix", nomad_namespace: "default" }, bound_audiences: ["vault.io"] });
    expect(matrix.token_policies).toEqual([expect.stringMatching(/Services_matrix_Policy/)]);
    // Bound to the issuer the inventory names: a token another Nomad signed is refused.
    expect(jwt.bound_issuer).toBe(testInventory.nomad.main.oidcIssuer);
  });

  test("fails when the inventory does not say which issuer Nomad writes into workload identities", () => {
    const inventory = { ...testInventory, nomad: { ...testInventory.nomad, main: { ...testInventory.nomad.main, oidcIssuer: undefined } } };
    expect(() => synthApp((app) => new VaultStack(app, { services: [] }), { inventory })).toThrow(
      /^vault: inventory nomad\.main\.oidcIssuer is not set; Vault binds Nomad workload identities to their issuer/,
    );
  });

  test("fails if a service is declared twice", () => {
    expect(() =>
      synthApp((app) => new VaultStack(app, { services: [
        { service: "x", reads: ["x/a"], runsOn: "kubernetes", namespace: "apps" },
        { service: "x", reads: ["x/b"], runsOn: "nomad" },
      ] })),
    ).toThrow(/vault: services declared twice: x/);
  });

  test("fails if a stack asks for the secrets of an undeclared service", () => {
    expect(() => synthApp((app) => new VaultStack(app, { services: [] }).secretsFor("ghost"))).toThrow(
      /vault: service "ghost" declared no secrets/,
    );
  });
});

describe("Nomad jobs are granted exactly what their templates read, in their own stacks", () => {
  const { stacks, report, order } = synthEstate();
  const all = <T>(type: string) => Object.entries(stacks).flatMap(([stackId, stack]) => (Object.values(resourcesOf(stack, type)) as T[]).map((r) => ({ stackId, r })));
  const policyOf = (name: string) => all<any>("vault_policy").find(({ r }) => r.name === name)!;
  const roleOf = (name: string) => all<any>("vault_jwt_auth_backend_role").find(({ r }) => r.role_name === name)!;

  test("matrix: one read-only path and its own role bound to its job id, both in the matrix stack, and no rule finding", () => {
    expect(policyOf("service-matrix").stackId).toBe("matrix");
    expect(JSON.parse(policyOf("service-matrix").r.policy)).toEqual({ path: { "secret/data/matrix/synapse": { capabilities: ["read"] } } });
    expect(roleOf("nomad-matrix")).toMatchObject({
      stackId: "matrix",
      r: { backend: "jwt-nomad", bound_claims: { nomad_job_id: "matrix", nomad_namespace: "default" }, token_policies: [expect.stringMatching(/^\$\{vault_policy\.Job_VaultGrant_Secrets_Policy_[0-9A-F]{8}\.name\}$/)] },
    });
    expect(report.findings.filter((f) => f.ruleId === "HL-NOMAD-9")).toEqual([]);
  });

  test("every Nomad job that reads Vault has a role in its own stack, and no other role exists; the Bitcoin jobs, which use Nomad variables, have none", () => {
    // The estate's jobs, read from what synth wrote: adding a service changes both sides alike.
    const jobs = all<any>("nomad_job").map(({ stackId, r }) => ({ stackId, job: JSON.parse(readTerraformLiteral(r.jobspec)).Job as Job }));
    const readsVault = (job: Job) => job.TaskGroups.some((g) => g.Tasks.some((t) => t.Vault !== undefined));
    const roles = all<any>("vault_jwt_auth_backend_role").map(({ stackId, r }) => `${stackId}: ${r.role_name}`).sort();
    expect(roles).toEqual(jobs.filter((j) => readsVault(j.job)).map((j) => `${j.stackId}: nomad-${j.job.ID}`).sort());
    // The guides' examples: Synapse reads Vault; bitcoind and electrs do not.
    expect(roles).toContain("matrix: nomad-matrix");
    expect(jobs.filter((j) => j.stackId === "bitcoin").length).toBeGreaterThan(0);
    expect(roles.filter((r) => r.startsWith("bitcoin:"))).toEqual([]);
  });

  test("the granted jobs' stacks deploy after vault", () => {
    expect(order.find((s) => s.id === "matrix")!.dependencies).toContain("vault");
  });
});

describe("grantNomadJob refuses what Vault cannot or should not grant", () => {
  const grant = (job: Job, cluster: "nomad-main" | "nomad-bitcoin" = "nomad-main") => () =>
    synthApp((app) => {
      const vault = new VaultStack(app, { services: [] });
      vault.grantNomadJob(new NomadJob(testStack(app, { id: "apps", cluster }), "Job", { job }));
    });
  const reading = (path: string): Job => ({
    ID: "app",
    Type: "service",
    Datacenters: ["dc1"],
    TaskGroups: [
      {
        Name: "web",
        Tasks: [{ Name: "app", Driver: "docker", Config: { image: "app:1.0" }, Resources: { CPU: 100, MemoryMB: 64 }, Vault: {}, Templates: [vaultEnv(path, { X: "x" })] }],
      },
    ],
  });

  test("fails if the job reads outside the KV store", () => {
    expect(grant(reading("database/static-creds/app"))).toThrow(
      /apps\/Job: cannot grant job app Vault access: it reads database\/static-creds\/app, outside the KV store; allowed: secret\/data\/<path>/,
    );
  });

  test("fails if the job runs on the Bitcoin cluster, whose identities Vault does not trust", () => {
    expect(grant(reading("secret/data/app/x"), "nomad-bitcoin")).toThrow(/Vault trusts workload identities of the main Nomad cluster only/);
  });

  test("fails if its policy's name is taken: by a declared service, or by a job of the same id in another namespace", () => {
    const twice = () =>
      synthApp((app) => {
        const vault = new VaultStack(app, { services: [] });
        vault.grantNomadJob(new NomadJob(testStack(app, { id: "apps", cluster: "nomad-main" }), "Job", { job: reading("secret/data/app/x") }));
        vault.grantNomadJob(new NomadJob(testStack(app, { id: "more", cluster: "nomad-main" }), "Job", { job: { ...reading("secret/data/app/y"), Namespace: "staging" } }));
      });
    expect(twice).toThrow(/^more\/Job: cannot grant job app Vault access: job apps\/Job of that name is already granted \(policy service-app\)$/);
    const declared = () =>
      synthApp((app) => {
        const vault = new VaultStack(app, { services: [{ service: "app", reads: ["app/x"], runsOn: "nomad" }] });
        vault.grantNomadJob(new NomadJob(testStack(app, { id: "apps", cluster: "nomad-main" }), "Job", { job: reading("secret/data/app/x") }));
      });
    expect(declared).toThrow(/^apps\/Job: cannot grant job app Vault access: a service of that name is already granted \(policy service-app\)$/);
  });

  test("grantNomadJobsIn grants each job once, however often it is called", () => {
    const { stacks } = synthApp((app) => {
      const vault = new VaultStack(app, { services: [] });
      new NomadJob(testStack(app, { id: "apps", cluster: "nomad-main" }), "Job", { job: reading("secret/data/app/x") });
      vault.grantNomadJobsIn(app);
      vault.grantNomadJobsIn(app);
    });
    expect(Object.values(resourcesOf(stacks.apps, "vault_policy")).map((p: any) => p.name)).toEqual(["service-app"]);
  });
});
