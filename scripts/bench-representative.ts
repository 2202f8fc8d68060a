import { HomelabApp, HomelabStack } from "../constructs";
import { GlusterCsiVolume } from "../constructs/gluster-csi-volume";
import { NomadJob } from "../constructs/nomad-job";
import { matrixJob } from "../jobspecs/matrix";

/**
 * A copy of a typical (and the largest) service stack under another id: the matrix job's
 * six groups with Connect, four GlusterFS volumes and their mounts.
 */
export function representativeStack(app: HomelabApp, id: string): HomelabStack {
  const stack = new HomelabStack(app, id, { tier: 1, cluster: "nomad-main", description: "benchmark copy of matrix" });
  const inv = stack.inventory;
  const service = id.replace(/-/g, "_");
  const volume = (name: string, type: string) => new GlusterCsiVolume(stack, name, { criticality: "high", service, type, backup: { none: "benchmark copy of a stack: nothing real is stored" } });
  const job = new NomadJob(stack, "Job", {
    job: { ...matrixJob({ datacenters: [inv.nomad.main.datacenter], domain: inv.domains.public, postgres: inv.externalPostgres }), ID: id },
  });
  job.group("synapse").mount(volume("SynapseConfig", "synapse_config"), { destination: "/data" });
  job.group("synapse").mount(volume("SynapseMedia", "synapse_media"), { destination: "/media" });
  job.group("whatsapp-bridge").mount(volume("WhatsappData", "whatsapp_data"), { destination: "/data" });
  // Like stacks/matrix.ts: the single-node-writer shared config takes one claim, MAS's.
  job.group("mas").mount(volume("SharedConfig", "shared_config"), { destination: "/shared", readOnly: true });
  return stack;
}
