/**
 * Overseerr, migrated to Nomad the Plex way: its SQLite on the ephemeral disk with
 * Litestream (added by the stack), the rest of its config on GlusterFS.
 */
// @ts-nocheck

import { DEFAULT_RESTART, DEFAULT_UPDATE, httpCheck, JobContext } from "./common";
import { IMAGES, imageRef } from "./images";
import { ALLOC_DATA_DIR } from "./litestream";
import { Job } from "./model";

export const OVERSEERR_PORT = 5055;
export const OVERSEERR_CONFIG_DIR = "/app/config";
export const OVERSEERR_DB_DIR = `${ALLOC_DATA_DIR}/overseerr`;
export const OVERSEERR_DB = `${OVERSEERR_DB_DIR}/db.sqlite3`;

export function overseerrJob(ctx: JobContext): Job {
  return {
    ID: "overseerr",
    Type: "service",
    Datacenters: ctx.datacenters,
    TaskGroups: [
      {
        Name: "overseerr",
        Count: 1,
        Networks: [{ Mode: "bridge", DynamicPorts: [{ Label: "http", To: OVERSEERR_PORT }] }],
        Services: [{ Name: "overseerr", PortLabel: "http", Provider: "consul", Checks: [httpCheck("/api/v1/status")] }],
        RestartPolicy: DEFAULT_RESTART,
        Update: DEFAULT_UPDATE,
        Tasks: [
          {
            Name: "overseerr",
            Driver: "docker",
            Config: {
              image: imageRef(IMAGES.overseerr),
              ports: ["http"],
              // The db directory inside the config volume is the ephemeral-disk copy; a
              // `volumes` bind creates it on a first, empty start.
              volumes: [`..${OVERSEERR_DB_DIR}:${OVERSEERR_CONFIG_DIR}/db`],
            },
            Env: { TZ: "Etc/UTC", LOG_LEVEL: "info" },
            Resources: { CPU: 300, MemoryMB: 512, MemoryMaxMB: 1024 },
          },
        ],
      },
    ],
  };
}
