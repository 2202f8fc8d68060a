import { execFileSync } from "child_process";
import { chmodSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import { TIER0_STATE_DIR } from "../../constructs/homelab-stack";
import { assertCanDecryptAfterEncrypting, decrypt, encrypt, Identities, parseRecipients, readRecipients, requireIdentities } from "./age";

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
/** The recipients file as messages name it: relative, never a machine path. */
export const RECIPIENTS_PATH = `${TIER0_STATE_DIR}/${RECIPIENTS_FILE}`;

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
  // An empty file is no state (Terraform locked it, then stopped before writing): never put
  // it in place of an encrypted state.
  if (input.plain.bytes.length === 0 && input.encryptedMtimeMs !== undefined && !input.force) {
    return {
      action: "refuse",
      reason: "the plaintext state is empty and would replace the encrypted state; remove it (or decrypt with --force) to keep the encrypted one",
    };
  }
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

/** Makes existing plaintext state (and its backup) readable by the owner only: files from before this rule. */
export function protectPlaintext(paths: StatePaths): void {
  for (const file of [paths.plain, paths.backup]) if (existsSync(file)) chmodSync(file, 0o600);
}

/** Decrypts `state/<stack>.tfstate.age` into `state/<stack>.tfstate` (mode 0600). */
export async function decryptState(root: string, stack: string, options: { force?: boolean; identities?: Identities; env?: NodeJS.ProcessEnv } = {}): Promise<StateResult> {
  const paths = statePaths(root, stack);
  if (!existsSync(paths.encrypted)) {
    return { stack, outcome: "no-state", message: `${stack}: no encrypted state (state/${stack}.tfstate.age): never applied` };
  }
  const identities = options.identities ?? requireIdentities(`decrypt state/${stack}.tfstate.age`, options.env);
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
      protectPlaintext(paths);
      return { stack, outcome: "already-decrypted", message: `${stack}: state/${stack}.tfstate already matches the encrypted state` };
    default:
      writeAtomically(paths.plain, decrypted, 0o600);
      return { stack, outcome: "decrypted", message: `${stack}: decrypted to state/${stack}.tfstate` };
  }
}

/**
 * Encrypts `state/<stack>.tfstate` to the recipients and removes the plaintext and
 * Terraform's plaintext backup. Needs the operator's identity: the recipients must include
 * it, and the new ciphertext must decrypt with it to the same bytes before it replaces
 * anything; otherwise the plaintext is kept. An unchanged state keeps its ciphertext.
 */
export async function encryptState(root: string, stack: string, options: { force?: boolean; identities?: Identities; env?: NodeJS.ProcessEnv } = {}): Promise<StateResult> {
  const paths = statePaths(root, stack);
  const plain = readIfExists(paths.plain);
  if (!plain) {
    rmSync(paths.backup, { force: true });
    const what = existsSync(paths.encrypted) ? "already encrypted" : "no state";
    return { stack, outcome: existsSync(paths.encrypted) ? "unchanged" : "no-state", message: `${stack}: no plaintext state/${stack}.tfstate (${what})` };
  }
  const recipients = readRecipients(paths.recipients, RECIPIENTS_PATH);
  const identities = options.identities ?? requireIdentities(`encrypt state/${stack}.tfstate (it proves you can decrypt what is written)`, options.env);
  await assertCanDecryptAfterEncrypting(recipients, identities, RECIPIENTS_PATH);
  const encryptedMtimeMs = existsSync(paths.encrypted) ? statSync(paths.encrypted).mtimeMs : undefined;
  let decrypted: Uint8Array | undefined;
  if (encryptedMtimeMs !== undefined) {
    try {
      decrypted = await decrypt(readFileSync(paths.encrypted), identities, `state/${stack}.tfstate.age`);
    } catch {
      decrypted = undefined; // encrypted before this identity was added: fall back to the timestamps
    }
  }
  const plan = planEncrypt({ plain, encryptedMtimeMs, decrypted, force: options.force ?? false });
  if (plan.action === "refuse") throw new Error(`refusing to encrypt ${stack}: ${plan.reason}`);
  if (plan.action === "write") {
    const ciphertext = await encrypt(plain.bytes, recipients);
    const back = await decrypt(ciphertext, identities, `the new state/${stack}.tfstate.age`);
    if (!Buffer.from(back).equals(Buffer.from(plain.bytes))) {
      throw new Error(`refusing to encrypt ${stack}: the new ciphertext does not decrypt to the state; state/${stack}.tfstate kept`);
    }
    writeAtomically(paths.encrypted, ciphertext);
  }
  rmSync(paths.plain, { force: true });
  rmSync(paths.backup, { force: true });
  return plan.action === "write"
    ? { stack, outcome: "encrypted", message: `${stack}: encrypted to state/${stack}.tfstate.age for ${recipients.length} recipient(s); plaintext removed` }
    : { stack, outcome: "unchanged", message: `${stack}: state unchanged, state/${stack}.tfstate.age kept; plaintext removed` };
}

