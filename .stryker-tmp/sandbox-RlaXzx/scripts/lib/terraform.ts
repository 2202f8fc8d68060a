// @ts-nocheck
import { ChildProcess, spawn, spawnSync } from "child_process";
import { closeSync, mkdtempSync, openSync, readSync, rmSync, writeFileSync } from "fs";
import { constants, tmpdir } from "os";
import { join } from "path";

/**
 * A closed terminal or a dead log reader makes writes fail, reported asynchronously as an
 * 'error' event that would end the process: the cleanup must still run, and its own last
 * messages may fail the same way, so this stays for the life of the process.
 */
function ignoreBrokenOutput(): void {
  for (const stream of [process.stdout, process.stderr]) {
    if (stream.listenerCount("error") === 0) stream.on("error", () => undefined);
  }
}

/** Signals that stop a deploy: Ctrl-C, a CI runner or systemd stopping it, a closed terminal. */
const STOP_SIGNALS = ["SIGINT", "SIGTERM", "SIGHUP"] as const;

/**
 * Terraform as a child process that receives exactly one interrupt, whatever arrives.
 *
 * Terraform saves its state when interrupted once; a second interrupt (SIGINT or SIGTERM)
 * makes it exit at once ("data loss may have occurred"), and SIGHUP kills it outright. A
 * terminal or a CI runner signals the whole process group, so Terraform is started in a
 * session of its own, out of reach of group signals: only this process talks to it, and on
 * the first SIGINT, SIGTERM or SIGHUP it sends Terraform one SIGINT and ignores the rest.
 * The caller's `finally` (re-encrypting tier-0 state) then runs after Terraform has exited.
 *
 * Terraform writes its output to files this process follows (TerraformOutput), so no reader
 * going away can kill it unsaved.
 *
 * Terraform runs with umask 077: the state and its .backup, which Terraform creates itself,
 * are readable by the owner only from the moment they exist.
 */
export class Interrupts {
  signal?: NodeJS.Signals;
  private child?: ChildProcess;
  private childInterrupted = false;
  private readonly handler = (signal: NodeJS.Signals) => {
    const first = this.signal === undefined;
    this.signal ??= signal;
    process.stderr.write(
      first
        ? `\n${signal} received: asking Terraform to stop (one interrupt), then cleaning up\n`
        : `\n${signal} received again: Terraform is already stopping and saving its state; waiting for it\n`,
    );
    this.interruptChild();
  };

  constructor() {
    for (const s of STOP_SIGNALS) process.on(s, this.handler);
    ignoreBrokenOutput();
  }

  dispose(): void {
    for (const s of STOP_SIGNALS) process.off(s, this.handler);
  }

  /** The exit code a process killed by the signal would have. */
  get exitCode(): number {
    return this.signal === "SIGTERM" ? 143 : this.signal === "SIGHUP" ? 129 : 130;
  }

  private interruptChild(): void {
    if (this.child && this.child.exitCode === null && this.child.signalCode === null && !this.childInterrupted) {
      this.childInterrupted = true;
      this.child.kill("SIGINT");
    }
  }

  /** Runs terraform in `dir`, output to this process's stdout/stderr; resolves to its exit code. */
  run(dir: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<number> {
    if (this.signal) return Promise.resolve(this.exitCode);
    return new Promise((resolve, reject) => {
      // The child inherits the umask at spawn; this process's own is restored at once.
      const output = new TerraformOutput();
      const umask = process.umask(0o077);
      let child: ChildProcess;
      try {
        child = spawn("terraform", args, { cwd: dir, env, stdio: ["inherit", output.stdout, output.stderr], detached: true });
      } finally {
        process.umask(umask);
      }
      this.child = child;
      this.childInterrupted = false;
      child.on("error", (err) => {
        output.close();
        reject(
          (err as NodeJS.ErrnoException).code === "ENOENT"
            ? new Error("terraform is not on PATH: install Terraform 1.11 (https://developer.hashicorp.com/terraform/install)")
            : err,
        );
      });
      child.on("exit", (code, signal) => {
        this.child = undefined;
        output.close();
        resolve(code ?? (signal ? 128 + constants.signals[signal] : 1));
      });
    });
  }
}

/**
 * Terraform's stdout and stderr as two files (0600, in a private temporary directory) that
 * this process follows and copies to its own. Not this process's stdout and stderr: when
 * those break (`deploy | tee`, and tee dies with the process group), a Go program writing
 * to a broken pipe is killed by SIGPIPE, unsaved. Not pipes to this process either: they
 * break the same way when this process is killed. A file never breaks, so Terraform always
 * finishes and saves; what this process can no longer write is dropped.
 */
class TerraformOutput {
  private readonly dir = mkdtempSync(join(tmpdir(), "homelab-terraform-"));
  readonly stdout = openSync(join(this.dir, "stdout"), "w+", 0o600);
  readonly stderr = openSync(join(this.dir, "stderr"), "w+", 0o600);
  private readonly copied = [0, 0];
  private readonly timer = setInterval(() => this.copy(), 50);

  /** Copies what Terraform wrote since the last call (positional reads: its file offset is untouched). */
  private copy(): void {
    const buffer = Buffer.alloc(64 * 1024);
    [this.stdout, this.stderr].forEach((fd, i) => {
      for (let n; (n = readSync(fd, buffer, 0, buffer.length, this.copied[i])) > 0; ) {
        this.copied[i] += n;
        (i === 0 ? process.stdout : process.stderr).write(Buffer.from(buffer.subarray(0, n)));
      }
    });
  }

  close(): void {
    clearInterval(this.timer);
    this.copy();
    closeSync(this.stdout);
    closeSync(this.stderr);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** Fails with what to install when terraform is not on PATH. */
export function requireTerraform(env: NodeJS.ProcessEnv): void {
  const r = spawnSync("terraform", ["version"], { encoding: "utf8", env });
  if (r.error || r.status !== 0) {
    throw new Error("terraform is not on PATH: install Terraform 1.11 (https://developer.hashicorp.com/terraform/install)");
  }
}

/** A Terraform state document, the parts we read. */
export interface TfState {
  readonly resources?: readonly unknown[];
  readonly outputs?: Readonly<Record<string, unknown>>;
}

/** Whether a state shows the stack was applied: it holds resources or outputs. */
export function isApplied(state: TfState | undefined): boolean {
  if (!state) return false;
  return (state.resources?.length ?? 0) > 0 || Object.keys(state.outputs ?? {}).length > 0;
}

/**
 * Reads a stack's remote state with only its backend block: in a temporary directory,
 * `terraform init` with that backend and `terraform state pull`. No providers are needed.
 * Undefined when the backend holds no state for the stack.
 */
export function pullState(backend: Record<string, unknown>, env: NodeJS.ProcessEnv): TfState | undefined {
  const dir = mkdtempSync(join(tmpdir(), "homelab-probe-"));
  try {
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify({ terraform: { backend } }));
    const run = (args: string[]) => {
      const r = spawnSync("terraform", args, { cwd: dir, env: { ...env, TF_IN_AUTOMATION: "1" }, encoding: "utf8" });
      if (r.error) throw r.error;
      if (r.status !== 0) throw new Error(`terraform ${args[0]} ${args[1] ?? ""} failed while reading state: ${(r.stderr || r.stdout).trim()}`);
      return r.stdout;
    };
    run(["init", "-input=false", "-no-color"]);
    const out = run(["state", "pull"]).trim();
    return out ? (JSON.parse(out) as TfState) : undefined;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
