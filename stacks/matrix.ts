import { Construct } from "constructs";
import { ExternalDatabase } from "../constructs/external-database";
import { GlusterCsiVolume } from "../constructs/gluster-csi-volume";
import { HomelabStack } from "../constructs/homelab-stack";
import { MeshEdges } from "../constructs/mesh-edges";
import { NomadJob } from "../constructs/nomad-job";
import { NomadRoute } from "../constructs/nomad-route";
import { DAILY, WEEKLY } from "../jobspecs/backup-plans";
import { MATRIX_MESH, matrixJob, matrixNames, signingKeyFile } from "../jobspecs/matrix";

/** Matrix on Nomad: Synapse, the WhatsApp bridge, MAS, nginx, Cinny and Element; four GlusterFS volumes. */
export class MatrixStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "matrix", { tier: 1, cluster: "nomad-main", description: "Matrix: Synapse, WhatsApp bridge, MAS, web clients (Nomad)" });
    const inv = this.inventory;

    // CRITICAL: the signing key lives here and cannot be regenerated.
    const synapseConfig = new GlusterCsiVolume(this, "SynapseConfig", { criticality: "critical",
      service: "matrix",
      type: "synapse_config",
      capacityMin: "1GiB",
      capacityMax: "10GiB",
      // The signing key also goes off-site: losing it loses the server's identity to federation.
      backup: { plans: [DAILY, WEEKLY], offsite: [signingKeyFile(matrixNames(inv.domains.public).serverName)] },
    });
    const synapseMedia = new GlusterCsiVolume(this, "SynapseMedia", { criticality: "high",
      service: "matrix",
      type: "synapse_media",
      capacityMin: "10GiB",
      capacityMax: "200GiB",
      backup: { plans: [WEEKLY] },
    });
    const whatsappData = new GlusterCsiVolume(this, "WhatsappData", { criticality: "high",
      service: "matrix",
      type: "whatsapp_data",
      capacityMin: "1GiB",
      capacityMax: "10GiB",
      backup: { plans: [WEEKLY] },
    });
    const sharedConfig = new GlusterCsiVolume(this, "SharedConfig", { criticality: "medium",
      service: "matrix",
      type: "shared_config",
      capacityMin: "1GiB",
      capacityMax: "5GiB",
      backup: { plans: [WEEKLY] },
    });

    // Synapse's and the bridge's databases live on the external PostgreSQL.
    new ExternalDatabase(this, "SynapseDatabase", { name: "synapse", backup: { plans: [DAILY, WEEKLY] } });
    new ExternalDatabase(this, "WhatsappDatabase", { name: "matrix-whatsapp", backup: { plans: [DAILY, WEEKLY] } });

    const job = new NomadJob(this, "Job", {
      job: matrixJob({
        datacenters: [inv.nomad.main.datacenter],
        domain: inv.domains.public,
        postgres: inv.externalPostgres,
      }),
    });
    job.group("synapse").mount(synapseConfig, { destination: "/data" });
    job.group("synapse").mount(synapseMedia, { destination: "/media" });
    job.group("whatsapp-bridge").mount(whatsappData, { destination: "/data" });
    // single-node-writer takes one claim (HL-NOMAD-10): MAS holds it for /shared/mas/config.yaml;
    // nginx's .well-known and Cinny's config.json are rendered from the inventory instead.
    job.group("mas").mount(sharedConfig, { destination: "/shared", readOnly: true });

    // Public routes (Traefik on Nomad) and the calls inside the mesh.
    const names = matrixNames(inv.domains.public);
    const clientLogin = "users sign in to the homeserver (MAS) from it; the static files hold no data";
    new NomadRoute(this, "HomeserverRoute", {
      group: job.group("nginx"),
      hosts: [names.homeserverHost],
      auth: { mode: "app", reason: "Matrix clients authenticate to Synapse with MAS tokens and federating servers sign their requests; forward-auth would break both" },
    });
    new NomadRoute(this, "WellKnownRoute", {
      group: job.group("nginx"),
      hosts: [names.serverName],
      paths: ["/.well-known/matrix/"],
      auth: { mode: "none", reason: "server and client discovery documents, fetched anonymously by other homeservers and by clients" },
    });
    new NomadRoute(this, "ElementRoute", { group: job.group("element"), hosts: [names.elementHost], auth: { mode: "app", reason: `Element is a static Matrix client: ${clientLogin}` } });
    new NomadRoute(this, "CinnyRoute", { group: job.group("cinny"), hosts: [names.cinnyHost], auth: { mode: "app", reason: `Cinny is a static Matrix client: ${clientLogin}` } });
    new MeshEdges(this, "Mesh", { job, edges: MATRIX_MESH });
  }
}
