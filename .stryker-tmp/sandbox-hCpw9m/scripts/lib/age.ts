// @ts-nocheck
import { existsSync, readFileSync } from "fs";
import { decodeBech32 } from "./bech32";

/**
 * age encryption through the `age-encryption` package (typage, by age's author).
 * The package is ESM-only: it is loaded on first use with require(), which Node 20.19+
 * supports for ESM. Jest's module system cannot load it, so tests drive the encrypting code
 * through the compiled CLI; parsing keys is plain TypeScript (./bech32) and tested directly.
 *
 * No message here ever repeats a key line: a line of an identity file is a secret, and a
 * line of the recipients file may be one pasted by mistake. Messages name the line and what
 * kind of thing it is.
 */
type AgeModule = typeof import("age-encryption");

let loaded: AgeModule | undefined;
function age(): AgeModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  loaded ??= require("age-encryption") as AgeModule;
  return loaded;
}

/** Environment variable holding identities (AGE-SECRET-KEY-1… lines). */
export const IDENTITY_ENV = "AGE_IDENTITY";
/** Environment variable naming a file of identities, one per line, `#` comments allowed. */
export const IDENTITY_FILE_ENV = "AGE_IDENTITY_FILE";

/** Identities to decrypt with, and where they came from, for error messages. */
export interface Identities {
  readonly keys: readonly string[];
  readonly source: string;
}

/** Non-empty, non-comment lines of a key file, with their 1-based line numbers. */
function keyLines(text: string): { line: number; text: string }[] {
  return text
    .split(/\r?\n/)
    .map((l, i) => ({ line: i + 1, text: l.trim() }))
    .filter((l) => l.text !== "" && !l.text.startsWith("#"));
}

/** Bytes of key material per Bech32 prefix (lower case), for the key kinds age defines. */
const RECIPIENT_BYTES: Readonly<Record<string, number | undefined>> = {
  age: 32, // X25519
  age1pq: 1216, // ML-KEM-768 + X25519 hybrid
  age1tag: undefined, // hardware-token tags: the age library checks their length
  age1tagpq: undefined,
};
const IDENTITY_BYTES: Readonly<Record<string, number>> = { "age-secret-key-": 32, "age-secret-key-pq-": 32 };

const LOOKS_LIKE_IDENTITY = /^AGE-(SECRET-KEY|PLUGIN)-/i;

/** Why a line of a recipients file is not a usable recipient; undefined when it is one. */
export function recipientProblem(line: string): string | undefined {
  if (LOOKS_LIKE_IDENTITY.test(line)) {
    return "an age identity (a secret key), not a public key: remove it, and since this file is in git, treat that key as leaked and replace it";
  }
  if (/^(ssh-|ecdsa-)/.test(line)) return "an SSH public key: only age public keys (age1…) are supported";
  if (!/^age1/i.test(line)) return "not an age public key (expected age1…, as printed by age-keygen or `npm run state -- keygen`)";
  if (!line.startsWith("age1")) return "an age public key not in lower case: write it as age-keygen prints it";
  const decoded = decodeBech32(line);
  if (!decoded.ok) {
    return decoded.problem === "bad checksum"
      ? "an age public key whose checksum does not match (mistyped, or cut short when copied)"
      : `not a valid age public key (${decoded.problem})`;
  }
  if (!(decoded.prefix in RECIPIENT_BYTES)) return `an age public key of a kind this tool does not know (${decoded.prefix}1…)`;
  const expected = RECIPIENT_BYTES[decoded.prefix];
  if (expected !== undefined && decoded.bytes.length !== expected) return "an age public key of the wrong length (cut short when copied?)";
  return undefined;
}

/** Why a line of an identity file is not a usable identity; undefined when it is one. */
export function identityProblem(line: string): string | undefined {
  if (/^age1/i.test(line)) return "an age public key, not an identity: it must be the secret key (AGE-SECRET-KEY-1…)";
  if (/^AGE-PLUGIN-/i.test(line)) return "an age plugin identity: plugins cannot run here; use an AGE-SECRET-KEY-1… identity";
  if (!line.startsWith("AGE-SECRET-KEY-")) return "not an age identity (expected AGE-SECRET-KEY-1…, as written by age-keygen)";
  const decoded = decodeBech32(line);
  if (!decoded.ok) {
    return decoded.problem === "bad checksum"
      ? "an age identity whose checksum does not match (mistyped, or cut short when copied)"
      : `not a valid age identity (${decoded.problem})`;
  }
  if (IDENTITY_BYTES[decoded.prefix] !== decoded.bytes.length) return "an age identity of an unknown kind or the wrong length";
  return undefined;
}

/** Every line's problem, as `<where> line <n>: <problem>`; the keys when there is none. */
function parseKeys(text: string, where: string, problem: (line: string) => string | undefined): { keys: string[]; problems: string[] } {
  const lines = keyLines(text);
  const problems = lines.flatMap((l) => {
    const p = problem(l.text);
    return p ? [`${where} line ${l.line}: ${p}`] : [];
  });
  return { keys: lines.map((l) => l.text), problems };
}

/** The identities in a key file's text; fails listing every bad line (never its content). */
export function parseIdentities(text: string, source: string): Identities {
  const { keys, problems } = parseKeys(text, source, identityProblem);
  if (problems.length) throw new Error(`${source} holds something that is not a usable age identity:\n  ${problems.join("\n  ")}`);
  if (keys.length === 0) throw new Error(`${source} holds no age identity: expected a line AGE-SECRET-KEY-1… (as written by age-keygen)`);
  return { keys, source };
}

/**
 * The operator's identities from AGE_IDENTITY or the file named by AGE_IDENTITY_FILE;
 * undefined when neither is set. Throws when what is set holds anything but identities.
 */
