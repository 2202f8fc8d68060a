/**
 * The private directory a synth writes into before anything reaches the output directory.
 * It exists only while one synchronous synth runs, and is removed when that synth ends,
 * whether it succeeded or threw. A SIGINT, SIGTERM or SIGHUP arriving meanwhile is handled
 * once the synth has returned (JavaScript cannot run sooner), so it finds nothing left to
 * remove and ends the process as the signal would have. Only SIGKILL or a crash of node
 * itself can leave one behind: `homelab-synth-<pid>-…` in the temporary directory.
 */
import { randomBytes } from "crypto";
import { mkdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/** The name every staging directory of process `pid` starts with. */
export function stagingPrefix(pid: number = process.pid): string {
  return `homelab-synth-${pid}-`;
}

const live = new Set<string>();
const removeLive = () => live.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
const SIGNALS: readonly NodeJS.Signals[] = ["SIGINT", "SIGTERM", "SIGHUP"];
let guarded = false;

/** Removes what is left, then lets the signal end the process unless the host handles it. */
function onSignal(signal: NodeJS.Signals): void {
  removeLive();
  if (process.listenerCount(signal) > 1) return;
  process.removeListener(signal, onSignal);
  process.kill(process.pid, signal);
}

function guardInterrupts(): void {
  if (guarded) return;
  guarded = true;
  process.once("exit", removeLive);
  SIGNALS.forEach((signal) => process.on(signal, onSignal));
}

/**
 * A fresh path for a staging directory; nothing is created (cdktf's App creates its outdir
 * in its constructor: the caller removes it, and is already guarded while it exists).
 */
export function stagingPath(): string {
  guardInterrupts();
  return join(tmpdir(), `${stagingPrefix()}${randomBytes(6).toString("hex")}`);
}

/**
 * Creates `dir` (with the `stacks/` folder cdktf writes into), runs `work`, and removes `dir`
 * whatever `work` does.
 */
export function withStaging<T>(dir: string, work: () => T): T {
  guardInterrupts();
  mkdirSync(dir);
  live.add(dir);
  try {
    mkdirSync(join(dir, "stacks"));
    return work();
  } finally {
    rmSync(dir, { recursive: true, force: true });
    live.delete(dir);
    // One more turn of the event loop, so a signal that arrived meanwhile is handled even
    // when nothing else would keep the process running (else it ends with status 0).
    setImmediate(() => undefined);
  }
}
