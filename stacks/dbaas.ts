import { Construct } from "constructs";
import type { ICluster } from "../.gen/models/postgresql.cnpg.io/v1/Cluster";
import type { IDatabase } from "../.gen/models/postgresql.cnpg.io/v1/Database";
import { CustomResource } from "../constructs/custom-resource";
import { ExternalSecret } from "../constructs/external-secret";
import { ServiceSecrets, ServiceSecretsDeclaration } from "../constructs/service-secrets";
import { KUBERNETES_IMAGES } from "../constructs/kubernetes-images";
import { PgDumpBackup } from "../constructs/pg-dump-backup";
import { HomelabStack } from "../constructs/homelab-stack";
import { Namespace } from "../constructs/namespace";
import { ENCRYPTED_STORAGE_CLASS, RESIZE_INCREASE_ANNOTATION, RESIZE_LIMIT_ANNOTATION, RESIZE_THRESHOLD_ANNOTATION } from "../constructs/proxmox-claim-template";
import { chartResources } from "./platform";

/** The PostgreSQL image of pg-cluster; the dump job uses the same major version. */
export const POSTGRES_IMAGE = KUBERNETES_IMAGES.cnpgPostgresql.ref;

/** The CNPG cluster and its namespace: where app databases live and poolers attach. */
export const PG_CLUSTER = { name: "pg-cluster", namespace: "dbaas" } as const;

/** PostgreSQL settings of pg-cluster, as the operator tuned them. */
const PG_CLUSTER_PARAMETERS = { shared_buffers: "512MB", work_mem: "16MB", wal_compression: "on", effective_cache_size: "1536MB" };

/** Memory of each pg-cluster pod (request = limit), which the parameters above are sized for. */
const PG_CLUSTER_MEMORY_MIB = 2048;

/** Owner of the tier-1 Terraform state database; Vault rotates its password. */
export const STATE_DATABASE_OWNER = "terraform_state";

/** A database an app keeps on the pg-cluster: its name, its owner, and where the owner's password is in Vault's KV. */
export interface AppDatabase {
  readonly name: string;
  readonly owner: string;
  readonly password: { readonly path: string; readonly property: string };
}

/** The KV reads the dbaas stack declares: the passwords of the app databases' owners, synced into its namespace. */
export function dbaasSecrets(databases: readonly AppDatabase[]): ServiceSecretsDeclaration {
  return { service: "dbaas", reads: [...new Set(databases.map((d) => d.password.path))].sort(), runsOn: "kubernetes", namespace: PG_CLUSTER.namespace };
}

export interface DbaasStackProps {
  /** The databases apps keep here; the operator creates each owner (managed role) and database. @default - none */
  readonly databases?: readonly AppDatabase[];
  /** The stack's declared secrets (vault stack, from dbaasSecrets(databases)); needed when there are databases. */
  readonly secrets?: ServiceSecrets;
}

/**
 * The CNPG pg-cluster, home of the terraform_state database: what brings tier 1 back. Its
 * claims are made by the operator from the storage template below (encrypted class,
 * autoresizer annotations through inherited metadata).
 */
export class DbaasStack extends HomelabStack {
  constructor(scope: Construct, props: DbaasStackProps = {}) {
    super(scope, "dbaas", {
      tier: 0,
      cluster: "kubernetes",
      description: "CNPG pg-cluster holding the terraform_state database",
    });
    const namespace = new Namespace(this, "Namespace", { name: PG_CLUSTER.namespace });
    const { host, database } = this.inventory.stateBackend.pg;
    if (!host.startsWith("pg-cluster-rw.dbaas.")) {
      throw new Error(
        `${this.node.path}: inventory stateBackend.pg.host ${JSON.stringify(host)} is not this stack's pg-cluster; allowed: pg-cluster-rw.dbaas.svc.cluster.local`,
      );
    }
    const databases = props.databases ?? [];
    if (databases.length && !props.secrets) {
      throw new Error(`${this.node.path}: databases ${databases.map((d) => d.name).join(", ")} need secrets: the vault stack's secretsFor("dbaas"), declared with dbaasSecrets(databases)`);
    }
    // Each owner's password, from Vault into a basic-auth Secret the operator logs the role in with.
    const credentials = databases.map(
      (d) =>
        new ExternalSecret(this, `${d.name}-Credentials`, {
          namespace,
          name: `${d.owner}-db-credentials`,
          secrets: props.secrets!,
          keys: { password: d.password },
          template: { username: d.owner, password: "{{ .password }}" },
        }),
    );
    const cluster = new CustomResource<ICluster>(this, "PgCluster", {
      apiVersion: "postgresql.cnpg.io/v1",
      kind: "Cluster",
      name: PG_CLUSTER.name,
      namespace: namespace.name,
      body: {
        spec: {
          instances: 3,
          imageName: POSTGRES_IMAGE,
          primaryUpdateStrategy: "unsupervised",
          enableSuperuserAccess: true,
          bootstrap: { initdb: { database, owner: STATE_DATABASE_OWNER } },
          // The operator's tuning for a 2Gi pod: a quarter in shared buffers, the planner told
          // of the page cache, compressed WAL (less disk and replication traffic).
          postgresql: { parameters: PG_CLUSTER_PARAMETERS },
          storage: { storageClass: ENCRYPTED_STORAGE_CLASS, size: "5Gi" },
          inheritedMetadata: {
            annotations: {
              [RESIZE_THRESHOLD_ANNOTATION]: "10%",
              [RESIZE_INCREASE_ANNOTATION]: "100%",
              [RESIZE_LIMIT_ANNOTATION]: "20Gi",
            },
          },
          resources: chartResources(250, PG_CLUSTER_MEMORY_MIB),
          ...(databases.length
            ? { managed: { roles: databases.map((d) => ({ name: d.owner, ensure: "present" as const, login: true, passwordSecret: { name: `${d.owner}-db-credentials` } })) } }
            : {}),
        },
      },
      after: credentials,
    });
    for (const d of databases) {
      // Deleting the object keeps the database (reclaim policy retain): only a person drops data.
      new CustomResource<IDatabase>(this, `${d.name}-Database`, {
        apiVersion: "postgresql.cnpg.io/v1",
        kind: "Database",
        name: `db-${d.name}`,
        namespace: namespace.name,
        body: { spec: { name: d.name, owner: d.owner, cluster: { name: PG_CLUSTER.name }, ensure: "present", databaseReclaimPolicy: "retain" } },
        after: [cluster],
      });
    }
    // The operator makes the claims, so no claim-level backup can mount them: a nightly
    // logical dump of the whole cluster goes to NFS instead.
    new PgDumpBackup(this, "Backup", {
      namespace,
      app: "dbaas",
      clusterName: cluster.name,
      credentialsSecret: `${cluster.name}-superuser`,
      image: POSTGRES_IMAGE,
    });
  }
}
