/**
 * democratic-csi-config: every democratic-csi driver config a Nomad job renders, against
 * what that driver's code reads at the stored version: a known `driver`, and only option
 * keys the driver reads (with the types its code implies). The config is the file named by
 * `--driver-config-file`, rendered by one of the task's templates.
 */
import YAML from "yaml";
import { IMAGES } from "../jobspecs/images";
import { ContractCheck, ContractFinding, ValidateInput } from "./contract";
import { checkDriverOptions, DemocraticCsiOptions } from "./democratic-csi-options";
import { closest, showValue } from "./go-struct-schema";
import { jobContext, jobTasks, locateInJob, SynthesizedJob, synthesizedNomadJobs } from "./nomad-jobs";
import { isRuntimeValue, neutralizeTemplate, optionValue, runsImage, templateRendering } from "./nomad-task-files";
import { readProvenance, readStoredJson, upstreamLabel } from "./stored";
import { joinPath } from "./synthesized";

export const DEMOCRATIC_CSI_CONTRACT = "democratic-csi-config";
const FACTORY = "src/driver/factory.js";

export function checkDemocraticCsiConfigs(input: ValidateInput): ContractFinding[] {
  const provenance = readProvenance(DEMOCRATIC_CSI_CONTRACT);
  const stored = readStoredJson<DemocraticCsiOptions>(DEMOCRATIC_CSI_CONTRACT, "options.json");
  const { jobs } = synthesizedNomadJobs(input.stacks, upstreamLabel(provenance, FACTORY));
  const findings: ContractFinding[] = [];
  const finding = (job: SynthesizedJob, path: (string | number)[], problem: string, file: string) =>
    findings.push({ where: locateInJob(job, path), problem: `${jobContext(job.job, path)}${problem}`, upstream: upstreamLabel(provenance, file) });

  for (const job of jobs) {
    for (const { task, path } of jobTasks(job.job)) {
      const image = runsImage(task, IMAGES.democraticCsi.repository);
      if (!image) continue;
      if (image.tag !== provenance.ref) {
        finding(job, [...path, "Config", "image"], `runs democratic-csi ${image.tag ?? "(untagged)"} but the stored contract is for ${provenance.ref}: run ${provenance.command} after bumping jobspecs/images.ts`, FACTORY);
      }
      const args: unknown[] = Array.isArray(task.Config?.args) ? task.Config.args : [];
      const configPath = optionValue(args, ["--driver-config-file"]);
      if (configPath === undefined) {
        finding(job, [...path, "Config", "args"], "democratic-csi requires --driver-config-file and the task passes none", "bin/democratic-csi");
        continue;
      }
      const rendered = templateRendering(task, configPath);
      if (!rendered) {
        const dests = (task.Templates ?? []).map((t: any) => t?.DestPath).join(", ") || "none";
        finding(job, [...path, "Config", "args"], `democratic-csi reads --driver-config-file ${configPath}, but no template of the task renders it (templates: ${dests})`, "bin/democratic-csi");
        continue;
      }
      const at = [...path, "Templates", rendered.index, "EmbeddedTmpl"];
      const text = neutralizeTemplate(String(rendered.template.EmbeddedTmpl ?? ""), rendered.template.LeftDelim, rendered.template.RightDelim);
      const doc = YAML.parseDocument(text);
      const config = doc.toJS();
      if (doc.errors.length || config === null || typeof config !== "object" || Array.isArray(config)) {
        finding(job, at, `${configPath} is not a YAML mapping democratic-csi can load${doc.errors.length ? `: ${doc.errors[0].message.split("\n")[0]}` : ""}`, "bin/democratic-csi");
        continue;
      }
      const driver = config.driver;
      const options = typeof driver === "string" ? stored.byDriver[driver] : undefined;
      if (!options) {
        const known = typeof driver === "string" && stored.drivers.includes(driver);
        const guess = typeof driver === "string" ? closest(driver, stored.drivers) : undefined;
        finding(
          job,
          at,
          known
            ? `${configPath} driver: ${driver} is a democratic-csi driver, but its options are not stored: add it to the drivers the generator reads and run ${provenance.command}`
            : `${configPath} driver: ${showValue(driver)} is not a democratic-csi driver (the factory throws "invalid csi driver"); ${guess ? `did you mean ${guess}? ` : ""}drivers: ${stored.drivers.join(", ")}`,
          FACTORY,
        );
        continue;
      }
      // The driver's own class file: where a read of its options would be.
      const classFile = options.files.find((f) => f.startsWith("src/driver/") && f !== FACTORY) ?? FACTORY;
      for (const p of checkDriverOptions(config, options, isRuntimeValue)) finding(job, at, `${configPath} ${joinPath(p.path)}: ${p.problem}`, classFile);
    }
  }
  return findings;
}

export const democraticCsiConfig: ContractCheck = {
  id: DEMOCRATIC_CSI_CONTRACT,
  description: "every democratic-csi driver config a job renders names a known driver and only options that driver's code reads",
  check: checkDemocraticCsiConfigs,
};
