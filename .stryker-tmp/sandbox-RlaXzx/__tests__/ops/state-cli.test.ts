// @ts-nocheck
import { execFileSync } from "child_process";
import { existsSync, readFileSync, statSync, utimesSync, writeFileSync } from "fs";
import { hostname } from "os";
import { join } from "path";
import { cleanEnv, newWorkspace, REPO, runScript, sha256, Workspace } from "../integration/helpers/workspace";

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
    const r = state(["encrypt", "boot"], operator());
    if (r.status !== 0) throw new Error(r.stderr);
  });
  afterEach(() => ws.dispose());

  test("encrypt removes the plaintext and its backup", () => {
    expect(existsSync(ws.stateFile("boot.tfstate.age"))).toBe(true);
    expect(existsSync(ws.stateFile("boot.tfstate"))).toBe(false);
    expect(existsSync(ws.stateFile("boot.tfstate.backup"))).toBe(false);
  });

  test("decrypt restores the exact bytes, readable by the owner only", () => {
    expect(state(["decrypt", "boot"], operator()).stdout).toMatch(/boot: decrypted to state\/boot.tfstate/);
    expect(readFileSync(ws.stateFile("boot.tfstate"), "utf8")).toBe(STATE);
    expect(statSync(ws.stateFile("boot.tfstate")).mode & 0o777).toBe(0o600);
  });

  test("fails to encrypt without an identity: it could not prove you can decrypt what it writes; the plaintext is kept", () => {
    writeFileSync(ws.stateFile("boot.tfstate"), STATE.replace("3", "4"));
    const before = sha256(ws.stateFile("boot.tfstate.age"));
    const r = state(["encrypt", "boot"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no age identity to encrypt state\/boot.tfstate \(it proves you can decrypt what is written\): set AGE_IDENTITY_FILE/);
    expect(sha256(ws.stateFile("boot.tfstate.age"))).toBe(before);
    expect(existsSync(ws.stateFile("boot.tfstate"))).toBe(true);
  });

  test("fails to encrypt to recipients that leave your identity out (the committed placeholder), saying how to add your key", () => {
    writeFileSync(ws.stateFile("recipients.txt"), readFileSync(join(REPO, "state", "recipients.txt")));
    writeFileSync(ws.stateFile("boot.tfstate"), STATE.replace("3", "4"));
    const before = sha256(ws.stateFile("boot.tfstate.age"));
    const r = state(["encrypt", "boot", "--force"], operator());
    expect(r.status).toBe(1);
    const publicKey = /# public key: (age1\S+)/.exec(readFileSync(ws.identityFile, "utf8"))![1];
    expect(r.stderr).toContain(
      `refusing to encrypt to state/recipients.txt: it does not list the public key of your identity (AGE_IDENTITY_FILE (${ws.identityFile})), ` +
        `so you could not decrypt the state once written. Add your public key ${publicKey} to state/recipients.txt`,
    );
    expect(sha256(ws.stateFile("boot.tfstate.age"))).toBe(before);
    expect(existsSync(ws.stateFile("boot.tfstate"))).toBe(true);
  });

  test("fails while another process holds the stack's lock, naming it; a malformed --lock-timeout is a usage error", () => {
    writeFileSync(ws.stateFile("boot.tfstate.lock"), JSON.stringify({ pid: process.pid, host: hostname(), started: "then", command: "deploy boot", token: "t" }));
    const r = state(["decrypt", "boot"], operator());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`the tier-0 state of boot is in use by pid ${process.pid} on .* \\(deploy boot, since then\\)`));
    expect(existsSync(ws.stateFile("boot.tfstate"))).toBe(false);
    expect(state(["decrypt", "boot", "--lock-timeout=x"], operator()).stderr).toMatch(/--lock-timeout takes whole seconds/);
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
    const r = state(["encrypt", "boot"], operator());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/refusing to encrypt boot: the encrypted state is newer than the plaintext/);
    expect(sha256(ws.stateFile("boot.tfstate.age"))).toBe(before);
    expect(state(["encrypt", "boot", "--force"], operator()).status).toBe(0);
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

  test("check reads content: plaintext JSON committed under a .tfstate.age name fails, the real ciphertext passes", () => {
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { cwd: ws.root });
    git("init", "-q");
    git("add", "state");
    git("commit", "-q", "-m", "encrypted state");
    expect(state(["check"]).stdout).toMatch(/no plaintext state is tracked; every state\/\*.tfstate.age is an age file/);

    writeFileSync(ws.stateFile("vault.tfstate.age"), JSON.stringify({ version: 4, terraform_version: "1.11.4", serial: 1, lineage: "x", resources: [] }));
    git("add", "state/vault.tfstate.age");
    const r = state(["check"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/state\/vault.tfstate.age \(index\): not an age file: it holds plaintext Terraform state/);
    expect(r.stderr).toMatch(/state\/vault.tfstate.age \(working tree\): not an age file/);
  });
});
