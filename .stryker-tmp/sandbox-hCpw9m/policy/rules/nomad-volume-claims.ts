/**
 * Nomad's CSI claim rules, as nomad/structs/csi.go has them at the version the estate runs
 * (contracts/nomad-version.ts): every allocation of a group that requests a CSI volume
 * claims it, read-only or writing, and the volume's access mode says how many claims it
 * takes (HasFreeReadClaims, HasFreeWriteClaims). Nomad places the allocations and only
 * then refuses the claim ("volume max claims reached"): the group never starts. The
 * volume takes the access mode of whichever claim comes first (setModesFromClaim), so
 * every mode the claimants ask for must admit all the claims.
 */
// @ts-nocheck

import { NOMAD_VERSION } from "../../contracts/nomad-version";
import type { Inventory } from "../../inventory";
import type { VolumeAccessMode } from "../../jobspecs/model";
import { EstateProblem, EstateRule, RuleContext, SynthStack } from "../rule";
import { nomadJobOf } from "./nomad-support";

/** What each access mode admits, as csi.go counts claims. */
export const CLAIMS_ALLOWED: Readonly<Record<VolumeAccessMode, { readonly text: string; readonly admits: (reads: number, writes: number) => boolean }>> = {
  "single-node-reader-only": { text: "one claim, read-only", admits: (r, w) => w === 0 && r <= 1 },
  "single-node-writer": { text: "one claim, read or write", admits: (r, w) => r + w <= 1 },
  "multi-node-reader-only": { text: "any number of claims, all read-only", admits: (_r, w) => w === 0 },
  "multi-node-single-writer": { text: "one write claim and any number of read-only claims", admits: (_r, w) => w <= 1 },
  "multi-node-multi-writer": { text: "any number of claims", admits: () => true },
};

/** One group's claims on one volume. */
export interface VolumeClaim {
  readonly stackId: string;
  /** The job resource's construct path. */
  readonly path: string;
  readonly group: string;
  readonly allocations: number;
  readonly write: boolean;
  readonly accessMode: string;
}

const UPSTREAM = `Nomad ${NOMAD_VERSION} nomad/structs/csi.go`;

/** How many allocations a group runs: its count, or one per client node for system jobs. */
function allocations(jobType: string, count: number | undefined, clients: number): number {
  return jobType === "system" || jobType === "sysbatch" ? clients : (count ?? 1);
}

function clientNodes(inventory: Inventory, cluster: string | undefined): number {
  const nodes = cluster === "nomad-bitcoin" ? inventory.nomad.bitcoin.nodes : inventory.nomad.main.nodes;
  return nodes.filter((n) => n.role !== "server").length;
}

function describe(c: VolumeClaim): string {
  const times = c.allocations === 1 ? "" : ` ×${c.allocations}`;
  return `${c.path} group ${c.group} (${c.write ? "write" : "read"}${times}${c.accessMode ? "" : ", no access mode"})`;
}

/** Every CSI claim of the estate's jobs, by cluster, namespace and volume id. */
function claimsByVolume(stacks: readonly SynthStack[], context: RuleContext): Map<string, VolumeClaim[]> {
  const claims = new Map<string, VolumeClaim[]>();
  for (const stack of stacks) {
    for (const r of stack.resources) {
      const job = nomadJobOf(r);
      if (!job) continue;
      for (const group of job.TaskGroups ?? []) {
        for (const request of Object.values(group.Volumes ?? {})) {
          if (request.Type !== "csi") continue;
          const count = allocations(job.Type, group.Count, clientNodes(context.inventory, stack.cluster));
          // per_alloc: allocation i claims its own volume <source>[i].
          const targets = request.PerAlloc ? Array.from({ length: count }, (_, i) => `${request.Source}[${i}]`) : [request.Source];
          for (const source of targets) {
            const key = volumeKey(stack.cluster, job.Namespace, source);
            const list = claims.get(key) ?? [];
            list.push({
              stackId: stack.id,
              path: r.path,
              group: group.Name,
              allocations: request.PerAlloc ? 1 : count,
              write: request.ReadOnly !== true,
              accessMode: request.AccessMode ?? "",
            });
            claims.set(key, list);
          }
        }
      }
    }
  }
  return claims;
}

