// @ts-nocheck
import { HomelabApp, HomelabStack } from "../../constructs";
import { adopt } from "../../constructs/adopt";
import { DataResource } from "cdktf";
import { join } from "path";
import { testInventory } from "../helpers/synth";
import { requireTools } from "./helpers/tools";
import { cleanEnv, newWorkspace, terraform, Workspace } from "./helpers/workspace";

/**
 * The README's adopt-plan-apply-remove cycle with the real Terraform, on a built-in
 * `terraform_data` that "already exists" under an id: the plan imports it rather than
 * creating it, and once applied the adopt call can go with no change planned.
 */
describe("adopting an existing resource: adopt, plan, apply, remove", () => {
  let ws: Workspace;
  beforeAll(() => {
    requireTools();
    ws = newWorkspace();
  });
  afterAll(() => ws?.dispose());

  const synth = (withAdopt: boolean) => {
    const app = new HomelabApp({ outdir: join(ws.root, "cdktf.out"), inventory: testInventory });
    const stack = new HomelabStack(app, "legacy", { tier: 0, cluster: "nomad-main", description: "adoption fixture" });
    const existing = new DataResource(stack, "Existing", { input: { owner: "homelab" } });
    if (withAdopt) adopt(existing, { importId: "8d3c0e56-0000-4000-8000-000000000001" });
    app.synth();
    return ws.stackDir("legacy");
  };
  const env = () => cleanEnv();

  test("with adopt, the plan imports instead of creating, and apply takes it into state", () => {
    const dir = synth(true);
    terraform(dir, ["init", "-input=false", "-no-color"], env());
    const plan = terraform(dir, ["plan", "-input=false", "-no-color"], env());
    expect(plan).toMatch(/\(imported from "8d3c0e56-0000-4000-8000-000000000001"\)/);
    // The one to add is the tier-0 stack's Tier0StateGuard.
    expect(plan).toMatch(/Plan: 1 to import, 1 to add, 1 to change, 0 to destroy/);
    terraform(dir, ["apply", "-input=false", "-auto-approve", "-no-color"], env());
    expect(terraform(dir, ["state", "show", "-no-color", "terraform_data.Existing"], env())).toMatch(/id\s+= "8d3c0e56-0000-4000-8000-000000000001"/);
  });

  test("after the apply, removing the adopt call plans no change", () => {
    const dir = synth(false);
    const plan = terraform(dir, ["plan", "-input=false", "-no-color", "-detailed-exitcode"], env());
    expect(plan).toMatch(/No changes/);
  });
});
