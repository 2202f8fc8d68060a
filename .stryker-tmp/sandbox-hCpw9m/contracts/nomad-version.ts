/**
 * The Nomad version the estate's clusters run, main and bitcoin alike: the job JSON and
 * the docker driver config are checked against Nomad's source at this tag. It must follow
 * the clusters: after upgrading Nomad, change it here and run
 * `npm run contracts -- nomad-api nomad-docker-driver` (the checks fail until the stored
 * contracts match it). Should the clusters ever run different versions, this becomes one
 * entry per cluster.
 */
// @ts-nocheck

import { ContractFinding } from "./contract";
import { CONTRACTS_DIR, Provenance, upstreamLabel } from "./stored";

/** The operators' guides name no Nomad version: 1.10.5 stands until they record the clusters' own. */
export const NOMAD_VERSION = "1.10.5";

/** The upstream tag of that version. */
export const NOMAD_TAG = `v${NOMAD_VERSION}`;

/** A finding when a stored Nomad contract was generated for another version than the estate runs. */
export function staleNomadContract(name: string, provenance: Provenance): ContractFinding[] {
  if (provenance.version === NOMAD_VERSION) return [];
  return [
    {
      where: `${CONTRACTS_DIR}/${name}`,
      problem: `stored for Nomad ${provenance.version}, but the estate runs ${NOMAD_VERSION} (contracts/nomad-version.ts): run ${provenance.command}`,
      upstream: upstreamLabel(provenance, provenance.ref),
    },
  ];
}
