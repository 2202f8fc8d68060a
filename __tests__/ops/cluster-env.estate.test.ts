import { stackNeeds, terraformEnvironment } from "../../scripts/lib/cluster-env";
import { synthEstate } from "../helpers/estate";
import { SHELL } from "../helpers/operator-shell";

describe("every stack of the estate", () => {
  // Derived from the estate: stacks added later are covered without editing this test.
  const { stacks, order } = synthEstate();
  const clusters = new Map(order.map((s) => [s.id, s.cluster]));

  test.each(Object.keys(stacks))("%s gets the credentials of its own providers and backend, and nothing secret besides", (id) => {
    const needs = stackNeeds(stacks[id]);
    const env = terraformEnvironment(clusters.get(id), needs, SHELL);
    const expected = new Set<string>();
    if (needs.providers.includes("nomad")) expected.add(clusters.get(id) === "nomad-bitcoin" ? "btc-token" : "main-token");
    if (needs.providers.includes("vault")) expected.add("vault-token");
    if (needs.providers.includes("consul")) expected.add("consul-token");
    if (needs.postgres) expected.add(SHELL.PG_CONN_STR);
    const secrets = new Set(["main-token", "btc-token", "vault-token", "consul-token", SHELL.PG_CONN_STR, SHELL.AGE_IDENTITY, SHELL.GIT_PUSH_TOKEN, SHELL.KUBECONFIG_DATA]);
    expect(new Set(Object.values(env).filter((v) => secrets.has(v!)))).toEqual(expected);
    expect(Object.keys(env).filter((k) => k.startsWith("AGE_"))).toEqual([]);
  });

  test("tier-1 stacks keep state in PostgreSQL, so they get PG_CONN_STR", () => {
    const tier1 = order.filter((s) => s.tier === 1).map((s) => s.id);
    expect(tier1.length).toBeGreaterThan(0);
    for (const id of tier1) expect(stackNeeds(stacks[id]).postgres).toBe(true);
  });
});
