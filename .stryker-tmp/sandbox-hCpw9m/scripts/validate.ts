/**
 * `npm run validate`: checks what `npm run synth` wrote to cdktf.out (it does not
 * synthesize) and the Woodpecker workflows against the contracts of the software that
 * consumes them (contracts/). Prints each finding as
 * `stack/resource.path: problem (upstream: project@version file)` and exits 1 on any.
 */
// @ts-nocheck

import { join } from "path";
import { formatFinding } from "../contracts/contract";
import { CONTRACT_CHECKS } from "../contracts/index";
import { readSynthesizedStacks, readWorkflows } from "../contracts/synthesized";
import { parseArgs, runMain } from "./lib/cli";
import { repoRoot } from "./repo-root";

const USAGE = "npm run validate [-- --outdir <dir>]";

runMain(async () => {
  const { flags } = parseArgs(process.argv.slice(2), ["outdir="], USAGE);
  const root = repoRoot();
  const outdir = (flags.get("outdir") as string | undefined) ?? join(root, "cdktf.out");
  const input = { stacks: readSynthesizedStacks(outdir), workflows: readWorkflows(root) };
  let total = 0;
  for (const check of CONTRACT_CHECKS) {
    const findings = check.check(input);
    total += findings.length;
    for (const f of findings) process.stdout.write(`${formatFinding(f)}\n`);
    process.stderr.write(`${check.id}: ${findings.length ? `${findings.length} finding(s)` : "ok"}\n`);
  }
  process.stderr.write(`${total} finding(s) across ${input.stacks.length} stack(s) and ${input.workflows.length} workflow(s)\n`);
  return total ? 1 : 0;
});
