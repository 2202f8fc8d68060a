import { ChildProcess, spawn, spawnSync } from "child_process";
import { createHash } from "crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { HomelabApp } from "../../../constructs";
import { defaultInventory } from "../../../inventory";
import { repoRoot } from "../../../scripts/repo-root";
import { testInventory } from "../../helpers/synth";
import { defineEstate } from "../fixtures/estate";

/** The repository this suite belongs to. */
export const REPO = repoRoot();

/**
 * The compiled tree the scripts run from: `dist/` (built by `tsc -p .`, which
 * `npm run test:integration` runs first), or HOMELAB_DIST when set.
 */
export const DIST = process.env.HOMELAB_DIST ?? join(REPO, "dist");

/** The fixture estate's module, as the scripts' HOMELAB_APP names it. */
export const FIXTURE_APP = "__tests__/integration/fixtures/estate";

export function script(name: string): string {
  const file = join(DIST, "scripts", `${name}.js`);
  if (!existsSync(file) || !existsSync(join(DIST, `${FIXTURE_APP}.js`))) {
    throw new Error(`${file} or the compiled fixture is missing: build first (npm run build; npm run test:integration builds itself)`);
  }
  return file;
}

/**
 * The inventory the suite names explicitly, as CI names the operator's (deploy refuses to run
 * on the embedded placeholders without one): the embedded default, written to a file once.
 */
const FIXTURE_INVENTORY = (() => {
  const dir = mkdtempSync(join(tmpdir(), "homelab-it-inventory-"));
  const file = join(dir, "inventory.json");
  writeFileSync(file, JSON.stringify(defaultInventory), { mode: 0o600 });
  process.once("exit", () => rmSync(dir, { recursive: true, force: true }));
  return file;
})();

