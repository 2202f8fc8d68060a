/**
 * `npm run check [-- --json]`: synthesizes the estate, runs every house rule, prints the
 * findings and acknowledgements, and exits non-zero on any open error. Writes no output.
 */
// @ts-nocheck

import { HomelabApp } from "../constructs";
import { defineEstate } from "../main";
import { readAddressRecord } from "../policy/address-record";
import { formatReport } from "../policy/report-format";
import { repoRoot } from "./repo-root";

function main(): number {
  const json = process.argv.includes("--json");
  const app = new HomelabApp({ addresses: readAddressRecord(repoRoot()) });
  defineEstate(app);
  const report = app.check();
  const stacks = app.stacks.length;
  if (json) process.stdout.write(`${JSON.stringify({ stacks, ...report }, null, 2)}\n`);
  else process.stdout.write(`${formatReport(report, stacks)}\n`);
  return report.errors > 0 ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
}
