// @ts-nocheck
import { NomadSchedulerConfig } from "../../constructs/nomad-scheduler-config";
import { BitcoinClusterStack } from "../../stacks/bitcoin-cluster";
import { onlyResource, synthApp, testStack } from "../helpers/synth";

const { stacks, report } = synthApp((app) => new BitcoinClusterStack(app));
const stack = stacks["bitcoin-cluster"];

test("the Bitcoin cluster's scheduler spreads allocations, as the operators' guide has it", () => {
  expect(onlyResource(stack, "nomad_scheduler_config")).toMatchObject({ scheduler_algorithm: "spread", preemption_config: { system_scheduler_enabled: true } });
});

test("memory oversubscription stays off there: no Bitcoin job sets memory_max", () => {
  expect(onlyResource(stack, "nomad_scheduler_config").memory_oversubscription_enabled).toBe(false);
});

test("targets the Bitcoin cluster's own Nomad address with tier-1 state", () => {
  expect(stack.provider.nomad).toEqual([{ address: "http://bitcoin-nomad.home.arpa:4646", region: "global" }]);
  expect(stack.terraform.backend).toEqual({ pg: { schema_name: "bitcoin-cluster" } });
});

test("passes every house rule", () => {
  expect(report.findings.filter((f) => f.stackId === "bitcoin-cluster")).toEqual([]);
});

test("fails if memoryOversubscription is not a boolean, naming the construct and the value", () => {
  expect(() =>
    synthApp((app) => new NomadSchedulerConfig(testStack(app, { cluster: "nomad-bitcoin" }), "Scheduler", { memoryOversubscription: "yes" as unknown as boolean })),
  ).toThrow(/test\/Scheduler: memoryOversubscription "yes" must be true or false/);
});
