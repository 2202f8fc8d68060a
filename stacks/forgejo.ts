import { Construct } from "constructs";
import { HomelabStack } from "../constructs/homelab-stack";
import { MartinibarNfsVolume } from "../constructs/martinibar-nfs-volume";
import { NomadJob } from "../constructs/nomad-job";
import { forgejoJob } from "../jobspecs/forgejo";

/** Forgejo, still on the legacy martinibar NFS volume. */
export class ForgejoStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "forgejo", { tier: 1, cluster: "nomad-main", description: "Forgejo git forge (Nomad, legacy NFS volume)" });
    const inv = this.inventory;
    const data = new MartinibarNfsVolume(this, "Data", { criticality: "high", service: "forgejo", type: "data", capacityMin: "10GiB", capacityMax: "100GiB",
      backup: { none: "on the legacy martinibar NFS server, which the backup jobs cannot read; it moves to GlusterFS (and into the plans) with the GitLab migration" } });
    const job = new NomadJob(this, "Job", {
      job: forgejoJob({ datacenters: [inv.nomad.main.datacenter], domain: inv.domains.public, postgres: inv.externalPostgres }),
    });
    job.group("forgejo").mount(data, { destination: "/data" });
  }
}
