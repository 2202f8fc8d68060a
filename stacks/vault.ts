import { Construct, IConstruct } from "constructs";
import { HomelabStack } from "../constructs/homelab-stack";
import { Namespace } from "../constructs/namespace";
import { NomadJob } from "../constructs/nomad-job";
import { ServiceSecrets, ServiceSecretsDeclaration } from "../constructs/service-secrets";
import { VaultDatabaseEngine } from "../constructs/vault-database-engine";
import { VaultKubernetesAuth } from "../constructs/vault-kubernetes-auth";
import { VaultKvStore } from "../constructs/vault-kv-store";
import { NOMAD_JWT_AUTH_PATH, VaultNomadJwtAuth } from "../constructs/vault-nomad-jwt-auth";
import { adopt } from "../constructs/adopt";
import { declareRemoval } from "../constructs/declare-move";
import { NomadVaultGrant } from "../constructs/nomad-vault-grant";
import { nomadVaultRole } from "../jobspecs/vault";
import { VAULT_GRANTS_HELD_BY_VAULT } from "./moved-to-service-stacks";
import { VaultRaftBackup } from "../constructs/vault-raft-backup";
import { STATE_DATABASE_OWNER } from "./dbaas";

/** Where the KV v2 engine is mounted; Nomad templates read secret/data/<path>. */
export const KV_MOUNT = "secret";

/** The Vault role whose static credentials are the tier-1 state backend's PG_CONN_STR user. */
export const STATE_ROLE = "pg-terraform-state";
/** External Secrets' service account and the Vault role it logs in with. */
export const EXTERNAL_SECRETS_IDENTITY = { serviceAccount: "external-secrets", namespace: "external-secrets", role: "external-secrets" } as const;

export interface VaultStackProps {
  /** Every service's declared secrets: each becomes one least-privilege policy and a login role. */
  readonly services: readonly ServiceSecretsDeclaration[];
  /**
   * The in-cluster identity that reads the state credentials (the CI runner that plans
   * and applies tier 1). @default { serviceAccount: "terraform", namespace: "woodpecker" }
   */
  readonly stateReader?: { readonly serviceAccount: string; readonly namespace: string };
}

/**
 * Vault configured as code: the KV v2 store, the database engine rotating the Terraform
 * state user's password every 7 days, Kubernetes auth (state role, External Secrets), JWT
 * auth for Nomad workload identities, and one least-privilege policy per declared service
 * (each Nomad job's own policy and role live in its stack: grantNomadJob).
 */
export class VaultStack extends HomelabStack {
  readonly kv: VaultKvStore;
  readonly database: VaultDatabaseEngine;
  private readonly services = new Map<string, ServiceSecrets>();
  private readonly declarations: readonly ServiceSecretsDeclaration[];
  /** The Nomad jobs granted, by job id (each one's policy is service-<job id>). */
  private readonly granted = new Map<string, NomadJob>();

