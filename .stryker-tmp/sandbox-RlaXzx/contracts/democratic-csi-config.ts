/**
 * democratic-csi-config: every democratic-csi driver config a Nomad job renders, against
 * what that driver's code reads at the stored version: a known `driver`, and only option
 * keys the driver reads (with the types its code implies). The config is the file named by
 * `--driver-config-file`, rendered by one of the task's templates.
 */
// @ts-nocheck

import YAML from "yaml";
import { IMAGES } from "../jobspecs/images";
import { ContractCheck, ContractFinding, ValidateInput } from "./contract";
import { checkDriverOptions, DemocraticCsiOptions } from "./democratic-csi-options";
import { closest, showValue } from "./go-struct-schema";
import { jobFinding, synthesizedNomadJobs } from "./nomad-jobs";
import { isRuntimeValue, programTasks } from "./nomad-task-files";
import { readProvenance, readStoredJson, upstreamLabel } from "./stored";
import { joinPath } from "./synthesized";

export const DEMOCRATIC_CSI_CONTRACT = "democratic-csi-config";
const ENTRY = "bin/democratic-csi";
const FACTORY = "src/driver/factory.js";

export function checkDemocraticCsiConfigs(input: ValidateInput): ContractFinding[] {
  const provenance = readProvenance(DEMOCRATIC_CSI_CONTRACT);
  const stored = readStoredJson<DemocraticCsiOptions>(DEMOCRATIC_CSI_CONTRACT, "options.json");
  const upstream = (file: string) => upstreamLabel(provenance, file);
  const { jobs } = synthesizedNomadJobs(input.stacks, upstream(FACTORY));
  const findings: ContractFinding[] = [];
  for (const t of programTasks(jobs, IMAGES.democraticCsi.repository, ["--driver-config-file"])) {
    if (t.tag !== provenance.ref) {
      findings.push(jobFinding(t.job, [...t.path, "Config", "image"], `runs democratic-csi ${t.tag ?? "(untagged)"} but the stored contract is for ${provenance.ref}: run ${provenance.command} after bumping jobspecs/images.ts`, upstream(FACTORY)));
    }
    if (!t.rendered) {
      const problem = t.configPath === undefined
        ? "democratic-csi requires --driver-config-file and the task passes none"
        : `democratic-csi reads --driver-config-file ${t.configPath}, but no template of the task renders it (templates: ${t.destinations})`;
      findings.push(jobFinding(t.job, [...t.path, "Config", "args"], problem, upstream(ENTRY)));
      continue;
    }
    const doc = YAML.parseDocument(t.rendered.text);
    const config = doc.toJS();
    if (doc.errors.length || config === null || typeof config !== "object" || Array.isArray(config)) {
      const why = doc.errors.length ? `: ${doc.errors[0].message.split("\n")[0]}` : "";
      findings.push(jobFinding(t.job, t.rendered.at, `${t.configPath} is not a YAML mapping democratic-csi can load${why}`, upstream(ENTRY)));
      continue;
    }
    const driver = config.driver;
    const options = typeof driver === "string" ? stored.byDriver[driver] : undefined;
    if (!options) {
      const guess = typeof driver === "string" ? closest(driver, stored.drivers) : undefined;
      const problem = typeof driver === "string" && stored.drivers.includes(driver)
        ? `driver: ${driver} is a democratic-csi driver, but its options are not stored: add it to the drivers the generator reads and run ${provenance.command}`
        : `driver: ${showValue(driver)} is not a democratic-csi driver (the factory throws "invalid csi driver"); ${guess ? `did you mean ${guess}? ` : ""}drivers: ${stored.drivers.join(", ")}`;
      findings.push(jobFinding(t.job, t.rendered.at, `${t.configPath} ${problem}`, upstream(FACTORY)));
      continue;
    }
    // The driver's own class file: where a read of its options would be.
    const classFile = options.files.find((f) => f.startsWith("src/driver/") && f !== FACTORY) ?? FACTORY;
    for (const p of checkDriverOptions(config, options, isRuntimeValue)) {
      findings.push(jobFinding(t.job, t.rendered.at, `${t.configPath} ${joinPath(p.path)}: ${p.problem}`, upstream(classFile)));
    }
  }
  return findings;
}

export const democraticCsiConfig: ContractCheck = {
  id: DEMOCRATIC_CSI_CONTRACT,
  description: "every democratic-csi driver config a job renders names a known driver and only options that driver's code reads",
  check: checkDemocraticCsiConfigs,
};
