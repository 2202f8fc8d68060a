// @ts-nocheck
import { HomelabApp } from "../../constructs";
import { VaultStack } from "../../stacks/vault";

/**
 * A vault stack granting every Nomad job of the app what its templates read, as main.ts
 * does: what a Nomad service stack needs beside it to pass HL-NOMAD-9.
 */
export function grantVault(app: HomelabApp): VaultStack {
  const vault = new VaultStack(app, { services: [] });
  vault.grantNomadJobsIn(app);
  return vault;
}
