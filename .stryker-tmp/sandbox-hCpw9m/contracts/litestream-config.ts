/**
 * litestream-config: every Litestream config a Nomad job renders, against the structs
 * Litestream decodes it into at the stored version. A task runs Litestream when its image
 * is Litestream's; its config is the file named by `-config`, rendered by one of the
 * task's templates. Litestream's yaml.v2 decoder ignores unknown keys, so a misspelt key
 * (`force-path-styl`) is a setting that never applies: here it is an error.
 */
// @ts-nocheck

import YAML from "yaml";
import { IMAGES } from "../jobspecs/images";
import { ContractCheck, ContractFinding, ValidateInput } from "./contract";
import { checkAgainstSchema, GoStructSchema } from "./go-struct-schema";
import { jobFinding, synthesizedNomadJobs } from "./nomad-jobs";
import { isRuntimeValue, programTasks } from "./nomad-task-files";
import { joinPath } from "./synthesized";
import { readProvenance, readStoredJson, upstreamLabel } from "./stored";

export const LITESTREAM_CONTRACT = "litestream-config";

export function checkLitestreamConfigs(input: ValidateInput): ContractFinding[] {
  const provenance = readProvenance(LITESTREAM_CONTRACT);
  const schema = readStoredJson<GoStructSchema>(LITESTREAM_CONTRACT, "config.json");
  const rootFile = schema.structs[schema.root].file;
  const upstream = (file = rootFile) => upstreamLabel(provenance, file);
  const { jobs } = synthesizedNomadJobs(input.stacks, upstream());
  const findings: ContractFinding[] = [];
  for (const t of programTasks(jobs, IMAGES.litestream.repository, ["-config", "--config"])) {
    if (t.tag !== provenance.version) {
      findings.push(jobFinding(t.job, [...t.path, "Config", "image"], `runs Litestream ${t.tag ?? "(untagged)"} but the stored contract is for ${provenance.version}: run ${provenance.command} after bumping jobspecs/images.ts`, upstream()));
    }
    if (t.configPath === undefined) continue; // no config file: the command takes a replica URL
    if (!t.rendered) {
      findings.push(jobFinding(t.job, [...t.path, "Config", "args"], `Litestream reads -config ${t.configPath}, but no template of the task renders it (templates: ${t.destinations}): it would fail to start`, upstream()));
      continue;
    }
    // yaml.v2 reads YAML 1.1 (yes/no are booleans there).
    const doc = YAML.parseDocument(t.rendered.text, { version: "1.1" });
    if (doc.errors.length) {
      findings.push(jobFinding(t.job, t.rendered.at, `${t.configPath} is not YAML Litestream can read: ${doc.errors[0].message.split("\n")[0]}`, upstream()));
      continue;
    }
    for (const p of checkAgainstSchema(doc.toJS(), schema, { project: "Litestream", isRuntimeValue })) {
      findings.push(jobFinding(t.job, t.rendered.at, `${t.configPath} ${joinPath(p.path) || "(top level)"}: ${p.problem}`, upstream(p.file)));
    }
  }
  return findings;
}

export const litestreamConfig: ContractCheck = {
  id: LITESTREAM_CONTRACT,
  description: "every Litestream config a job renders uses only keys and value types Litestream's config structs read",
  check: checkLitestreamConfigs,
};
