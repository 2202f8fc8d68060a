// @ts-nocheck
import { Construct } from "constructs";
import { ExternalSecret } from "../../constructs/external-secret";
import { Namespace } from "../../constructs/namespace";
import { ServiceSecrets } from "../../constructs/service-secrets";
import { VaultDatabaseEngine, VaultDatabaseEngineProps } from "../../constructs/vault-database-engine";
import { VaultKubernetesAuth } from "../../constructs/vault-kubernetes-auth";
import { VaultKvStore } from "../../constructs/vault-kv-store";
import { onlyResource, synthWith } from "../helpers/synth";

const engine = (s: Construct, props: Partial<VaultDatabaseEngineProps> = {}) =>
  new VaultDatabaseEngine(s, "Db", {
    connectionName: "pg",
    host: "pg.home.arpa",
    port: 5432,
    database: "app",
    adminUsername: "postgres",
    adminPasswordVariable: "pg_admin_password",
    staticRoles: [{ name: "app-owner", username: "app" }],
    ...props,
  });

describe("VaultDatabaseEngine", () => {
  const stack = synthWith((s) => engine(s));

  test("no password anywhere in the JSON: write-only from an ephemeral, sensitive variable", () => {
    const connection = onlyResource(stack, "vault_database_secret_backend_connection");
    expect(connection.postgresql).toEqual({
      connection_url: "postgresql://{{username}}:{{password}}@pg.home.arpa:5432/app?sslmode=require",
      username: "postgres",
      password_wo: "${var.pg_admin_password}",
      password_wo_version: 1,
    });
    expect(stack.variable.pg_admin_password).toMatchObject({ ephemeral: true, sensitive: true, nullable: false });
  });

  test("static roles rotate every 7 days by default and get a read policy on their credentials only", () => {
    expect(onlyResource(stack, "vault_database_secret_backend_static_role").rotation_period).toBe(7 * 86400);
    const policy = JSON.parse(onlyResource(stack, "vault_policy").policy);
    expect(Object.values(policy.path)).toEqual([{ capabilities: ["read"] }]);
  });

  test("fails if the rotation period is out of range", () => {
    expect(() => synthWith((s) => engine(s, { staticRoles: [{ name: "r", username: "u", rotationDays: 0 }] }))).toThrow(
      /test\/Db: static role r: rotationDays 0 must be a whole number from 1 to 90/,
    );
  });

  test("fails if the variable name is not a Terraform variable name", () => {
    expect(() => synthWith((s) => engine(s, { adminPasswordVariable: "PG-PASSWORD" }))).toThrow(/adminPasswordVariable "PG-PASSWORD" must be a snake_case/);
  });
});

describe("VaultKubernetesAuth", () => {
  test("fails if a role binds every service account", () => {
    expect(() =>
      synthWith((s) => new VaultKubernetesAuth(s, "K8s").role("Any", { name: "any", serviceAccounts: ["*"], namespaces: ["x"], policies: ["p"] })),
    ).toThrow(/test\/K8s\/Any: a wildcard service account or namespace lets any pod log in; allowed: explicit names/);
  });
});

describe("ServiceSecrets and ExternalSecret", () => {
  const build = (s: Construct, keys: Record<string, { path: string; property: string }>) => {
    const secrets = new ServiceSecrets(s, "Secrets", { store: new VaultKvStore(s, "Kv", { path: "secret" }), service: "app", reads: ["app/db", "app/api"] });
    return new ExternalSecret(s, "Es", { namespace: new Namespace(s, "Ns", { name: "app" }), name: "app-env", secrets, keys });
  };

  test("the policy allows read on exactly the declared paths", () => {
    const policy = JSON.parse(onlyResource(synthWith((s) => build(s, { DB: { path: "app/db", property: "url" } })), "vault_policy").policy);
    expect(policy).toEqual({
      path: {
        "${vault_mount.Kv_E29FB789.path}/data/app/api": { capabilities: ["read"] },
        "${vault_mount.Kv_E29FB789.path}/data/app/db": { capabilities: ["read"] },
      },
    });
  });

  test("fails if the ExternalSecret reads an undeclared path", () => {
    expect(() => synthWith((s) => build(s, { X: { path: "other/x", property: "v" } }))).toThrow(
      /test\/Es: reads "other\/x", which service app does not declare; allowed: app\/api, app\/db/,
    );
  });

  test("fails if it maps no key", () => {
    expect(() => synthWith((s) => build(s, {}))).toThrow(/keys must map at least one Secret key/);
  });
});
