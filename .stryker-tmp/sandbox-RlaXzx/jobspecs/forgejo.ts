/** Forgejo, still on the legacy martinibar NFS volume; its database on the external PostgreSQL. */
// @ts-nocheck

import { DEFAULT_RESTART, DEFAULT_UPDATE, httpCheck, JobContext, tcpCheck, vaultEnv } from "./common";
import { IMAGES, imageRef } from "./images";
import { Job } from "./model";

export interface ForgejoContext extends JobContext {
  readonly domain: string;
  readonly postgres: { readonly host: string; readonly port: number };
}

export const FORGEJO_HTTP_PORT = 3000;
export const FORGEJO_SSH_PORT = 2222;
export const FORGEJO_SECRETS = "secret/data/forgejo/app";

export function forgejoJob(ctx: ForgejoContext): Job {
  return {
    ID: "forgejo",
    Type: "service",
    Datacenters: ctx.datacenters,
    TaskGroups: [
      {
        Name: "forgejo",
        Count: 1,
        Networks: [
          {
            Mode: "bridge",
            DynamicPorts: [{ Label: "http", To: FORGEJO_HTTP_PORT }],
            ReservedPorts: [{ Label: "ssh", Value: FORGEJO_SSH_PORT, To: 22 }],
          },
        ],
        Services: [
          { Name: "forgejo", PortLabel: "http", Provider: "consul", Checks: [httpCheck("/api/healthz")] },
          { Name: "forgejo-ssh", PortLabel: "ssh", Provider: "consul", Checks: [tcpCheck()] },
        ],
        RestartPolicy: DEFAULT_RESTART,
        Update: DEFAULT_UPDATE,
        Tasks: [
          {
            Name: "forgejo",
            Driver: "docker",
            Config: { image: imageRef(IMAGES.forgejo), ports: ["http", "ssh"] },
            Env: {
              USER_UID: "1000",
              USER_GID: "1000",
              FORGEJO__server__DOMAIN: `git.${ctx.domain}`,
              FORGEJO__server__ROOT_URL: `https://git.${ctx.domain}/`,
              FORGEJO__database__DB_TYPE: "postgres",
              FORGEJO__database__HOST: `${ctx.postgres.host}:${ctx.postgres.port}`,
              FORGEJO__database__NAME: "forgejo",
              FORGEJO__database__USER: "forgejo",
              // No Unix sockets on network storage: the queue and cache stay in process.
              FORGEJO__queue__TYPE: "channel",
              FORGEJO__cache__ADAPTER: "memory",
            },
            Vault: { ChangeMode: "restart" },
            Templates: [vaultEnv(FORGEJO_SECRETS, { FORGEJO__database__PASSWD: "db_password", FORGEJO__security__SECRET_KEY: "secret_key" })],
            Resources: { CPU: 1000, MemoryMB: 1024, MemoryMaxMB: 2048 },
          },
        ],
      },
    ],
  };
}
