// @ts-nocheck
import { Construct } from "constructs";
import { ContainerSpec } from "./container";
import { dnsLabelProblem, intProblem, throwIfProblems } from "./kubernetes-names";
import { Namespace } from "./namespace";
import { backupCronJob, cronScheduleProblem, nfsBackupTarget, rotatingArchiveScript } from "./backup-target";

export interface PgDumpBackupProps {
  readonly namespace: Namespace;
  /** The app: the dumps land in <backupRoot>/<app>-backup/ on the NFS server. */
  readonly app: string;
  /** The PostgreSQL cluster's name, prefix of the dump files. */
  readonly clusterName: string;
  /** A Secret holding a `uri` key with a superuser connection URI (CNPG's <cluster>-superuser). */
  readonly credentialsSecret: string;
  /** Image with pg_dumpall of the server's major version. */
  readonly image: string;
  /** @default "15 2 * * *" */
  readonly schedule?: string;
  /** @default 14 */
  readonly retentionDays?: number;
}

/**
 * A nightly logical dump of a whole PostgreSQL cluster to NFS at <backupRoot>/<app>-backup/,
 * for clusters whose claims an operator makes (so no claim-level backup can mount them).
 * The connection URI comes from the Secret at run time, never from code.
 */
export class PgDumpBackup extends Construct {
  readonly exportPath: string;

  constructor(scope: Construct, id: string, props: PgDumpBackupProps) {
    super(scope, id);
    const schedule = props.schedule ?? "15 2 * * *";
    const retentionDays = props.retentionDays ?? 14;
    throwIfProblems(this.node.path, [
      dnsLabelProblem("app", props.app),
      dnsLabelProblem("clusterName", props.clusterName),
      cronScheduleProblem(schedule),
      intProblem("retentionDays", retentionDays, 1, 3650),
    ]);
    const { exportPath, target } = nfsBackupTarget(this, props.namespace, props.app);
    this.exportPath = exportPath;
    const prefix = `${props.clusterName}-`;
    const container: ContainerSpec = {
      name: "pg-dump",
      image: props.image,
      command: ["/bin/bash", "-euo", "pipefail", "-c"],
      args: [rotatingArchiveScript(prefix, "sql.gz", (partial) => `pg_dumpall --dbname="$uri" | gzip > ${partial}`, retentionDays)],
      cpuMillis: 100,
      memoryMiB: 256,
      envFromSecrets: [{ secretName: props.credentialsSecret }],
      mounts: [{ volume: target, path: "/backup" }],
    };
    backupCronJob(this, { namespace: props.namespace, app: props.app, name: `${props.clusterName}-dump`, schedule, container });
  }
}
