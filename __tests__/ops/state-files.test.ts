import { join } from "path";
import { generateKeyPair } from "../../scripts/lib/age";
import { CheckedFile, planDecrypt, planEncrypt, readFilesToCheck, stateFileProblems, statePaths } from "../../scripts/lib/state-files";

jest.mock("age-encryption", () => jest.requireActual<typeof import("./native-age")>("./native-age").nativeAge());

const REPO = join(__dirname, "..", "..");
const bytes = (s: string) => new TextEncoder().encode(s);
/** The public key age's README uses as its example. */
const AGE_EXAMPLE_RECIPIENT = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

describe("state check inspects content, not names", () => {
  const file = (path: string, text: string | Uint8Array, copy: CheckedFile["copy"] = "index"): CheckedFile => ({
    path,
    bytes: typeof text === "string" ? new TextEncoder().encode(text) : text,
    copy,
  });
  // A state document as Terraform writes it (the fields `terraform show -json` documents).
  const STATE = JSON.stringify({ version: 4, terraform_version: "1.11.4", serial: 3, lineage: "9f0c", outputs: {}, resources: [] });

  test("the repository as it is passes: every tracked file and the working tree's state/", () => {
    expect(stateFileProblems(readFilesToCheck(REPO))).toEqual([]);
  });

  test("fails if a .tfstate.age holds plaintext JSON state, naming the file and the copy", () => {
    expect(stateFileProblems([file("state/platform.tfstate.age", STATE)])).toEqual([
      "state/platform.tfstate.age (index): not an age file: it holds plaintext Terraform state",
    ]);
  });

  test("fails if a .tfstate.age is anything else but an age file", () => {
    expect(stateFileProblems([file("state/vault.tfstate.age", "-----BEGIN AGE ENCRYPTED FILE-----\n", "working tree")])).toEqual([
      'state/vault.tfstate.age (working tree): not an age file (it does not start with "age-encryption.org/v1")',
    ]);
    expect(stateFileProblems([file("state/vault.tfstate.age", "age-encryption.org/v1\n-> X25519 abc\n")])).toEqual([]);
  });

  test("fails if plaintext state is tracked under any name, or a state-named file is not encrypted", () => {
    expect(
      stateFileProblems([
        file("docs/notes.json", STATE),
        file("state/platform.tfstate.backup", "{}"),
        file("cdktf.out/stacks/x/terraform.tfstate", ""),
        file("main.ts", "// mentions lineage and terraform_version but is not state"),
      ]),
    ).toEqual([
      "docs/notes.json (index): holds plaintext Terraform state",
      "state/platform.tfstate.backup (index): a Terraform state file that is not encrypted",
      "cdktf.out/stacks/x/terraform.tfstate (index): a Terraform state file that is not encrypted",
    ]);
  });

  test("fails if the recipients list holds an identity, naming the line and never the key", async () => {
    const { identity } = await generateKeyPair();
    const problems = stateFileProblems([file("state/recipients.txt", `# keys\n${AGE_EXAMPLE_RECIPIENT}\n${identity}\n`)]);
    expect(problems).toEqual([expect.stringMatching(/state\/recipients.txt \(index\) line 3: an age identity \(a secret key\), not a public key/)]);
    expect(problems.join("")).not.toContain(identity.slice(16, 30));
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
  test("fails if an empty plaintext would replace the encrypted state (Terraform locked, then stopped), unless forced", () => {
    const input = { plain: { bytes: bytes(""), mtimeMs: now }, encryptedMtimeMs: now - 1000 };
    expect(planEncrypt({ ...input, force: false })).toEqual({ action: "refuse", reason: expect.stringMatching(/the plaintext state is empty and would replace the encrypted state/) });
    expect(planEncrypt({ plain: input.plain, force: false }).action).toBe("write");
  });
  test("forced, rewrites even an unchanged state (new recipients)", () => {
    expect(planEncrypt({ plain: { bytes: bytes("a"), mtimeMs: now }, encryptedMtimeMs: now - 1, decrypted: bytes("a"), force: true }).action).toBe("write");
  });
});

test("state lives at state/<stack>.tfstate, its backup beside it, and the .age beside that", () => {
  expect(statePaths("/repo", "platform")).toEqual({
    plain: "/repo/state/platform.tfstate",
    backup: "/repo/state/platform.tfstate.backup",
    encrypted: "/repo/state/platform.tfstate.age",
    recipients: "/repo/state/recipients.txt",
  });
});
