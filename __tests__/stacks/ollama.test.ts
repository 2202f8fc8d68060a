import { NomadClusterStack } from "../../stacks/nomad-cluster";
import { OllamaStack } from "../../stacks/ollama";
import { resourcesOf, synthApp, testInventory } from "../helpers/synth";
import { serveMesh } from "../helpers/mesh";
import { grantVault } from "../helpers/vault-grants";

const { stacks, files, report } = synthApp((app) => {
  new NomadClusterStack(app);
  new OllamaStack(app);
  serveMesh(app);
  grantVault(app);
});
const job = JSON.parse(files.ollama["jobs/ollama.json"]).Job;
const group = (name: string) => job.TaskGroups.find((g: any) => g.Name === name);

test("declares the three volumes", () => {
  const ids = (Object.values(resourcesOf(stacks.ollama, "nomad_csi_volume")) as any[]).map((v) => v.volume_id).sort();
  expect(ids).toEqual(["glusterfs_ollama_data", "glusterfs_ollama_postgres", "glusterfs_searxng_config"]);
});

test("ollama is pinned to the inventory's GPU node and asks for the GPU", () => {
  expect(group("ollama").Constraints).toEqual([
    { LTarget: "${node.unique.name}", Operand: "=", RTarget: "hestia" },
    { LTarget: "${attr.cpu.arch}", Operand: "=", RTarget: "amd64" },
  ]);
  expect(group("ollama").Tasks[0].Resources.Devices).toEqual([{ Name: "nvidia/gpu", Count: 1 }]);
});

test("has the four groups, each mounting its volume", () => {
  expect(job.TaskGroups.map((g: any) => g.Name)).toEqual(["ollama", "searxng", "open-webui", "postgres"]);
  expect(group("ollama").Tasks[0].VolumeMounts[0]).toMatchObject({ Volume: "glusterfs_ollama_data" });
  expect(group("searxng").Tasks[0].VolumeMounts[0]).toMatchObject({ Volume: "glusterfs_searxng_config", Destination: "/etc/searxng" });
  expect(group("postgres").Tasks[0].VolumeMounts[0]).toMatchObject({ Volume: "glusterfs_ollama_postgres" });
  expect(group("open-webui").Tasks[0].VolumeMounts).toBeUndefined();
});

test("open-webui reaches ollama, searxng and postgres through Connect upstreams", () => {
  const upstreams = group("open-webui").Services[0].Connect.SidecarService.Proxy.Upstreams.map((u: any) => u.DestinationName);
  expect(upstreams).toEqual(["ollama", "searxng", "ollama-postgres"]);
});

test("fails if the inventory has no GPU node", () => {
  const inventory = { ...testInventory, nomad: { ...testInventory.nomad, main: { ...testInventory.nomad.main, nodes: testInventory.nomad.main.nodes.map((n) => ({ ...n, gpu: false })) } } };
  expect(() => synthApp((app) => new OllamaStack(app), { inventory })).toThrow(/ollama: the inventory's nomad.main has no node with gpu: true/);
});

test("passes every house rule", () => {
  expect(report.findings.filter((f) => f.stackId === "ollama")).toEqual([]);
});
