// @ts-nocheck
import { Construct } from "constructs";
import { HomelabStack } from "../constructs/homelab-stack";
import { NomadJob } from "../constructs/nomad-job";
import { csiDriverNfsControllerJob, csiDriverNfsNodeJob } from "../jobspecs/csi-driver-nfs";

/** csi-driver-nfs serving the Bitcoin cluster's volumes from its NFS server: controller and node plugins. */
export class PluginCsiNfsStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "plugin-csi-nfs", { tier: 1, cluster: "nomad-bitcoin", description: "csi-driver-nfs plugin for the Bitcoin volumes (Nomad, Pi cluster)" });
    const cluster = this.inventory.nomad.bitcoin;
    const ctx = { datacenters: [cluster.datacenter] };
    new NomadJob(this, "Controller", { job: csiDriverNfsControllerJob(ctx, cluster.csiPlugin) });
    new NomadJob(this, "Nodes", { job: csiDriverNfsNodeJob(ctx, cluster.csiPlugin) });
  }
}
