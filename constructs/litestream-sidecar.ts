import { posix } from "path";
import { Construct } from "constructs";
import { Mutable, Task } from "../jobspecs/model";
import { ALLOC_DATA_DIR, LITESTREAM_REPLICATE_TASK, LitestreamCredentials, litestreamTasks } from "../jobspecs/litestream";
import { HomelabStack } from "./homelab-stack";
import { isUnder, NomadTaskGroup } from "./nomad-task-group";

export interface LitestreamSidecarProps {
  /** The group whose app keeps the SQLite database(s). */
  readonly group: NomadTaskGroup;
  /** SQLite files under /alloc/data (the allocation's ephemeral disk), e.g. "/alloc/data/plex/library.db". */
  readonly databases: readonly string[];
  readonly replica: {
    readonly bucket: string;
    /** Prefix inside the bucket, e.g. "media-centre/plex". */
    readonly path: string;
    /** @default - the inventory's minio.endpoint */
    readonly endpoint?: string;
  };
  /** Where Nomad reads the MinIO keys from at run time: a Vault KV path or a Nomad variable. */
  readonly credentials: LitestreamCredentials;
  /** Size of the sticky ephemeral disk. @default 1024 */
  readonly ephemeralDiskMiB?: number;
}

const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const PREFIX = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*$/;
const SECRET_PATH = /^[a-z0-9][a-z0-9_-]*(\/[a-z0-9][a-z0-9_.-]*)+$/;
const FIELD = /^[a-z_][a-z0-9_]*$/;
/** Props a caller might use to pass the keys themselves; there is no such slot. */
const LITERAL_KEYS = ["accessKeyId", "secretAccessKey", "accessKey", "secretKey", "key", "secret", "password", "value"];

/**
 * Litestream for a group's SQLite: the database stays on the allocation's sticky,
 * migrating ephemeral disk; a prestart task restores it from MinIO when missing, a
 * sidecar replicates it. The config is rendered from an object with a YAML library; the
 * credentials are rendered by Nomad at run time from Vault or a Nomad variable.
 * Refuses databases on mounted volumes, groups with a count other than 1 (one writer),
 * and literal credentials. The app must keep the database in WAL mode (Litestream needs
 * it; a fresh, empty WAL only gets its header after the first write).
 */
