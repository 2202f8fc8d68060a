import { randomBytes } from "crypto";
import { closeSync, linkSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from "fs";
import { hostname } from "os";
import { join } from "path";
import { TIER0_STATE_DIR } from "../../constructs/homelab-stack";
import { UsageError } from "./cli";
import { processRunning } from "./process-running";

/**
 * An exclusive lock on a tier-0 stack's state in one checkout, held from decrypting to
 * re-encrypting: `state/<stack>.tfstate.lock` (ignored by git), created with O_EXCL and
 * holding who took it. Terraform's own lock covers only the plaintext while Terraform runs;
 * this one also covers the encrypted file and the steps around Terraform, so two deploys (or
 * a deploy and `npm run state`) in one checkout cannot interleave and drop an applied state.
 *
 * A lock whose process is gone (same host, pid not running) is stale and taken over; one
 * from another host is never guessed at: the message says how to remove it.
 */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  readonly started: string;
  /** What holds it, e.g. "deploy boot". */
  readonly command: string;
  /** Unique per acquisition, so a process only ever removes its own lock. */
  readonly token: string;
}

export function lockFile(root: string, stack: string): string {
  return join(root, TIER0_STATE_DIR, `${stack}.tfstate.lock`);
}

/** How a lock file reads to someone who wants it. */
type Holder = { readonly owner?: LockOwner; readonly raw: string };

/** A lock file written moments ago may still be empty: only an old unreadable one is stale. */
const UNREADABLE_GRACE_MS = 10_000;

function readHolder(path: string): Holder | undefined {
  let raw: string;
  try {
    raw = readFileSync(path, "utf8");
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
  try {
    const owner = JSON.parse(raw) as LockOwner;
    return typeof owner.pid === "number" && typeof owner.host === "string" ? { owner, raw } : { raw };
  } catch {
    return { raw };
  }
}

/** A lock left by a process that no longer runs on this host, or never finished writing it. */
export function isStale(holder: Holder, ageMs: number, host: string = hostname()): boolean {
  if (!holder.owner) return ageMs > UNREADABLE_GRACE_MS;
  return holder.owner.host === host && !processRunning(holder.owner.pid);
}

export function describeHolder(holder: Holder): string {
  const o = holder.owner;
  return o ? `pid ${o.pid} on ${o.host} (${o.command}, since ${o.started})` : "a process that has not written its name yet";
}

/**
 * Removes a stale lock without ever removing a fresh one: the file is first moved aside, and
 * put back when what was moved is not what was judged stale (another process took the lock
 * in between).
 */
function breakStale(path: string, where: string, seen: Holder): void {
  const aside = `${path}.stale-${process.pid}-${randomBytes(4).toString("hex")}`;
  try {
    renameSync(path, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return; // someone else cleared it
    throw err;
  }
  try {
    if (readFileSync(aside, "utf8") === seen.raw) return;
    linkSync(aside, path); // fails if a third process took the path meanwhile: then say so
  } catch (err) {
    throw new Error(`${where}: the lock changed hands while a stale lock was cleared (${(err as Error).message}); try again`);
  } finally {
    rmSync(aside, { force: true });
  }
}

/** One attempt: the lock, or who holds it. */
function tryLock(path: string, where: string, owner: LockOwner): { ok: true } | { ok: false; holder: Holder } {
  for (;;) {
    let fd: number;
    try {
      fd = openSync(path, "wx", 0o644);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      const holder = readHolder(path);
      if (!holder) continue; // released just now
      let ageMs = 0;
      try {
        ageMs = Date.now() - statSync(path).mtimeMs;
      } catch {
        continue;
      }
      if (!isStale(holder, ageMs)) return { ok: false, holder };
      const whose = holder.owner ? `of ${describeHolder(holder)}, which is no longer running` : "that was never finished";
      process.stderr.write(`${where}: removing a stale lock ${whose}\n`);
      breakStale(path, where, holder);
      continue;
    }
    try {
      writeSync(fd, JSON.stringify(owner));
    } finally {
      closeSync(fd);
    }
    return { ok: true };
  }
}

export interface LockOptions {
  /** What takes the lock, shown to whoever finds it held. */
  readonly command: string;
  /** Seconds to wait for a held lock; 0 refuses at once. */
  readonly timeoutSeconds: number;
  /** Stops waiting (an interrupt arrived). */
  readonly cancelled?: () => boolean;
}

/** Raised when a lock is held by someone else past the timeout. */
export class LockHeldError extends Error {}

const POLL_MS = 200;

/** The locks on several stacks' state, taken in a fixed order so two waiters cannot deadlock. */
export class StateLocks {
  private constructor(
    private readonly held: readonly { readonly stack: string; readonly path: string; readonly token: string }[],
  ) {}

  static async acquire(root: string, stacks: readonly string[], options: LockOptions): Promise<StateLocks> {
    const deadline = Date.now() + options.timeoutSeconds * 1000;
    const held: { stack: string; path: string; token: string }[] = [];
    const locks = new StateLocks(held);
    try {
      for (const stack of [...new Set(stacks)].sort()) {
        const path = lockFile(root, stack);
        const where = `${TIER0_STATE_DIR}/${stack}.tfstate.lock`;
        const owner: LockOwner = {
          pid: process.pid,
          host: hostname(),
          started: new Date().toISOString(),
          command: options.command,
          token: randomBytes(12).toString("hex"),
        };
        let announced = false;
        for (;;) {
          const attempt = tryLock(path, where, owner);
          if (attempt.ok) break;
          if (options.cancelled?.()) throw new LockHeldError(`interrupted while waiting for ${where}; nothing was changed`);
          if (Date.now() >= deadline) {
            throw new LockHeldError(
              `the tier-0 state of ${stack} is in use by ${describeHolder(attempt.holder)}: wait for it to finish` +
                `${options.timeoutSeconds > 0 ? ` (waited ${options.timeoutSeconds}s)` : ""}, or pass --lock-timeout=<seconds> to wait; ` +
                `if that process is gone (e.g. it ran on another machine), remove ${where}`,
            );
          }
          if (!announced) {
            process.stderr.write(`waiting up to ${options.timeoutSeconds}s for ${where}, held by ${describeHolder(attempt.holder)}\n`);
            announced = true;
          }
          await new Promise((r) => setTimeout(r, POLL_MS));
        }
        held.push({ stack, path, token: owner.token });
      }
      return locks;
    } catch (err) {
      locks.release();
      throw err;
    }
  }

  /** Fails unless every lock is still this process's own (checked before state is written). */
  assertHeld(): void {
    for (const { stack, path, token } of this.held) {
      if (readHolder(path)?.owner?.token !== token) {
        throw new Error(`the lock on the tier-0 state of ${stack} (${TIER0_STATE_DIR}/${stack}.tfstate.lock) is no longer this process's`);
      }
    }
  }

  /** Removes the locks this process holds, and only those. */
  release(): void {
    for (const { path, token } of this.held) {
      if (readHolder(path)?.owner?.token === token) rmSync(path, { force: true });
    }
  }
}

/** The value of --lock-timeout=<seconds>: whole seconds; absent, 0 (refuse at once, like Terraform's -lock-timeout). */
export function lockTimeoutSeconds(value: string | true | undefined, usage: string): number {
  if (value === undefined) return 0;
  if (value === true || !/^\d+$/.test(value)) throw new UsageError("--lock-timeout takes whole seconds, e.g. --lock-timeout=60", usage);
  return Number(value);
}
