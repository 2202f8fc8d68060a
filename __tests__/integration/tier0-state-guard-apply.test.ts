import { App, LocalBackend, TerraformStack, TerraformVariable } from "cdktf";
import { DataResource } from "cdktf";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Tier0StateGuard } from "../../constructs/tier0-state-guard";
import { requireTools } from "./helpers/tools";
import { cleanEnv, runTerraform, terraform } from "./helpers/workspace";

/**
 * Terraform evaluates a precondition again while it applies, even on a resource it does not
 * change, and while it applies it rewrites the state file (truncate, then write), so the guard
 * could see an empty plaintext for a moment and fail an apply planned against the full state
 * (it did, in CI, under load). The guard is real here; the file it watches is a stand-in that a
 * resource empties during the apply, and the guard is made to wait for that resource, so the
 * moment is certain instead of a race.
 */
describe("the tier-0 state guard with the real Terraform", () => {
  let dir: string;
  const env = cleanEnv();

  beforeAll(() => {
    requireTools();
    dir = mkdtempSync(join(tmpdir(), "homelab-it-guard-"));
    const app = new App({ outdir: join(dir, "out") });
    const stack = new TerraformStack(app, "guarded");
    new LocalBackend(stack, { path: "terraform.tfstate" });
    const blank = new TerraformVariable(stack, "blank", { type: "bool", default: false });
    const emptier = new DataResource(stack, "Emptier", {
      triggersReplace: ["${timestamp()}"],
      provisioners: [{ type: "local-exec", command: `if [ "${blank.stringValue}" = "true" ]; then : > watched.tfstate; fi` }],
    });
    const guard = new Tier0StateGuard(stack, "Guard", { stackId: "guarded", statePath: "watched.tfstate" });
    guard.addOverride("depends_on", [`terraform_data.${emptier.friendlyUniqueId}`]);
    app.synth();
    dir = join(dir, "out", "stacks", "guarded");
    writeFileSync(join(dir, "watched.tfstate"), '{"serial":1}');
    writeFileSync(join(dir, "watched.tfstate.age"), "ciphertext");
    terraform(dir, ["init", "-input=false", "-no-color"], env);
    terraform(dir, ["apply", "-auto-approve", "-input=false", "-no-color"], env);
  });
  afterAll(() => rmSync(join(dir, "..", "..", ".."), { recursive: true, force: true }));

  test("an apply during which the plaintext is empty for a moment completes: the guard checked the plan", () => {
    terraform(dir, ["plan", "-input=false", "-no-color", "-var", "blank=true", "-out=p"], env);
    const applied = terraform(dir, ["apply", "-input=false", "-no-color", "p"], env);
    expect(applied).toMatch(/Apply complete! Resources: 1 added, 0 changed, 1 destroyed/);
  });

  test("planning with the plaintext empty and the encrypted state present still fails, naming the command to run", () => {
    writeFileSync(join(dir, "watched.tfstate"), "");
    const plan = runTerraform(dir, ["plan", "-input=false", "-no-color"], env);
    expect(plan.status).toBe(1);
    expect(plan.stderr.replace(/\s+/g, " ")).toMatch(/Resource precondition failed.*state\/guarded\.tfstate\.age exists but its plaintext.*npm run deploy -- guarded/);
  });
});
