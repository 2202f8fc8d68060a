import { synthEstate } from "../helpers/estate";

/**
 * Every tier-0 stack of the estate refuses, at plan time, to run against an empty state
 * while its encrypted state exists. That Terraform evaluates the condition as intended is
 * shown with the real Terraform in __tests__/integration/tier0-faults.test.ts.
 */
describe("the tier-0 state guard", () => {
  const { stacks, order } = synthEstate();
  const tier0 = order.filter((s) => s.tier === 0).map((s) => s.id);

  test("the estate has tier-0 stacks to guard", () => expect(tier0.length).toBeGreaterThan(0));

  // Planning only (terraform.applying is false): while it applies, Terraform's own writes of the
  // state can show an empty plaintext for a moment.
  test.each(tier0)("%s checks, when planning, its own plaintext and encrypted state, relative to where Terraform runs, and names the command to use", (id) => {
    const guard = stacks[id].resource.terraform_data.Tier0StateGuard;
    const [precondition] = guard.lifecycle.precondition;
    const backendPath = stacks[id].terraform.backend.local.path;
    expect(precondition.condition).toBe(
      `\${(terraform.applying || ((length(try(file(join("/", [path.module, "${backendPath}"])), "")) >= 1) || !fileexists(join("/", [path.module, "${backendPath}.age"]))))}`,
    );
    expect(precondition.error_message).toContain(`Run "npm run deploy -- ${id}" instead`);
    expect(guard.lifecycle.precondition).toHaveLength(1);
  });

  test("every stack requires the Terraform that knows terraform.applying (1.10 and newer), so an older one is refused by name", () => {
    for (const s of order) expect([s.id, stacks[s.id].terraform.required_version]).toEqual([s.id, ">= 1.10"]);
  });

  test("tier-1 stacks, whose state is in PostgreSQL, have no guard", () => {
    for (const s of order.filter((d) => d.tier === 1)) expect(stacks[s.id].resource?.terraform_data?.Tier0StateGuard).toBeUndefined();
  });
});
