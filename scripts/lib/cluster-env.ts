import { ClusterId } from "../../constructs";

/** The Bitcoin cluster's ACL token: a Nomad token is valid on one cluster only. */
export const BITCOIN_NOMAD_TOKEN_ENV = "BITCOIN_NOMAD_TOKEN";

/**
 * The environment Terraform runs with for a stack of `cluster`. Providers read NOMAD_TOKEN;
 * for the Bitcoin cluster it is taken from BITCOIN_NOMAD_TOKEN, so one shell (or one
 * pipeline) can hold both clusters' tokens and never sends one cluster's to the other.
 */
export function terraformEnvironment(cluster: ClusterId | undefined, env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (cluster !== "nomad-bitcoin") return env;
  const token = env[BITCOIN_NOMAD_TOKEN_ENV];
  if (!token) {
    throw new Error(
      `${BITCOIN_NOMAD_TOKEN_ENV} is not set: this stack targets the Bitcoin Nomad cluster, whose ACL token differs from ` +
        `the main cluster's NOMAD_TOKEN. Export it first (a token of the Bitcoin cluster with rights on its namespace)`,
    );
  }
  return { ...env, NOMAD_TOKEN: token };
}
