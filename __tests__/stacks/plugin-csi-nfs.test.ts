import { tmpdir } from "os";
import { HomelabApp } from "../../constructs";
import { defineEstate } from "../../main";
import { PluginCsiNfsStack } from "../../stacks/plugin-csi-nfs";
import { resourcesOf, synthApp, testInventory } from "../helpers/synth";
import { readProvenance } from "../../contracts/stored";

const { stacks, files, report } = synthApp((app) => new PluginCsiNfsStack(app));
const jobs = files["plugin-csi-nfs"];
const controller = JSON.parse(jobs["jobs/plugin-nfs-controller.json"]).Job;
const nodes = JSON.parse(jobs["jobs/plugin-nfs-nodes.json"]).Job;
const pluginTask = (job: any) => job.TaskGroups[0].Tasks[0];

test("targets the Bitcoin cluster's Nomad with tier-1 state", () => {
  expect(stacks["plugin-csi-nfs"].provider.nomad).toEqual([{ address: "http://bitcoin-nomad.home.arpa:4646", region: "global" }]);
  expect(stacks["plugin-csi-nfs"].terraform.backend).toEqual({ pg: { schema_name: "plugin-csi-nfs" } });
});

test("deploys the controller and node plugin jobs as typed JSON, in the Bitcoin cluster's datacenter", () => {
  const resources = Object.values(resourcesOf(stacks["plugin-csi-nfs"], "nomad_job")) as any[];
  expect(resources).toHaveLength(2);
  for (const r of resources) expect(r).toMatchObject({ json: true, detach: false });
  expect([controller.ID, nodes.ID]).toEqual(["plugin-nfs-controller", "plugin-nfs-nodes"]);
  for (const job of [controller, nodes]) expect(job.Datacenters).toEqual(["homelab"]);
});

test("the node plugin is a privileged system job; both are csi_plugin id nfs, the inventory's plugin", () => {
  expect(testInventory.nomad.bitcoin.csiPlugin).toBe("nfs");
  expect(nodes.Type).toBe("system");
  expect(pluginTask(nodes).Config.privileged).toBe(true);
  expect(pluginTask(nodes).CSIPluginConfig).toMatchObject({ ID: "nfs", Type: "node", MountDir: "/csi" });
  expect(controller.Type).toBe("service");
  expect(pluginTask(controller).CSIPluginConfig).toMatchObject({ ID: "nfs", Type: "controller", MountDir: "/csi" });
});

test("runs the operators' csi-driver-nfs image, named after the plugin id, on the socket Nomad watches", () => {
  for (const job of [controller, nodes]) {
    const task = pluginTask(job);
    // the release whose flags and CreateVolume parameters the stored contract was read from (the snapshot has the tag)
    expect(task.Config.image).toBe(`registry.k8s.io/sig-storage/nfsplugin:${readProvenance("csi-driver-nfs").ref}`);
    expect(task.Config.args).toEqual(expect.arrayContaining(["--drivername=nfs", "--endpoint=unix:///csi/csi.sock", "--nodeid=${node.unique.name}"]));
    expect(task.Config.network_mode).toBe("host");
  }
});

test("the controller keeps a deleted volume's directory: nomad volume delete loses no data", () => {
  expect(pluginTask(controller).Config.args).toContain("--default-ondelete-policy=retain");
});

test("passes every house rule", () => {
  expect(report.findings.filter((f) => f.stackId === "plugin-csi-nfs")).toEqual([]);
});

test("in the estate, the Bitcoin stack deploys after the plugin its volumes wait on and after the cluster's scheduler", () => {
  const app = new HomelabApp({ outdir: tmpdir(), inventory: testInventory });
  defineEstate(app);
  const described = app.describeStacks();
  const bitcoin = described.find((s) => s.id === "bitcoin")!;
  expect(bitcoin.dependencies).toEqual(expect.arrayContaining(["plugin-csi-nfs", "bitcoin-cluster"]));
  const order = described.map((s) => s.id);
  expect(order.indexOf("plugin-csi-nfs")).toBeLessThan(order.indexOf("bitcoin"));
  expect(order.indexOf("bitcoin-cluster")).toBeLessThan(order.indexOf("bitcoin"));
  for (const id of ["plugin-csi-nfs", "bitcoin-cluster"]) expect(described.find((s) => s.id === id)!.cluster).toBe("nomad-bitcoin");
});
