/**
 * The estate of main.ts synthesized with the test inventory, once per test run for the test
 * files that only read it. The first file to ask synthesizes it through the real path
 * (synthApp: HomelabApp.synth, every rule) and leaves the result in the run's directory
 * (helpers/test-run), which globalTeardown removes: nothing is reused from an earlier run,
 * so a test never reads an estate older than the code it runs with. Synthesized live instead
 * when there is no run directory (a jest config without the globalSetup) and under mutation
 * testing, where each mutant switches behaviour inside the same code at run time.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from "fs";
import { join } from "path";
import type { HomelabApp } from "../../constructs";
import type { OrderedStack } from "../../constructs/stack-graph";
import { synthApp, SynthResult } from "./synth";
import { TEST_RUN_ENV } from "./test-run";

export interface EstateSynth extends SynthResult {
  /** Every stack in deploy order, as HomelabApp.describeStacks() gives it. */
  readonly order: readonly OrderedStack[];
}

/** True under StrykerJS: its workers carry STRYKER_MUTATOR_WORKER, instrumented code a __stryker2__ global. */
export function underMutationTesting(): boolean {
  return process.env.STRYKER_MUTATOR_WORKER !== undefined || "__stryker2__" in globalThis;
}

function synthesize(): EstateSynth {
  // Loaded here, not at the top: a file that reads the shared estate need not load the stacks.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { defineEstate } = require("../../main") as typeof import("../../main");
  let estate: HomelabApp | undefined;
  const result = synthApp((app) => {
    defineEstate(app);
    estate = app;
  });
  // Described after the synth: its preparation of the stacks is the one describing them needs.
  return { ...result, order: estate!.describeStacks() };
}

/** The estate, synthesized with the test inventory and every rule (see the file comment). */
export function synthEstate(): EstateSynth {
  const run = process.env[TEST_RUN_ENV];
  if (!run || underMutationTesting()) return synthesize();
  const file = join(run, "estate.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as EstateSynth;
  const estate = synthesize();
  // Another worker may be writing it too: each writes its own file and renames it into place.
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(estate));
  renameSync(partial, file);
  return estate;
}

