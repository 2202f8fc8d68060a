/**
 * The two programs the backup jobs run, as POSIX shell (busybox ash in the alpine images,
 * dash or bash where the tests run them): constant text, driven only by environment
 * variables, so the very script a job carries runs in a test against a local directory tree
 * with real restic and pg_dump. No `${`: Nomad interpolates it in task arguments.
 */

/** What each script reads from its environment; the jobs set every one (a test holds it). */
export const COPY_SCRIPT_ENV = {
  /** Directory holding the volumes, read-only: the nodes' GlusterFS mount. */
  source: "BACKUP_SOURCE",
  /** Space-separated paths under the source: a volume id, or volume/file. */
  items: "BACKUP_ITEMS",
  /** Items that cannot be regenerated: each copy is compared byte for byte with the source. */
  verify: "BACKUP_VERIFY",
  /** Space-separated database names dumped with pg_dump (PGHOST, PGPORT, PGUSER, PGPASSWORD). */
  databases: "BACKUP_DATABASES",
  /** Directory of the dated runs, e.g. /backups/daily. */
  target: "BACKUP_TARGET",
  keepDays: "BACKUP_KEEP_DAYS",
} as const;

export const RESTIC_SCRIPT_ENV = {
  /** Directory holding the volumes, read-only: the nodes' GlusterFS mount. */
  source: "BACKUP_SOURCE",
  /** Space-separated paths under the source backed up: a volume id, or volume/file. */
  items: "BACKUP_ITEMS",
  /** The snapshots' host name: fixed, so forget groups every run together. */
  host: "BACKUP_HOST",
  keepDays: "BACKUP_KEEP_DAYS",
  /** How many files to restore from each new snapshot and compare with the source. */
  sample: "BACKUP_SAMPLE",
} as const;

/** A commented step of a script. */
function step(why: string, ...lines: string[]): string {
  return [`# ${why}`, ...lines].join("\n");
}

function script(...steps: string[]): string {
  return `${steps.join("\n\n")}\n`;
}

/**
 * The lists come from Nomad variables when the job starts, and a listing the job may not
 * read renders as empty: an empty plan is a failure to report, never a quiet success.
 */
function nothingListed(...lists: string[]): string {
  const what = lists.map((l) => `$${l}`).join(" ");
  return `if [ -z "$(echo ${what})" ]; then echo "nothing to save: no volume or database is listed for this plan (its Nomad variables under backups/<plan>/, and the job's ACL policy reading them)" >&2; exit 1; fi`;
}

/** Where a copy run lands, relative to the run directory, for the runbooks. */
export const COPY_LAYOUT = { volumes: "glusterfs", databases: "postgres", checksums: "checksums.txt" } as const;

/**
 * Copies volumes (or single files of them) and dumps databases into a dated directory,
 * <target>/<UTC date>, written as a hidden .partial directory, checksummed, verified by
 * reading it back, and only then renamed into place; files that cannot be regenerated are
 * compared with the source. A run with a failure is kept as <date>.incomplete and the job
 * fails. Runs older than the retention are deleted only after a complete run.
 */
export const COPY_SCRIPT = script(
  step(
    "one run per UTC day; a second run the same day replaces the first only once it is complete",
    "set -eu",
    nothingListed(COPY_SCRIPT_ENV.items, COPY_SCRIPT_ENV.databases),
    "run=$(date -u +%Y%m%d)",
    'work="$BACKUP_TARGET/.$run.partial"',
    'final="$BACKUP_TARGET/$run"',
    'failed=""',
    'rm -rf "$work"',
    `mkdir -p "$work/${COPY_LAYOUT.volumes}" "$work/${COPY_LAYOUT.databases}"`,
  ),
  step(
    "copy every volume (or file) with owners, modes and times; note failures and go on",
    "for item in $BACKUP_ITEMS; do",
    `  mkdir -p "$work/${COPY_LAYOUT.volumes}/$(dirname "$item")"`,
    `  if ! cp -a "$BACKUP_SOURCE/$item" "$work/${COPY_LAYOUT.volumes}/$item"; then failed="$failed $item"; fi`,
    "done",
  ),
  step(
    "dump every database as plain SQL (restored with psql)",
    "for db in $BACKUP_DATABASES; do",
    `  if ! pg_dump --dbname="$db" --file="$work/${COPY_LAYOUT.databases}/$db.sql"; then failed="$failed $db"; rm -f "$work/${COPY_LAYOUT.databases}/$db.sql"; fi`,
    "done",
  ),
  step(
    "write the checksums, then verify the copy by reading it back",
    `(cd "$work" && find . -type f ! -path ./${COPY_LAYOUT.checksums} -exec sha256sum {} + > ${COPY_LAYOUT.checksums})`,
    `if ! (cd "$work" && sha256sum -c ${COPY_LAYOUT.checksums} > /dev/null); then failed="$failed checksums"; fi`,
    "for item in $BACKUP_VERIFY; do",
    `  if ! cmp "$BACKUP_SOURCE/$item" "$work/${COPY_LAYOUT.volumes}/$item"; then failed="$failed verify:$item"; fi`,
    "done",
  ),
  step(
    "a failed run is kept for inspection, never in place of a good one",
    'if [ -n "$failed" ]; then',
    '  rm -rf "$BACKUP_TARGET/$run.incomplete"',
    '  mv "$work" "$BACKUP_TARGET/$run.incomplete"',
    '  echo "backup $run incomplete, kept at $BACKUP_TARGET/$run.incomplete; failed:$failed" >&2',
    "  exit 1",
    "fi",
    'if [ -d "$final" ]; then mv "$final" "$work.replaced"; fi',
    'mv "$work" "$final"',
    'rm -rf "$work.replaced"',
  ),
  step(
    "retention: runs (complete or not) older than the plan keeps them",
    `find "$BACKUP_TARGET" -mindepth 1 -maxdepth 1 -type d \\( -name '[0-9]*' -o -name '.[0-9]*.partial' \\) -mtime +"$BACKUP_KEEP_DAYS" -exec rm -rf {} +`,
    'echo "backup $run complete and verified: $final"',
  ),
);

