/** `npm run stacks`: every stack with its tier, cluster, dependencies and place in the deploy order. */
import { HomelabApp } from "../constructs";
import { defineEstate } from "../main";
import { textTable } from "../policy/report-format";

try {
  const app = new HomelabApp();
  defineEstate(app);
  const rows = app.describeStacks().map((s) => [
    String(s.order),
    s.id,
    s.tier === undefined ? "-" : String(s.tier),
    s.cluster ?? "-",
    s.dependencies.join(", ") || "-",
  ]);
  process.stdout.write(`${textTable(["order", "stack", "tier", "cluster", "depends on"], rows)}\n`);
} catch (err) {
  console.error((err as Error).message);
  process.exitCode = 1;
}
