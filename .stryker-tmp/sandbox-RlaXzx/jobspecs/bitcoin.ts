/**
 * The Bitcoin namespace on the Raspberry Pi cluster: Bitcoin Core, Electrs (which finds
 * Bitcoin through a nomadService lookup) and Alby Hub. Nomad-native services, bridge
 * networking with explicit ports, secrets from Nomad variables, and `meta.version` on
 * every job (bump it to force a new job version).
 */
// @ts-nocheck

import { DEFAULT_RESTART, DEFAULT_UPDATE, httpCheck, JobContext, nomadVarEnv, tcpCheck } from "./common";
import { seconds } from "./duration";
import { IMAGES, imageRef } from "./images";
import { Job, Template } from "./model";

export interface BitcoinContext extends JobContext {
  readonly namespace: string;
  /** Bumped to force a new job version. */
  readonly version: string;
  /** Addresses of the cluster's nodes: the only RPC clients bitcoind accepts (besides Nomad's bridge). */
  readonly nodeAddresses: readonly string[];
}

/** Nomad's default bridge network: allocations on the same node reach RPC from here. */
export const NOMAD_BRIDGE_SUBNET = "172.26.64.0/20";

export const BITCOIN_RPC_PORT = 8332;
export const BITCOIN_P2P_PORT = 8333;
export const ELECTRS_PORT = 50001;
export const ALBY_PORT = 8080;
export const BITCOIN_RPC_SERVICE = "bitcoin-rpc";
export const BITCOIN_P2P_SERVICE = "bitcoin-p2p";

const VARS = { bitcoin: "nomad/jobs/bitcoin", electrs: "nomad/jobs/electrs", alby: "nomad/jobs/alby-hub" } as const;

/** key=value lines from an object (bitcoin.conf, electrs' TOML subset), values may be template expressions. */
function keyValueFile(entries: Readonly<Record<string, string | number | boolean>>, quote: boolean): string {
  return `${Object.entries(entries)
    .map(([k, v]) => `${k}=${quote && typeof v === "string" ? JSON.stringify(v) : String(v)}`)
    .join("\n")}\n`;
}

function bitcoinConf(ctx: BitcoinContext): Template {
  const conf = {
    server: 1,
    txindex: 1,
    datadir: "/data",
    rpcbind: "0.0.0.0",
    rpcport: BITCOIN_RPC_PORT,
    port: BITCOIN_P2P_PORT,
    dbcache: 1024,
    // The rpcauth line (salted hash, not the password) comes from the Nomad variable.
    rpcauth: `{{ with nomadVar ${JSON.stringify(VARS.bitcoin)} }}{{ .rpcauth }}{{ end }}`,
  };
  const allow = [...ctx.nodeAddresses.map((a) => `${a}/32`), NOMAD_BRIDGE_SUBNET].map((cidr) => `rpcallowip=${cidr}\n`).join("");
  return { EmbeddedTmpl: keyValueFile(conf, false) + allow, DestPath: "secrets/bitcoin.conf", ChangeMode: "restart", Perms: "0400" };
}

function base(ctx: BitcoinContext, id: string): Pick<Job, "ID" | "Type" | "Datacenters" | "Namespace" | "Meta"> {
  return { ID: id, Type: "service", Datacenters: ctx.datacenters, Namespace: ctx.namespace, Meta: { version: ctx.version } };
}

