import { spawn, spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/**
 * Terraform as a child process. While it runs, SIGINT is left to Terraform (a terminal sends
 * it to the whole process group; Terraform then stops cleanly and releases its lock) and
 * SIGTERM/SIGHUP are passed on to it as one SIGINT, so the caller's `finally` (re-encrypting
 * tier-0 state) always runs after Terraform has exited.
 */
export class Interrupts {
  signal?: NodeJS.Signals;
  private child?: import("child_process").ChildProcess;
  private readonly handler = (signal: NodeJS.Signals) => {
    const first = this.signal === undefined;
    this.signal ??= signal;
    process.stderr.write(`\n${signal} received: waiting for Terraform to stop, then cleaning up\n`);
    if (first && signal !== "SIGINT" && this.child && this.child.exitCode === null) this.child.kill("SIGINT");
  };

  constructor() {
    for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(s, this.handler);
  }

  dispose(): void {
    for (const s of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.off(s, this.handler);
  }

  /** The exit code a process killed by the signal would have. */
  get exitCode(): number {
    return this.signal === "SIGTERM" ? 143 : this.signal === "SIGHUP" ? 129 : 130;
  }

  /** Runs terraform in `dir`, output to this process's stdout/stderr; resolves to its exit code. */
  run(dir: string, args: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
    if (this.signal) return Promise.resolve(this.exitCode);
    return new Promise((resolve, reject) => {
      const child = spawn("terraform", args, { cwd: dir, env, stdio: "inherit" });
      this.child = child;
      child.on("error", (err) =>
        reject(
          (err as NodeJS.ErrnoException).code === "ENOENT"
            ? new Error("terraform is not on PATH: install Terraform 1.11 (https://developer.hashicorp.com/terraform/install)")
            : err,
        ),
      );
      child.on("exit", (code, signal) => {
        this.child = undefined;
        resolve(code ?? (signal ? 128 + 2 : 1));
      });
    });
  }
}

/** Fails with what to install when terraform is not on PATH. */
export function requireTerraform(): void {
  const r = spawnSync("terraform", ["version"], { encoding: "utf8" });
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
export function pullState(backend: Record<string, unknown>, env: NodeJS.ProcessEnv = process.env): TfState | undefined {
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
