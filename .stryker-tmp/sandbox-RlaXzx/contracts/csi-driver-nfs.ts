/**
 * csi-driver-nfs: every job task running the csi-driver-nfs image passes only flags the
 * binary defines, with values of their type (Go's flag package exits on anything else), and
 * every volume of a plugin that image serves passes only CreateVolume parameters the driver
 * accepts, the required ones included, with an onDelete value it knows: it refuses the
 * volume otherwise ("invalid parameter … in storage class").
 */
// @ts-nocheck

import { IMAGES, parseImageRef } from "../jobspecs/images";
import { ContractCheck, ContractFinding, SynthesizedStack, ValidateInput } from "./contract";
import { closest, showValue } from "./go-struct-schema";
import { jobFinding, jobTasks, synthesizedNomadJobs } from "./nomad-jobs";
import { readProvenance, readStoredJson, upstreamLabel } from "./stored";
import { locate, resourcesOfType } from "./synthesized";

export const CSI_DRIVER_NFS_CONTRACT = "csi-driver-nfs";

/** What the generator stores (scripts/contracts/csi-driver-nfs.ts). */
export interface CsiDriverNfsContract {
  /** Flag name → Go type ("string", "bool", "int", "uint64" …; "value" for a custom flag.Value). */
  readonly flags: Readonly<Record<string, string>>;
  /** CreateVolume's accepted parameter names, lowercase (it compares case-insensitively). */
  readonly createVolumeParameters: readonly string[];
  /** Parameters without which CreateVolume or NodePublishVolume fails. */
  readonly requiredParameters: readonly string[];
  readonly onDeleteParameter: string;
  readonly onDeleteValues: readonly string[];
}

const MAIN = "cmd/nfsplugin/main.go";
const CONTROLLER = "pkg/nfs/controllerserver.go";

/** A flag's value against its Go type; undefined when it parses. */
function badValue(type: string, value: string): string | undefined {
  switch (type) {
    case "bool":
      return /^(1|0|t|f|true|false|TRUE|FALSE|True|False)$/.test(value) ? undefined : "a boolean";
    case "int":
    case "int64":
      return /^[+-]?\d+$/.test(value) ? undefined : "an integer";
    case "uint":
    case "uint64":
      return /^\+?\d+$/.test(value) ? undefined : "a non-negative integer";
    case "duration":
      return /^([+-]?(\d+(\.\d+)?)(ns|us|µs|ms|s|m|h))+$|^0$/.test(value) ? undefined : "a Go duration such as 30s";
    default:
      return undefined;
  }
}

/** Every problem with a task's args as Go's flag package parses them. */
export function flagProblems(args: readonly unknown[], contract: CsiDriverNfsContract): { index: number; problem: string }[] {
  const problems: { index: number; problem: string }[] = [];
  const known = Object.keys(contract.flags);
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg !== "string" || !/^--?[^-]/.test(arg)) {
      problems.push({ index: i, problem: `${showValue(arg)} is not a flag: the driver takes no positional arguments` });
      continue;
    }
    const [name, inline] = arg.replace(/^--?/, "").split(/=(.*)/s, 2) as [string, string | undefined];
    const type = contract.flags[name];
    if (!type) {
      const guess = closest(name, known);
      problems.push({ index: i, problem: `flag -${name} is not defined, and the binary exits on it${guess ? `; did you mean -${guess}?` : ""} (flags: ${known.join(", ")})` });
      continue;
    }
    let value = inline;
    if (value === undefined && type !== "bool") {
      const next = args[i + 1];
      if (typeof next !== "string") {
        problems.push({ index: i, problem: `flag -${name} needs a value` });
        continue;
      }
      value = next;
      i++;
    }
    const expected = value === undefined ? undefined : badValue(type, value);
    if (expected) problems.push({ index: i, problem: `flag -${name}=${value} must be ${expected}` });
  }
  return problems;
}

