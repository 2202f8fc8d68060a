import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import * as age from "../../scripts/lib/age";
import { decryptState, encryptState, protectPlaintext, statePaths } from "../../scripts/lib/state-files";
import { repoRoot } from "../../scripts/repo-root";

/**
 * `npm run state -- decrypt|encrypt` and deploy's decrypt-apply-encrypt, in this process on a
 * temporary repository root, with the real age library: the files they leave behind, their
 * modes, and what they refuse. (__tests__/ops/state-cli.test.ts runs the CLI around them.)
 */
const STATE = '{"version":4,"serial":3,"lineage":"9f0c","resources":[{"name":"Seed"}]}\n';
const APPLIED = STATE.replace('"serial":3', '"serial":4');
const AGE_HEADER = "age-encryption.org/v1\n";

let operator: age.Identities;
let stranger: age.Identities;
let operatorKey: string;
let strangerKey: string;
beforeAll(async () => {
  const [a, b] = await Promise.all([age.generateKeyPair(), age.generateKeyPair()]);
  [operator, operatorKey] = [{ keys: [a.identity], source: "the operator's test key" }, a.recipient];
  [stranger, strangerKey] = [{ keys: [b.identity], source: "a stranger's test key" }, b.recipient];
});

let root: string;
let paths: ReturnType<typeof statePaths>;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "homelab-state-"));
  mkdirSync(join(root, "state"));
  writeFileSync(join(root, "state", "recipients.txt"), `# the operator (test key)\n${operatorKey}\n`);
  paths = statePaths(root, "boot");
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

