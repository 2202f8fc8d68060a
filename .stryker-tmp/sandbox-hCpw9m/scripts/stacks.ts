/**
 * `npm run stacks [-- --ids]`: every stack with its tier, cluster, dependencies and place in the
 * deploy order; with --ids, only the stack ids, one per line, in deploy order (for scripts).
 * Refuses what synth refuses about the graph.
 */
// @ts-nocheck

import { HomelabApp } from "../constructs";
import { defineEstate } from "../main";
import { textTable } from "../policy/report-format";
import { parseArgs, runMain } from "./lib/cli";

runMain(async () => {
  const { flags } = parseArgs(process.argv.slice(2), ["ids"], "npm run stacks [-- --ids]");
  const app = new HomelabApp();
  defineEstate(app);
  const stacks = app.describeStacks();
  if (flags.has("ids")) {
    process.stdout.write(stacks.map((s) => `${s.id}\n`).join(""));
    return;
  }
  const rows = stacks.map((s) => [
    String(s.order),
    s.id,
    s.tier === undefined ? "-" : String(s.tier),
    s.cluster ?? "-",
    s.dependencies.join(", ") || "-",
  ]);
  process.stdout.write(`${textTable(["order", "stack", "tier", "cluster", "depends on"], rows)}\n`);
});
