// @ts-nocheck
import { Construct } from "constructs";
import { GlusterCsiVolume } from "../constructs/gluster-csi-volume";
import { HomelabStack } from "../constructs/homelab-stack";
import { NomadJob } from "../constructs/nomad-job";
import { matrixJob } from "../jobspecs/matrix";

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
    });
    const synapseMedia = new GlusterCsiVolume(this, "SynapseMedia", { criticality: "high",
      service: "matrix",
      type: "synapse_media",
      capacityMin: "10GiB",
      capacityMax: "200GiB",
    });
    const whatsappData = new GlusterCsiVolume(this, "WhatsappData", { criticality: "high",
      service: "matrix",
      type: "whatsapp_data",
      capacityMin: "1GiB",
      capacityMax: "10GiB",
    });
    const sharedConfig = new GlusterCsiVolume(this, "SharedConfig", { criticality: "medium",
      service: "matrix",
      type: "shared_config",
      capacityMin: "1GiB",
      capacityMax: "5GiB",
    });

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
  }
}
