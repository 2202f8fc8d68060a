/** MinIO: the S3 store for backups and Litestream replicas, at minio.service.consul:9000. */
// @ts-nocheck

import { DEFAULT_RESTART, DEFAULT_UPDATE, httpCheck, JobContext, vaultEnv } from "./common";
import { IMAGES, imageRef } from "./images";
import { Job } from "./model";

export const MINIO_API_PORT = 9000;
export const MINIO_CONSOLE_PORT = 9001;
export const MINIO_SECRETS = "secret/data/minio/root";

export function minioJob(ctx: JobContext): Job {
  return {
    ID: "minio",
    Type: "service",
    Datacenters: ctx.datacenters,
    Priority: 80,
    TaskGroups: [
      {
        Name: "minio",
        Count: 1,
        Networks: [
          {
            Mode: "bridge",
            // Static: Litestream and backups reach minio.service.consul:9000.
            ReservedPorts: [{ Label: "api", Value: MINIO_API_PORT, To: MINIO_API_PORT }],
            DynamicPorts: [{ Label: "console", To: MINIO_CONSOLE_PORT }],
          },
        ],
        Services: [
          { Name: "minio", PortLabel: "api", Provider: "consul", Checks: [httpCheck("/minio/health/live")] },
          { Name: "minio-console", PortLabel: "console", Provider: "consul", Checks: [httpCheck("/")] },
        ],
        RestartPolicy: DEFAULT_RESTART,
        Update: DEFAULT_UPDATE,
        Tasks: [
          {
            Name: "minio",
            Driver: "docker",
            Config: { image: imageRef(IMAGES.minio), args: ["server", "/data", "--console-address", `:${MINIO_CONSOLE_PORT}`], ports: ["api", "console"] },
            Vault: { ChangeMode: "restart" },
            Templates: [vaultEnv(MINIO_SECRETS, { MINIO_ROOT_USER: "root_user", MINIO_ROOT_PASSWORD: "root_password" })],
            Resources: { CPU: 500, MemoryMB: 1024 },
          },
        ],
      },
    ],
  };
}
