/**
 * Plex and Jellyfin. Plex's SQLite library lives on the allocation's ephemeral disk
 * (LitestreamSidecar, added by the stack, replicates it); its other config lives on
 * GlusterFS. The media library is the legacy NFS volume, mounted read-only by the stack.
 */
import { DEFAULT_RESTART, DEFAULT_UPDATE, JobContext } from "./common";
import { connectService } from "./connect";
import { IMAGES, imageRef } from "./images";
import { ALLOC_DATA_DIR } from "./litestream";
import { Job, TaskGroup } from "./model";

export const PLEX_PORT = 32400;
export const JELLYFIN_PORT = 8096;
export const PLEX_CONFIG_DIR = "/config";
/** Where Plex looks for its databases, inside its config directory. */
export const PLEX_DATABASES_DIR = `${PLEX_CONFIG_DIR}/Library/Application Support/Plex Media Server/Plug-in Support/Databases`;
/** The same directory on the ephemeral disk, as every task of the group sees it. */
export const PLEX_DB_DIR = `${ALLOC_DATA_DIR}/plex`;
export const PLEX_DB = `${PLEX_DB_DIR}/com.plexapp.plugins.library.db`;

function plex(): TaskGroup {
  return {
    Name: "plex",
    Count: 1,
    Networks: [{ Mode: "bridge", ReservedPorts: [{ Label: "http", Value: PLEX_PORT, To: PLEX_PORT }] }],
    // Traefik reaches it through the mesh; LAN clients keep the static port, which Nomad
    // leaves outside the transparent proxy.
    Services: [connectService({ name: "plex", port: PLEX_PORT, httpCheck: { path: "/identity" } })],
    RestartPolicy: DEFAULT_RESTART,
    Update: DEFAULT_UPDATE,
    Tasks: [
      {
        Name: "plex",
        Driver: "docker",
        Config: {
          image: imageRef(IMAGES.plex),
          ports: ["http"],
          // Plex's database directory is the ephemeral-disk copy, bound over the path inside
          // the GlusterFS config volume: SQLite never touches the network filesystem. A
          // `volumes` bind (not `mount`) creates the directory on a first, empty start.
          volumes: [`..${PLEX_DB_DIR}:${PLEX_DATABASES_DIR}`],
        },
        Env: { TZ: "Etc/UTC", PLEX_UID: "1000", PLEX_GID: "1000" },
        Resources: { CPU: 2000, MemoryMB: 2048, MemoryMaxMB: 4096 },
      },
    ],
  };
}

/**
 * Jellyfin runs with the image's own layout, so the GlusterFS volume at /config is found as
 * the operators' Jellyfin left it: data dir /config (plugins, metadata, root/ with the
 * libraries), settings in /config/config, logs in /config/log (jellyfin-packaging
 * docker/Dockerfile). Only the SQLite directory, /config/data (jellyfin.db), is bound from
 * the allocation's sticky, migrating ephemeral disk, never the network filesystem, and
 * Litestream replicates it like Plex's.
 */
export const JELLYFIN_CONFIG_DIR = "/config";
const JELLYFIN_SQLITE_DIR = `${JELLYFIN_CONFIG_DIR}/data`;
export const JELLYFIN_DB_DIR = `${ALLOC_DATA_DIR}/jellyfin`;
export const JELLYFIN_DB = `${JELLYFIN_DB_DIR}/jellyfin.db`;

function jellyfin(): TaskGroup {
  return {
    Name: "jellyfin",
    Count: 1,
    EphemeralDisk: { Sticky: true, Migrate: true, SizeMB: 2048 },
    Networks: [{ Mode: "bridge", ReservedPorts: [{ Label: "http", Value: JELLYFIN_PORT, To: JELLYFIN_PORT }] }],
    Services: [connectService({ name: "jellyfin", port: JELLYFIN_PORT, httpCheck: { path: "/health" } })],
    RestartPolicy: DEFAULT_RESTART,
    Update: DEFAULT_UPDATE,
    Tasks: [
      {
        Name: "jellyfin",
        Driver: "docker",
        Config: { image: imageRef(IMAGES.jellyfin), ports: ["http"], volumes: [`..${JELLYFIN_DB_DIR}:${JELLYFIN_SQLITE_DIR}`] },
        // The cache is rebuildable: the task directory, not the image's anonymous /cache volume.
        Env: { JELLYFIN_CACHE_DIR: "/local/cache" },
        Resources: { CPU: 1500, MemoryMB: 1536, MemoryMaxMB: 3072 },
      },
    ],
  };
}

export function mediaCentreJob(ctx: JobContext): Job {
  return { ID: "media-centre", Type: "service", Datacenters: ctx.datacenters, TaskGroups: [plex(), jellyfin()] };
}
