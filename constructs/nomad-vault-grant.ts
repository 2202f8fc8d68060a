import { JwtAuthBackendRole } from "@cdktf/provider-vault/lib/jwt-auth-backend-role";
import { Construct } from "constructs";
import { HomelabStack } from "./homelab-stack";
import { NomadJob } from "./nomad-job";
import { ServiceSecrets } from "./service-secrets";
import { NOMAD_JWT_AUTH_PATH, nomadJobRole } from "./vault-nomad-jwt-auth";

export interface NomadVaultGrantProps {
  /** Where the KV v2 engine is mounted, e.g. "secret": every read must lie under <mount>/data/. */
  readonly kvMount: string;
  /** The JWT auth method the job's tasks log in at. @default NOMAD_JWT_AUTH_PATH */
  readonly authPath?: string;
}

/**
 * What one Nomad job of the main cluster may read from Vault, in the job's own stack: a
 * policy over exactly the KV paths its templates read (service-<job id>) and the JWT role
 * its tasks log in with (nomad-<job id>), bound to its job id and namespace. Held beside the
 * job, so adding a service changes its own stack only; the vault stack, which mounts the KV
 * store and the auth method by these fixed paths, must deploy first.
 */
export class NomadVaultGrant extends Construct {
  readonly secrets: ServiceSecrets;
  readonly role: JwtAuthBackendRole;

  constructor(job: NomadJob, id: string, props: NomadVaultGrantProps) {
    super(job, id);
    const prefix = `${props.kvMount}/data/`;
    const reads = job.vaultReads;
    const outside = reads.filter((p) => !p.startsWith(prefix));
    const problems = [
      reads.length ? undefined : "its templates read nothing from Vault, so it needs no grant",
      outside.length ? `it reads ${outside.join(", ")}, outside the KV store; allowed: ${prefix}<path>` : undefined,
      HomelabStack.of(job).cluster === "nomad-main"
        ? undefined
        : "Vault trusts workload identities of the main Nomad cluster only; read secrets from Nomad variables there",
    ].filter((p): p is string => p !== undefined);
    if (problems.length) throw new Error(`${job.node.path}: cannot grant job ${job.jobId} Vault access: ${problems.join("; ")}`);
    this.secrets = new ServiceSecrets(this, "Secrets", {
      store: { path: props.kvMount },
      service: job.jobId,
      reads: reads.map((p) => p.slice(prefix.length)),
    });
    this.role = nomadJobRole(this, "Role", {
      backend: props.authPath ?? NOMAD_JWT_AUTH_PATH,
      service: job.jobId,
      policies: [this.secrets.policyName],
      nomadNamespace: job.namespace,
    });
  }
}
