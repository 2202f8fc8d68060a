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
import { runMain } from "./lib/cli";
import { redactingErrors } from "./lib/redact";
import { stateCommand } from "./lib/state-command";

runMain(
  redactingErrors(() =>
    stateCommand(process.argv.slice(2), {
      root: process.cwd(),
      env: process.env,
      out: (line) => console.log(line),
      err: (line) => console.error(line),
    }),
  ),
);