export function bitcoinCoreJob(ctx: BitcoinContext): Job {
  return {
    ...base(ctx, "bitcoin"),
    TaskGroups: [
      {
        Name: "bitcoin",
        Count: 1,
        Networks: [
          {
            Mode: "bridge",
            ReservedPorts: [
              { Label: "rpc", Value: BITCOIN_RPC_PORT, To: BITCOIN_RPC_PORT },
              { Label: "p2p", Value: BITCOIN_P2P_PORT, To: BITCOIN_P2P_PORT },
            ],
          },
        ],
        Services: [
          { Name: BITCOIN_RPC_SERVICE, PortLabel: "rpc", Provider: "nomad", Checks: [tcpCheck()] },
          { Name: BITCOIN_P2P_SERVICE, PortLabel: "p2p", Provider: "nomad", Checks: [tcpCheck()] },
        ],
        RestartPolicy: DEFAULT_RESTART,
        Update: { ...DEFAULT_UPDATE, HealthyDeadline: seconds(1800), ProgressDeadline: seconds(3600) },
        Tasks: [
          {
            Name: "bitcoind",
            Driver: "docker",
            Config: { image: imageRef(IMAGES.bitcoin), args: ["bitcoind", "-conf=/secrets/bitcoin.conf", "-printtoconsole"], ports: ["rpc", "p2p"] },
            Templates: [bitcoinConf(ctx)],
            KillTimeout: seconds(120),
            Resources: { CPU: 2000, MemoryMB: 2048 },
          },
        ],
      },
    ],
  };
}

export function electrsJob(ctx: BitcoinContext): Job {
  const config: Template = {
    // Rendered on the client: bitcoin's address comes from Nomad's service catalog.
    EmbeddedTmpl:
      keyValueFile({ network: "bitcoin", db_dir: "/data", electrum_rpc_addr: `0.0.0.0:${ELECTRS_PORT}`, log_filters: "INFO" }, true) +
      `{{ range nomadService ${JSON.stringify(BITCOIN_RPC_SERVICE)} }}daemon_rpc_addr="{{ .Address }}:{{ .Port }}"\n{{ end }}` +
      `{{ range nomadService ${JSON.stringify(BITCOIN_P2P_SERVICE)} }}daemon_p2p_addr="{{ .Address }}:{{ .Port }}"\n{{ end }}` +
      `{{ with nomadVar ${JSON.stringify(VARS.electrs)} }}auth="{{ .rpc_user }}:{{ .rpc_password }}"\n{{ end }}`,
    DestPath: "secrets/electrs.toml",
    ChangeMode: "restart",
    Perms: "0400",
  };
  return {
    ...base(ctx, "electrs"),
    TaskGroups: [
      {
        Name: "electrs",
        Count: 1,
        Networks: [{ Mode: "bridge", ReservedPorts: [{ Label: "electrum", Value: ELECTRS_PORT, To: ELECTRS_PORT }] }],
        Services: [{ Name: "electrs", PortLabel: "electrum", Provider: "nomad", Checks: [tcpCheck()] }],
        RestartPolicy: DEFAULT_RESTART,
        Update: { ...DEFAULT_UPDATE, HealthyDeadline: seconds(1800), ProgressDeadline: seconds(3600) },
        Tasks: [
          {
            Name: "electrs",
            Driver: "docker",
            Config: { image: imageRef(IMAGES.electrs), args: ["--conf", "/secrets/electrs.toml"], ports: ["electrum"] },
            Templates: [config],
            Resources: { CPU: 1000, MemoryMB: 1024 },
          },
        ],
      },
    ],
  };
}

export function albyHubJob(ctx: BitcoinContext): Job {
  return {
    ...base(ctx, "alby-hub"),
    TaskGroups: [
      {
        Name: "alby-hub",
        Count: 1,
        Networks: [{ Mode: "bridge", ReservedPorts: [{ Label: "http", Value: ALBY_PORT, To: ALBY_PORT }] }],
        Services: [{ Name: "alby-hub", PortLabel: "http", Provider: "nomad", Checks: [httpCheck("/api/health")] }],
        RestartPolicy: DEFAULT_RESTART,
        Update: DEFAULT_UPDATE,
        Tasks: [
          {
            Name: "alby-hub",
            Driver: "docker",
            Config: { image: imageRef(IMAGES.albyHub), ports: ["http"] },
            Env: { WORK_DIR: "/data", PORT: String(ALBY_PORT), LOG_LEVEL: "4" },
            // PostgreSQL on the external server; the URI (with its password) is a Nomad variable.
            Templates: [nomadVarEnv(VARS.alby, { DATABASE_URI: "database_uri" })],
            Resources: { CPU: 500, MemoryMB: 512 },
          },
        ],
      },
    ],
  };
}
