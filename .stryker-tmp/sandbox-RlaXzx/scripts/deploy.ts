/**
 * Deploys one stack from a workstation (or CI):
 *
 *   npm run deploy -- <stack> [--plan] [--auto-approve] [--force] [--lock-timeout=<seconds>]
 *
 * Synthesizes the estate (the same HomelabApp path as `npm run synth`) into cdktf.out, refuses
 * when a stack it depends on has not been applied yet (printing the order to use), then runs
 * `terraform init` and `plan` or `apply` in cdktf.out/stacks/<stack>/.
 *
 * Tier 0, before anything is touched: state/recipients.txt must parse whole and list the
 * public key of your identity, so the state written can be read again. Then, holding the
 * stack's lock (state/<stack>.tfstate.lock; another deploy of it in this checkout is refused,
 * or waited for with --lock-timeout), it decrypts state/<stack>.tfstate.age, runs Terraform,
 * and re-encrypts afterwards, also when Terraform fails or the run is interrupted (Terraform
 * gets exactly one interrupt, whatever signal arrives). Tier 1: needs PG_CONN_STR. Tier-0
 * stacks this stack reads from are locked, decrypted for the run and their plaintext removed
 * afterwards. Terraform runs with only the variables its providers read (cluster-env).
 *
 * It acts on the real estate, so it refuses the embedded placeholder inventory: name the
 * operator's with HOMELAB_INVENTORY. An apply is a saved plan: when the plan would destroy or
 * replace a resource that holds data and the code declares no such thing, nothing is applied;
 * otherwise that plan, and only it, is applied (after a yes at the terminal, or --auto-approve).
 */
// @ts-nocheck

import { spawnSync } from "child_process";
import { existsSync, readFileSync, rmSync } from "fs";
import { join } from "path";
import { createInterface } from "readline";
import { OrderedStack } from "../constructs";
import { INVENTORY_ENV } from "../inventory/load";
import { readAddressRecord } from "../policy/address-record";
import { assertCanDecryptAfterEncrypting, decrypt, findIdentities, Identities, readRecipients, requireIdentities } from "./lib/age";
import { parseArgs, runMain, UsageError } from "./lib/cli";
import { SynthesizedStack, stackNeeds, terraformEnvironment } from "./lib/cluster-env";
import { ancestors, findStack, loadEstate } from "./lib/estate";
import { redactingErrors } from "./lib/redact";
import { decryptState, encryptState, protectPlaintext, RECIPIENTS_PATH, statePaths } from "./lib/state-files";
import { lockTimeoutSeconds, StateLocks } from "./lib/state-lock";
import { PlanJson, plannedDataLoss } from "./lib/plan-guard";
import { Interrupts, isApplied, pullState, requireTerraform, TfState } from "./lib/terraform";

const USAGE = "npm run deploy -- <stack> [--plan [--detailed-exitcode]] [--auto-approve] [--force] [--lock-timeout=<seconds>]";
export const PG_ENV = "PG_CONN_STR";

function stackJson(root: string, id: string): SynthesizedStack {
  return JSON.parse(readFileSync(join(root, "cdktf.out", "stacks", id, "cdk.tf.json"), "utf8"));
}

/** A dependency's state, to know whether it was applied. */
async function dependencyState(root: string, dep: OrderedStack, identities: () => Identities): Promise<TfState | undefined> {
  if (dep.tier === 0) {
    const paths = statePaths(root, dep.id);
    if (existsSync(paths.plain)) return JSON.parse(readFileSync(paths.plain, "utf8"));
    if (!existsSync(paths.encrypted)) return undefined;
    const bytes = await decrypt(readFileSync(paths.encrypted), identities(), `state/${dep.id}.tfstate.age`);
    return JSON.parse(Buffer.from(bytes).toString("utf8"));
  }
  const backend = stackJson(root, dep.id).terraform?.backend;
  if (!backend) throw new Error(`stack ${dep.id} has no backend in its synthesized JSON; cannot tell whether it was applied`);
  return pullState({ ...backend }, terraformEnvironment(dep.cluster, { providers: [], postgres: true }, process.env));
}

