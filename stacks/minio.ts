import { Construct } from "constructs";
import { GlusterCsiVolume } from "../constructs/gluster-csi-volume";
import { HomelabStack } from "../constructs/homelab-stack";
import { RESTIC, WEEKLY } from "../jobspecs/backup-plans";
import { NomadJob } from "../constructs/nomad-job";
import { minioJob } from "../jobspecs/minio";

/** MinIO: object store for backups and Litestream replicas. */
export class MinioStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "minio", { tier: 1, cluster: "nomad-main", description: "MinIO object store: backups and Litestream replicas (Nomad)" });
    const data = new GlusterCsiVolume(this, "Data", { criticality: "high", service: "minio", type: "data", capacityMin: "1GiB", capacityMax: "20GiB",
      // RESTIC: the repository a corrupted Litestream replica is recovered from.
      backup: { plans: [WEEKLY, RESTIC] } });
    const job = new NomadJob(this, "Job", { job: minioJob({ datacenters: [this.inventory.nomad.main.datacenter] }) });
    job.group("minio").mount(data, { destination: "/data" });
  }
}
