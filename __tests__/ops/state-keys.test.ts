import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { findIdentities, parseRecipients, readRecipients, requireIdentities } from "../../scripts/lib/age";
import { decodeBech32 } from "../../scripts/lib/bech32";
import { keygenHere } from "../helpers/keygen";
import { repoRoot } from "../../scripts/repo-root";

/** The public key age's README uses as its example. */
const AGE_EXAMPLE_RECIPIENT = "age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p";

/** Every run of `length` characters of `secret`: none may appear in a message. */
function fragments(secret: string, length = 8): string[] {
  return Array.from({ length: secret.length - length + 1 }, (_, i) => secret.slice(i, i + length));
}
function expectNoFragmentOf(secret: string, text: string): void {
  expect(fragments(secret).filter((f) => text.includes(f))).toEqual([]);
}
/** The key with one data character changed: a typo the checksum catches. */
function mistype(key: string, at = 30): string {
  const c = key[at] === "Q" ? "P" : "Q";
  return key.slice(0, at) + (key === key.toLowerCase() ? c.toLowerCase() : c) + key.slice(at + 1);
}

describe("Bech32, as BIP-173 specifies it", () => {
  test.each(["A12UEL5L", "a12uel5l", "abcdef1qpzry9x8gf2tvdw0s3jn54khce6mua7lmqqqxw", "split1checkupstagehandshakeupstreamerranterredcaperred2y9e3w"])(
    "accepts the specification's valid string %s",
    (s) => expect(decodeBech32(s).ok).toBe(true),
  );
  test.each([
    ["A1G7SGD8", "bad checksum"],
    ["10a06t8", "no separator"],
    ["1qzzfhee", "no separator"],
    ["a12UEL5L", "mixed case"],
    ["x1b4n0q5v", "invalid character"],
  ])("rejects the specification's invalid string %s (%s)", (s, problem) => {
    expect(decodeBech32(s)).toEqual({ ok: false, problem });
  });
  test("reads an age public key as 32 bytes under the prefix age", () => {
    const r = decodeBech32(AGE_EXAMPLE_RECIPIENT);
    expect(r.ok && { prefix: r.prefix, length: r.bytes.length }).toEqual({ prefix: "age", length: 32 });
  });
});

