import { existsSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import { TIER0_STATE_DIR } from "../../constructs/homelab-stack";
import { decrypt, encrypt, findIdentities, Identities, readRecipients, requireIdentities } from "./age";

/**
 * Tier-0 state on disk. Terraform reads and writes the plaintext `state/<stack>.tfstate`
 * (never tracked); git tracks `state/<stack>.tfstate.age`, encrypted to the public keys in
 * `state/recipients.txt`. Every write goes through a temporary file and a rename, so a
 * failure leaves the previous file as it was.
 */
export interface StatePaths {
  readonly plain: string;
  readonly backup: string;
  readonly encrypted: string;
  readonly recipients: string;
}

export const RECIPIENTS_FILE = "recipients.txt";

export function statePaths(root: string, stack: string): StatePaths {
  const dir = join(root, TIER0_STATE_DIR);
  const plain = join(dir, `${stack}.tfstate`);
  return {
    plain,
    // Terraform's local backend keeps the previous state beside it: plaintext too.
    backup: `${plain}.backup`,
    encrypted: `${plain}.age`,
    recipients: join(dir, RECIPIENTS_FILE),
  };
}

/** What `state decrypt` will do, decided from the files alone (pure, for tests). */
export type DecryptPlan =
  | { readonly action: "write" }
  | { readonly action: "unchanged" }
  | { readonly action: "refuse"; readonly reason: string }
  | { readonly action: "nothing-encrypted" };

/**
 * Decrypting over an existing plaintext that differs from the encrypted state and is newer
 * than it would throw away work that was never encrypted: refused unless forced.
 */
export function planDecrypt(input: {
  readonly encryptedExists: boolean;
  readonly plain?: { readonly bytes: Uint8Array; readonly mtimeMs: number };
  readonly decrypted?: Uint8Array;
  readonly encryptedMtimeMs?: number;
  readonly force: boolean;
}): DecryptPlan {
  if (!input.encryptedExists) return { action: "nothing-encrypted" };
  if (!input.plain) return { action: "write" };
  if (input.decrypted && Buffer.from(input.plain.bytes).equals(Buffer.from(input.decrypted))) return { action: "unchanged" };
  if (!input.force && input.plain.mtimeMs > (input.encryptedMtimeMs ?? 0)) {
    return {
      action: "refuse",
      reason:
        "the plaintext state is newer than the encrypted one and differs from it (work not yet encrypted); " +
        "run `npm run state -- encrypt <stack>` to keep it, or decrypt with --force to discard it",
    };
  }
  return { action: "write" };
}

/** What `state encrypt` will do (pure, for tests). */
export type EncryptPlan =
  | { readonly action: "write" }
  | { readonly action: "unchanged" }
  | { readonly action: "refuse"; readonly reason: string }
  | { readonly action: "nothing-plain" };

/**
 * Encrypting a plaintext older than the encrypted file would overwrite newer state (pulled
 * from git after decrypting): refused unless forced. When the encrypted file decrypts to the
 * same bytes it is left as is, so an unchanged state makes no git change; forced, it is
 * always rewritten (to the current recipients).
 */
export function planEncrypt(input: {
  readonly plain?: { readonly bytes: Uint8Array; readonly mtimeMs: number };
  readonly encryptedMtimeMs?: number;
  /** The current encrypted state decrypted, when an identity was available. */
  readonly decrypted?: Uint8Array;
  readonly force: boolean;
}): EncryptPlan {
  if (!input.plain) return { action: "nothing-plain" };
  // Forced: always a fresh ciphertext, e.g. to re-encrypt for a changed recipients list.
  if (input.encryptedMtimeMs === undefined || input.force) return { action: "write" };
  if (input.decrypted && Buffer.from(input.plain.bytes).equals(Buffer.from(input.decrypted))) return { action: "unchanged" };
  if (input.encryptedMtimeMs > input.plain.mtimeMs) {
    return {
      action: "refuse",
      reason:
        "the encrypted state is newer than the plaintext (it changed after you decrypted, e.g. by git pull); " +
        "decrypt with --force to take the encrypted one, or encrypt with --force to overwrite it",
    };
  }
  return { action: "write" };
}

function readIfExists(path: string): { bytes: Uint8Array; mtimeMs: number } | undefined {
  if (!existsSync(path)) return undefined;
  return { bytes: readFileSync(path), mtimeMs: statSync(path).mtimeMs };
}

function writeAtomically(path: string, bytes: Uint8Array, mode?: number): void {
  const tmp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(tmp, bytes, { mode });
    renameSync(tmp, path);
  } finally {
    rmSync(tmp, { force: true });
  }
}

