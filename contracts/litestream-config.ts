/**
 * litestream-config: every Litestream config a Nomad job renders, against the structs
 * Litestream decodes it into at the stored version. A task runs Litestream when its image
 * is Litestream's; its config is the file named by `-config`, rendered by one of the
 * task's templates. Litestream's yaml.v2 decoder ignores unknown keys, so a misspelt key
 * (`force-path-styl`) is a setting that never applies: here it is an error.
 */
import YAML from "yaml";
import { IMAGES } from "../jobspecs/images";
import { ContractCheck, ContractFinding, ValidateInput } from "./contract";
import { checkAgainstSchema, GoStructSchema } from "./go-struct-schema";
import { jobContext, jobTasks, locateInJob, SynthesizedJob, synthesizedNomadJobs } from "./nomad-jobs";
import { isRuntimeValue, neutralizeTemplate, optionValue, runsImage, templateRendering } from "./nomad-task-files";
import { joinPath } from "./synthesized";
import { readProvenance, readStoredJson, upstreamLabel } from "./stored";

export const LITESTREAM_CONTRACT = "litestream-config";

export function checkLitestreamConfigs(input: ValidateInput): ContractFinding[] {
  const provenance = readProvenance(LITESTREAM_CONTRACT);
  const schema = readStoredJson<GoStructSchema>(LITESTREAM_CONTRACT, "config.json");
  const rootFile = schema.structs[schema.root].file;
  const { jobs } = synthesizedNomadJobs(input.stacks, upstreamLabel(provenance, rootFile));
  const findings: ContractFinding[] = [];
  const finding = (job: SynthesizedJob, path: (string | number)[], problem: string, file = rootFile) =>
    findings.push({ where: locateInJob(job, path), problem: `${jobContext(job.job, path)}${problem}`, upstream: upstreamLabel(provenance, file) });

  for (const job of jobs) {
    for (const { task, path } of jobTasks(job.job)) {
      const image = runsImage(task, IMAGES.litestream.repository);
      if (!image) continue;
      if (image.tag !== provenance.version) {
        finding(job, [...path, "Config", "image"], `runs Litestream ${image.tag ?? "(untagged)"} but the stored contract is for ${provenance.version}: run ${provenance.command} after bumping jobspecs/images.ts`);
      }
      const args: unknown[] = Array.isArray(task.Config?.args) ? task.Config.args : [];
      const configPath = optionValue(args, ["-config", "--config"]);
      if (configPath === undefined) continue; // no config file: the command takes a replica URL
      const rendered = templateRendering(task, configPath);
      if (!rendered) {
        const dests = (task.Templates ?? []).map((t: any) => t?.DestPath).join(", ") || "none";
        finding(job, [...path, "Config", "args"], `Litestream reads -config ${configPath}, but no template of the task renders it (templates: ${dests}): it would fail to start`);
        continue;
      }
      const at = [...path, "Templates", rendered.index, "EmbeddedTmpl"];
      const text = neutralizeTemplate(String(rendered.template.EmbeddedTmpl ?? ""), rendered.template.LeftDelim, rendered.template.RightDelim);
      // yaml.v2 reads YAML 1.1 (yes/no are booleans there).
      const doc = YAML.parseDocument(text, { version: "1.1" });
      if (doc.errors.length) {
        finding(job, at, `${configPath} is not YAML Litestream can read: ${doc.errors[0].message.split("\n")[0]}`);
        continue;
      }
      for (const p of checkAgainstSchema(doc.toJS(), schema, { project: "Litestream", isRuntimeValue })) {
        finding(job, at, `${configPath} ${joinPath(p.path) || "(top level)"}: ${p.problem}`, p.file);
      }
    }
  }
  return findings;
}

export const litestreamConfig: ContractCheck = {
  id: LITESTREAM_CONTRACT,
  description: "every Litestream config a job renders uses only keys and value types Litestream's config structs read",
  check: checkLitestreamConfigs,
};
