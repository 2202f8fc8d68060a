// @ts-nocheck
import { Construct } from "constructs";
import { HomelabStack } from "../constructs/homelab-stack";
import { NomadJob } from "../constructs/nomad-job";
import { democraticCsiControllerJob, democraticCsiNodeJob } from "../jobspecs/democratic-csi";

/** democratic-csi (nfs-client) serving the GlusterFS volume to Nomad: controller and node plugins. */
export class PluginCsiGlusterfsStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "plugin-csi-glusterfs", { tier: 1, cluster: "nomad-main", description: "democratic-csi plugin for GlusterFS volumes (Nomad)" });
    const ctx = { datacenters: [this.inventory.nomad.main.datacenter] };
    const pluginId = this.inventory.csiPlugins.glusterfs;
    new NomadJob(this, "Controller", { job: democraticCsiControllerJob(ctx, pluginId) });
    new NomadJob(this, "Nodes", { job: democraticCsiNodeJob(ctx, pluginId) });
  }
}
