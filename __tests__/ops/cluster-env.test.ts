import { terraformEnvironment } from "../../scripts/lib/cluster-env";

test("stacks of the main clusters run with the environment as it is", () => {
  const env = { NOMAD_TOKEN: "main-token" };
  expect(terraformEnvironment("nomad-main", env)).toBe(env);
  expect(terraformEnvironment("kubernetes", env)).toBe(env);
});

test("a Bitcoin-cluster stack runs with BITCOIN_NOMAD_TOKEN as its NOMAD_TOKEN", () => {
  expect(terraformEnvironment("nomad-bitcoin", { NOMAD_TOKEN: "main-token", BITCOIN_NOMAD_TOKEN: "btc-token" })).toEqual({
    NOMAD_TOKEN: "btc-token",
    BITCOIN_NOMAD_TOKEN: "btc-token",
  });
});

test("fails if a Bitcoin-cluster stack has no token of its own, rather than sending the main cluster's", () => {
  expect(() => terraformEnvironment("nomad-bitcoin", { NOMAD_TOKEN: "main-token" })).toThrow(
    /BITCOIN_NOMAD_TOKEN is not set: this stack targets the Bitcoin Nomad cluster/,
  );
});