  constructor(scope: Construct, props: VaultStackProps) {
    super(scope, "vault", { tier: 0, cluster: "kubernetes", description: "Vault: KV v2, database engine, auth methods, policies" });
    const namespace = new Namespace(this, "Namespace", { name: "vault" });
    // Every secret and policy, weekly, with a token made by hand so it does not depend on this code.
    new VaultRaftBackup(this, "RaftBackup", {
      namespace,
      vaultAddress: "http://vault-active.vault.svc.cluster.local:8200",
      tokenSecret: "vault-root-token",
    });
    this.kv = new VaultKvStore(this, "Kv", { path: KV_MOUNT });

    const names = props.services.map((s) => s.service);
    const repeated = names.filter((n, i) => names.indexOf(n) !== i);
    if (repeated.length) throw new Error(`${this.node.path}: services declared twice: ${[...new Set(repeated)].join(", ")}; declare each once`);
    const servicesScope = new Construct(this, "Services");
    this.declarations = props.services;
    for (const declared of props.services) {
      this.services.set(declared.service, new ServiceSecrets(servicesScope, declared.service, { store: this.kv, ...declared }));
    }

    const pg = this.inventory.stateBackend.pg;
    const database = (this.database = new VaultDatabaseEngine(this, "Database", {
      connectionName: "pg-cluster",
      host: pg.host,
      port: pg.port,
      database: pg.database,
      adminUsername: "postgres",
      adminPasswordVariable: "vault_pg_admin_password",
      staticRoles: [{ name: STATE_ROLE, username: STATE_DATABASE_OWNER, rotationDays: 7 }],
    }));

    const kubernetes = new VaultKubernetesAuth(this, "KubernetesAuth");
    const reader = props.stateReader ?? { serviceAccount: "terraform", namespace: "woodpecker" };
    kubernetes.role("StateRole", {
      name: STATE_ROLE,
      serviceAccounts: [reader.serviceAccount],
      namespaces: [reader.namespace],
      policies: [database.rolePolicies.get(STATE_ROLE)!],
      tokenTtlSeconds: 900,
    });
    const kubernetesPolicies = props.services
      .filter((s) => s.runsOn === "kubernetes")
      .map((s) => this.services.get(s.service)!.policyName);
    if (kubernetesPolicies.length) {
      // External Secrets reads for every Kubernetes service: the union of what they declared, nothing more.
      kubernetes.role("ExternalSecretsRole", {
        name: EXTERNAL_SECRETS_IDENTITY.role,
        serviceAccounts: [EXTERNAL_SECRETS_IDENTITY.serviceAccount],
        namespaces: [EXTERNAL_SECRETS_IDENTITY.namespace],
        policies: kubernetesPolicies,
      });
    }

    const { address, oidcIssuer } = this.inventory.nomad.main;
    if (!oidcIssuer) {
      throw new Error(
        `${this.node.path}: inventory nomad.main.oidcIssuer is not set; Vault binds Nomad workload identities to their issuer. ` +
          "Set it to the Nomad servers' oidc_issuer (server { oidc_issuer = \"https://nomad.<domain>\" }), which Nomad writes into every identity",
      );
    }
    const nomad = new VaultNomadJwtAuth(this, "NomadJwtAuth", { nomadAddress: address, issuer: oidcIssuer });
    for (const [job, held] of Object.entries(VAULT_GRANTS_HELD_BY_VAULT)) {
      for (const address of [held.policy, held.role]) {
        declareRemoval(this, address, { reason: `job ${job}'s grant is held by the job's own stack now, which imports it` });
      }
    }
    for (const declared of props.services.filter((s) => s.runsOn === "nomad")) {
      // A declared Nomad service runs in the default namespace; a job in another is granted by grantNomadJob.
      nomad.serviceRole(declared.service, [this.services.get(declared.service)!.policyName], "default");
    }
  }

  /**
   * Lets a Nomad job of the main cluster read what its templates read, and nothing else: a
   * NomadVaultGrant in the job's own stack (policy service-<job id>, JWT role nomad-<job id>),
   * which deploys after this one. A grant this stack held before is imported there, and
   * forgotten here (VAULT_GRANTS_HELD_BY_VAULT).
   */
  grantNomadJob(job: NomadJob): NomadVaultGrant {
    const taken = this.services.has(job.jobId) ? "a service" : this.granted.has(job.jobId) ? `job ${this.granted.get(job.jobId)!.node.path}` : undefined;
    if (taken) throw new Error(`${job.node.path}: cannot grant job ${job.jobId} Vault access: ${taken} of that name is already granted (policy service-${job.jobId})`);
    const grant = new NomadVaultGrant(job, "VaultGrant", { kvMount: KV_MOUNT, authPath: NOMAD_JWT_AUTH_PATH });
    this.granted.set(job.jobId, job);
    if (VAULT_GRANTS_HELD_BY_VAULT[job.jobId]) {
      adopt(grant.secrets, { importId: `service-${job.jobId}` });
      adopt(grant.role, { importId: `auth/${NOMAD_JWT_AUTH_PATH}/role/${nomadVaultRole(job.jobId)}` });
    }
    HomelabStack.of(job).addDependency(this);
    return grant;
  }

  /** Grants every Nomad job under `scope` (the app) that reads Vault and has no grant yet; see grantNomadJob. */
  grantNomadJobsIn(scope: IConstruct): void {
    for (const job of scope.node.findAll().filter((c): c is NomadJob => c instanceof NomadJob)) {
      if (job.vaultReads.length && this.granted.get(job.jobId) !== job) this.grantNomadJob(job);
    }
  }

  /** The namespaces Kubernetes services declared they read secrets into: the only ones External Secrets serves. */
  kubernetesNamespaces(): string[] {
    return [...new Set(this.declarations.flatMap((d) => (d.runsOn === "kubernetes" ? [d.namespace] : [])))].sort();
  }

  /** A service's declared secrets; fails for a service that declared none. */
  secretsFor(service: string): ServiceSecrets {
    const found = this.services.get(service);
    if (!found) {
      throw new Error(
        `${this.node.path}: service ${JSON.stringify(service)} declared no secrets; declared: ${[...this.services.keys()].join(", ") || "(none)"}; add its declaration to VaultStack's services`,
      );
    }
    return found;
  }
}
