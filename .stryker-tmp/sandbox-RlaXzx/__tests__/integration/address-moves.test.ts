// @ts-nocheck
import { execFileSync } from "child_process";
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { DataResource } from "cdktf";
import { HomelabApp, HomelabStack } from "../../constructs";
import { declareMove, declareRemoval } from "../../constructs/declare-move";
import { testInventory } from "../helpers/synth";
import { terraform } from "./helpers/workspace";

/**
 * What declareMove and declareRemoval write does what they promise with the real Terraform:
 * a renamed resource is moved, not destroyed and recreated; a removal that keeps the data
 * only makes Terraform forget it. terraform_data stands in for a volume (no provider needed).
 */
const env = { PATH: process.env.PATH, HOME: process.env.HOME, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1", TF_CLI_CONFIG_FILE: "/dev/null" };

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), "homelab-moves-"));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Synthesizes one tier-1-free stack (local state under root/state) and returns its directory. */
function synth(build: (stack: HomelabStack) => void): string {
  const app = new HomelabApp({ outdir: join(root, "cdktf.out"), inventory: testInventory });
  build(new HomelabStack(app, "keep", { tier: 0, cluster: "kubernetes", description: "moves fixture" }));
  app.synth();
  return join(root, "cdktf.out", "stacks", "keep");
}

/**
 * The planned actions by address, from `terraform show -json` of a saved plan; without the
 * tier-0 stack's own Tier0StateGuard (tier0-faults.test.ts covers it).
 */
function plannedActions(dir: string): Record<string, { actions: string[]; from?: string }> {
  terraform(dir, ["plan", "-input=false", "-out=plan.out"], env);
  const plan = JSON.parse(execFileSync("terraform", ["show", "-json", "plan.out"], { cwd: dir, env, encoding: "utf8" }));
  return Object.fromEntries(
    (plan.resource_changes ?? [])
      .filter((r: any) => r.address !== "terraform_data.Tier0StateGuard")
      .map((r: any) => [r.address, { actions: r.change.actions, ...(r.previous_address ? { from: r.previous_address } : {}) }]),
  );
}

test("a declared move keeps the resource; a removal that keeps data only forgets it", () => {
  let dir = synth((s) => new DataResource(s, "Volume", { input: { value: "precious" } }));
  terraform(dir, ["init", "-input=false"], env);
  terraform(dir, ["apply", "-input=false", "-auto-approve"], env);

  dir = synth((s) => declareMove(new DataResource(s, "RenamedVolume", { input: { value: "precious" } }), "terraform_data.Volume"));
  expect(plannedActions(dir)).toEqual({ "terraform_data.RenamedVolume": { actions: ["no-op"], from: "terraform_data.Volume" } });
  terraform(dir, ["apply", "-input=false", "-auto-approve", "plan.out"], env);

  dir = synth((s) => declareRemoval(s, "terraform_data.RenamedVolume", { reason: "managed by hand from now on" }));
  expect(plannedActions(dir)).toEqual({ "terraform_data.RenamedVolume": { actions: ["forget"] } });
});

test("without the move, Terraform would destroy the old and create the new: what HL-STATE-3 exists to stop", () => {
  let dir = synth((s) => new DataResource(s, "Volume", { input: { value: "precious" } }));
  terraform(dir, ["init", "-input=false"], env);
  terraform(dir, ["apply", "-input=false", "-auto-approve"], env);
  dir = synth((s) => new DataResource(s, "RenamedVolume", { input: { value: "precious" } }));
  expect(plannedActions(dir)).toEqual({
    "terraform_data.RenamedVolume": { actions: ["create"] },
    "terraform_data.Volume": { actions: ["delete"] },
  });
});
