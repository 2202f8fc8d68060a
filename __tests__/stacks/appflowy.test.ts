import { AppflowyStack } from "../../stacks/appflowy";
import { NomadClusterStack } from "../../stacks/nomad-cluster";
import { onlyResource, synthApp } from "../helpers/synth";
import { serveMesh } from "../helpers/mesh";
import { grantVault } from "../helpers/vault-grants";

const { stacks, files, report } = synthApp((app) => {
  new NomadClusterStack(app);
  new AppflowyStack(app);
  serveMesh(app);
  grantVault(app);
});
const job = JSON.parse(files.appflowy["jobs/appflowy.json"]).Job;
const group = (name: string) => job.TaskGroups.find((g: any) => g.Name === name);

test("postgres keeps its data on glusterfs_appflowy_postgres", () => {
  expect(onlyResource(stacks.appflowy, "nomad_csi_volume")).toMatchObject({ volume_id: "glusterfs_appflowy_postgres", lifecycle: { prevent_destroy: true } });
  expect(group("postgres").Tasks[0].VolumeMounts[0]).toMatchObject({ Volume: "glusterfs_appflowy_postgres", Destination: "/var/lib/postgresql/data" });
});

test("the amd64-only AppFlowy image is constrained to amd64 nodes", () => {
  expect(group("appflowy-cloud").Constraints).toEqual([{ LTarget: "${attr.cpu.arch}", Operand: "=", RTarget: "amd64" }]);
});

test("passes every house rule, the arch warning included", () => {
  expect(report.findings.filter((f) => f.stackId === "appflowy")).toEqual([]);
});
