/**
 * The estate plus synthetic copies of a representative service stack, for measuring how
 * synth cost grows: BENCH_SCALE=10 synthesizes ten times as many stacks as main.ts.
 */
import { HomelabApp } from "../constructs";
import { defineEstate } from "../main";
import { VaultStack } from "../stacks/vault";
import { representativeStack } from "./bench-representative";

/** The estate, then copies of the representative stack until there are `scale` times as many stacks. */
export function defineBenchEstate(app: HomelabApp, scale: number): void {
  defineEstate(app);
  const base = app.stacks.length;
  for (let i = base; i < base * scale; i++) representativeStack(app, `bench-copy-${i}`);
  // The copies read Vault like matrix does: grant them as main.ts grants the estate's jobs.
  (app.node.findChild("vault") as VaultStack).grantNomadJobsIn(app);
}

if (require.main === module) {
  const app = new HomelabApp();
  defineBenchEstate(app, Number(process.env.BENCH_SCALE ?? "1"));
  app.synth();
}
