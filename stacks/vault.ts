import { Construct, IConstruct } from "constructs";
import { HomelabStack } from "../constructs/homelab-stack";
import { Namespace } from "../constructs/namespace";
import { NomadJob } from "../constructs/nomad-job";
import { ServiceSecrets, ServiceSecretsDeclaration } from "../constructs/service-secrets";
import { VaultDatabaseEngine } from "../constructs/vault-database-engine";
import { VaultKubernetesAuth } from "../constructs/vault-kubernetes-auth";
import { VaultKvStore } from "../constructs/vault-kv-store";
import { VaultNomadJwtAuth } from "../constructs/vault-nomad-jwt-auth";
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
 * auth for Nomad workload identities, and one least-privilege policy per service.
 */
export class VaultStack extends HomelabStack {
  readonly kv: VaultKvStore;
  readonly database: VaultDatabaseEngine;
  private readonly services = new Map<string, ServiceSecrets>();
  private readonly declarations: readonly ServiceSecretsDeclaration[];
  private readonly servicesScope: Construct;
  private readonly nomad: VaultNomadJwtAuth;
  private readonly granted = new Set<NomadJob>();

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
    const servicesScope = (this.servicesScope = new Construct(this, "Services"));
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
    const nomad = (this.nomad = new VaultNomadJwtAuth(this, "NomadJwtAuth", { nomadAddress: address, issuer: oidcIssuer }));
    for (const declared of props.services.filter((s) => s.runsOn === "nomad")) {
      // A declared Nomad service runs in the default namespace; a job in another is granted by grantNomadJob.
      nomad.serviceRole(declared.service, [this.services.get(declared.service)!.policyName], "default");
    }
  }

  /**
   * Lets a Nomad job of the main cluster read what its templates read, and nothing else:
   * one policy over exactly those KV paths and the JWT role its tasks log in with
   * (nomad-<job id>). The job's stack deploys after this one.
   */
  grantNomadJob(job: NomadJob): void {
    const prefix = `${KV_MOUNT}/data/`;
    const reads = job.vaultReads;
    const outside = reads.filter((p) => !p.startsWith(prefix));
    const problems = [
      reads.length ? undefined : "its templates read nothing from Vault, so it needs no grant",
      outside.length ? `it reads ${outside.join(", ")}, outside the KV store; allowed: ${prefix}<path>` : undefined,
      this.services.has(job.jobId) ? `a service named ${job.jobId} is already granted` : undefined,
      HomelabStack.of(job).cluster === "nomad-main"
        ? undefined
        : "Vault trusts workload identities of the main Nomad cluster only; read secrets from Nomad variables there",
    ].filter((p): p is string => p !== undefined);
    if (problems.length) throw new Error(`${job.node.path}: cannot grant job ${job.jobId} Vault access: ${problems.join("; ")}`);
    const secrets = new ServiceSecrets(this.servicesScope, job.jobId, {
      store: this.kv,
      service: job.jobId,
      reads: reads.map((p) => p.slice(prefix.length)),
    });
    this.services.set(job.jobId, secrets);
    this.granted.add(job);
    this.nomad.serviceRole(job.jobId, [secrets.policyName], job.namespace);
    HomelabStack.of(job).addDependency(this);
  }

  /** Grants every Nomad job under `scope` (the app) that reads Vault and has no grant yet; see grantNomadJob. */
  grantNomadJobsIn(scope: IConstruct): void {
    for (const job of scope.node.findAll().filter((c): c is NomadJob => c instanceof NomadJob)) {
      if (job.vaultReads.length && !this.granted.has(job)) this.grantNomadJob(job);
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
