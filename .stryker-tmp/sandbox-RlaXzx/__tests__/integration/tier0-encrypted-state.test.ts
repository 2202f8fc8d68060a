// @ts-nocheck
import { copyFileSync, existsSync, readFileSync, utimesSync } from "fs";
import { join } from "path";
import { requireTools } from "./helpers/tools";
import { cleanEnv, newWorkspace, runScript, sha256, synthFixture, terraform, Workspace } from "./helpers/workspace";

describe("tier 0: local state, encrypted with age", () => {
  let ws: Workspace;
  let plainCopy: string;

  beforeAll(() => {
    requireTools();
    ws = newWorkspace();
    synthFixture(ws.root);
  });
  afterAll(() => ws?.dispose());

  const operator = () => cleanEnv({ AGE_IDENTITY_FILE: ws.identityFile });
  const stranger = () => cleanEnv({ AGE_IDENTITY_FILE: ws.strangerFile });

  test("apply with the local backend writes state/<stack>.tfstate at the repository root", () => {
    const dir = ws.stackDir("boot");
    terraform(dir, ["init", "-input=false", "-no-color"], cleanEnv());
    terraform(dir, ["apply", "-input=false", "-auto-approve", "-no-color"], cleanEnv());
    terraform(dir, ["apply", "-input=false", "-auto-approve", "-no-color"], cleanEnv()); // leaves a .backup too
    expect(existsSync(ws.stateFile("boot.tfstate"))).toBe(true);
    expect(existsSync(ws.stateFile("boot.tfstate.backup"))).toBe(true);
    expect(readFileSync(ws.stateFile("boot.tfstate"), "utf8")).toContain("boot-v1");
    plainCopy = join(ws.root, "saved-boot.tfstate"); // outside state/, removed with the workspace
    copyFileSync(ws.stateFile("boot.tfstate"), plainCopy);
  });

  test("encrypt leaves only the .age file: no plaintext, no backup", () => {
    const r = runScript("state", ["encrypt", "boot"], ws.root, operator());
    expect(r.stderr).toBe("");
    expect(r.stdout).toMatch(/boot: encrypted to state\/boot.tfstate.age for 1 recipient\(s\); plaintext removed/);
    expect(existsSync(ws.stateFile("boot.tfstate"))).toBe(false);
    expect(existsSync(ws.stateFile("boot.tfstate.backup"))).toBe(false);
    const encrypted = readFileSync(ws.stateFile("boot.tfstate.age"));
    expect(encrypted.subarray(0, 21).toString()).toBe("age-encryption.org/v1");
    expect(encrypted.toString("latin1")).not.toContain("boot-v1");
  });

  test("decrypt round-trips byte for byte", () => {
    const r = runScript("state", ["decrypt", "boot"], ws.root, operator());
    expect(r.status).toBe(0);
    expect(readFileSync(ws.stateFile("boot.tfstate")).equals(readFileSync(plainCopy))).toBe(true);
  });

  test("re-encrypting an unchanged state keeps the ciphertext, so git sees no change", () => {
    const before = sha256(ws.stateFile("boot.tfstate.age"));
    const r = runScript("state", ["encrypt", "boot"], ws.root, operator());
    expect(r.stdout).toMatch(/state unchanged/);
    expect(sha256(ws.stateFile("boot.tfstate.age"))).toBe(before);
    expect(existsSync(ws.stateFile("boot.tfstate"))).toBe(false);
  });

  test("a wrong identity fails with a clear message and changes nothing", () => {
    const before = sha256(ws.stateFile("boot.tfstate.age"));
    const r = runScript("state", ["decrypt", "boot"], ws.root, stranger());
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/cannot decrypt state\/boot.tfstate.age: it is not one of the recipients/);
    expect(sha256(ws.stateFile("boot.tfstate.age"))).toBe(before);
    expect(existsSync(ws.stateFile("boot.tfstate"))).toBe(false);
  });

  test("a wrong identity over an existing plaintext leaves both files untouched", () => {
    copyFileSync(plainCopy, ws.stateFile("boot.tfstate"));
    const old = new Date(Date.now() - 3600_000);
    utimesSync(ws.stateFile("boot.tfstate"), old, old);
    const [enc, plain] = [sha256(ws.stateFile("boot.tfstate.age")), sha256(ws.stateFile("boot.tfstate"))];
    const r = runScript("state", ["decrypt", "boot"], ws.root, stranger());
    expect(r.status).toBe(1);
    expect(sha256(ws.stateFile("boot.tfstate.age"))).toBe(enc);
    expect(sha256(ws.stateFile("boot.tfstate"))).toBe(plain);
  });

  test("Terraform reads the decrypted state: a plan after decrypting shows only the per-apply gate", () => {
    runScript("state", ["decrypt", "boot", "--force"], ws.root, operator());
    const plan = terraform(ws.stackDir("boot"), ["plan", "-input=false", "-no-color"], cleanEnv());
    expect(plan).toMatch(/terraform_data.Gate must be replaced/);
    expect(plan).toMatch(/Plan: 1 to add, 0 to change, 1 to destroy/);
  });
});
