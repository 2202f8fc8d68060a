import { VaultStack } from "../../stacks/vault";
import { onlyResource, resourcesOf, synthApp } from "../helpers/synth";

describe("vault stack", () => {
  const { stacks, report } = synthApp((app) =>
    new VaultStack(app, {
      services: [
        { service: "vaultwarden", reads: ["vaultwarden/admin"], runsOn: "kubernetes" },
        { service: "matrix", reads: ["matrix/synapse", "matrix/mas"], runsOn: "nomad" },
      ],
    }),
  );
  const v = stacks.vault;
  const policies = Object.values(resourcesOf(v, "vault_policy")) as any[];
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
    expect(matrix).toMatchObject({ role_name: "nomad-matrix", bound_claims: { nomad_job_id: "matrix" }, bound_audiences: ["vault.io"] });
    expect(matrix.token_policies).toEqual([expect.stringMatching(/Services_matrix_Policy/)]);
  });

  test("fails if a service is declared twice", () => {
    expect(() =>
      synthApp((app) => new VaultStack(app, { services: [
        { service: "x", reads: ["x/a"], runsOn: "kubernetes" },
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
