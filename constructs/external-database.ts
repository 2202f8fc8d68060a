import { Construct } from "constructs";
import { DatabaseBackup, databaseBackupProblems } from "../jobspecs/backup-plans";
import { BackupListing } from "./backup-listing";

export interface ExternalDatabaseProps {
  /** The database's name on the server, e.g. "synapse". */
  readonly name: string;
  /** How it is backed up: pg_dump by copy plans ({ plans: [DAILY, WEEKLY] }), or { none: "<reason>" }. */
  readonly backup: DatabaseBackup;
}

/** PostgreSQL's limit on identifiers; the names the estate uses are lowercase with - and _. */
const NAME = /^[a-z0-9][a-z0-9_-]{0,62}$/;

/**
 * A database a service keeps on the external PostgreSQL server (the inventory's
 * externalPostgres), declared beside the service so the backup jobs dump it: it lists itself
 * for the plans it chose (BackupListing). The server and its databases are the operators'.
 */
export class ExternalDatabase extends Construct {
  readonly databaseName: string;
  readonly backup: DatabaseBackup;

  constructor(scope: Construct, id: string, props: ExternalDatabaseProps) {
    super(scope, id);
    const problems = [
      ...(typeof props.name === "string" && NAME.test(props.name) ? [] : [`name ${JSON.stringify(props.name)} must be a database name of lowercase letters, digits, - and _ (63 at most)`]),
      ...databaseBackupProblems(props.backup),
    ];
    if (problems.length) throw new Error(`${this.node.path}: ${problems.join("; ")}`);
    this.databaseName = props.name;
    this.backup = props.backup;
    BackupListing.of(this, { databaseName: props.name, backup: props.backup });
  }
}
