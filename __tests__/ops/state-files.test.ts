import { execFileSync } from "child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { findIdentities, readRecipients, requireIdentities } from "../../scripts/lib/age";
import { planDecrypt, planEncrypt, plaintextStateFiles, statePaths } from "../../scripts/lib/state-files";

const REPO = join(__dirname, "..", "..");
const bytes = (s: string) => new TextEncoder().encode(s);

describe("the repository never tracks plaintext state", () => {
  test("git tracks no state file but *.tfstate.age and the recipients list", () => {
    const tracked = execFileSync("git", ["ls-files", "-z"], { cwd: REPO, encoding: "utf8" }).split("\0").filter(Boolean);
    expect(plaintextStateFiles(tracked)).toEqual([]);
  });

  test("the check catches plaintext state, its backup and state outside state/", () => {
    expect(
      plaintextStateFiles([
        "state/recipients.txt",
        "state/platform.tfstate.age",
        "state/platform.tfstate",
        "state/platform.tfstate.backup",
        "cdktf.out/stacks/x/terraform.tfstate",
        "main.ts",
      ]),
    ).toEqual(["state/platform.tfstate", "state/platform.tfstate.backup", "cdktf.out/stacks/x/terraform.tfstate"]);
  });

  test("the committed recipients file holds only age public keys", () => {
    const file = join(REPO, "state", "recipients.txt");
    expect(readRecipients(file).length).toBeGreaterThan(0);
    expect(readFileSync(file, "utf8")).not.toMatch(/AGE-SECRET-KEY/);
  });
});

describe("decrypting", () => {
  const now = Date.now();
  test("writes when there is no plaintext", () => {
    expect(planDecrypt({ encryptedExists: true, force: false })).toEqual({ action: "write" });
  });
  test("does nothing when the plaintext already matches", () => {
    expect(planDecrypt({ encryptedExists: true, plain: { bytes: bytes("a"), mtimeMs: now }, decrypted: bytes("a"), encryptedMtimeMs: now - 1, force: false }).action).toBe("unchanged");
  });
  test("fails if the plaintext is newer and differs (unsaved work), unless forced", () => {
    const input = { encryptedExists: true, plain: { bytes: bytes("new"), mtimeMs: now }, decrypted: bytes("old"), encryptedMtimeMs: now - 1000 };
    const plan = planDecrypt({ ...input, force: false });
    expect(plan).toEqual({ action: "refuse", reason: expect.stringMatching(/newer than the encrypted one and differs from it/) });
    expect(planDecrypt({ ...input, force: true }).action).toBe("write");
  });
  test("overwrites an older, different plaintext (the encrypted state moved on)", () => {
    expect(planDecrypt({ encryptedExists: true, plain: { bytes: bytes("old"), mtimeMs: now - 1000 }, decrypted: bytes("new"), encryptedMtimeMs: now, force: false }).action).toBe("write");
  });
  test("reports when nothing is encrypted", () => {
    expect(planDecrypt({ encryptedExists: false, force: false }).action).toBe("nothing-encrypted");
  });
});

describe("encrypting", () => {
  const now = Date.now();
  test("writes a first ciphertext", () => {
    expect(planEncrypt({ plain: { bytes: bytes("a"), mtimeMs: now }, force: false }).action).toBe("write");
  });
  test("keeps the ciphertext when the state did not change", () => {
    expect(planEncrypt({ plain: { bytes: bytes("a"), mtimeMs: now }, encryptedMtimeMs: now - 1, decrypted: bytes("a"), force: false }).action).toBe("unchanged");
  });
  test("fails if the encrypted state is newer than the plaintext, unless forced", () => {
    const input = { plain: { bytes: bytes("a"), mtimeMs: now - 1000 }, encryptedMtimeMs: now };
    expect(planEncrypt({ ...input, force: false })).toEqual({ action: "refuse", reason: expect.stringMatching(/encrypted state is newer than the plaintext/) });
    expect(planEncrypt({ ...input, force: true }).action).toBe("write");
  });
  test("forced, rewrites even an unchanged state (new recipients)", () => {
    expect(planEncrypt({ plain: { bytes: bytes("a"), mtimeMs: now }, encryptedMtimeMs: now - 1, decrypted: bytes("a"), force: true }).action).toBe("write");
  });
});

describe("identities and recipients", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "homelab-ops-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("state lives at state/<stack>.tfstate, its backup beside it, and the .age beside that", () => {
    expect(statePaths("/repo", "platform")).toEqual({
      plain: "/repo/state/platform.tfstate",
      backup: "/repo/state/platform.tfstate.backup",
      encrypted: "/repo/state/platform.tfstate.age",
      recipients: "/repo/state/recipients.txt",
    });
  });

  test("an identity comes from AGE_IDENTITY, or from the file AGE_IDENTITY_FILE names, comments skipped", () => {
    const key = "AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ";
    writeFileSync(join(dir, "id"), `# created: today\n# public key: age1xyz\n${key}\n`);
    expect(findIdentities({ AGE_IDENTITY_FILE: join(dir, "id") })).toEqual({ keys: [key], source: `AGE_IDENTITY_FILE (${join(dir, "id")})` });
    expect(findIdentities({ AGE_IDENTITY: key })?.keys).toEqual([key]);
    expect(findIdentities({})).toBeUndefined();
  });

  test("fails if no identity is set, saying what to set", () => {
    expect(() => requireIdentities("decrypt state/boot.tfstate.age", {})).toThrow(
      /no age identity to decrypt state\/boot.tfstate.age: set AGE_IDENTITY_FILE to the path of your age identity file .* or AGE_IDENTITY to its contents/,
    );
  });

  test("fails if the identity file is missing or holds no identity", () => {
    expect(() => findIdentities({ AGE_IDENTITY_FILE: join(dir, "nope") })).toThrow(/AGE_IDENTITY_FILE names .*nope, which does not exist/);
    expect(() => findIdentities({ AGE_IDENTITY: "age1notasecret" })).toThrow(/AGE_IDENTITY holds no valid age identity/);
  });

  test("fails if the recipients file is missing, empty, or holds something that is not a recipient", () => {
    expect(() => readRecipients(join(dir, "recipients.txt"))).toThrow(/recipients file .* does not exist/);
    writeFileSync(join(dir, "recipients.txt"), "# nobody\n");
    expect(() => readRecipients(join(dir, "recipients.txt"))).toThrow(/lists no recipients/);
    writeFileSync(join(dir, "recipients.txt"), "ssh-ed25519 AAAA\n");
    expect(() => readRecipients(join(dir, "recipients.txt"))).toThrow(/not age recipients \(expected age1…\): ssh-ed25519 AAAA/);
  });
});
