/**
 * One temporary directory per test run, in memory where the machine allows (fastTmpdir):
 * jest's globalSetup creates it and points TMPDIR at it,
 * so everything the tests and the processes they start put in the temporary directory
 * (synth staging, workspaces, outputs) lands there; globalTeardown fails the run if a synth
 * left its staging directory behind, then removes the whole directory. The shared estate
 * (helpers/estate) is kept there too, so it lives exactly as long as the run.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from "fs";
import { join } from "path";
import { fastTmpdir } from "../../scripts/lib/fast-tmp";
import { processRunning } from "../../scripts/lib/process-running";

/** Names the run's directory for the test files (the workers inherit it). */
export const TEST_RUN_ENV = "HOMELAB_TEST_RUN";
const PREFIX = "homelab-test-run-";
/** Names the directory run directories are made in, instead of the one chosen below. */
export const TEST_TMP_ENV = "HOMELAB_TEST_TMP";
/** TMPDIR as it was before the run (unset: the empty string). */
const TMPDIR_BEFORE_ENV = "HOMELAB_TEST_RUN_TMPDIR_BEFORE";

/** Removes the directories of earlier runs that were killed before their teardown. */
function removeAbandonedRuns(root: string): void {
  for (const name of readdirSync(root)) {
    const pid = new RegExp(`^${PREFIX}(\\d+)-`).exec(name)?.[1];
    if (pid && !processRunning(Number(pid))) rmSync(join(root, name), { recursive: true, force: true });
  }
}

/** Where run directories go (see fastTmpdir), or HOMELAB_TEST_TMP. */
function runsRoot(): string {
  return process.env[TEST_TMP_ENV] || fastTmpdir();
}

export function startTestRun(): void {
  const root = runsRoot();
  removeAbandonedRuns(root);
  const dir = mkdtempSync(join(root, `${PREFIX}${process.pid}-`));
  process.env[TEST_RUN_ENV] = dir;
  process.env[TMPDIR_BEFORE_ENV] = process.env.TMPDIR ?? "";
  process.env.TMPDIR = dir;
}

/** The synth staging directories left in `dir` (constructs/synth-staging names them). */
export function leftStaging(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).filter((name) => name.startsWith("homelab-synth-")) : [];
}

export function endTestRun(): void {
  const dir = process.env[TEST_RUN_ENV];
  if (!dir) return;
  const left = leftStaging(dir);
  rmSync(dir, { recursive: true, force: true });
  const before = process.env[TMPDIR_BEFORE_ENV];
  if (before) process.env.TMPDIR = before;
  else delete process.env.TMPDIR;
  delete process.env[TEST_RUN_ENV];
  delete process.env[TMPDIR_BEFORE_ENV];
  if (left.length) {
    const error = new Error(`the test run left ${left.length} synth staging director${left.length === 1 ? "y" : "ies"} behind (${left.join(", ")}): a synth path skips its cleanup (constructs/synth-staging)`);
    error.stack = error.message; // jest prints the stack: the message says it all
    throw error;
  }
}