const mode = (file: string) => statSync(file).mode & 0o777;
const text = (file: string) => readFileSync(file, "utf8");
const secondsAgo = (file: string, seconds: number) => {
  const t = new Date(Date.now() - seconds * 1000);
  utimesSync(file, t, t);
};
const sameMtime = (file: string, as: string) => utimesSync(file, statSync(as).atime, statSync(as).mtime);
const decrypted = async (file: string, identities = operator) => Buffer.from(await age.decrypt(readFileSync(file), identities, file)).toString("utf8");
/** An encrypted state written as `state encrypt` writes it, an hour old (as a git checkout leaves it). */
async function encryptedState(content = STATE, recipients = [operatorKey]) {
  writeFileSync(paths.encrypted, await age.encrypt(new TextEncoder().encode(content), recipients));
  secondsAgo(paths.encrypted, 3600);
}
const stateFiles = () => readdirSync(join(root, "state")).sort();
/** Runs with no age identity in the environment, or the one given. */
async function withIdentityEnv<T>(identity: string | undefined, run: () => Promise<T>): Promise<T> {
  const saved = [process.env.AGE_IDENTITY, process.env.AGE_IDENTITY_FILE];
  delete process.env.AGE_IDENTITY_FILE;
  if (identity === undefined) delete process.env.AGE_IDENTITY;
  else process.env.AGE_IDENTITY = identity;
  try {
    return await run();
  } finally {
    for (const [name, value] of [["AGE_IDENTITY", saved[0]], ["AGE_IDENTITY_FILE", saved[1]]] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  }
}

describe("decrypting", () => {
  test("writes the exact bytes, readable by the owner only", async () => {
    await encryptedState();
    expect(await decryptState(root, "boot", { identities: operator })).toEqual({ stack: "boot", outcome: "decrypted", message: "boot: decrypted to state/boot.tfstate" });
    expect(text(paths.plain)).toBe(STATE);
    expect(mode(paths.plain)).toBe(0o600);
    expect(stateFiles()).toEqual(["boot.tfstate", "boot.tfstate.age", "recipients.txt"]);
  });

  test("with no encrypted state says the stack was never applied, and writes nothing", async () => {
    expect(await decryptState(root, "boot", { identities: operator })).toEqual({
      stack: "boot",
      outcome: "no-state",
      message: "boot: no encrypted state (state/boot.tfstate.age): never applied",
    });
    expect(stateFiles()).toEqual(["recipients.txt"]);
  });

  test("leaves a plaintext that already matches as it is, and makes it and its backup owner-only (files from before that rule)", async () => {
    await encryptedState();
    writeFileSync(paths.plain, STATE, { mode: 0o644 });
    writeFileSync(paths.backup, STATE, { mode: 0o644 });
    chmodSync(paths.plain, 0o644);
    chmodSync(paths.backup, 0o644);
    secondsAgo(paths.plain, 60);
    const written = statSync(paths.plain).mtimeMs;
    expect(await decryptState(root, "boot", { identities: operator })).toEqual({
      stack: "boot",
      outcome: "already-decrypted",
      message: "boot: state/boot.tfstate already matches the encrypted state",
    });
    expect([mode(paths.plain), mode(paths.backup)]).toEqual([0o600, 0o600]);
    expect(statSync(paths.plain).mtimeMs).toBe(written);
  });

  test("fails if a newer plaintext differs (work not yet encrypted), leaving both files; forced, it is overwritten", async () => {
    await encryptedState();
    writeFileSync(paths.plain, APPLIED);
    await expect(decryptState(root, "boot", { identities: operator })).rejects.toThrow(
      "refusing to decrypt boot: the plaintext state is newer than the encrypted one and differs from it (work not yet encrypted); " +
        "run `npm run state -- encrypt <stack>` to keep it, or decrypt with --force to discard it",
    );
    expect(text(paths.plain)).toBe(APPLIED);
    expect((await decryptState(root, "boot", { identities: operator, force: true })).outcome).toBe("decrypted");
    expect(text(paths.plain)).toBe(STATE);
  });

  test("overwrites an older, different plaintext: the encrypted state moved on (git pull)", async () => {
    writeFileSync(paths.plain, APPLIED);
    secondsAgo(paths.plain, 7200);
    await encryptedState();
    expect((await decryptState(root, "boot", { identities: operator })).outcome).toBe("decrypted");
    expect(text(paths.plain)).toBe(STATE);
  });

  test("fails if the identity is not a recipient, writing nothing", async () => {
    await encryptedState();
    await expect(decryptState(root, "boot", { identities: stranger })).rejects.toThrow(
      "the identity from a stranger's test key cannot decrypt state/boot.tfstate.age: it is not one of the recipients",
    );
    expect(existsSync(paths.plain)).toBe(false);
  });

  test("takes the operator's identity from the environment, and without one says what to set", async () => {
    await encryptedState();
    await withIdentityEnv(undefined, () =>
      expect(decryptState(root, "boot")).rejects.toThrow(/^no age identity to decrypt state\/boot\.tfstate\.age: set AGE_IDENTITY_FILE/),
    );
    expect((await withIdentityEnv(operator.keys[0], () => decryptState(root, "boot"))).outcome).toBe("decrypted");
  });
});

describe("encrypting", () => {
  test("a first encrypt writes an age file every recipient can decrypt, and removes the plaintext and Terraform's backup", async () => {
    writeFileSync(join(root, "state", "recipients.txt"), `${operatorKey}\n${strangerKey}\n`);
    writeFileSync(paths.plain, STATE);
    writeFileSync(paths.backup, STATE);
    expect(await encryptState(root, "boot", { identities: operator })).toEqual({
      stack: "boot",
      outcome: "encrypted",
      message: "boot: encrypted to state/boot.tfstate.age for 2 recipient(s); plaintext removed",
    });
    expect(stateFiles()).toEqual(["boot.tfstate.age", "recipients.txt"]);
    expect(readFileSync(paths.encrypted).subarray(0, AGE_HEADER.length).toString("latin1")).toBe(AGE_HEADER);
    expect([await decrypted(paths.encrypted, operator), await decrypted(paths.encrypted, stranger)]).toEqual([STATE, STATE]);
  });

  test("after an apply (decrypt, Terraform writes, encrypt) the applied state replaces the ciphertext", async () => {
    await encryptedState();
    await decryptState(root, "boot", { identities: operator });
    writeFileSync(paths.plain, APPLIED);
    writeFileSync(paths.backup, STATE);
    expect((await encryptState(root, "boot", { identities: operator })).outcome).toBe("encrypted");
    expect(await decrypted(paths.encrypted)).toBe(APPLIED);
    expect(stateFiles()).toEqual(["boot.tfstate.age", "recipients.txt"]);
  });

  test("a plaintext exactly as old as the ciphertext is not stale: it is encrypted", async () => {
    await encryptedState();
    writeFileSync(paths.plain, APPLIED);
    sameMtime(paths.plain, paths.encrypted);
    expect((await encryptState(root, "boot", { identities: operator })).outcome).toBe("encrypted");
    expect(await decrypted(paths.encrypted)).toBe(APPLIED);
  });

  test("an unchanged state keeps its ciphertext byte for byte (no git change), and the plaintext and backup still go", async () => {
    await encryptedState();
    const ciphertext = readFileSync(paths.encrypted);
    writeFileSync(paths.plain, STATE);
    writeFileSync(paths.backup, STATE);
    expect(await encryptState(root, "boot", { identities: operator })).toEqual({
      stack: "boot",
      outcome: "unchanged",
      message: "boot: state unchanged, state/boot.tfstate.age kept; plaintext removed",
    });
    expect(readFileSync(paths.encrypted).equals(ciphertext)).toBe(true);
    expect(stateFiles()).toEqual(["boot.tfstate.age", "recipients.txt"]);
  });

  test("forced, an unchanged state is encrypted afresh (to the current recipients)", async () => {
    await encryptedState();
    const ciphertext = readFileSync(paths.encrypted);
    writeFileSync(paths.plain, STATE);
    expect((await encryptState(root, "boot", { identities: operator, force: true })).outcome).toBe("encrypted");
    expect(readFileSync(paths.encrypted).equals(ciphertext)).toBe(false);
    expect(await decrypted(paths.encrypted)).toBe(STATE);
  });

  test("with neither a plaintext nor a backup (a stack never applied here) there is nothing to do, and nothing fails", async () => {
    expect(await encryptState(root, "boot", { identities: operator })).toEqual({ stack: "boot", outcome: "no-state", message: "boot: no plaintext state/boot.tfstate (no state)" });
    expect(stateFiles()).toEqual(["recipients.txt"]);
  });

  test("with no plaintext there is nothing to encrypt; a leftover backup is removed", async () => {
    writeFileSync(paths.backup, STATE);
    expect(await encryptState(root, "boot", { identities: operator })).toEqual({ stack: "boot", outcome: "no-state", message: "boot: no plaintext state/boot.tfstate (no state)" });
    expect(stateFiles()).toEqual(["recipients.txt"]);
    await encryptedState();
    writeFileSync(paths.backup, STATE);
    expect(await encryptState(root, "boot", { identities: operator })).toEqual({
      stack: "boot",
      outcome: "unchanged",
      message: "boot: no plaintext state/boot.tfstate (already encrypted)",
    });
    expect(stateFiles()).toEqual(["boot.tfstate.age", "recipients.txt"]);
  });

  test("fails if the plaintext is older than the encrypted state (changed since, e.g. by git pull), keeping both; forced, it is written", async () => {
    await encryptedState();
    const ciphertext = readFileSync(paths.encrypted);
    writeFileSync(paths.plain, APPLIED);
    secondsAgo(paths.plain, 7200);
    await expect(encryptState(root, "boot", { identities: operator })).rejects.toThrow(
      "refusing to encrypt boot: the encrypted state is newer than the plaintext (it changed after you decrypted, e.g. by git pull); " +
        "decrypt with --force to take the encrypted one, or encrypt with --force to overwrite it",
    );
    expect([readFileSync(paths.encrypted).equals(ciphertext), text(paths.plain)]).toEqual([true, APPLIED]);
    expect((await encryptState(root, "boot", { identities: operator, force: true })).outcome).toBe("encrypted");
    expect(await decrypted(paths.encrypted)).toBe(APPLIED);
  });

  test("fails if an empty plaintext would replace the encrypted state, keeping both", async () => {
    await encryptedState();
    writeFileSync(paths.plain, "");
    await expect(encryptState(root, "boot", { identities: operator })).rejects.toThrow(/^refusing to encrypt boot: the plaintext state is empty and would replace the encrypted state/);
    expect([await decrypted(paths.encrypted), text(paths.plain)]).toEqual([STATE, ""]);
  });

  test("a ciphertext this identity cannot read (from before it was a recipient) is judged by age: a newer plaintext replaces it, an older one is refused", async () => {
    await encryptedState(STATE, [strangerKey]);
    writeFileSync(paths.plain, APPLIED);
    secondsAgo(paths.plain, 7200);
    await expect(encryptState(root, "boot", { identities: operator })).rejects.toThrow(/refusing to encrypt boot: the encrypted state is newer than the plaintext/);
    secondsAgo(paths.plain, 0);
    expect((await encryptState(root, "boot", { identities: operator })).outcome).toBe("encrypted");
    expect(await decrypted(paths.encrypted)).toBe(APPLIED);
  });

  test("fails to encrypt to recipients that leave the operator's identity out (the committed placeholder), saying how to add the key; the plaintext is kept", async () => {
    writeFileSync(join(root, "state", "recipients.txt"), readFileSync(join(repoRoot(), "state", "recipients.txt")));
    writeFileSync(paths.plain, STATE);
    await expect(encryptState(root, "boot", { identities: operator, force: true })).rejects.toThrow(
      "refusing to encrypt to state/recipients.txt: it does not list the public key of your identity (the operator's test key), " +
        `so you could not decrypt the state once written. Add your public key ${operatorKey} to state/recipients.txt`,
    );
    expect(stateFiles()).toEqual(["boot.tfstate", "recipients.txt"]);
  });

  test("fails without a recipients file, naming it relative to the repository", async () => {
    rmSync(join(root, "state", "recipients.txt"));
    writeFileSync(paths.plain, STATE);
    await expect(encryptState(root, "boot", { identities: operator })).rejects.toThrow(/^recipients file state\/recipients\.txt does not exist/);
  });

  test("fails without an identity, saying what it is for", async () => {
    writeFileSync(paths.plain, STATE);
    await withIdentityEnv(undefined, () =>
      expect(encryptState(root, "boot")).rejects.toThrow(/^no age identity to encrypt state\/boot\.tfstate \(it proves you can decrypt what is written\): set AGE_IDENTITY_FILE/),
    );
    expect(stateFiles()).toEqual(["boot.tfstate", "recipients.txt"]);
  });

  test("fails if the new ciphertext does not decrypt to the state, keeping the plaintext and the old ciphertext", async () => {
    await encryptedState();
    const ciphertext = readFileSync(paths.encrypted);
    writeFileSync(paths.plain, APPLIED);
    const real = age.decrypt;
    const spy = jest.spyOn(age, "decrypt").mockImplementation(async (c, ids, what) => (what.startsWith("the new") ? new TextEncoder().encode("garbled") : real(c, ids, what)));
    try {
      await expect(encryptState(root, "boot", { identities: operator })).rejects.toThrow(
        "refusing to encrypt boot: the new ciphertext does not decrypt to the state; state/boot.tfstate kept",
      );
    } finally {
      spy.mockRestore();
    }
    expect([readFileSync(paths.encrypted).equals(ciphertext), text(paths.plain)]).toEqual([true, APPLIED]);
  });

  test("a write that fails leaves no temporary file behind, and the plaintext in place", async () => {
    mkdirSync(paths.encrypted); // the rename onto it fails
    secondsAgo(paths.encrypted, 3600);
    writeFileSync(paths.plain, STATE);
    await expect(encryptState(root, "boot", { identities: operator })).rejects.toThrow(/EISDIR|EEXIST|ENOTEMPTY/);
    expect(stateFiles()).toEqual(["boot.tfstate", "boot.tfstate.age", "recipients.txt"]);
  });
});

test("protectPlaintext makes an existing plaintext and backup owner-only, and skips what is missing", () => {
  writeFileSync(paths.backup, STATE, { mode: 0o644 });
  chmodSync(paths.backup, 0o644);
  protectPlaintext(paths);
  expect([existsSync(paths.plain), mode(paths.backup)]).toEqual([false, 0o600]);
});
