import YAML from "yaml";
import { PluginCsiGlusterfsStack } from "../../stacks/plugin-csi-glusterfs";
import { resourcesOf, synthApp } from "../helpers/synth";
import { readProvenance } from "../../contracts/stored";

const { stacks, files, report } = synthApp((app) => new PluginCsiGlusterfsStack(app));
const jobs = files["plugin-csi-glusterfs"];
const controller = JSON.parse(jobs["jobs/plugin-glusterfs-controller.json"]).Job;
const nodes = JSON.parse(jobs["jobs/plugin-glusterfs-nodes.json"]).Job;
const pluginTask = (job: any) => job.TaskGroups[0].Tasks[0];

test("deploys the two democratic-csi jobs as typed JSON", () => {
  const resources = Object.values(resourcesOf(stacks["plugin-csi-glusterfs"], "nomad_job")) as any[];
  expect(resources).toHaveLength(2);
  for (const r of resources) expect(r).toMatchObject({ json: true, detach: false });
  expect([controller.ID, nodes.ID]).toEqual(["plugin-glusterfs-controller", "plugin-glusterfs-nodes"]);
});

test("the controller is a service job with a controller plugin", () => {
  expect(controller.Type).toBe("service");
  expect(pluginTask(controller).CSIPluginConfig).toMatchObject({ ID: "glusterfs", Type: "controller", MountDir: "/csi" });
});

test("the node plugin is a privileged system job with csi_plugin id glusterfs, type node", () => {
  expect(nodes.Type).toBe("system");
  expect(pluginTask(nodes).Config.privileged).toBe(true);
  expect(pluginTask(nodes).CSIPluginConfig).toMatchObject({ ID: "glusterfs", Type: "node" });
});

test("the driver's --csi-name equals the plugin id", () => {
  for (const job of [controller, nodes]) expect(pluginTask(job).Config.args).toContain("--csi-name=glusterfs");
});

test("the pinned democratic-csi image runs in both", () => {
  // the release whose driver options the stored democratic-csi-config contract was read from (the snapshot has the tag)
  for (const job of [controller, nodes]) expect(pluginTask(job).Config.image).toBe(`docker.io/democraticcsi/democratic-csi:${readProvenance("democratic-csi-config").ref}`);
});

test("the driver config is nfs-client on 127.0.0.1:/storage/v with the canonical mount options, rendered from YAML", () => {
  for (const job of [controller, nodes]) {
    const config = YAML.parse(pluginTask(job).Templates[0].EmbeddedTmpl);
    expect(config.driver).toBe("nfs-client");
    expect(config.nfs).toMatchObject({ shareHost: "127.0.0.1", shareBasePath: "/storage/v" });
    // the mount options of the GlusterFS migration plan (001), in its order
    expect(config.node.mount.mount_flags).toBe("nfsvers=3,noatime,ac,actimeo=60,lookupcache=positive,hard,intr,retrans=3,timeo=600,rsize=1048576,wsize=1048576");
  }
});

test("passes every house rule", () => {
  expect(report.findings.filter((f) => f.stackId === "plugin-csi-glusterfs")).toEqual([]);
});
