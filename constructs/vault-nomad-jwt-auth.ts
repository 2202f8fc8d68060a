import { JwtAuthBackend } from "@cdktf/provider-vault/lib/jwt-auth-backend";
import { JwtAuthBackendRole } from "@cdktf/provider-vault/lib/jwt-auth-backend-role";
import { nomadVaultRole } from "../jobspecs/vault";
import { Construct } from "constructs";
import { HomelabStack } from "./homelab-stack";
import { dnsLabelProblem, throwIfProblems } from "./kubernetes-names";

export interface VaultNomadJwtAuthProps {
  /** The Nomad API address whose workload identities are trusted (its JWKS is at /.well-known/jwks.json). */
  readonly nomadAddress: string;
  /**
   * The `iss` Nomad writes into workload identities: its servers' `oidc_issuer`. Nomad sets the
   * claim only when that is configured (nomad/encrypter.go SignClaims), so it must be said, not
   * guessed; tokens from any other issuer are then refused, even when signed by a served key.
   */
  readonly issuer: string;
  /** @default NOMAD_JWT_AUTH_PATH */
  readonly path?: string;
}

/** Where the JWT auth method for Nomad workload identities is mounted (auth/jwt-nomad). */
export const NOMAD_JWT_AUTH_PATH = "jwt-nomad";

/** The audience Nomad puts into workload identity tokens meant for Vault. */
export const NOMAD_VAULT_AUDIENCE = "vault.io";

/**
 * Vault's JWT auth method for Nomad workload identities. Each service gets its own role,
 * bound to its job id, carrying only that service's policy.
 */
export class VaultNomadJwtAuth extends Construct {
  readonly path: string;
  private readonly backend: JwtAuthBackend;

  constructor(scope: Construct, id: string, props: VaultNomadJwtAuthProps) {
    super(scope, id);
    this.backend = new JwtAuthBackend(this, "Backend", {
      provider: HomelabStack.of(this).provider("vault", this),
      path: props.path ?? NOMAD_JWT_AUTH_PATH,
      type: "jwt",
      description: "Nomad workload identities",
      jwksUrl: `${props.nomadAddress.replace(/\/$/, "")}/.well-known/jwks.json`,
      boundIssuer: props.issuer,
      jwtSupportedAlgs: ["RS256", "EdDSA"],
    });
    this.path = this.backend.path;
  }

  /**
   * The role a Nomad job logs in with: bound to its job id and its namespace (a job of the same
   * id in another namespace is someone else), with exactly these policies.
   */
  serviceRole(service: string, policies: readonly string[], nomadNamespace: string): JwtAuthBackendRole {
    return nomadJobRole(new Construct(this, service), "Role", { backend: this.backend.path, service, policies, nomadNamespace });
  }
}

export interface NomadJobRoleProps {
  /** The JWT auth method's path, e.g. NOMAD_JWT_AUTH_PATH. */
  readonly backend: string;
  /** The job id the role is bound to; the role is named nomad-<service>. */
  readonly service: string;
  readonly policies: readonly string[];
  /** The job's Nomad namespace: a job of the same id in another namespace is someone else. */
  readonly nomadNamespace: string;
}

/**
 * The role a Nomad job logs in with: bound to its job id and its namespace, with exactly
 * these policies. A function, not a construct, so the vault stack and a job's own stack
 * write the same resource.
 */
export function nomadJobRole(scope: Construct, id: string, props: NomadJobRoleProps): JwtAuthBackendRole {
  const { service, policies, nomadNamespace } = props;
  throwIfProblems(scope.node.path, [
    dnsLabelProblem("service", service),
    policies.length ? undefined : "policies must list at least one policy",
    /^[a-z0-9][a-z0-9-]{0,127}$/.test(nomadNamespace) ? undefined : `Nomad namespace ${JSON.stringify(nomadNamespace)} is not a namespace name`,
  ]);
  return new JwtAuthBackendRole(scope, id, {
    provider: HomelabStack.of(scope).provider("vault", scope),
    backend: props.backend,
    roleName: nomadVaultRole(service),
    roleType: "jwt",
    boundAudiences: [NOMAD_VAULT_AUDIENCE],
    boundClaims: { nomad_job_id: service, nomad_namespace: nomadNamespace },
    userClaim: "/nomad_job_id",
    userClaimJsonPointer: true,
    claimMappings: { nomad_namespace: "nomad_namespace", nomad_job_id: "nomad_job_id", nomad_task: "nomad_task" },
    tokenType: "service",
    tokenPolicies: [...policies],
    tokenPeriod: 1800,
  });
}
