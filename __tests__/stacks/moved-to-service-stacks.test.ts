import { App, TerraformResource, TerraformStack } from "cdktf";
import { Construct } from "constructs";
import { INTENTIONS_HELD_BY_MESH, VAULT_GRANTS_HELD_BY_VAULT } from "../../stacks/moved-to-service-stacks";
import { synthEstate } from "../helpers/estate";

/**
 * The Vault grants and intentions the shared stacks held move to the services' own stacks:
 * the shared stack forgets each (never destroys it) and the service's stack imports it, so
 * whichever is applied first nothing is destroyed, recreated or left unmanaged.
 */
interface Block {
  readonly to?: string;
  readonly from?: string;
  readonly id?: string;
  readonly lifecycle?: { readonly destroy?: boolean };
}
const { stacks } = synthEstate();
const blocks = (stackId: string, kind: "removed" | "import") => ((stacks[stackId] as any)[kind] ?? []) as Block[];
/** Every import block of the estate, with the stack holding it. */
const imports = Object.keys(stacks).flatMap((stackId) => blocks(stackId, "import").map((b) => ({ stackId, ...b })));
/** Which stack holds a resource of `type` whose attribute `key` is `value`. */
const holderOf = (type: string, key: string, value: string) =>
  Object.entries(stacks)
    .filter(([, stack]) => Object.values<any>((stack as any).resource?.[type] ?? {}).some((r) => r[key] === value))
    .map(([stackId]) => stackId);

/** The address cdktf gives a resource of `type` at `path` (below the stack) in a stack called `stackId`. */
function addressAt(stackId: string, path: readonly string[], type: string): string {
  const stack = new TerraformStack(new App(), stackId);
  let scope: Construct = stack;
  for (const id of path.slice(0, -1)) scope = new Construct(scope, id);
  return `${type}.${stack.getLogicalId(new TerraformResource(scope, path[path.length - 1], { terraformResourceType: type }))}`;
}

describe("Vault grants: from the vault stack to each job's stack", () => {
  const held = Object.entries(VAULT_GRANTS_HELD_BY_VAULT);

  test("the recorded addresses are the ones cdktf gave them in the vault stack (vault/Services/<job>/Policy, vault/NomadJwtAuth/<job>/Role)", () => {
    expect(held.length).toBeGreaterThan(0);
    for (const [job, h] of held) {
      expect([h.policy, h.role]).toEqual([addressAt("vault", ["Services", job, "Policy"], "vault_policy"), addressAt("vault", ["NomadJwtAuth", job, "Role"], "vault_jwt_auth_backend_role")]);
    }
  });

  test("the vault stack forgets each and destroys none", () => {
    const removed = blocks("vault", "removed");
    expect(removed.map((r) => r.from).sort()).toEqual(held.flatMap(([, h]) => [h.policy, h.role]).sort());
    expect(removed.filter((r) => r.lifecycle?.destroy !== false)).toEqual([]);
  });

  test("each job's own stack imports its policy and role, by the ids the provider imports them by (name; auth/<path>/role/<name>)", () => {
    for (const [job] of held) {
      const [stackId] = holderOf("vault_jwt_auth_backend_role", "role_name", `nomad-${job}`);
      expect(stackId).toBeDefined();
      expect(stackId).not.toBe("vault");
      expect(imports.filter((i) => i.stackId === stackId && i.id === `service-${job}`).map((i) => i.to)).toEqual([expect.stringMatching(/^vault_policy\./)]);
      expect(imports.filter((i) => i.stackId === stackId && i.id === `auth/jwt-nomad/role/nomad-${job}`).map((i) => i.to)).toEqual([expect.stringMatching(/^vault_jwt_auth_backend_role\./)]);
    }
    // A grant made since is created, not imported.
    expect(imports.filter((i) => i.to?.startsWith("vault_")).length).toBe(held.length * 2);
  });
});

describe("intentions: from the consul-mesh stack to each destination's job's stack", () => {
  const held = Object.entries(INTENTIONS_HELD_BY_MESH);

  test("the recorded addresses are the ones cdktf gave them in the consul-mesh stack (consul-mesh/Intentions/<destination>)", () => {
    expect(held.length).toBeGreaterThan(0);
    for (const [destination, address] of held) expect(address).toBe(addressAt("consul-mesh", ["Intentions", destination], "consul_config_entry_service_intentions"));
  });

  test("the consul-mesh stack forgets each and destroys none; it keeps the default deny", () => {
    const removed = blocks("consul-mesh", "removed");
    expect(removed.map((r) => r.from).sort()).toEqual(held.map(([, a]) => a).sort());
    expect(removed.filter((r) => r.lifecycle?.destroy !== false)).toEqual([]);
    expect(holderOf("consul_config_entry_service_intentions", "name", "*")).toEqual(["consul-mesh"]);
  });

  test("the stack of the job registering each destination imports its entry, by the destination's name", () => {
    for (const [destination] of held) {
      const holders = holderOf("consul_config_entry_service_intentions", "name", destination);
      expect(holders).toHaveLength(1);
      expect(holders[0]).not.toBe("consul-mesh");
      expect(imports.filter((i) => i.id === destination).map((i) => `${i.stackId} ${i.to?.split(".")[0]}`)).toEqual([`${holders[0]} consul_config_entry_service_intentions`]);
    }
  });
});
