/**
 * Tier-0 state, encrypted in git.
 *
 *   npm run state -- decrypt <stack> [--force]   state/<stack>.tfstate.age -> state/<stack>.tfstate
 *   npm run state -- encrypt <stack> [--force]   and back; the plaintext (and its .backup) removed
 *   npm run state -- check                       fails if git holds plaintext state (by content) or a bad recipients list
 *   npm run state -- keygen                      prints a new identity and its public recipient
 *
 * Identity: AGE_IDENTITY_FILE (path) or AGE_IDENTITY (contents). Recipients: state/recipients.txt.
 * decrypt and encrypt take the stack's lock (state/<stack>.tfstate.lock), so they cannot run
 * in the middle of a deploy of the same stack; --lock-timeout=<seconds> waits for it.
 * Runs in the current directory as the repository root (npm does that); the estate module
 * is HOMELAB_APP (default main).
 */
// @ts-nocheck

import { tmpdir } from "os";
import { join } from "path";
import { generateKeyPair } from "./lib/age";
import { parseArgs, runMain, UsageError } from "./lib/cli";
import { findStack, loadEstate } from "./lib/estate";
import { redactingErrors } from "./lib/redact";
import { decryptState, encryptState, readFilesToCheck, stateFileProblems, StateResult } from "./lib/state-files";
import { lockTimeoutSeconds, StateLocks } from "./lib/state-lock";

const USAGE = "npm run state -- decrypt|encrypt <stack> [--force] [--lock-timeout=<seconds>] | check | keygen";

/** The stack must exist and be tier 0: only tier-0 state lives in git. */
function tier0Stack(id: string | undefined): string {
  if (!id) throw new UsageError("which stack?", USAGE);
  // Only the stack list is needed: nothing is synthesized, so the outdir is never written.
  const { stacks } = loadEstate(join(tmpdir(), "homelab-state-unused"));
  const stack = findStack(stacks, id);
  if (stack.tier !== 0) {
    throw new Error(`stack ${id} is tier ${stack.tier ?? "(none)"}: its state lives in PostgreSQL, not in state/; only tier-0 stacks (${stacks.filter((s) => s.tier === 0).map((s) => s.id).join(", ")}) have encrypted state`);
  }
  return id;
}

/** Runs one decrypt or encrypt while holding the stack's lock. */
async function locked(root: string, stack: string, command: string, timeoutSeconds: number, work: () => Promise<StateResult>): Promise<number> {
  const locks = await StateLocks.acquire(root, [stack], { command: `state ${command} ${stack}`, timeoutSeconds });
  try {
    console.log((await work()).message);
    return 0;
  } finally {
    locks.release();
  }
}

async function main(): Promise<number> {
  const { positional, flags } = parseArgs(process.argv.slice(2), ["force", "lock-timeout="], USAGE);
  const [command, stackArg, ...extra] = positional;
  if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(" ")}`, USAGE);
  const root = process.cwd();
  const force = flags.has("force");
  const timeout = lockTimeoutSeconds(flags.get("lock-timeout"), USAGE);
  switch (command) {
    case "decrypt": {
      const stack = tier0Stack(stackArg);
      return locked(root, stack, command, timeout, () => decryptState(root, stack, { force }));
    }
    case "encrypt": {
      const stack = tier0Stack(stackArg);
      return locked(root, stack, command, timeout, () => encryptState(root, stack, { force }));
    }
    case "check": {
      const problems = stateFileProblems(readFilesToCheck(root));
      if (problems.length) {
        console.error(
          `tier-0 state is not safe to commit:\n  ${problems.join("\n  ")}\n` +
            `only encrypted state (state/<stack>.tfstate.age, written by npm run state -- encrypt) and age public keys in ` +
            `state/recipients.txt belong in git; remove anything else from the index (git rm --cached <file>)`,
        );
        return 1;
      }
      console.log("no plaintext state is tracked; every state/*.tfstate.age is an age file");
      return 0;
    }
    case "keygen": {
      const { identity, recipient } = await generateKeyPair();
      console.log(`# public key: ${recipient}\n${identity}`);
      console.error(`keep the identity above secret (e.g. in a file named by AGE_IDENTITY_FILE); add ${recipient} to state/recipients.txt and re-encrypt every tier-0 stack`);
      return 0;
    }
    default:
      throw new UsageError(command ? `unknown command ${command}` : "which command?", USAGE);
  }
}

runMain(redactingErrors(main));
