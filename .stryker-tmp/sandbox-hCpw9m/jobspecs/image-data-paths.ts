/**
 * Where each image the estate mounts data volumes into keeps the data that must outlive the
 * container, read from the image's own Dockerfile, entrypoint or documentation at the
 * pinned tag (jobspecs/images.ts). The operators ran these images as documented, so the
 * data already on a volume sits where the image looks: a volume mounted elsewhere, or an
 * environment variable that moves the directory, leaves that data unfound and writes to
 * the container's own layer instead. HL-NOMAD-11 holds the jobs to this table.
 */
// @ts-nocheck

import { IMAGES } from "./images";

export interface ImageDataPaths {
  /** Directories the image keeps its state in: a writable volume goes at one of them. */
  readonly paths: readonly string[];
  /**
   * Environment variables that move that state, with the value the image (or its documented
   * `docker run`) gives them; a job that sets another value looks in the wrong place.
   * @default - none
   */
  readonly env?: Readonly<Record<string, string>>;
  /** Where this was read: repository@ref (commit) and files, or the documentation page. */
  readonly source: string;
}

/** By image key (jobspecs/images.ts). */
export const IMAGE_DATA_PATHS: Partial<Record<keyof typeof IMAGES, ImageDataPaths>> = {
  synapse: {
    paths: ["/data"],
    env: { SYNAPSE_CONFIG_DIR: "/data", SYNAPSE_DATA_DIR: "/data", SYNAPSE_CONFIG_PATH: "/data/homeserver.yaml" },
    source: "element-hq/synapse@v1.144.0 (1bfcc9a) docker/start.py: config and data dir default /data",
  },
  mautrixWhatsapp: {
    paths: ["/data"],
    source: "mautrix/whatsapp@v0.2512.0 (1f06bd3) Dockerfile VOLUME /data; docker-run.sh reads /data/config.yaml, /data/registration.yaml",
  },
  jellyfin: {
    paths: ["/config"],
    env: { JELLYFIN_DATA_DIR: "/config", JELLYFIN_CONFIG_DIR: "/config/config", JELLYFIN_LOG_DIR: "/config/log" },
    source: "jellyfin/jellyfin-packaging@v10.11.3-202511161740 (8301291) docker/Dockerfile: ENV JELLYFIN_DATA_DIR, JELLYFIN_CONFIG_DIR, JELLYFIN_LOG_DIR; VOLUME /config /cache",
  },
  plex: {
    paths: ["/config"],
    source: "plexinc/pms-docker (8536496, the Dockerfile the 1.42 images build from) Dockerfile: VOLUME /config /transcode, HOME=/config; root/etc/services.d/plex/run: $HOME/Library/Application Support",
  },
  minio: {
    paths: ["/data"],
    source: "minio/minio@RELEASE.2025-09-07T16-13-09Z (07c3a42) Dockerfile.release: VOLUME [\"/data\"]",
  },
  ollama: {
    paths: ["/root/.ollama"],
    env: { OLLAMA_MODELS: "/root/.ollama/models" },
    source: "ollama/ollama@v0.13.0 (604e43b) docs/docker.mdx: -v ollama:/root/.ollama; envconfig/config.go: models default $HOME/.ollama/models",
  },
  searxng: {
    paths: ["/etc/searxng"],
    source: "searxng/searxng (e245cad, 2025-11-21) container/dist.dockerfile VOLUME $CONFIG_PATH; docs/admin/installation-docker.rst: $CONFIG_PATH default /etc/searxng",
  },
  postgres: {
    paths: ["/var/lib/postgresql/data"],
    env: { PGDATA: "/var/lib/postgresql/data" },
    source: "docker-library/postgres (e34fc9d, 17.6) 17/alpine3.22/Dockerfile: ENV PGDATA /var/lib/postgresql/data, VOLUME /var/lib/postgresql/data",
  },
  overseerr: {
    paths: ["/app/config"],
    source: "sct/overseerr@v1.34.0 (c617bba) Dockerfile WORKDIR /app; server/datasource.ts: config/db/db.sqlite3 under /app",
  },
  forgejo: {
    paths: ["/data"],
    source: "forgejo.org/docs/latest/admin/installation/docker: the volume at /data (codeberg.org/forgejo/forgejo Dockerfile VOLUME [\"/data\"])",
  },
  electrs: {
    paths: ["/data"],
    source: "getumbrel/docker-electrs (68b3d1e, v0.10.10) Dockerfile: WORKDIR /data, the electrs user's home /data",
  },
  albyHub: {
    paths: ["/data"],
    env: { WORK_DIR: "/data" },
    source: "getAlby/hub@v1.21.4 (797faa7) README.md: docker run -v …:/data -e WORK_DIR='/data'",
  },
  bitcoin: {
    paths: ["/data"],
    source: "Bitcoin Core reads its datadir from the job's bitcoin.conf (datadir=/data), as the operators' job runs it (-datadir=/data)",
  },
};
