import { stackNeeds, terraformEnvironment } from "../../scripts/lib/cluster-env";
import { SHELL } from "../helpers/operator-shell";

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