/** The Nomad API address a stack's provider talks to: plugins and volumes meet on one cluster. */
function clusterOf(stack: SynthesizedStack | undefined): string {
  return String(stack?.json?.provider?.nomad?.[0]?.address ?? "?");
}

export function checkCsiDriverNfs(input: ValidateInput): ContractFinding[] {
  const provenance = readProvenance(CSI_DRIVER_NFS_CONTRACT);
  const contract = readStoredJson<CsiDriverNfsContract>(CSI_DRIVER_NFS_CONTRACT, "driver.json");
  const upstream = (file: string) => upstreamLabel(provenance, file);
  const { jobs } = synthesizedNomadJobs(input.stacks, upstream(MAIN));
  const byId = new Map(input.stacks.map((s) => [s.id, s]));
  const findings: ContractFinding[] = [];
  const plugins = new Set<string>();
  const short = (repository: string) => repository.replace(/^docker\.io\//, "");
  for (const job of jobs) {
    for (const { task, path } of jobTasks(job.job)) {
      const image = typeof task.Config?.image === "string" ? parseImageRef(task.Config.image) : undefined;
      if (!image || short(image.repository) !== short(IMAGES.csiDriverNfs.repository)) continue;
      if (typeof task.CSIPluginConfig?.ID === "string") plugins.add(`${clusterOf(byId.get(job.stack))}\0${task.CSIPluginConfig.ID}`);
      if (image.tag !== provenance.ref) {
        findings.push(jobFinding(job, [...path, "Config", "image"], `runs csi-driver-nfs ${image.tag ?? "(untagged)"} but the stored contract is for ${provenance.ref}: run ${provenance.command} after bumping jobspecs/images.ts`, upstream(MAIN)));
      }
      const args: unknown[] = Array.isArray(task.Config?.args) ? task.Config.args : [];
      for (const p of flagProblems(args, contract)) findings.push(jobFinding(job, [...path, "Config", "args", p.index], p.problem, upstream(MAIN)));
    }
  }

  const allowed = contract.createVolumeParameters;
  for (const volume of resourcesOfType(input.stacks, "nomad_csi_volume")) {
    if (!plugins.has(`${clusterOf(byId.get(volume.stack))}\0${volume.body.plugin_id}`)) continue;
    const parameters: Record<string, unknown> = volume.body.parameters ?? {};
    const where = (key?: string) => locate(volume.stack, volume.address, key === undefined ? ["parameters"] : ["parameters", key]);
    const given = new Map(Object.entries(parameters).map(([k, v]) => [k.toLowerCase(), { key: k, value: v }]));
    for (const [lower, { key }] of given) {
      if (!allowed.includes(lower)) {
        const guess = closest(lower, allowed);
        findings.push({ where: where(key), problem: `CreateVolume refuses parameter ${JSON.stringify(key)} ("invalid parameter")${guess ? `; did you mean ${guess}?` : ""} (accepted, any case: ${allowed.join(", ")})`, upstream: upstream(CONTROLLER) });
      }
    }
    for (const required of contract.requiredParameters) {
      if (!given.has(required)) findings.push({ where: where(), problem: `parameter ${required} is required ("${required} is a required parameter")`, upstream: upstream(CONTROLLER) });
    }
    const onDelete = given.get(contract.onDeleteParameter);
    if (onDelete && !contract.onDeleteValues.some((v) => v.toLowerCase() === String(onDelete.value).toLowerCase())) {
      findings.push({ where: where(onDelete.key), problem: `${onDelete.key} ${showValue(onDelete.value)} is not one of ${contract.onDeleteValues.map((v) => JSON.stringify(v)).join(", ")}`, upstream: upstream("pkg/nfs/utils.go") });
    }
  }
  return findings;
}

export const csiDriverNfs: ContractCheck = {
  id: CSI_DRIVER_NFS_CONTRACT,
  description: "every csi-driver-nfs task passes only flags the binary defines; every volume of its plugin only CreateVolume parameters it accepts, required ones included",
  check: checkCsiDriverNfs,
};
