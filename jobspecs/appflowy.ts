/** AppFlowy Cloud and its PostgreSQL. AppFlowy publishes amd64 images only: pinned to amd64 nodes. */
import { archConstraint, DEFAULT_RESTART, DEFAULT_UPDATE, JobContext, POSTGRES_PORT, postgresGroup, vaultEnv } from "./common";
import { connectService } from "./connect";
import { IMAGES, imageRef } from "./images";
import { MeshEdge } from "./mesh";
import { Job } from "./model";

export const APPFLOWY_PORT = 8000;
export const APPFLOWY_SECRETS = "secret/data/appflowy/app";

/** Whom AppFlowy's services may call in the mesh. */
export const APPFLOWY_MESH: readonly MeshEdge[] = [{ from: "appflowy-cloud", to: "appflowy-postgres", why: "AppFlowy Cloud keeps its data in its PostgreSQL" }];

export function appflowyJob(ctx: JobContext): Job {
  return {
    ID: "appflowy",
    Type: "service",
    Datacenters: ctx.datacenters,
    TaskGroups: [
      {
        Name: "appflowy-cloud",
        Count: 1,
        Constraints: [archConstraint("amd64")],
        Networks: [{ Mode: "bridge" }],
        Services: [
          connectService({
            name: "appflowy-cloud",
            port: APPFLOWY_PORT,
            httpCheck: { path: "/api/health" },
            upstreams: [{ service: "appflowy-postgres", localPort: POSTGRES_PORT }],
          }),
        ],
        RestartPolicy: DEFAULT_RESTART,
        Update: DEFAULT_UPDATE,
        Tasks: [
          {
            Name: "appflowy-cloud",
            Driver: "docker",
            Config: { image: imageRef(IMAGES.appflowyCloud) },
            Env: { RUST_LOG: "info", APPFLOWY_ENVIRONMENT: "production" },
            Vault: { ChangeMode: "restart" },
            Templates: [vaultEnv(APPFLOWY_SECRETS, { APPFLOWY_DATABASE_URL: "database_url", APPFLOWY_GOTRUE_JWT_SECRET: "jwt_secret" })],
            Resources: { CPU: 500, MemoryMB: 512, MemoryMaxMB: 1024 },
          },
        ],
      },
      postgresGroup({ service: "appflowy-postgres", user: "appflowy", database: "appflowy", secretsPath: APPFLOWY_SECRETS }),
    ],
  };
}