/**
 * Backs the listed volumes (or files) of a directory up into a restic repository (RESTIC_REPOSITORY, RESTIC_PASSWORD),
 * initialising it on first use, forgets and prunes snapshots older than the retention,
 * checks the repository reading a seventh of its data (a different seventh each weekday),
 * then restores a sample of the files from the new snapshot and compares them with the
 * source; files that changed while the backup ran are left out of the comparison. Any
 * mismatch fails the job.
 */
export const RESTIC_SCRIPT = script(
  step(
    "a repository that exists but refuses the password makes init fail too: nothing is overwritten",
    "set -eu",
    nothingListed(RESTIC_SCRIPT_ENV.items),
    "run=$(date -u +%Y%m%dT%H%M%SZ)",
    "work=$(mktemp -d)",
    "trap 'rm -rf \"$work\"' EXIT",
    "if ! restic cat config > /dev/null 2>&1; then restic init; fi",
  ),
  step(
    "the listed volumes (or files) under the source, as restic's arguments",
    "set --",
    'for item in $BACKUP_ITEMS; do set -- "$@" "$BACKUP_SOURCE/$item"; done',
  ),
  step(
    "known files: an even sample of what is saved, hashed before the backup",
    'find "$@" -type f | sort > "$work/files"',
    'total=$(wc -l < "$work/files")',
    "every=$((total / BACKUP_SAMPLE + 1))",
    `awk -v every="$every" '(NR - 1) % every == 0' "$work/files" > "$work/sample"`,
    'hash_sample() { while IFS= read -r f; do if [ -f "$f" ]; then sha256sum "$f"; fi; done < "$work/sample"; }',
    'hash_sample > "$work/before"',
  ),
  step("back up, then keep the files that did not change meanwhile", 'restic backup --host "$BACKUP_HOST" --tag "$run" "$@"', 'hash_sample > "$work/after"', 'grep -F -x -f "$work/before" "$work/after" > "$work/known" || true'),
  step(
    "retention, then check the repository with a seventh of its data",
    'restic forget --host "$BACKUP_HOST" --keep-within "$BACKUP_KEEP_DAYS"d --prune',
    'restic check --read-data-subset "$(date -u +%u)/7"',
  ),
  step(
    "restore the known files from the new snapshot and compare",
    "mismatched=0",
    "while IFS= read -r line; do",
    '  want=$(echo "$line" | cut -c1-64)',
    '  file=$(echo "$line" | cut -c67-)',
    '  got=$(restic dump --host "$BACKUP_HOST" --tag "$run" latest "$file" < /dev/null | sha256sum | cut -c1-64)',
    '  if [ "$got" != "$want" ]; then echo "restored $file does not match: sha256 $got, expected $want" >&2; mismatched=$((mismatched + 1)); fi',
    'done < "$work/known"',
    'if [ "$mismatched" -ne 0 ]; then echo "$mismatched restored file(s) differ from the source" >&2; exit 1; fi',
    'echo "snapshot $run of $BACKUP_ITEMS: repository checked, $(wc -l < "$work/known") known file(s) restored and matched"',
  ),
);
