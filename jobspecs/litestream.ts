/**
 * Litestream for SQLite on the allocation's ephemeral disk: the tasks and the
 * litestream.yml, as data. LitestreamSidecar (constructs/) adds them to a group after
 * checking the group can host them.
 */
import { toYaml } from "./common";
import { IMAGES, imageRef } from "./images";
import { Task, Template } from "./model";

/** Where every database must live: the allocation's data directory, on ephemeral disk. */
export const ALLOC_DATA_DIR = "/alloc/data";
export const LITESTREAM_RESTORE_TASK = "litestream-restore";
/** The replicating sidecar: what the operators' runbooks read (`nomad alloc logs <alloc> litestream`). */
export const LITESTREAM_REPLICATE_TASK = "litestream";
const CONFIG_PATH = "/local/litestream.yml";

export interface LitestreamReplica {
  /** S3 endpoint (MinIO), path-style. */
  readonly endpoint: string;
  readonly bucket: string;
  /** Prefix inside the bucket; each database replicates to <path>/<file name>. */
  readonly path: string;
}

/**
 * Where the MinIO credentials live; Nomad renders them into the task's environment at
 * run time. There is deliberately no way to pass the keys themselves.
 */
export type LitestreamCredentials =
  | {
      readonly source: "vault";
      /** KV v2 read path, e.g. "secret/data/plex/litestream". */
      readonly path: string;
      /** @default "access_key_id" */
      readonly accessKeyField?: string;
      /** @default "secret_access_key" */
      readonly secretKeyField?: string;
    }
  | {
      readonly source: "nomad-variable";
      /** e.g. "nomad/jobs/plex". */
      readonly path: string;
      /** @default "litestream_access_key_id" */
      readonly accessKeyField?: string;
      /** @default "litestream_secret_access_key" */
      readonly secretKeyField?: string;
    };

export interface LitestreamSpec {
  readonly databases: readonly string[];
  readonly replica: LitestreamReplica;
  readonly credentials: LitestreamCredentials;
}

/** litestream.yml as an object (rendered with a YAML library, never concatenated). */
export function litestreamConfig(spec: LitestreamSpec): object {
  return {
    dbs: spec.databases.map((path) => ({
      path,
      replica: {
        type: "s3",
        bucket: spec.replica.bucket,
        path: `${spec.replica.path.replace(/\/+$/, "")}/${path.split("/").pop()}`,
        endpoint: spec.replica.endpoint,
        "force-path-style": true,
      },
    })),
  };
}

/** The Go template that puts the credentials into the environment when Nomad renders it. */
export function credentialsTemplate(credentials: LitestreamCredentials): Template {
  const vault = credentials.source === "vault";
  const access = credentials.accessKeyField ?? (vault ? "access_key_id" : "litestream_access_key_id");
  const secret = credentials.secretKeyField ?? (vault ? "secret_access_key" : "litestream_secret_access_key");
  const prefix = vault ? ".Data.data." : ".";
  const body =
    `{{ with ${vault ? "secret" : "nomadVar"} ${JSON.stringify(credentials.path)} }}\n` +
    `LITESTREAM_ACCESS_KEY_ID={{ ${prefix}${access} }}\n` +
    `LITESTREAM_SECRET_ACCESS_KEY={{ ${prefix}${secret} }}\n` +
    `{{ end }}\n`;
  return { EmbeddedTmpl: body, DestPath: "secrets/litestream.env", Envvars: true, ChangeMode: "restart", Perms: "0400" };
}

function configTemplate(spec: LitestreamSpec): Template {
  return { EmbeddedTmpl: toYaml(litestreamConfig(spec)), DestPath: "local/litestream.yml", ChangeMode: "restart" };
}

/**
 * The two kinds of task: one prestart restore per database (each runs to completion
 * before the app starts; no-op when the db exists or no replica does), then one
 * replicating sidecar. The sidecar is poststart: prestart sidecars start alongside the
 * restores and would replicate a half-restored database.
 */
export function litestreamTasks(spec: LitestreamSpec): Task[] {
  const templates = [configTemplate(spec), credentialsTemplate(spec.credentials)];
  const vault = spec.credentials.source === "vault" ? { Vault: { ChangeMode: "restart" as const } } : {};
  const image = imageRef(IMAGES.litestream);
  const restores: Task[] = spec.databases.map((db, i) => ({
    Name: spec.databases.length === 1 ? LITESTREAM_RESTORE_TASK : `${LITESTREAM_RESTORE_TASK}-${i + 1}`,
    Driver: "docker",
    Config: { image, args: ["restore", "-if-db-not-exists", "-if-replica-exists", "-config", CONFIG_PATH, db] },
    Lifecycle: { Hook: "prestart", Sidecar: false },
    Resources: { CPU: 200, MemoryMB: 256 },
    Templates: templates,
    ...vault,
  }));
  const replicate: Task = {
    Name: LITESTREAM_REPLICATE_TASK,
    Driver: "docker",
    Config: { image, args: ["replicate", "-config", CONFIG_PATH] },
    Lifecycle: { Hook: "poststart", Sidecar: true },
    Resources: { CPU: 100, MemoryMB: 128 },
    Templates: templates,
    ...vault,
  };
  return [...restores, replicate];
}
