import { existsSync, readFileSync } from "fs";

/**
 * age encryption through the `age-encryption` package (typage, by age's author).
 * The package is ESM-only: it is loaded on first use with require(), which Node 20.19+
 * supports for ESM. Jest's module system cannot load it, so tests drive this code through
 * the compiled CLI.
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

const IDENTITY = /^AGE-SECRET-KEY-(PQ-)?1[0-9A-Z]+$/;
const RECIPIENT = /^age1[0-9a-z]+$/;

/** Non-empty, non-comment lines of a key file. */
function keyLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("#"));
}

/**
 * The operator's identities from AGE_IDENTITY or the file named by AGE_IDENTITY_FILE;
 * undefined when neither is set. Throws when what is set holds no valid identity.
 */
export function findIdentities(env: NodeJS.ProcessEnv = process.env): Identities | undefined {
  let text: string;
  let source: string;
  if (env[IDENTITY_ENV]) {
    text = env[IDENTITY_ENV]!;
    source = `${IDENTITY_ENV}`;
  } else if (env[IDENTITY_FILE_ENV]) {
    const file = env[IDENTITY_FILE_ENV]!;
    if (!existsSync(file)) throw new Error(`${IDENTITY_FILE_ENV} names ${file}, which does not exist`);
    text = readFileSync(file, "utf8");
    source = `${IDENTITY_FILE_ENV} (${file})`;
  } else {
    return undefined;
  }
  const lines = keyLines(text);
  const bad = lines.filter((l) => !IDENTITY.test(l));
  if (bad.length || lines.length === 0) {
    throw new Error(
      `${source} holds no valid age identity: expected lines starting AGE-SECRET-KEY-1 ` +
        `(as written by age-keygen); ${bad.length} line(s) are not identities`,
    );
  }
  return { keys: lines, source };
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

/** The recipients of a committed recipients file (age1… public keys). */
export function readRecipients(file: string): string[] {
  if (!existsSync(file)) {
    throw new Error(`recipients file ${file} does not exist: it lists the age public keys (age1…) tier-0 state is encrypted to`);
  }
  const lines = keyLines(readFileSync(file, "utf8"));
  const bad = lines.filter((l) => !RECIPIENT.test(l));
  if (bad.length) throw new Error(`${file}: not age recipients (expected age1…): ${bad.join(", ")}`);
  if (lines.length === 0) throw new Error(`${file} lists no recipients: add at least one age1… public key`);
  return lines;
}

/** Encrypts to every recipient, binary age format. */
export async function encrypt(plaintext: Uint8Array, recipients: readonly string[]): Promise<Uint8Array> {
  const e = new (age().Encrypter)();
  recipients.forEach((r) => e.addRecipient(r));
  return e.encrypt(plaintext);
}

/** Raised when none of the identities is a recipient of the file. */
export class WrongIdentityError extends Error {}

/** Decrypts with the identities; a WrongIdentityError when none of them is a recipient. */
export async function decrypt(ciphertext: Uint8Array, identities: Identities, what: string): Promise<Uint8Array> {
  const d = new (age().Decrypter)();
  identities.keys.forEach((k) => d.addIdentity(k));
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

/** A new X25519 identity and its recipient, for tests and for `state keygen`. */
export async function generateKeyPair(): Promise<{ identity: string; recipient: string }> {
  const identity = await age().generateX25519Identity();
  return { identity, recipient: await age().identityToRecipient(identity) };
}