/** An environment with none of the operator's credentials or identities. */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(PG|AGE_|HOMELAB_|FIXTURE_|TF_)/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, HOMELAB_APP: FIXTURE_APP, HOMELAB_INVENTORY: FIXTURE_INVENTORY, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", ...extra };
}

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a compiled script (state, deploy, affected) in `cwd`, the repository root it works on. */
export function runScript(name: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv): RunResult {
  const r = spawnSync(process.execPath, [script(name), ...args], { cwd, env, encoding: "utf8", timeout: 180_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function runTerraform(dir: string, args: readonly string[], env: NodeJS.ProcessEnv): RunResult {
  const r = spawnSync("terraform", args, { cwd: dir, env, encoding: "utf8", timeout: 180_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Like runTerraform, but fails the test with Terraform's output when it fails. */
export function terraform(dir: string, args: readonly string[], env: NodeJS.ProcessEnv): string {
  const r = runTerraform(dir, args, env);
  if (r.status !== 0) throw new Error(`terraform ${args.join(" ")} in ${dir} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return r.stdout;
}

/** A child process whose output is collected as it comes. */
export interface Running {
  readonly child: ChildProcess;
  output(): string;
  /** Resolves when the output matches. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
  /** Resolves when it exits with `code`; otherwise fails with its output, which says why. */
  exitsWith(code: number): Promise<void>;
}

/**
 * Starts a process, its output collected. `ownGroup` makes it lead a process group of its
 * own, as a shell does for a job, so a test can signal the whole group (kill -TERM -<pid>).
 */
export function start(command: string, args: readonly string[], cwd: string, env: NodeJS.ProcessEnv, ownGroup = false): Running {
  const child = spawn(command, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"], detached: ownGroup });
  let out = "";
  child.stdout!.on("data", (d) => (out += d));
  child.stderr!.on("data", (d) => (out += d));
  const exited = new Promise<number | null>((done) => child.on("close", (code) => done(code)));
  return {
    child,
    output: () => out,
    exited,
    exitsWith: async (expected) => {
      const code = await exited;
      if (code !== expected) throw new Error(`${command} ${args.join(" ")} exited ${code}, expected ${expected}; its output:\n${out}`);
    },
    waitFor: (pattern, timeoutMs = 60_000) =>
      new Promise((done, fail) => {
        const started = Date.now();
        const poll = setInterval(() => {
          if (pattern.test(out)) {
            clearInterval(poll);
            done();
          } else if (child.exitCode !== null || Date.now() - started > timeoutMs) {
            clearInterval(poll);
            fail(new Error(`never saw ${pattern} in the output of ${command} ${args.join(" ")}:\n${out}`));
          }
        }, 50);
      }),
  };
}

/** A repository root for the fixture estate: state/recipients.txt and an operator identity. */
export interface Workspace {
  readonly root: string;
  /** File holding the operator's identity (AGE_IDENTITY_FILE). */
  readonly identityFile: string;
  /** A second identity that is not a recipient. */
  readonly strangerFile: string;
  stateFile(name: string): string;
  stackDir(stack: string): string;
  dispose(): void;
}

/**
 * Generates an age key pair with the real CLI: the identity file's text (`identity`), the
 * secret key line alone (`key`) and the public key (`recipient`).
 */
export function keygen(): KeyPair {
  const r = spawnSync(process.execPath, [script("state"), "keygen"], { encoding: "utf8", cwd: REPO });
  if (r.status !== 0) throw new Error(`state keygen failed: ${r.stderr}`);
  return keyPairPrinted(r.stdout);
}

export interface KeyPair {
  readonly identity: string;
  readonly key: string;
  readonly recipient: string;
}

/** The key pair `state keygen` printed. */
export function keyPairPrinted(stdout: string): KeyPair {
  const recipient = /# public key: (age1\S+)/.exec(stdout)?.[1];
  const key = /^AGE-SECRET-KEY-1\S+$/m.exec(stdout)?.[0];
  if (!recipient || !key) throw new Error("state keygen printed no key pair");
  return { identity: stdout, key, recipient };
}

/** A workspace whose operator and stranger hold `pairs` (by default two from the CLI's keygen). */
export function newWorkspace(pairs: readonly [KeyPair, KeyPair] = [keygen(), keygen()]): Workspace {
  const root = mkdtempSync(join(tmpdir(), "homelab-it-"));
  mkdirSync(join(root, "state"));
  const [operator, stranger] = pairs;
  writeFileSync(join(root, "state", "recipients.txt"), `# the operator (test key)\n${operator.recipient}\n`);
  const keys = mkdtempSync(join(tmpdir(), "homelab-it-keys-"));
  writeFileSync(join(keys, "operator.txt"), operator.identity, { mode: 0o600 });
  writeFileSync(join(keys, "stranger.txt"), stranger.identity, { mode: 0o600 });
  return {
    root,
    identityFile: join(keys, "operator.txt"),
    strangerFile: join(keys, "stranger.txt"),
    stateFile: (name) => join(root, "state", name),
    stackDir: (stack) => join(root, "cdktf.out", "stacks", stack),
    dispose: () => {
      rmSync(root, { recursive: true, force: true });
      rmSync(keys, { recursive: true, force: true });
    },
  };
}

/** A tier-0 stack's state as its encrypted file holds it: decrypted by the real CLI, the plaintext removed again. */
export function encryptedState(ws: Workspace, stack: string, env: NodeJS.ProcessEnv): any {
  const r = runScript("state", ["decrypt", stack], ws.root, env);
  if (r.status !== 0) throw new Error(r.stderr);
  const state = JSON.parse(readFileSync(ws.stateFile(`${stack}.tfstate`), "utf8"));
  rmSync(ws.stateFile(`${stack}.tfstate`));
  return state;
}

/** Synthesizes the fixture estate through HomelabApp into <root>/cdktf.out, as deploy does. */
export function synthFixture(root: string): void {
  const app = new HomelabApp({ outdir: join(root, "cdktf.out"), inventory: testInventory });
  defineEstate(app);
  app.synth();
}

export function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}
