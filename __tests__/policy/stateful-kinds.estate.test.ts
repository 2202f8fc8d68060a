import { synthStackOf } from "../../policy/address-record";
import { evaluate } from "../../policy/engine";
import { statePreventDestroy } from "../../policy/rules/state-prevent-destroy";
import { synthEstate } from "../helpers/estate";
import { testInventory } from "../helpers/synth";

describe("the estate", () => {
  // Read inside the first test that needs it, not while jest collects the tests (where
  // mutation testing, which synthesizes it live, could not tell which test ran the code).
  let stacks: Record<string, Record<string, any>> | undefined;
  const estate = () => {
    stacks ??= synthEstate().stacks;
    const resources = Object.values(stacks).flatMap((json) =>
      Object.entries<Record<string, any>>(json.resource ?? {}).flatMap(([type, byName]) => Object.values(byName).map((body) => ({ type, body }))),
    );
    return { stacks, resources };
  };

  test("every resource of a kind the list calls stateful is protected (HL-STATE-1 run over the synthesized estate)", () => {
    const { stacks, resources } = estate();
    const synthStacks = Object.entries(stacks).map(([id, json]) => synthStackOf(id, json));
    const report = evaluate(synthStacks, [statePreventDestroy], [], { inventory: testInventory });
    expect(report.findings).toEqual([]);
    // The estate holds data of most listed kinds; the count comes from the estate, not a constant.
    const protectedTypes = new Set(resources.filter((r) => r.body.lifecycle?.prevent_destroy === true).map((r) => r.type));
    for (const type of ["nomad_csi_volume", "nomad_namespace", "vault_mount", "vault_auth_backend", "vault_jwt_auth_backend", "kubernetes_persistent_volume_claim_v1"]) {
      expect(protectedTypes).toContain(type);
    }
  });

  test("the CNPG Cluster that holds tier-1 state and the namespaces holding claims are protected", () => {
    const { resources } = estate();
    const cluster = resources.find((r) => r.type === "kubernetes_manifest" && r.body.manifest.kind === "Cluster");
    expect(cluster?.body.lifecycle?.prevent_destroy).toBe(true);
    const vaultwarden = resources.find((r) => r.type === "kubernetes_namespace_v1" && r.body.metadata.name === "vaultwarden");
    expect(vaultwarden?.body.lifecycle?.prevent_destroy).toBe(true);
  });
});
