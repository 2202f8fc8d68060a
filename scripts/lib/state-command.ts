/**
 * `npm run state` (scripts/state.ts) as a function of its arguments, repository root and
 * environment, writing through the given streams: the CLI runs it on its process's own, and
 * the tests in theirs.
 */
import { tmpdir } from "os";
import { join } from "path";
import { generateKeyPair } from "./age";
import { parseArgs, UsageError } from "./cli";
import { findStack, loadEstate } from "./estate";
import { decryptState, encryptState, readFilesToCheck, stateFileProblems, StateResult } from "./state-files";
import { lockTimeoutSeconds, StateLocks } from "./state-lock";

const USAGE = "npm run state -- decrypt|encrypt <stack> [--force] [--lock-timeout=<seconds>] | check | keygen";

/** Where the command runs and writes. */
export interface StateContext {
  /** The repository root (the CLI's current directory). */
  readonly root: string;
  readonly env: NodeJS.ProcessEnv;
  /** Writes a line to standard output, or to standard error. */
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

/** The stack must exist and be tier 0: only tier-0 state lives in git. */
function tier0Stack(id: string | undefined, env: NodeJS.ProcessEnv): string {
  if (!id) throw new UsageError("which stack?", USAGE);
  // Only the stack list is needed: nothing is synthesized, so the outdir is never written.
  const { stacks } = loadEstate(join(tmpdir(), "homelab-state-unused"), env);
  const stack = findStack(stacks, id);
  if (stack.tier !== 0) {
    throw new Error(`stack ${id} is tier ${stack.tier ?? "(none)"}: its state lives in PostgreSQL, not in state/; only tier-0 stacks (${stacks.filter((s) => s.tier === 0).map((s) => s.id).join(", ")}) have encrypted state`);
  }
  return id;
}

/** Runs one decrypt or encrypt while holding the stack's lock. */
async function locked(context: StateContext, stack: string, command: string, timeoutSeconds: number, work: () => Promise<StateResult>): Promise<number> {
  const locks = await StateLocks.acquire(context.root, [stack], { command: `state ${command} ${stack}`, timeoutSeconds });
  try {
    context.out((await work()).message);
    return 0;
  } finally {
    locks.release();
  }
}

/** Runs `npm run state -- <argv>`; its exit code. */
export async function stateCommand(argv: readonly string[], context: StateContext): Promise<number> {
  const { positional, flags } = parseArgs(argv, ["force", "lock-timeout="], USAGE);
  const [command, stackArg, ...extra] = positional;
  if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(" ")}`, USAGE);
  const { root, env } = context;
  const force = flags.has("force");
  const timeout = lockTimeoutSeconds(flags.get("lock-timeout"), USAGE);
  switch (command) {
    case "decrypt": {
      const stack = tier0Stack(stackArg, env);
      return locked(context, stack, command, timeout, () => decryptState(root, stack, { force, env }));
    }
    case "encrypt": {
      const stack = tier0Stack(stackArg, env);
      return locked(context, stack, command, timeout, () => encryptState(root, stack, { force, env }));
    }
    case "check": {
      const problems = stateFileProblems(readFilesToCheck(root));
      if (problems.length) {
        context.err(
          `tier-0 state is not safe to commit:\n  ${problems.join("\n  ")}\n` +
            `only encrypted state (state/<stack>.tfstate.age, written by npm run state -- encrypt) and age public keys in ` +
            `state/recipients.txt belong in git; remove anything else from the index (git rm --cached <file>)`,
        );
        return 1;
      }
      context.out("no plaintext state is tracked; every state/*.tfstate.age is an age file");
      return 0;
    }
    case "keygen": {
      const { identity, recipient } = await generateKeyPair();
      context.out(`# public key: ${recipient}\n${identity}`);
      context.err(`keep the identity above secret (e.g. in a file named by AGE_IDENTITY_FILE); add ${recipient} to state/recipients.txt and re-encrypt every tier-0 stack`);
      return 0;
    }
    default:
      throw new UsageError(command ? `unknown command ${command}` : "which command?", USAGE);
  }
}
