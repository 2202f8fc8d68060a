import { existsSync, readFileSync, utimesSync, writeFileSync } from "fs";
import { cleanEnv, newWorkspace, runScript, sha256, Workspace } from "../integration/helpers/workspace";

/**
 * `npm run state` through the compiled CLI (real age, run by node: jest cannot load the
 * ESM-only age package), on the fixture estate (tier-0 stack boot, tier-1 producer).
 * Needs `tsc -p .` first, which `npm test` runs.
 */
describe("npm run state", () => {
  let ws: Workspace;
  const STATE = '{"version":4,"serial":3,"resources":[{"name":"Seed"}]}\n';
  const state = (args: string[], env: NodeJS.ProcessEnv = {}) => runScript("state", args, ws.root, cleanEnv(env));
  const operator = () => ({ AGE_IDENTITY_FILE: ws.identityFile });
  const setMtime = (file: string, secondsAgo: number) => {
    const t = new Date(Date.now() - secondsAgo * 1000);
    utimesSync(file, t, t);
  };

  beforeEach(() => {
    ws = newWorkspace();
    writeFileSync(ws.stateFile("boot.tfstate"), STATE);
    writeFileSync(ws.stateFile("boot.tfstate.backup"), STATE);
    const r = state(["encrypt", "boot"]);
    if (r.status !== 0) throw new Error(r.stderr);
  });
  afterEach(() => ws.dispose());

  test("encrypt needs no identity and removes the plaintext and its backup", () => {
    expect(existsSync(ws.stateFile("boot.tfstate.age"))).toBe(true);
    expect(existsSync(ws.stateFile("boot.tfstate"))).toBe(false);
    expect(existsSync(ws.stateFile("boot.tfstate.backup"))).toBe(false);
  });

  test("decrypt restores the exact bytes, readable by the owner only", () => {
    expect(state(["decrypt", "boot"], operator()).stdout).toMatch(/boot: decrypted to state\/boot.tfstate/);
    expect(readFileSync(ws.stateFile("boot.tfstate"), "utf8")).toBe(STATE);
  });

  test("fails if no identity is set, saying what to set, and writes nothing", () => {
    const before = sha256(ws.stateFile("boot.tfstate.age"));
    const r = state(["decrypt", "boot"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no age identity to decrypt state\/boot.tfstate.age: set AGE_IDENTITY_FILE/);
    expect(sha256(ws.stateFile("boot.tfstate.age"))).toBe(before);
    expect(existsSync(ws.stateFile("boot.tfstate"))).toBe(false);
  });

  test("fails if the identity is not a recipient, and writes nothing", () => {
    const r = state(["decrypt", "boot"], { AGE_IDENTITY_FILE: ws.strangerFile });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot decrypt state\/boot.tfstate.age: it is not one of the recipients/);
    expect(existsSync(ws.stateFile("boot.tfstate"))).toBe(false);
  });

  test("fails if a newer plaintext holds unsaved work, leaving both files; --force discards it", () => {
    setMtime(ws.stateFile("boot.tfstate.age"), 60);
    writeFileSync(ws.stateFile("boot.tfstate"), '{"unsaved":true}\n');
    const [enc, plain] = [sha256(ws.stateFile("boot.tfstate.age")), sha256(ws.stateFile("boot.tfstate"))];
    const r = state(["decrypt", "boot"], operator());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/refusing to decrypt boot: the plaintext state is newer than the encrypted one and differs from it/);
    expect([sha256(ws.stateFile("boot.tfstate.age")), sha256(ws.stateFile("boot.tfstate"))]).toEqual([enc, plain]);

    expect(state(["decrypt", "boot", "--force"], operator()).status).toBe(0);
    expect(readFileSync(ws.stateFile("boot.tfstate"), "utf8")).toBe(STATE);
  });

  test("fails to encrypt a plaintext older than the encrypted state (changed since, e.g. by git pull), unless forced", () => {
    writeFileSync(ws.stateFile("boot.tfstate"), '{"stale":true}\n');
    setMtime(ws.stateFile("boot.tfstate"), 60);
    const before = sha256(ws.stateFile("boot.tfstate.age"));
    const r = state(["encrypt", "boot"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/refusing to encrypt boot: the encrypted state is newer than the plaintext/);
    expect(sha256(ws.stateFile("boot.tfstate.age"))).toBe(before);
    expect(state(["encrypt", "boot", "--force"]).status).toBe(0);
    expect(sha256(ws.stateFile("boot.tfstate.age"))).not.toBe(before);
  });

  test("fails for a tier-1 stack: its state is in PostgreSQL", () => {
    const r = state(["decrypt", "producer"], operator());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/stack producer is tier 1: its state lives in PostgreSQL, not in state\/; only tier-0 stacks \(boot\) have encrypted state/);
  });

  test("fails for an unknown stack or command, with the stacks or the usage", () => {
    expect(state(["decrypt", "nope"]).stderr).toMatch(/no stack "nope" in the estate; stacks: .*boot/);
    expect(state(["rotate", "boot"]).stderr).toMatch(/unknown command rotate\nusage: npm run state -- decrypt\|encrypt <stack> \[--force\]/);
    expect(state(["decrypt"]).stderr).toMatch(/which stack\?/);
  });
});