async function main(): Promise<number> {
  const { positional, flags } = parseArgs(process.argv.slice(2), ["plan", "detailed-exitcode", "auto-approve", "force", "lock-timeout="], USAGE);
  if (positional.length !== 1) throw new UsageError(positional.length ? `one stack at a time, got ${positional.join(" ")}` : "which stack?", USAGE);
  const [id] = positional;
  const root = process.cwd();
  const planOnly = flags.has("plan");
  // Terraform's plan -detailed-exitcode: 2 means the plan has changes (drift), not a failure.
  const detailed = flags.has("detailed-exitcode");
  if (detailed && !planOnly) throw new UsageError("--detailed-exitcode goes with --plan", USAGE);
  const lockTimeout = lockTimeoutSeconds(flags.get("lock-timeout"), USAGE);

  if (!process.env[INVENTORY_ENV]) {
    throw new Error(
      `${INVENTORY_ENV} is not set: deploy acts on the real estate, and the embedded default inventory holds placeholders ` +
        `(example.org, home.arpa); name the operator's inventory, e.g. ${INVENTORY_ENV}=~/homelab/inventory.yaml npm run deploy -- ${id}`,
    );
  }
  requireTerraform(terraformEnvironment(undefined, { providers: [], postgres: false }, process.env));
  const { app, stacks } = loadEstate(join(root, "cdktf.out"));
  const stack = findStack(stacks, id);
  const usesPg = stack.tier !== 0 || ancestors(stacks, id).some((s) => s.tier !== 0);
  if (usesPg && !process.env[PG_ENV]) {
    throw new Error(
      `${PG_ENV} is not set: stack ${id} ${stack.tier === 0 ? "reads" : "keeps"} state in PostgreSQL (tier 1). ` +
        `Export it first, e.g. export ${PG_ENV}="postgres://<user>:<password>@<host>:5432/terraform_state" ` +
        `(credentials from Vault database/static-creds/pg-terraform-state)`,
    );
  }

  let identities = findIdentities();
  const identity = () => (identities ??= requireIdentities(`read tier-0 state`));
  if (stack.tier === 0) {
    // Before anything is decrypted or applied: what this run encrypts must be readable by you.
    const recipients = readRecipients(statePaths(root, id).recipients, RECIPIENTS_PATH);
    await assertCanDecryptAfterEncrypting(recipients, identity(), RECIPIENTS_PATH);
  }

  const before = ancestors(stacks, id);
  const tier0 = [stack, ...before].filter((s) => s.tier === 0).map((s) => s.id);
  const interrupts = new Interrupts();
  try {
    const locks = await StateLocks.acquire(root, tier0, {
      command: `deploy ${id}${planOnly ? " --plan" : ""}`,
      timeoutSeconds: lockTimeout,
      cancelled: () => interrupts.signal !== undefined,
    });
    try {
      app.synth();
      console.log(`synthesized ${stacks.length} stacks; ${id} is tier ${stack.tier}, number ${stack.order} in the deploy order`);
      const dir = join(root, "cdktf.out", "stacks", id);
      const terraformEnv = terraformEnvironment(stack.cluster, stackNeeds(stackJson(root, id)), process.env);

      const missing: string[] = [];
      for (const dep of before) {
        if (!isApplied(await dependencyState(root, dep, identity))) missing.push(dep.id);
      }
      if (missing.length) {
        const order = [...before.filter((s) => missing.includes(s.id)), stack].map((s) => `npm run deploy -- ${s.id}`);
        throw new Error(
          `refusing to deploy ${id}: it depends on ${missing.join(", ")}, not applied yet. Deploy in this order:\n  ${order.join("\n  ")}`,
        );
      }

      const created: string[] = [];
      // Re-encrypt only a plaintext this run decrypted (or Terraform created): when decrypting
      // is refused (unsaved work in the plaintext), the operator's files stay as they were.
      let ownsState = false;
      let code = 1;
      try {
        // Tier-0 stacks read directly through terraform_remote_state need their plaintext.
        for (const dep of before.filter((s) => s.tier === 0 && stack.dependencies.includes(s.id))) {
          const paths = statePaths(root, dep.id);
          if (existsSync(paths.plain)) continue;
          created.push(paths.plain);
          await decryptState(root, dep.id, { identities: identity() });
        }
        if (stack.tier === 0) {
          const result = await decryptState(root, id, { force: flags.has("force"), identities });
          ownsState = true;
          protectPlaintext(statePaths(root, id));
          console.log(result.message);
        }
        // Colours only for a terminal; logs and pipes get plain text.
        const color = process.stdout.isTTY ? [] : ["-no-color"];
        code = await interrupts.run(dir, ["init", "-input=false", ...color], terraformEnv);
        if (code === 0 && planOnly) code = await interrupts.run(dir, ["plan", "-input=false", ...(detailed ? ["-detailed-exitcode"] : []), ...color], terraformEnv);
        else if (code === 0) code = await planThenApply(interrupts, dir, terraformEnv, color, { root, id, autoApprove: flags.has("auto-approve") });
      } finally {
        for (const plain of created) rmSync(plain, { force: true });
        if (stack.tier === 0 && ownsState) await reencrypt(root, id, locks, identity());
      }
      if (interrupts.signal) return interrupts.exitCode;
      if (detailed && code === 2) {
        console.log(`${id}: the plan has changes (terraform plan -detailed-exitcode exit 2)`);
        return 2;
      }
      if (code !== 0) {
        console.error(`terraform ${planOnly ? "plan" : "apply"} of ${id} failed (exit ${code})${stack.tier === 0 ? "; state re-encrypted" : ""}`);
      }
      return code;
    } finally {
      locks.release();
    }
  } finally {
    interrupts.dispose();
  }
}