/** The first bytes of every binary age file (age-encryption.org/v1 format). */
const AGE_HEADER = "age-encryption.org/v1\n";

/** A file as `state check` sees it: its path, its bytes, and which copy (index or working tree). */
export interface CheckedFile {
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly copy: "index" | "working tree";
}

/** Whether bytes are a Terraform state document (JSON with a lineage and a Terraform version). */
function isTerraformState(bytes: Uint8Array): boolean {
  const text = Buffer.from(bytes).toString("utf8");
  if (!text.includes("lineage")) return false; // cheap test first: most files are not JSON
  try {
    const doc = JSON.parse(text);
    return typeof doc === "object" && doc !== null && typeof doc.lineage === "string" && "terraform_version" in doc;
  } catch {
    return false;
  }
}

/** A path Terraform uses for state: *.tfstate, *.tfstate.backup, *.tfstate.<anything>. */
const STATE_NAME = /\.tfstate(\.|$)/;

/**
 * What `state check` finds wrong, by content, not by name: a `.tfstate.age` that is not an
 * age file (plaintext JSON renamed, say), any file holding Terraform state in plaintext
 * whatever its name, a state-named file that is not encrypted, and a recipients list
 * holding anything but public keys (an identity pasted in, named by line only).
 */
export function stateFileProblems(files: readonly CheckedFile[]): string[] {
  return files.flatMap(({ path, bytes, copy }) => {
    const where = `${path} (${copy})`;
    if (path === RECIPIENTS_PATH) {
      try {
        parseRecipients(Buffer.from(bytes).toString("utf8"), where);
        return [];
      } catch (err) {
        return [(err as Error).message];
      }
    }
    if (path.endsWith(".tfstate.age")) {
      if (Buffer.from(bytes.subarray(0, AGE_HEADER.length)).toString("latin1") === AGE_HEADER) return [];
      return [`${where}: not an age file${isTerraformState(bytes) ? ": it holds plaintext Terraform state" : ` (it does not start with ${JSON.stringify(AGE_HEADER.trim())})`}`];
    }
    if (isTerraformState(bytes)) return [`${where}: holds plaintext Terraform state`];
    if (STATE_NAME.test(path)) return [`${where}: a Terraform state file that is not encrypted`];
    return [];
  });
}

/**
 * What `state check` reads: every tracked file as the index holds it (what the next commit
 * contains), and the working tree's `state/*.tfstate.age` and recipients list (what a
 * pipeline adds next, tracked yet or not).
 */
export function readFilesToCheck(root: string): CheckedFile[] {
  const git = (args: string[], input?: Buffer) => execFileSync("git", args, { cwd: root, input, maxBuffer: 1 << 30 });
  const entries = git(["ls-files", "-z", "-s"])
    .toString("utf8")
    .split("\0")
    .filter(Boolean)
    .map((line) => /^(\d+) ([0-9a-f]+) \d+\t(.*)$/s.exec(line)!)
    .filter((m) => m[1].startsWith("100")); // regular files; not links or submodules
  const files: CheckedFile[] = [];
  if (entries.length) {
    const out = git(["cat-file", "--batch"], Buffer.from(entries.map((m) => `${m[2]}\n`).join("")));
    let at = 0;
    for (const m of entries) {
      const header = out.subarray(at, out.indexOf(0x0a, at)).toString("latin1");
      const size = Number(header.split(" ")[2]);
      const start = at + header.length + 1;
      files.push({ path: m[3], bytes: out.subarray(start, start + size), copy: "index" });
      at = start + size + 1;
    }
  }
  const dir = join(root, TIER0_STATE_DIR);
  if (existsSync(dir)) {
    for (const name of readdirSync(dir).filter((n) => n.endsWith(".tfstate.age") || n === RECIPIENTS_FILE).sort()) {
      files.push({ path: `${TIER0_STATE_DIR}/${name}`, bytes: readFileSync(join(dir, name)), copy: "working tree" });
    }
  }
  return files;
}
