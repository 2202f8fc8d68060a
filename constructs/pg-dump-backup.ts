import { Construct } from "constructs";
import { ContainerSpec } from "./container";
import { dnsLabelProblem, intProblem, throwIfProblems } from "./kubernetes-names";
import { Namespace } from "./namespace";
import { backupCronJob, backupDestination, cronScheduleProblem } from "./backup-target";
import { pgDumpScript } from "./backup-scripts";
import { recordCatalogFacts } from "./catalog-facts";

export interface PgDumpBackupProps {
  readonly namespace: Namespace;
  /** The app: the dumps land in <backupRoot>/<app>-backup/ on the NFS server. */
  readonly app: string;
  /** The PostgreSQL cluster's name, prefix of the dump files. */
  readonly clusterName: string;
  /** A Secret holding a superuser's `host`, `port`, `username` and `password` keys (CNPG's <cluster>-superuser). */
  readonly credentialsSecret: string;
  /** Image with pg_dumpall and pg_dump of the server's major version. */
  readonly image: string;
  /** @default "15 2 * * *" */
  readonly schedule?: string;
  /** @default 14 */
  readonly retentionDays?: number;
}

/**
 * A nightly logical backup of a whole PostgreSQL cluster to <backupRoot>/<app>-backup/: the
 * full pg_dumpall, and beside it one `pg_dump -Fc` per database under per-db/<db>/, so one
 * database can be restored without touching the others. For clusters whose claims an
 * operator makes (so no claim-level backup can mount them). The credentials come from the
 * Secret at run time, never from code.
 */
export class PgDumpBackup extends Construct {
  /** Where the dumps land, for the catalog. */
  readonly where: string;

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
    const destination = backupDestination(this, props.namespace, props.app);
    this.where = destination.where;
    const container: ContainerSpec = {
      name: "pg-dump",
      image: props.image,
      // The Secret's keys as libpq reads them.
      command: ["/bin/bash", "-euo", "pipefail", "-c"],
      args: [`export PGHOST="$host" PGPORT="$port" PGUSER="$username" PGPASSWORD="$password"\n${pgDumpScript("/backup", `${props.clusterName}-`, retentionDays)}`],
      cpuMillis: 100,
      memoryMiB: 256,
      envFromSecrets: [{ secretName: props.credentialsSecret }],
      mounts: [{ volume: destination.target, path: "/backup" }],
    };
    recordCatalogFacts(this, { backup: `pg_dumpall and pg_dump -Fc per database, ${schedule}, ${retentionDays} days, to ${destination.where}` });
    backupCronJob(this, { namespace: props.namespace, app: props.app, name: `${props.clusterName}-dump`, schedule, container });
  }
}
