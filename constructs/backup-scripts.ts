/**
 * The shell scripts the backup CronJobs run, as pure functions of where they read and write,
 * so the integration suite runs the very same text against a real PostgreSQL and a real
 * SQLite file and restores what they saved. Every archive is written as .partial and renamed,
 * so a half-written file never looks like a backup; retention deletes by age per prefix.
 */

/** Where a script finds its data and writes its archives (/data and /backup in the jobs). */
export interface BackupDirs {
  readonly dataDir: string;
  readonly backupDir: string;
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** The UTC timestamp every archive of one run is named with. */
const STAMP = 'stamp="$(date -u +%Y%m%dT%H%M%SZ)"';

/**
 * One archive per run, <dir>/<prefix><stamp>.<extension>, held in the shell variable `name`:
 * `produce` writes "$<name>.partial", which is then renamed; this prefix's archives older than
 * `days` are deleted.
 */
function archiveRun(dir: string, prefix: string, extension: string, days: number, name: string, produce: readonly string[]): string[] {
  return [
    STAMP,
    `${name}=${q(`${dir}/${prefix}`)}"$stamp.${extension}"`,
    ...produce,
    `mv "$${name}.partial" "$${name}"`,
    `find ${q(dir)} -maxdepth 1 -name ${q(`${prefix}*.${extension}`)} -mtime +${days} -delete`,
  ];
}

/**
 * A whole PostgreSQL cluster: pg_dumpall into <prefix><stamp>.sql.gz, and beside it one
 * `pg_dump -Fc` per database into per-db/<db>/<db>-<stamp>.dump, for single-database
 * restores (pg_restore -d <db> --clean --if-exists). Connects with PGHOST, PGPORT,
 * PGUSER and PGPASSWORD from the environment (the CNPG superuser Secret's keys).
 */
export function pgDumpScript(backupDir: string, prefix: string, retentionDays: number): string {
  const perDb = `${backupDir}/per-db`;
  return [
    ...archiveRun(backupDir, prefix, "sql.gz", retentionDays, "full", ['pg_dumpall --database=postgres | gzip > "$full.partial"']),
    // Every database that takes connections, templates excepted: what an app owns.
    'psql --dbname=postgres -At -c "SELECT datname FROM pg_database WHERE datallowconn AND NOT datistemplate ORDER BY 1" > "$full.databases"',
    'while IFS= read -r db; do',
    `  dir=${q(perDb)}/"$db"`,
    '  mkdir -p "$dir"',
    '  dump="$dir/$db-$stamp.dump"',
    '  pg_dump --dbname="$db" -Fc -f "$dump.partial"',
    '  mv "$dump.partial" "$dump"',
    '  find "$dir" -maxdepth 1 -name "$db-*.dump" -mtime +' + retentionDays + " -delete",
    'done < "$full.databases"',
    'rm -f "$full.databases"',
  ].join("\n");
}

/**
 * SQLite databases copied consistently: `sqlite3 .backup` (SQLite's online backup, safe
 * while the app writes), then `PRAGMA integrity_check` on the copy, which must answer ok or
 * the run fails; the other files of the data directory (keys, attachments) beside the
 * snapshots, never the live database files. One <prefix><stamp>.tar.gz per run.
 */
export function sqliteSnapshotScript(dirs: BackupDirs, databases: readonly string[], prefix: string, retentionDays: number): string {
  const live = databases.flatMap((db) => [db, `${db}-wal`, `${db}-shm`, `${db}-journal`].map((f) => q(f)));
  return archiveRun(dirs.backupDir, prefix, "tar.gz", retentionDays, "archive", [
    'stage="$(mktemp -d)"',
    'trap \'rm -rf "$stage"\' EXIT',
    `cp -a ${q(dirs.dataDir)}/. "$stage/"`,
    `(cd "$stage" && rm -f ${live.join(" ")})`,
    ...databases.flatMap((db) => [
      `sqlite3 ${q(`${dirs.dataDir}/${db}`)} ".backup '$stage/${db}'"`,
      `check="$(sqlite3 "$stage/${db}" 'PRAGMA integrity_check;')"`,
      `if [ "$check" != ok ]; then echo "integrity check of the ${db} snapshot failed: $check" >&2; exit 1; fi`,
    ]),
    'tar -czf "$archive.partial" -C "$stage" .',
  ]).join("\n");
}

/** A claim's files as they are: for data that is not a database being written. */
export function tarScript(dirs: BackupDirs, prefix: string, retentionDays: number): string {
  return archiveRun(dirs.backupDir, prefix, "tar.gz", retentionDays, "archive", [`tar -czf "$archive.partial" -C ${q(dirs.dataDir)} .`]).join("\n");
}

/**
 * Vault's integrated storage: `vault operator raft snapshot save`, authenticated by
 * VAULT_TOKEN from the environment (the manually created vault-root-token Secret, so the
 * backup does not depend on the automation it backs up).
 */
export function vaultRaftSnapshotScript(backupDir: string, prefix: string, retentionDays: number): string {
  return archiveRun(backupDir, prefix, "snap", retentionDays, "snapshot", ['vault operator raft snapshot save "$snapshot.partial"']).join("\n");
}
