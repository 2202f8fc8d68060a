import { Construct } from "constructs";
import { GlusterCsiVolume } from "../constructs/gluster-csi-volume";
import { HomelabStack } from "../constructs/homelab-stack";
import { WEEKLY } from "../jobspecs/backup-plans";
import { LitestreamSidecar } from "../constructs/litestream-sidecar";
import { NomadJob } from "../constructs/nomad-job";
import { OVERSEERR_CONFIG_DIR, OVERSEERR_DB, overseerrJob } from "../jobspecs/overseerr";

/** Overseerr: SQLite on ephemeral disk with Litestream, config on GlusterFS. */
export class OverseerrStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "overseerr", { tier: 1, cluster: "nomad-main", description: "Overseerr media requests (Nomad)" });
    const config = new GlusterCsiVolume(this, "Config", { criticality: "medium", service: "overseerr", type: "config", capacityMin: "1GiB", capacityMax: "5GiB", backup: { plans: [WEEKLY] } });
    const job = new NomadJob(this, "Job", { job: overseerrJob({ datacenters: [this.inventory.nomad.main.datacenter] }) });
    const group = job.group("overseerr");
    group.mount(config, { destination: OVERSEERR_CONFIG_DIR });
    new LitestreamSidecar(this, "Litestream", {
      group,
      databases: [OVERSEERR_DB],
      replica: { bucket: "litestream", path: "overseerr" },
      credentials: { source: "vault", path: "secret/data/overseerr/litestream" },
    });
  }
}