export function findIdentities(env: NodeJS.ProcessEnv = process.env): Identities | undefined {
  if (env[IDENTITY_ENV]) return parseIdentities(env[IDENTITY_ENV]!, IDENTITY_ENV);
  if (env[IDENTITY_FILE_ENV]) {
    const file = env[IDENTITY_FILE_ENV]!;
    if (!existsSync(file)) throw new Error(`${IDENTITY_FILE_ENV} names ${file}, which does not exist`);
    return parseIdentities(readFileSync(file, "utf8"), `${IDENTITY_FILE_ENV} (${file})`);
  }
  return undefined;
}

/** Like findIdentities, but fails, saying what to set, when there is none. */
export function requireIdentities(purpose: string, env: NodeJS.ProcessEnv = process.env): Identities {
  const found = findIdentities(env);
  if (!found) {
    throw new Error(
      `no age identity to ${purpose}: set ${IDENTITY_FILE_ENV} to the path of your age identity file ` +
        `(age-keygen -o <file>) or ${IDENTITY_ENV} to its contents`,
    );
  }
  return found;
}

/** The recipients in a recipients file's text; fails listing every bad line (never its content). */
export function parseRecipients(text: string, where: string): string[] {
  const { keys, problems } = parseKeys(text, where, recipientProblem);
  if (problems.length) throw new Error(`${where} holds lines that are not age public keys:\n  ${problems.join("\n  ")}`);
  if (keys.length === 0) throw new Error(`${where} lists no recipients: add at least one age1… public key`);
  return keys;
}

/** The recipients of a committed recipients file (age1… public keys); `where` names it in messages. */
export function readRecipients(file: string, where: string = file): string[] {
  if (!existsSync(file)) {
    throw new Error(`recipients file ${where} does not exist: it lists the age public keys (age1…) tier-0 state is encrypted to`);
  }
  return parseRecipients(readFileSync(file, "utf8"), where);
}

/** Encrypts to every recipient, binary age format. */
export async function encrypt(plaintext: Uint8Array, recipients: readonly string[]): Promise<Uint8Array> {
  const e = new (age().Encrypter)();
  recipients.forEach((r) => e.addRecipient(r));
  return e.encrypt(plaintext);
}

/** Raised when none of the identities is a recipient of the file. */
export class WrongIdentityError extends Error {}

/** A Decrypter holding the identities; the library's own message (which may quote a key) is never shown. */
function decrypterFor(identities: Identities): InstanceType<AgeModule["Decrypter"]> {
  const d = new (age().Decrypter)();
  identities.keys.forEach((k, i) => {
    try {
      d.addIdentity(k);
    } catch {
      throw new Error(`identity ${i + 1} of ${identities.source} was rejected by the age library (not a usable X25519 or hybrid identity)`);
    }
  });
  return d;
}

/** Decrypts with the identities; a WrongIdentityError when none of them is a recipient. */
export async function decrypt(ciphertext: Uint8Array, identities: Identities, what: string): Promise<Uint8Array> {
  const d = decrypterFor(identities);
  try {
    return await d.decrypt(ciphertext);
  } catch (err) {
    const message = (err as Error).message;
    if (/no identity matched/i.test(message)) {
      throw new WrongIdentityError(
        `the identity from ${identities.source} cannot decrypt ${what}: it is not one of the recipients the file ` +
          `was encrypted to; use an identity whose public key is in state/recipients.txt`,
      );
    }
    throw new Error(`cannot decrypt ${what}: ${message}`);
  }
}

/** The public keys (recipients) of the identities. */
export async function publicKeysOf(identities: Identities): Promise<string[]> {
  return Promise.all(
    identities.keys.map(async (k, i) => {
      try {
        return await age().identityToRecipient(k);
      } catch {
        throw new Error(`identity ${i + 1} of ${identities.source} was rejected by the age library (not a usable X25519 or hybrid identity)`);
      }
    }),
  );
}

/**
 * Fails unless what is encrypted to `recipients` can be decrypted again with `identities`:
 * one of their public keys is listed, and a probe encrypted to every recipient by the
 * library decrypts with them. Run before anything is applied, so a recipients list that
 * would lock the operator out is refused while nothing has changed yet.
 */
export async function assertCanDecryptAfterEncrypting(recipients: readonly string[], identities: Identities, where: string): Promise<void> {
  const own = await publicKeysOf(identities);
  if (!own.some((k) => recipients.includes(k))) {
    throw new Error(
      `refusing to encrypt to ${where}: it does not list the public key of your identity (${identities.source}), so you could not ` +
        `decrypt the state once written. Add your public key ${own.join(" / ")} to ${where} (and remove the placeholder), then ` +
        `re-encrypt each tier-0 stack with an identity that can read it: npm run state -- decrypt <stack> && npm run state -- encrypt <stack> --force`,
    );
  }
  const probe = new TextEncoder().encode("homelab recipients probe");
  let sealed: Uint8Array;
  try {
    sealed = await encrypt(probe, recipients);
  } catch (err) {
    throw new Error(`the age library cannot encrypt to the recipients in ${where}: ${(err as Error).message}`);
  }
  const opened = await decrypt(sealed, identities, `a probe encrypted to ${where}`);
  if (!Buffer.from(opened).equals(Buffer.from(probe))) throw new Error(`a probe encrypted to ${where} did not decrypt to itself`);
}

/** A new X25519 identity and its recipient, for tests and for `state keygen`. */
export async function generateKeyPair(): Promise<{ identity: string; recipient: string }> {
  const identity = await age().generateX25519Identity();
  return { identity, recipient: await age().identityToRecipient(identity) };
}