describe("recipients are parsed whole before anything is applied", () => {
  test("age public keys pass, comments and blank lines skipped", () => {
    expect(parseRecipients(`# operator\n\n${AGE_EXAMPLE_RECIPIENT}\n`, "state/recipients.txt")).toEqual([AGE_EXAMPLE_RECIPIENT]);
  });

  test("the committed recipients file parses", () => {
    expect(readRecipients(join(repoRoot(), "state", "recipients.txt"), "state/recipients.txt").length).toBeGreaterThan(0);
  });

  test("fails if a public key has a bad checksum, naming the line", () => {
    expect(() => parseRecipients(`# operator\n${mistype(AGE_EXAMPLE_RECIPIENT)}\n`, "state/recipients.txt")).toThrow(
      "state/recipients.txt holds lines that are not age public keys:\n  state/recipients.txt line 2: an age public key whose checksum does not match (mistyped, or cut short when copied)",
    );
  });

  test("fails if a public key was cut short", () => {
    expect(() => parseRecipients(AGE_EXAMPLE_RECIPIENT.slice(0, 40), "r")).toThrow(/r line 1: an age public key whose checksum does not match/);
  });

  test("fails if an identity was pasted in, and never prints it, even mistyped", async () => {
    const { key } = await keygenHere();
    for (const line of [key, mistype(key), key.toLowerCase()]) {
      let message = "";
      try {
        parseRecipients(`${AGE_EXAMPLE_RECIPIENT}\n${line}\n`, "state/recipients.txt");
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/state\/recipients.txt line 2: an age identity \(a secret key\), not a public key: remove it/);
      expectNoFragmentOf(line, message);
    }
  });

  test("fails on SSH keys and other lines, listing every bad line at once", () => {
    expect(() => parseRecipients("ssh-ed25519 AAAAC3Nz op@laptop\nhello\nAGE1QL3Z7HJY54PW3HYWW5AYYFG7ZQGVC7W3J2ELW8ZMRJ2KG5SFN9AQMCAC8P\n", "r")).toThrow(
      "r holds lines that are not age public keys:\n" +
        "  r line 1: an SSH public key: only age public keys (age1…) are supported\n" +
        "  r line 2: not an age public key (expected age1…, as printed by age-keygen or `npm run state -- keygen`)\n" +
        "  r line 3: an age public key not in lower case: write it as age-keygen prints it",
    );
  });

  test("fails if the file is missing or lists nobody", () => {
    const dir = mkdtempSync(join(tmpdir(), "homelab-keys-"));
    try {
      expect(() => readRecipients(join(dir, "recipients.txt"), "state/recipients.txt")).toThrow(/recipients file state\/recipients.txt does not exist/);
      writeFileSync(join(dir, "recipients.txt"), "# nobody\n");
      expect(() => readRecipients(join(dir, "recipients.txt"), "state/recipients.txt")).toThrow(/state\/recipients.txt lists no recipients/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("identities", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "homelab-keys-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("an identity comes from AGE_IDENTITY, or from the file AGE_IDENTITY_FILE names, comments skipped", async () => {
    const { identity, key } = await keygenHere();
    writeFileSync(join(dir, "id"), identity);
    expect(findIdentities({ AGE_IDENTITY_FILE: join(dir, "id") })).toEqual({ keys: [key], source: `AGE_IDENTITY_FILE (${join(dir, "id")})` });
    expect(findIdentities({ AGE_IDENTITY: key })?.keys).toEqual([key]);
    expect(findIdentities({})).toBeUndefined();
  });

  test("fails if a mistyped identity is set, naming the line and printing no part of it", async () => {
    const { key } = await keygenHere();
    for (const bad of [mistype(key), key.slice(0, -3), key.slice(0, 20)]) {
      let message = "";
      try {
        findIdentities({ AGE_IDENTITY: bad });
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/^AGE_IDENTITY holds something that is not a usable age identity:\n  AGE_IDENTITY line 1: (an age identity whose checksum does not match|not a valid age identity)/);
      expectNoFragmentOf(bad, message);
    }
  });

  test("fails if a public key is set where the identity belongs, or a line that is no key at all", () => {
    writeFileSync(join(dir, "id"), `# public key\n${AGE_EXAMPLE_RECIPIENT}\nhunter2-password\n`);
    expect(() => findIdentities({ AGE_IDENTITY_FILE: join(dir, "id") })).toThrow(
      /line 2: an age public key, not an identity: it must be the secret key \(AGE-SECRET-KEY-1…\)\n  .* line 3: not an age identity \(expected AGE-SECRET-KEY-1…, as written by age-keygen\)$/,
    );
    let message = "";
    try {
      findIdentities({ AGE_IDENTITY_FILE: join(dir, "id") });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).not.toContain("hunter2");
  });

  test("fails if no identity is set, saying what to set", () => {
    expect(() => requireIdentities("decrypt state/boot.tfstate.age", {})).toThrow(
      /no age identity to decrypt state\/boot.tfstate.age: set AGE_IDENTITY_FILE to the path of your age identity file .* or AGE_IDENTITY to its contents/,
    );
  });

  test("fails if the identity file is missing or holds nothing", () => {
    expect(() => findIdentities({ AGE_IDENTITY_FILE: join(dir, "nope") })).toThrow(/AGE_IDENTITY_FILE names .*nope, which does not exist/);
    writeFileSync(join(dir, "id"), "# empty\n");
    expect(() => findIdentities({ AGE_IDENTITY_FILE: join(dir, "id") })).toThrow(/holds no age identity/);
  });
});
