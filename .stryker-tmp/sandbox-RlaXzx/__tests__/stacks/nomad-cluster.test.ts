// @ts-nocheck
import { NomadClusterStack } from "../../stacks/nomad-cluster";
import { onlyResource, synthApp } from "../helpers/synth";

const { stacks } = synthApp((app) => new NomadClusterStack(app));

test("enables memory oversubscription on the main cluster's scheduler, so memory_max takes effect", () => {
  expect(onlyResource(stacks["nomad-cluster"], "nomad_scheduler_config")).toMatchObject({
    memory_oversubscription_enabled: true,
    scheduler_algorithm: "binpack",
    preemption_config: { system_scheduler_enabled: true },
  });
});

test("targets the main cluster's Nomad with tier-1 state", () => {
  expect(stacks["nomad-cluster"].provider.nomad[0].address).toBe("https://nomad.example.org:443");
  expect(stacks["nomad-cluster"].terraform.backend).toEqual({ pg: { schema_name: "nomad-cluster" } });
});
