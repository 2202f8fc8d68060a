import { stackNeeds, terraformEnvironment } from "../../scripts/lib/cluster-env";
import { synthEstate } from "../helpers/estate";

/** What an operator's shell (or the deploy pipeline's apply step) holds. */
const SHELL = {
  PATH: "/usr/bin",
  HOME: "/home/op",
  LANG: "C.UTF-8",
  TF_IN_AUTOMATION: "1",
  TF_VAR_region: "eu",
  NOMAD_TOKEN: "main-token",
  BITCOIN_NOMAD_TOKEN: "btc-token",
  VAULT_TOKEN: "vault-token",
  CONSUL_HTTP_TOKEN: "consul-token",
  KUBE_CONFIG_PATH: "/home/op/.kube/config",
  KUBECONFIG_DATA: "apiVersion: v1",
  PG_CONN_STR: "postgres://u:p@db/terraform_state",
  AGE_IDENTITY: "AGE-SECRET-KEY-1...",
  AGE_IDENTITY_FILE: "/home/op/age.key",
  GIT_PUSH_TOKEN: "push-token",
  NPM_CONFIG_USERCONFIG: "/home/op/.npmrc",
};

const nomadOnly = { providers: ["nomad"], postgres: false };

describe("the environment Terraform runs with", () => {
  test("a Nomad stack gets the basics and NOMAD_*, and never the age identity, the push token or other clusters' credentials", () => {
    expect(terraformEnvironment("nomad-main", nomadOnly, SHELL)).toEqual({
      PATH: "/usr/bin",
      HOME: "/home/op",
      LANG: "C.UTF-8",
      TF_IN_AUTOMATION: "1",
      TF_VAR_region: "eu",
      NOMAD_TOKEN: "main-token",
    });
  });

  test("a Kubernetes stack with Helm and Vault gets KUBE_* and VAULT_*, not NOMAD_* nor the raw kubeconfig secret", () => {
    const env = terraformEnvironment("kubernetes", { providers: ["helm", "kubernetes", "vault"], postgres: false }, SHELL);
    expect(Object.keys(env).sort()).toEqual(["HOME", "KUBE_CONFIG_PATH", "LANG", "PATH", "TF_IN_AUTOMATION", "TF_VAR_region", "VAULT_TOKEN"]);
  });

  test("a stack configuring Consul (the mesh's intentions) gets CONSUL_*, and nothing of the other clusters", () => {
    const env = terraformEnvironment("nomad-main", { providers: ["consul"], postgres: false }, SHELL);
    expect(Object.keys(env).sort()).toEqual(["CONSUL_HTTP_TOKEN", "HOME", "LANG", "PATH", "TF_IN_AUTOMATION", "TF_VAR_region"]);
    expect(terraformEnvironment("nomad-main", nomadOnly, SHELL).CONSUL_HTTP_TOKEN).toBeUndefined();
  });

  test("a stack whose state or remote-state reads are in PostgreSQL gets PG_CONN_STR; one that is not, does not", () => {
    expect(terraformEnvironment("kubernetes", { providers: [], postgres: true }, SHELL).PG_CONN_STR).toBe(SHELL.PG_CONN_STR);
    expect(terraformEnvironment("kubernetes", { providers: [], postgres: false }, SHELL).PG_CONN_STR).toBeUndefined();
  });

  test("a Bitcoin-cluster stack runs with BITCOIN_NOMAD_TOKEN as its NOMAD_TOKEN, and never sees the main cluster's", () => {
    const env = terraformEnvironment("nomad-bitcoin", nomadOnly, SHELL);
    expect(env.NOMAD_TOKEN).toBe("btc-token");
    expect(Object.values(env)).not.toContain("main-token");
    expect(env.BITCOIN_NOMAD_TOKEN).toBeUndefined();
  });

  test("fails if a Bitcoin-cluster stack has no token of its own, rather than sending the main cluster's", () => {
    expect(() => terraformEnvironment("nomad-bitcoin", nomadOnly, { NOMAD_TOKEN: "main-token" })).toThrow(
      /BITCOIN_NOMAD_TOKEN is not set: this stack targets the Bitcoin Nomad cluster/,
    );
  });
});

describe("what a synthesized stack needs", () => {
  test("providers come from its provider blocks; PostgreSQL from a pg backend or a pg remote-state read", () => {
    expect(stackNeeds({ provider: { vault: [{}], nomad: [{}] }, terraform: { backend: { local: {} } } })).toEqual({ providers: ["nomad", "vault"], postgres: false });
    expect(stackNeeds({ terraform: { backend: { pg: {} } } }).postgres).toBe(true);
    expect(stackNeeds({ terraform: { backend: { local: {} } }, data: { terraform_remote_state: { cross: { backend: "pg" } } } }).postgres).toBe(true);
  });
});

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
