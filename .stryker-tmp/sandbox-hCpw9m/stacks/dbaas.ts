// @ts-nocheck
import { Construct } from "constructs";
import type { ICluster } from "../.gen/models/postgresql.cnpg.io/v1/Cluster";
import { CustomResource } from "../constructs/custom-resource";
import { PgDumpBackup } from "../constructs/pg-dump-backup";
import { HomelabStack } from "../constructs/homelab-stack";
import { Namespace } from "../constructs/namespace";
import { ENCRYPTED_STORAGE_CLASS, RESIZE_INCREASE_ANNOTATION, RESIZE_LIMIT_ANNOTATION, RESIZE_THRESHOLD_ANNOTATION } from "../constructs/proxmox-claim-template";
import { chartResources } from "./platform";

/** The PostgreSQL image of pg-cluster; the dump job uses the same major version. */
export const POSTGRES_IMAGE = "ghcr.io/cloudnative-pg/postgresql:17.6";

/** The CNPG cluster and its namespace: where app databases live and poolers attach. */
export const PG_CLUSTER = { name: "pg-cluster", namespace: "dbaas" } as const;

/** PostgreSQL settings of pg-cluster, as the operator tuned them. */
const PG_CLUSTER_PARAMETERS = { shared_buffers: "512MB", work_mem: "16MB", wal_compression: "on", effective_cache_size: "1536MB" };

/** Memory of each pg-cluster pod (request = limit), which the parameters above are sized for. */
const PG_CLUSTER_MEMORY_MIB = 2048;

/** Owner of the tier-1 Terraform state database; Vault rotates its password. */
export const STATE_DATABASE_OWNER = "terraform_state";

/**
 * The CNPG pg-cluster, home of the terraform_state database: what brings tier 1 back. Its
 * claims are made by the operator from the storage template below (encrypted class,
 * autoresizer annotations through inherited metadata).
 */
export class DbaasStack extends HomelabStack {
  constructor(scope: Construct) {
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
        },
      },
    });
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