/**
 * Plans into a saved plan (0600: it may hold secrets), refuses one that loses data the code did
 * not declare, asks at the terminal unless auto-approved, and applies exactly that plan.
 */
async function planThenApply(
  interrupts: Interrupts,
  dir: string,
  env: NodeJS.ProcessEnv,
  color: readonly string[],
  options: { readonly root: string; readonly id: string; readonly autoApprove: boolean },
): Promise<number> {
  const planFile = "homelab.tfplan";
  try {
    const planned = await interrupts.run(dir, ["plan", "-input=false", `-out=${planFile}`, ...color], env);
    if (planned !== 0 || interrupts.signal) return planned;
    const loss = plannedDataLoss(showPlan(dir, planFile, env), options.id, stackJson(options.root, options.id), readAddressRecord(options.root));
    if (loss.length) {
      console.error(`\nREFUSED, nothing applied to ${options.id}: this plan loses data.\n  ${loss.join("\n  ")}\n`);
      return 1;
    }
    if (!options.autoApprove && !(await confirm(`Apply this plan to ${options.id}? Only "yes" applies: `))) {
      console.error(`not applied: ${options.id} is unchanged`);
      return 1;
    }
    return await interrupts.run(dir, ["apply", "-input=false", ...color, planFile], env);
  } finally {
    rmSync(join(dir, planFile), { force: true });
  }
}

/** The saved plan as JSON (`terraform show -json`): read only, in memory. */
function showPlan(dir: string, planFile: string, env: NodeJS.ProcessEnv): PlanJson {
  const r = spawnSync("terraform", ["show", "-json", "-no-color", planFile], { cwd: dir, env, encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.error || r.status !== 0) throw new Error(`terraform show of the saved plan failed: ${(r.stderr || "").trim().slice(0, 400)}`);
  return JSON.parse(r.stdout) as PlanJson;
}

/** A yes from the operator at the terminal; a run without one must say --auto-approve. */
async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) throw new Error("no terminal to confirm the apply: review the plan above and run again with --auto-approve");
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return (await new Promise<string>((resolve) => rl.question(question, resolve))).trim() === "yes";
  } finally {
    rl.close();
  }
}

/** Re-encrypts the stack's state; when that fails, says that the plaintext was kept and what to run. */
async function reencrypt(root: string, id: string, locks: StateLocks, identities: Identities): Promise<void> {
  try {
    locks.assertHeld();
    console.log((await encryptState(root, id, { identities })).message);
  } catch (err) {
    throw new Error(
      `${(err as Error).message}\nstate/${id}.tfstate was NOT re-encrypted and is kept as plaintext (nothing is lost): ` +
        `fix the above, then run npm run state -- encrypt ${id}`,
    );
  }
}

runMain(redactingErrors(main));
