import { Construct } from "constructs";
import { ExternalDatabase } from "../constructs/external-database";
import { GlusterCsiVolume } from "../constructs/gluster-csi-volume";
import { HomelabStack } from "../constructs/homelab-stack";
import { MeshEdges } from "../constructs/mesh-edges";
import { DAILY, WEEKLY } from "../jobspecs/backup-plans";
import { NomadJob } from "../constructs/nomad-job";
import { POSTGRES_DATA_DIR } from "../jobspecs/common";
import { OLLAMA_DATA_DIR, OLLAMA_MESH, ollamaJob } from "../jobspecs/ollama";

/** Ollama on the GPU node, SearXNG, Open WebUI and PostgreSQL; three GlusterFS volumes. */
export class OllamaStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "ollama", { tier: 1, cluster: "nomad-main", description: "Ollama, SearXNG, Open WebUI (Nomad, GPU)" });
    const cluster = this.inventory.nomad.main;
    const gpuNode = cluster.nodes.find((n) => n.gpu);
    if (!gpuNode) {
      throw new Error(`${this.node.path}: the inventory's nomad.main has no node with gpu: true; ollama needs the GPU node`);
    }
    const data = new GlusterCsiVolume(this, "Data", { criticality: "medium", service: "ollama", type: "data", capacityMin: "4GiB", capacityMax: "100GiB", backup: { plans: [WEEKLY] } });
    const postgres = new GlusterCsiVolume(this, "Postgres", { criticality: "medium", service: "ollama", type: "postgres", capacityMin: "1GiB", capacityMax: "10GiB", backup: { plans: [WEEKLY] } });
    const searxng = new GlusterCsiVolume(this, "SearxngConfig", { criticality: "low", service: "searxng", type: "config", capacityMin: "1GiB", capacityMax: "1GiB", backup: { plans: [WEEKLY] } });

    // The operators' backups dump the ollama database from the external PostgreSQL (001).
    new ExternalDatabase(this, "Database", { name: "ollama", backup: { plans: [DAILY, WEEKLY] } });
    const job = new NomadJob(this, "Job", { job: ollamaJob({ datacenters: [cluster.datacenter], gpuNode }) });
    job.group("ollama").mount(data, { destination: OLLAMA_DATA_DIR });
    job.group("searxng").mount(searxng, { destination: "/etc/searxng" });
    job.group("postgres").mount(postgres, { destination: POSTGRES_DATA_DIR });
    new MeshEdges(this, "Mesh", { job, edges: OLLAMA_MESH });
  }
}
