import { execFileSync } from "child_process";
import fs, { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { generateKeyPair } from "../../scripts/lib/age";
import { CheckedFile, planDecrypt, planEncrypt, readFilesToCheck, stateFileProblems, statePaths } from "../../scripts/lib/state-files";
import { repoRoot } from "../../scripts/repo-root";

const REPO = repoRoot();
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

  test("a JSON document is state only with a string lineage and a Terraform version", () => {
    expect(
      stateFileProblems([
        file("a.json", JSON.stringify({ lineage: 1, terraform_version: "1.11.4" })),
        file("b.json", JSON.stringify({ lineage: "9f0c" })),
        file("c.json", JSON.stringify(["lineage", "terraform_version"])),
        file("d.json", JSON.stringify({ terraform_version: "1.11.4", serial: 3 })),
      ]),
    ).toEqual([]);
  });

  test("state-named files: any *.tfstate, *.tfstate.<suffix>; not a name that only contains tfstate", () => {
    expect(
      stateFileProblems([
        file("terraform.tfstate.1700000000.backup", ""),
        file("docs/tfstate.md", ""),
        file("notes.tfstates", ""),
        file("state/readme.tfstate-notes", ""),
      ]),
    ).toEqual(["terraform.tfstate.1700000000.backup (index): a Terraform state file that is not encrypted"]);
  });

  test("a .tfstate.age of other JSON is not an age file, without the plaintext-state claim", () => {
    expect(stateFileProblems([file("state/x.tfstate.age", JSON.stringify({ lineage: "a" }), "working tree")])).toEqual([
      'state/x.tfstate.age (working tree): not an age file (it does not start with "age-encryption.org/v1")',
    ]);
    // the header is the first line exactly: a longer first line is not it
    expect(stateFileProblems([file("state/x.tfstate.age", "age-encryption.org/v10\n")])).toEqual([
      'state/x.tfstate.age (index): not an age file (it does not start with "age-encryption.org/v1")',
    ]);
  });

  test("a recipients list of public keys passes; elsewhere, a file of that name is not read as one", () => {
    expect(stateFileProblems([file("state/recipients.txt", `# keys\n${AGE_EXAMPLE_RECIPIENT}\n`, "working tree"), file("docs/recipients.txt", "AGE-SECRET-KEY-1 is how identities start")])).toEqual([]);
  });

  test("fails if the recipients list holds an identity, naming the line and never the key", async () => {
    const { identity } = await generateKeyPair();
    const problems = stateFileProblems([file("state/recipients.txt", `# keys\n${AGE_EXAMPLE_RECIPIENT}\n${identity}\n`)]);
    expect(problems).toEqual([expect.stringMatching(/state\/recipients.txt \(index\) line 3: an age identity \(a secret key\), not a public key/)]);
    expect(problems.join("")).not.toContain(identity.slice(16, 30));
  });
});

describe("what state check reads from git", () => {
  let root: string;
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { cwd: root });
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "homelab-check-"));
    git("init", "-q");
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const read = () => readFilesToCheck(root).map((f) => [f.path, Buffer.from(f.bytes).toString("utf8"), f.copy]);

  test("the working tree's state/ files are read in name order, whatever order the directory lists them in", () => {
    mkdirSync(join(root, "state"));
    for (const name of ["b.tfstate.age", "recipients.txt", "a.tfstate.age"]) writeFileSync(join(root, "state", name), name);
    // A directory's listing order is the filesystem's: list it out of order once.
    const listing = jest.spyOn(fs, "readdirSync").mockReturnValueOnce(["recipients.txt", "b.tfstate.age", "a.tfstate.age"] as never);
    try {
      expect(read().map(([path]) => path)).toEqual(["state/a.tfstate.age", "state/b.tfstate.age", "state/recipients.txt"]);
      expect(listing).toHaveBeenCalledWith(join(root, "state"));
    } finally {
      listing.mockRestore();
    }
  });

  test("an empty repository without state/ has nothing to read", () => {
    expect(read()).toEqual([]);
  });

  test("every regular file as the index holds it (not as the working tree has it since), links left out, then the working tree's state/*.tfstate.age and recipients list", () => {
    mkdirSync(join(root, "state"));
    mkdirSync(join(root, "docs dir"));
    writeFileSync(join(root, "docs dir", "notes ünï.md"), "staged\n");
    writeFileSync(join(root, "empty"), "");
    writeFileSync(join(root, "state", "boot.tfstate.age"), "age-encryption.org/v1\nstaged");
    symlinkSync("empty", join(root, "link"));
    git("add", ".");
    writeFileSync(join(root, "docs dir", "notes ünï.md"), "changed after staging\n");
    writeFileSync(join(root, "state", "boot.tfstate.age"), "age-encryption.org/v1\nworking");
    writeFileSync(join(root, "state", "new.tfstate.age"), "untracked");
    writeFileSync(join(root, "state", "recipients.txt"), "untracked list");
    writeFileSync(join(root, "state", "boot.tfstate"), "plaintext, ignored by git, never read");
    expect(read()).toEqual([
      ["docs dir/notes ünï.md", "staged\n", "index"],
      ["empty", "", "index"],
      ["state/boot.tfstate.age", "age-encryption.org/v1\nstaged", "index"],
      ["state/boot.tfstate.age", "age-encryption.org/v1\nworking", "working tree"],
      ["state/new.tfstate.age", "untracked", "working tree"],
      ["state/recipients.txt", "untracked list", "working tree"],
    ]);
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
  test("a differing plaintext with nothing to compare it with is judged by age alone; equal times are not newer", () => {
    const plain = { bytes: bytes("new"), mtimeMs: now };
    expect(planDecrypt({ encryptedExists: true, plain, encryptedMtimeMs: now - 1, force: false }).action).toBe("refuse");
    expect(planDecrypt({ encryptedExists: true, plain, force: false }).action).toBe("refuse");
    expect(planDecrypt({ encryptedExists: true, plain, decrypted: bytes("old"), encryptedMtimeMs: now, force: false }).action).toBe("write");
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
  test("forced, an empty plaintext replaces the encrypted state", () => {
    expect(planEncrypt({ plain: { bytes: bytes(""), mtimeMs: now }, encryptedMtimeMs: now - 1000, force: true }).action).toBe("write");
  });
  test("without the decrypted ciphertext to compare with, the newer file wins", () => {
    expect(planEncrypt({ plain: { bytes: bytes("a"), mtimeMs: now }, encryptedMtimeMs: now - 1, force: false }).action).toBe("write");
    expect(planEncrypt({ plain: { bytes: bytes("a"), mtimeMs: now - 1 }, encryptedMtimeMs: now, force: false }).action).toBe("refuse");
  });
  test("reports when there is no plaintext", () => {
    expect(planEncrypt({ encryptedMtimeMs: now, force: true })).toEqual({ action: "nothing-plain" });
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