export class LitestreamSidecar extends Construct {
  constructor(scope: Construct, id: string, props: LitestreamSidecarProps) {
    super(scope, id);
    const group = props.group;
    const spec = group.spec;
    const endpoint = props.replica.endpoint ?? HomelabStack.of(this).inventory.minio.endpoint;
    const diskMiB = props.ephemeralDiskMiB ?? 1024;
    const errors: string[] = [];
    const by = `Litestream ${this.node.path}`;

    if (spec.Count !== undefined && spec.Count !== 1) {
      errors.push(`group ${group.name} has count ${spec.Count}; a group with Litestream must have count 1, since only one writer may replicate a database`);
    }
    const present = spec.Tasks.filter((t) => t.Name === LITESTREAM_REPLICATE_TASK || t.Name.startsWith("litestream-")).map((t) => t.Name);
    if (present.length) {
      // One restore/replicate pair serves all of a group's databases: the fix is to list them all in one.
      errors.push(
        `group ${group.name} already runs Litestream tasks (${present.join(", ")}); one LitestreamSidecar per group replicates all its databases: list every database in one LitestreamSidecar's databases and remove the other Litestream (a second LitestreamSidecar or hand-written tasks)`,
      );
    }
    if (!props.databases.length) errors.push("databases must list at least one SQLite file under /alloc/data");
    const taskMounts = spec.Tasks.flatMap((t) => (t.VolumeMounts ?? []).map((m) => ({ task: t.Name, ...m })));
    for (const db of props.databases) {
      if (!posix.isAbsolute(db) || posix.normalize(db) !== db || db.endsWith("/")) {
        errors.push(`database path ${JSON.stringify(db)} must be an absolute, normalized file path under ${ALLOC_DATA_DIR}`);
        continue;
      }
      const onVolume = group.registerDatabase(db, by);
      const onOtherMount = taskMounts.filter((m) => isUnder(db, m.Destination) && !group.mounts.some((g) => g.destination === m.Destination));
      if (onVolume.length || onOtherMount.length) {
        errors.push(...onVolume);
        errors.push(...onOtherMount.map((m) => `SQLite database ${db} would live on volume ${m.Volume} mounted at ${m.Destination} in task ${m.task}: network file locking corrupts SQLite; keep it under ${ALLOC_DATA_DIR}`));
      } else if (!isUnder(db, ALLOC_DATA_DIR) || db === ALLOC_DATA_DIR) {
        errors.push(
          `database path ${db} is not under ${ALLOC_DATA_DIR}: SQLite must live on the allocation's ephemeral disk (sticky, migrated), never on GlusterFS or NFS`,
        );
      }
    }
    const dupes = props.databases.filter((d, i) => props.databases.findIndex((o) => posix.basename(o) === posix.basename(d)) !== i);
    if (dupes.length) errors.push(`databases ${dupes.join(", ")} repeat a file name; each replicates to <path>/<file name>`);
    if (!BUCKET.test(props.replica.bucket)) errors.push(`replica bucket ${JSON.stringify(props.replica.bucket)} must be an S3 bucket name (lowercase, digits, . and -, 3–63)`);
    if (!PREFIX.test(props.replica.path)) errors.push(`replica path ${JSON.stringify(props.replica.path)} must be a relative prefix such as media-centre/plex`);
    errors.push(...endpointProblems(endpoint));
    errors.push(...credentialProblems(props.credentials));
    if (!Number.isInteger(diskMiB) || diskMiB < 100) errors.push(`ephemeralDiskMiB ${diskMiB} must be an integer of at least 100`);
    if (errors.length) throw new Error(`${this.node.path}: ${errors.join("; ")}`);

    spec.Count = 1;
    spec.EphemeralDisk = { Sticky: true, Migrate: true, SizeMB: Math.max(diskMiB, spec.EphemeralDisk?.SizeMB ?? 0) };
    spec.Tasks.push(
      ...(litestreamTasks({
        databases: props.databases,
        replica: { endpoint, bucket: props.replica.bucket, path: props.replica.path },
        credentials: props.credentials,
      }) as Mutable<Task>[]),
    );
  }
}

function endpointProblems(endpoint: string): string[] {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return [`replica endpoint ${JSON.stringify(endpoint)} must be an http:// or https:// URL`];
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return [`replica endpoint ${endpoint} must be an http:// or https:// URL`];
  if (url.username || url.password) {
    return [`replica endpoint carries credentials in its URL; credentials come from Vault or a Nomad variable at run time, never literals`];
  }
  return [];
}

function credentialProblems(credentials: LitestreamCredentials): string[] {
  const raw = credentials as unknown as Record<string, unknown>;
  const literal = LITERAL_KEYS.filter((k) => k in raw);
  if (literal.length) {
    return [`credentials must not be literals (got ${literal.join(", ")}); give a Vault path ({ source: "vault", path }) or a Nomad variable ({ source: "nomad-variable", path })`];
  }
  if (credentials.source !== "vault" && credentials.source !== "nomad-variable") {
    return [`credentials.source ${JSON.stringify(raw.source)} is unknown; allowed: vault, nomad-variable`];
  }
  const problems: string[] = [];
  if (!SECRET_PATH.test(credentials.path)) {
    problems.push(`credentials.path ${JSON.stringify(credentials.path)} must be a ${credentials.source === "vault" ? "Vault" : "Nomad variable"} path such as ${credentials.source === "vault" ? "secret/data/plex/litestream" : "nomad/jobs/plex"}`);
  }
  for (const field of [credentials.accessKeyField, credentials.secretKeyField]) {
    if (field !== undefined && !FIELD.test(field)) problems.push(`credentials field ${JSON.stringify(field)} must be a lowercase identifier`);
  }
  return problems;
}