export interface StateResult {
  readonly stack: string;
  readonly outcome: "decrypted" | "already-decrypted" | "encrypted" | "unchanged" | "no-state";
  readonly message: string;
}

/** Decrypts `state/<stack>.tfstate.age` into `state/<stack>.tfstate` (mode 0600). */
export async function decryptState(root: string, stack: string, options: { force?: boolean; identities?: Identities } = {}): Promise<StateResult> {
  const paths = statePaths(root, stack);
  if (!existsSync(paths.encrypted)) {
    return { stack, outcome: "no-state", message: `${stack}: no encrypted state (state/${stack}.tfstate.age): never applied` };
  }
  const identities = options.identities ?? requireIdentities(`decrypt state/${stack}.tfstate.age`);
  const ciphertext = readFileSync(paths.encrypted);
  const decrypted = await decrypt(ciphertext, identities, `state/${stack}.tfstate.age`);
  const plan = planDecrypt({
    encryptedExists: true,
    plain: readIfExists(paths.plain),
    decrypted,
    encryptedMtimeMs: statSync(paths.encrypted).mtimeMs,
    force: options.force ?? false,
  });
  switch (plan.action) {
    case "refuse":
      throw new Error(`refusing to decrypt ${stack}: ${plan.reason}`);
    case "unchanged":
      return { stack, outcome: "already-decrypted", message: `${stack}: state/${stack}.tfstate already matches the encrypted state` };
    default:
      writeAtomically(paths.plain, decrypted, 0o600);
      return { stack, outcome: "decrypted", message: `${stack}: decrypted to state/${stack}.tfstate` };
  }
}

/**
 * Encrypts `state/<stack>.tfstate` to the recipients and removes the plaintext and
 * Terraform's plaintext backup. With an identity available, an unchanged state keeps its
 * existing ciphertext.
 */
export async function encryptState(root: string, stack: string, options: { force?: boolean; identities?: Identities } = {}): Promise<StateResult> {
  const paths = statePaths(root, stack);
  const plain = readIfExists(paths.plain);
  if (!plain) {
    rmSync(paths.backup, { force: true });
    const what = existsSync(paths.encrypted) ? "already encrypted" : "no state";
    return { stack, outcome: existsSync(paths.encrypted) ? "unchanged" : "no-state", message: `${stack}: no plaintext state/${stack}.tfstate (${what})` };
  }
  const recipients = readRecipients(paths.recipients);
  const encryptedMtimeMs = existsSync(paths.encrypted) ? statSync(paths.encrypted).mtimeMs : undefined;
  let decrypted: Uint8Array | undefined;
  const identities = options.identities ?? findIdentities();
  if (encryptedMtimeMs !== undefined && identities) {
    try {
      decrypted = await decrypt(readFileSync(paths.encrypted), identities, `state/${stack}.tfstate.age`);
    } catch {
      decrypted = undefined; // not ours to read: fall back to the timestamps
    }
  }
  const plan = planEncrypt({ plain, encryptedMtimeMs, decrypted, force: options.force ?? false });
  if (plan.action === "refuse") throw new Error(`refusing to encrypt ${stack}: ${plan.reason}`);
  if (plan.action === "write") writeAtomically(paths.encrypted, await encrypt(plain.bytes, recipients));
  rmSync(paths.plain, { force: true });
  rmSync(paths.backup, { force: true });
  return plan.action === "write"
    ? { stack, outcome: "encrypted", message: `${stack}: encrypted to state/${stack}.tfstate.age for ${recipients.length} recipient(s); plaintext removed` }
    : { stack, outcome: "unchanged", message: `${stack}: state unchanged, state/${stack}.tfstate.age kept; plaintext removed` };
}

/** Tracked files under state/ that hold plaintext state (anything but *.age and recipients). */
export function plaintextStateFiles(trackedPaths: readonly string[]): string[] {
  return trackedPaths.filter((p) => {
    if (!p.startsWith(`${TIER0_STATE_DIR}/`) && !p.includes(".tfstate")) return false;
    if (p === `${TIER0_STATE_DIR}/${RECIPIENTS_FILE}`) return false;
    return /\.tfstate(\.|$)/.test(p) && !p.endsWith(".tfstate.age");
  });
}
