import { stateCommand } from "../../scripts/lib/state-command";
import { repoRoot } from "../../scripts/repo-root";
import { KeyPair, keyPairPrinted } from "../integration/helpers/workspace";

/**
 * `npm run state -- keygen` in this process: the key pair it prints, read as the integration
 * suite reads the CLI's (a process per key pair costs half a second).
 */
export async function keygenHere(): Promise<KeyPair> {
  let stdout = "";
  const status = await stateCommand(["keygen"], { root: repoRoot(), env: {}, out: (line) => (stdout += `${line}\n`), err: () => undefined });
  if (status !== 0) throw new Error(`state keygen exited ${status}`);
  return keyPairPrinted(stdout);
}