function volumeKey(cluster: string | undefined, namespace: string | undefined, id: string): string {
  return `${cluster ?? "?"}\0${namespace ?? "default"}\0${id}`;
}

/** Where each declared volume's resource is, to pin a finding on the volume itself. */
function declaredVolumes(stacks: readonly SynthStack[]): Map<string, { stackId: string; path: string }> {
  const found = new Map<string, { stackId: string; path: string }>();
  for (const stack of stacks) {
    for (const r of stack.resources) {
      if (r.type !== "nomad_csi_volume" && r.type !== "nomad_csi_volume_registration") continue;
      const a = r.attributes as { volume_id?: unknown; namespace?: unknown };
      if (typeof a.volume_id !== "string") continue;
      found.set(volumeKey(stack.cluster, typeof a.namespace === "string" ? a.namespace : undefined, a.volume_id), { stackId: stack.id, path: r.path });
    }
  }
  return found;
}

/** The claims on one volume that Nomad would refuse, as one sentence; undefined when every claim fits. */
export function refusedClaims(volumeId: string, claims: readonly VolumeClaim[]): string | undefined {
  const reads = claims.filter((c) => !c.write).reduce((n, c) => n + c.allocations, 0);
  const writes = claims.filter((c) => c.write).reduce((n, c) => n + c.allocations, 0);
  const modes = [...new Set(claims.map((c) => c.accessMode))];
  const known = modes.filter((m): m is VolumeAccessMode => m in CLAIMS_ALLOWED);
  const refusing = known.filter((m) => !CLAIMS_ALLOWED[m].admits(reads, writes));
  if (!refusing.length && modes.length === 1) return undefined;
  const total = `${reads + writes} claim${reads + writes === 1 ? "" : "s"} (${writes} write, ${reads} read)`;
  const who = claims.map(describe).join(", ");
  const parts: string[] = [];
  for (const mode of refusing) parts.push(`${mode} admits ${CLAIMS_ALLOWED[mode].text}`);
  if (modes.length > 1) {
    parts.push(`its claimants ask for different access modes (${modes.map((m) => m || "none").join(", ")}) and the volume takes the mode of whichever claim comes first`);
  }
  return (
    `CSI volume ${volumeId} has ${total} from ${who}, and Nomad refuses them: ${parts.join("; ")}. ` +
    `Mount it in fewer groups (one for a single-node volume), read-only where a multi-node mode allows it, or give the volume a capability that admits these claims`
  );
}

/**
 * Every CSI volume's claims, summed over all jobs and groups of the estate on the same
 * cluster and namespace, fit what its access mode admits.
 */
export const nomadVolumeClaims: EstateRule = {
  id: "HL-NOMAD-10",
  scope: "estate",
  level: "error",
  acknowledgeable: false,
  description: `the claims on each CSI volume, over every job and group of the estate, fit its access mode as Nomad counts them (${UPSTREAM}): single-node modes take one claim`,
  fix: "mount the volume in one group (other readers get their files another way), or ask for a multi-node mode the volume offers; changing a volume's capability replaces it (the provider forces a new volume)",
  check(stacks: readonly SynthStack[], context: RuleContext): EstateProblem[] {
    const declared = declaredVolumes(stacks);
    const problems: EstateProblem[] = [];
    for (const [key, claims] of claimsByVolume(stacks, context)) {
      const volumeId = key.split("\0")[2];
      const message = refusedClaims(volumeId, claims);
      if (!message) continue;
      // On the volume when a stack declares it (HL-NOMAD-5 reports the undeclared), else on the first claimant.
      const at = declared.get(key) ?? { stackId: claims[0].stackId, path: claims[0].path };
      problems.push({ stackId: at.stackId, path: at.path, message });
    }
    return problems;
  },
};
