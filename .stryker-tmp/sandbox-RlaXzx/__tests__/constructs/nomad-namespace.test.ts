// @ts-nocheck
import { NomadNamespace } from "../../constructs/nomad-namespace";
import { NomadSchedulerConfig } from "../../constructs/nomad-scheduler-config";
import { onlyResource, synthWith } from "../helpers/synth";

test("NomadNamespace creates the namespace", () => {
  expect(onlyResource(synthWith((s) => new NomadNamespace(s, "Ns", { name: "bitcoin" }), { cluster: "nomad-bitcoin" }), "nomad_namespace")).toMatchObject({ name: "bitcoin" });
});

test("fails if the namespace name is not lowercase", () => {
  expect(() => synthWith((s) => new NomadNamespace(s, "Ns", { name: "Bitcoin" }), { cluster: "nomad-bitcoin" })).toThrow(/test\/Ns: namespace name "Bitcoin" must be lowercase/);
});

test("fails if the namespace is Nomad's own default", () => {
  expect(() => synthWith((s) => new NomadNamespace(s, "Ns", { name: "default" }), { cluster: "nomad-main" })).toThrow(/not "default"/);
});

test("NomadSchedulerConfig always enables memory oversubscription", () => {
  expect(onlyResource(synthWith((s) => new NomadSchedulerConfig(s, "S", { algorithm: "spread" }), { cluster: "nomad-main" }), "nomad_scheduler_config")).toMatchObject({
    memory_oversubscription_enabled: true,
    scheduler_algorithm: "spread",
  });
});

test("fails if the scheduler algorithm is unknown", () => {
  expect(() => synthWith((s) => new NomadSchedulerConfig(s, "S", { algorithm: "random" as never }), { cluster: "nomad-main" })).toThrow(/algorithm "random" is unknown; allowed: binpack, spread/);
});
