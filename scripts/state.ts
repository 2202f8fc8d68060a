/**
 * Tier-0 state, encrypted in git.
 *
 *   npm run state -- decrypt <stack> [--force]   state/<stack>.tfstate.age -> state/<stack>.tfstate
 *   npm run state -- encrypt <stack> [--force]   and back; the plaintext (and its .backup) removed
 *   npm run state -- check                       fails if git tracks any plaintext state
 *   npm run state -- keygen                      prints a new identity and its public recipient
 *
 * Identity: AGE_IDENTITY_FILE (path) or AGE_IDENTITY (contents). Recipients: state/recipients.txt.
 * Runs in the current directory as the repository root (npm does that); the estate module
 * is HOMELAB_APP (default main).
 */
import { execFileSync } from "child_process";
import { tmpdir } from "os";
import { join } from "path";
import { generateKeyPair } from "./lib/age";
import { parseArgs, runMain, UsageError } from "./lib/cli";
import { findStack, loadEstate } from "./lib/estate";
import { decryptState, encryptState, plaintextStateFiles } from "./lib/state-files";

const USAGE = "npm run state -- decrypt|encrypt <stack> [--force] | check | keygen";

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

async function main(): Promise<number> {
  const { positional, flags } = parseArgs(process.argv.slice(2), ["force"], USAGE);
  const [command, stackArg, ...extra] = positional;
  if (extra.length) throw new UsageError(`unexpected arguments: ${extra.join(" ")}`, USAGE);
  const root = process.cwd();
  const force = flags.has("force");
  switch (command) {
    case "decrypt": {
      const result = await decryptState(root, tier0Stack(stackArg), { force });
      console.log(result.message);
      return 0;
    }
    case "encrypt": {
      const result = await encryptState(root, tier0Stack(stackArg), { force });
      console.log(result.message);
      return 0;
    }
    case "check": {
      const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: root, encoding: "utf8" }).split("\0").filter(Boolean);
      const bad = plaintextStateFiles(tracked);
      if (bad.length) {
        console.error(`plaintext Terraform state is tracked by git: ${bad.join(", ")}\nremove it (git rm --cached <file>) and commit only state/<stack>.tfstate.age`);
        return 1;
      }
      console.log("no plaintext state is tracked");
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

runMain(main);
