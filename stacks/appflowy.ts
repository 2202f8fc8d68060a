import { Construct } from "constructs";
import { ExternalDatabase } from "../constructs/external-database";
import { GlusterCsiVolume } from "../constructs/gluster-csi-volume";
import { HomelabStack } from "../constructs/homelab-stack";
import { MeshEdges } from "../constructs/mesh-edges";
import { DAILY, WEEKLY } from "../jobspecs/backup-plans";
import { NomadJob } from "../constructs/nomad-job";
import { NomadRoute } from "../constructs/nomad-route";
import { APPFLOWY_MESH, appflowyJob } from "../jobspecs/appflowy";
import { POSTGRES_DATA_DIR } from "../jobspecs/common";

/** AppFlowy Cloud with its PostgreSQL on GlusterFS. */
export class AppflowyStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "appflowy", { tier: 1, cluster: "nomad-main", description: "AppFlowy Cloud (Nomad)" });
    const postgres = new GlusterCsiVolume(this, "Postgres", { criticality: "medium", service: "appflowy", type: "postgres", capacityMin: "1GiB", capacityMax: "10GiB", backup: { plans: [WEEKLY] } });
    // The operators' backups dump the appflowy database from the external PostgreSQL (001).
    new ExternalDatabase(this, "Database", { name: "appflowy", backup: { plans: [DAILY, WEEKLY] } });
    const job = new NomadJob(this, "Job", { job: appflowyJob({ datacenters: [this.inventory.nomad.main.datacenter] }) });
    job.group("postgres").mount(postgres, { destination: POSTGRES_DATA_DIR });
    new NomadRoute(this, "Route", {
      group: job.group("appflowy-cloud"),
      hosts: [`appflowy.${this.inventory.domains.public}`],
      auth: { mode: "app", reason: "AppFlowy signs users in itself (GoTrue); its desktop and mobile apps call the API with their own tokens" },
    });
    new MeshEdges(this, "Mesh", { job, edges: APPFLOWY_MESH });
  }
}
