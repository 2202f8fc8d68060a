// @ts-nocheck
import { DatabaseSecretBackendConnection } from "@cdktf/provider-vault/lib/database-secret-backend-connection";
import { DatabaseSecretBackendStaticRole } from "@cdktf/provider-vault/lib/database-secret-backend-static-role";
import { Mount } from "@cdktf/provider-vault/lib/mount";
import { Policy } from "@cdktf/provider-vault/lib/policy";
import { TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { HomelabStack } from "./homelab-stack";
import { dnsLabelProblem, intProblem, throwIfProblems } from "./kubernetes-names";
import { vaultPolicyJson } from "./vault-policy-document";

export interface StaticDatabaseRole {
  /** Vault role name, e.g. "pg-terraform-state"; read at database/static-creds/<name>. */
  readonly name: string;
  /** The existing PostgreSQL user whose password Vault owns and rotates. */
  readonly username: string;
  /** @default 7 */
  readonly rotationDays?: number;
}

export interface VaultDatabaseEngineProps {
  /** @default "database" */
  readonly path?: string;
  /** Connection name, e.g. "pg-cluster". */
  readonly connectionName: string;
  readonly host: string;
  readonly port: number;
  readonly database: string;
  /** The administrative user Vault rotates passwords with. */
  readonly adminUsername: string;
  /**
   * Terraform variable holding the admin password, set at apply time as TF_VAR_<name>.
   * It is ephemeral and sent write-only, so it reaches neither the JSON nor the state.
   */
  readonly adminPasswordVariable: string;
  /** Bump to send a changed admin password. @default 1 */
  readonly adminPasswordVersion?: number;
  readonly staticRoles: readonly StaticDatabaseRole[];
}

/**
 * Vault's database secrets engine for one PostgreSQL server: the connection (its admin
 * password write-only, from an ephemeral variable), static roles whose passwords Vault
 * rotates, and a read policy per role named like the role.
 */
export class VaultDatabaseEngine extends Construct {
  readonly path: string;
  /** Policy name per static role name. */
  readonly rolePolicies: ReadonlyMap<string, string>;

  constructor(scope: Construct, id: string, props: VaultDatabaseEngineProps) {
    super(scope, id);
    throwIfProblems(this.node.path, [
      dnsLabelProblem("connectionName", props.connectionName),
      /^[a-z_][a-z0-9_]*$/.test(props.adminPasswordVariable)
        ? undefined
        : `adminPasswordVariable ${JSON.stringify(props.adminPasswordVariable)} must be a snake_case Terraform variable name`,
      props.staticRoles.length ? undefined : "staticRoles must list at least one role",
      ...props.staticRoles.flatMap((r) => [
        dnsLabelProblem("static role name", r.name),
        intProblem(`static role ${r.name}: rotationDays`, r.rotationDays ?? 7, 1, 90),
      ]),
    ]);
    const provider = HomelabStack.of(this).provider("vault", this);
    const mount = new Mount(this, "Mount", {
      provider,
      path: props.path ?? "database",
      type: "database",
      description: "Database secrets engine: passwords Vault owns and rotates",
    });
    this.path = mount.path;

    const adminPassword = new TerraformVariable(this, "AdminPassword", {
      type: "string",
      sensitive: true,
      nullable: false,
      description: `Password of ${props.adminUsername} on ${props.host}; set TF_VAR_${props.adminPasswordVariable} at apply time`,
    });
    adminPassword.overrideLogicalId(props.adminPasswordVariable);
    // Never stored: Terraform 1.10+ ephemeral variable feeding a write-only attribute.
    adminPassword.addOverride("ephemeral", true);

    const connection = new DatabaseSecretBackendConnection(this, "Connection", {
      provider,
      backend: mount.path,
      name: props.connectionName,
      allowedRoles: props.staticRoles.map((r) => r.name),
      // Tier 0 must apply while PostgreSQL is down (dbaas is what brings it back).
      verifyConnection: false,
      postgresql: {
        connectionUrl: `postgresql://{{username}}:{{password}}@${props.host}:${props.port}/${props.database}?sslmode=require`,
        username: props.adminUsername,
        passwordWo: adminPassword.stringValue,
        passwordWoVersion: props.adminPasswordVersion ?? 1,
      },
    });

    const policies = new Map<string, string>();
    for (const role of props.staticRoles) {
      const scopeForRole = new Construct(this, role.name);
      const staticRole = new DatabaseSecretBackendStaticRole(scopeForRole, "StaticRole", {
        provider,
        backend: mount.path,
        dbName: connection.name,
        name: role.name,
        username: role.username,
        rotationPeriod: (role.rotationDays ?? 7) * 24 * 60 * 60,
      });
      const policy = new Policy(scopeForRole, "ReadPolicy", {
        provider,
        name: role.name,
        policy: vaultPolicyJson([{ path: `${mount.path}/static-creds/${staticRole.name}`, capabilities: ["read"] }]),
      });
      policies.set(role.name, policy.name);
    }
    this.rolePolicies = policies;
  }
}
