import { execFileSync } from "child_process";
import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "fs";
import { hostname } from "os";
import { settle } from "../../scripts/lib/cli";
import { redactingErrors } from "../../scripts/lib/redact";
import { stateCommand } from "../../scripts/lib/state-command";
import { keygenHere } from "../helpers/keygen";
import { cleanEnv, newWorkspace, sha256, Workspace } from "../integration/helpers/workspace";

/**
 * `npm run state` as the operator runs it, on the fixture estate (tier-0 stack boot, tier-1
 * producer) with the real age: the command in this process, as scripts/state.ts runs it
 * (errors printed by message, redacted, exit 1), so coverage and mutation testing see it; the
 * workspace's key pairs come from its `keygen`. What the command
 * adds to the functions __tests__/ops/state-files.test.ts and state-encryption.test.ts run:
 * the identity from AGE_IDENTITY_FILE, --force reaching them, the stack's lock, the tier
 * check, usage, and `check` over git.
 */
describe("npm run state", () => {
  let ws: Workspace;
  const STATE = '{"version":4,"serial":3,"resources":[{"name":"Seed"}]}\n';
  const state = async (args: string[], env: NodeJS.ProcessEnv = {}) => {
    let stdout = "";
    let stderr = "";
    const context = { root: ws.root, env: cleanEnv(env), out: (line: string) => (stdout += `${line}\n`), err: (line: string) => (stderr += `${line}\n`) };
    const status = await settle(redactingErrors(() => stateCommand(args, context)), (text) => (stderr += text));
    return { status, stdout, stderr };
  };
  const operator = () => ({ AGE_IDENTITY_FILE: ws.identityFile });
  const stateDir = () => readdirSync(ws.stateFile("")).sort();
  /** boot's state as `state encrypt` left it from a plaintext and Terraform's backup. */
  const encrypted = async () => {
    writeFileSync(ws.stateFile("boot.tfstate"), STATE);
    writeFileSync(ws.stateFile("boot.tfstate.backup"), STATE);
    const r = await state(["encrypt", "boot"], operator());
    if (r.status !== 0) throw new Error(r.stderr);
    return r;
  };

  // One workspace (its key pairs come from the CLI): each test starts from recipients.txt alone.
  beforeAll(async () => (ws = newWorkspace([await keygenHere(), await keygenHere()])));
  afterAll(() => ws.dispose());
  beforeEach(() => {
    for (const name of readdirSync(ws.stateFile(""))) if (name !== "recipients.txt") rmSync(ws.stateFile(name), { recursive: true, force: true });
    rmSync(ws.stateFile("../.git"), { recursive: true, force: true });
  });

  test("encrypt leaves only the .age file (plaintext and backup removed); decrypt restores the exact bytes, readable by the owner only", async () => {
    expect((await encrypted()).stdout).toBe("boot: encrypted to state/boot.tfstate.age for 1 recipient(s); plaintext removed\n");
    expect(stateDir()).toEqual(["boot.tfstate.age", "recipients.txt"]);
    expect((await state(["decrypt", "boot"], operator())).stdout).toBe("boot: decrypted to state/boot.tfstate\n");
    expect(readFileSync(ws.stateFile("boot.tfstate"), "utf8")).toBe(STATE);
    expect(statSync(ws.stateFile("boot.tfstate")).mode & 0o777).toBe(0o600);
    expect(stateDir()).toEqual(["boot.tfstate", "boot.tfstate.age", "recipients.txt"]);
  });

  test("--force reaches decrypt and encrypt: unsaved work is refused, then discarded; an unchanged state is re-encrypted", async () => {
    await encrypted();
    const then = new Date(Date.now() - 60_000);
    utimesSync(ws.stateFile("boot.tfstate.age"), then, then);
    writeFileSync(ws.stateFile("boot.tfstate"), '{"unsaved":true}\n');
    const r = await state(["decrypt", "boot"], operator());
    expect([r.status, r.stderr]).toEqual([1, expect.stringMatching(/refusing to decrypt boot: the plaintext state is newer than the encrypted one and differs from it/)]);
    expect(readFileSync(ws.stateFile("boot.tfstate"), "utf8")).toBe('{"unsaved":true}\n');

    expect((await state(["decrypt", "boot", "--force"], operator())).status).toBe(0);
    expect(readFileSync(ws.stateFile("boot.tfstate"), "utf8")).toBe(STATE);
    const before = sha256(ws.stateFile("boot.tfstate.age"));
    expect((await state(["encrypt", "boot", "--force"], operator())).stdout).toMatch(/^boot: encrypted to state\/boot.tfstate.age/);
    expect(sha256(ws.stateFile("boot.tfstate.age"))).not.toBe(before);
  });

  test("fails without an identity in the environment, saying what to set, and writes nothing", async () => {
    await encrypted();
    const r = await state(["decrypt", "boot"]);
    expect([r.status, r.stderr]).toEqual([1, expect.stringMatching(/no age identity to decrypt state\/boot.tfstate.age: set AGE_IDENTITY_FILE/)]);
    expect(stateDir()).toEqual(["boot.tfstate.age", "recipients.txt"]);
  });

  test("fails while another process holds the stack's lock, naming it; a malformed --lock-timeout is a usage error", async () => {
    await encrypted();
    writeFileSync(ws.stateFile("boot.tfstate.lock"), JSON.stringify({ pid: process.pid, host: hostname(), started: "then", command: "deploy boot", token: "t" }));
    const r = await state(["decrypt", "boot"], operator());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(new RegExp(`the tier-0 state of boot is in use by pid ${process.pid} on .* \\(deploy boot, since then\\)`));
    expect(existsSync(ws.stateFile("boot.tfstate"))).toBe(false);
    expect((await state(["decrypt", "boot", "--lock-timeout=x"], operator())).stderr).toMatch(/--lock-timeout takes whole seconds/);
  });

  test("fails for a tier-1 stack: its state is in PostgreSQL", async () => {
    const r = await state(["decrypt", "producer"], operator());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/stack producer is tier 1: its state lives in PostgreSQL, not in state\/; only tier-0 stacks \(boot\) have encrypted state/);
  });

  test("fails for an unknown stack or command, with the stacks or the usage", async () => {
    expect((await state(["decrypt", "nope"])).stderr).toMatch(/no stack "nope" in the estate; stacks: .*boot/);
    expect((await state(["rotate", "boot"])).stderr).toMatch(/unknown command rotate\nusage: npm run state -- decrypt\|encrypt <stack> \[--force\]/);
    expect((await state(["decrypt"])).stderr).toMatch(/which stack\?/);
  });

  test("check reads content: plaintext JSON committed under a .tfstate.age name fails, the real ciphertext passes", async () => {
    await encrypted();
    const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { cwd: ws.root });
    git("init", "-q");
    git("add", "state");
    git("commit", "-q", "-m", "encrypted state");
    expect((await state(["check"])).stdout).toMatch(/no plaintext state is tracked; every state\/\*.tfstate.age is an age file/);

    writeFileSync(ws.stateFile("vault.tfstate.age"), JSON.stringify({ version: 4, terraform_version: "1.11.4", serial: 1, lineage: "x", resources: [] }));
    git("add", "state/vault.tfstate.age");
    const r = await state(["check"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/state\/vault.tfstate.age \(index\): not an age file: it holds plaintext Terraform state/);
    expect(r.stderr).toMatch(/state\/vault.tfstate.age \(working tree\): not an age file/);
  });
});
