/**
 * The estate plus synthetic copies of a representative service stack, for measuring how
 * synth cost grows: BENCH_SCALE=10 synthesizes ten times as many stacks as main.ts.
 */
// @ts-nocheck

import { HomelabApp } from "../constructs";
import { defineEstate } from "../main";
import { VaultStack } from "../stacks/vault";
import { representativeStack } from "./bench-representative";

const scale = Number(process.env.BENCH_SCALE ?? "1");
const app = new HomelabApp();
defineEstate(app);
const base = app.stacks.length;
for (let i = base; i < base * scale; i++) representativeStack(app, `bench-copy-${i}`);
// The copies read Vault like matrix does: grant them as main.ts grants the estate's jobs.
(app.node.findChild("vault") as VaultStack).grantNomadJobsIn(app);
app.synth();
