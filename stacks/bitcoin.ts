import { Construct } from "constructs";
import { HomelabStack } from "../constructs/homelab-stack";
import { adopt } from "../constructs/adopt";
import { Capacity, NomadCsiVolume, VolumeCriticality } from "../constructs/nomad-csi-volume";
import { VolumeBackup } from "../jobspecs/backup-plans";
import { NomadJob } from "../constructs/nomad-job";
import { NomadNamespace } from "../constructs/nomad-namespace";
import { albyHubJob, bitcoinCoreJob, electrsJob } from "../jobspecs/bitcoin";

/** Bump to force a new version of every Bitcoin job. */
const JOB_VERSION = "1";

/** The Bitcoin namespace on the Raspberry Pi cluster: Bitcoin Core, Electrs, Alby Hub. */
export class BitcoinStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "bitcoin", { tier: 1, cluster: "nomad-bitcoin", description: "Bitcoin Core, Electrs, Alby Hub on the Pi cluster (Nomad)" });
    const cluster = this.inventory.nomad.bitcoin;
    const namespace = new NomadNamespace(this, "Namespace", { name: cluster.namespace, description: "Bitcoin Core, Electrs, Alby Hub" });
    // The namespace was created by hand before this codebase: import it rather than
    // create a second one. Remove this line once the import has been applied.
    adopt(namespace, { importId: cluster.namespace });
    const ctx = {
      datacenters: [cluster.datacenter],
      namespace: namespace.name,
      version: JOB_VERSION,
      nodeAddresses: cluster.nodes.map((n) => n.address),
    };
    const volume = (id: string, service: string, capacityMin: Capacity, capacityMax: Capacity, criticality: VolumeCriticality, backup: VolumeBackup) =>
      new NomadCsiVolume(this, id, {
        criticality,
        plugin: "bitcoin-nfs",
        service,
        type: "data",
        namespace,
        accessMode: "multi-node-single-writer",
        capacityMin,
        capacityMax,
        backup,
      });
    // The chain and the index can be downloaded and rebuilt; the Lightning channel state cannot.
    const rebuilt = { none: "downloaded and rebuilt from the Bitcoin network when lost" };
    const bitcoinData = volume("BitcoinData", "bitcoin", "1TiB", "2TiB", "low", rebuilt);
    const electrsData = volume("ElectrsData", "electrs", "100GiB", "200GiB", "low", rebuilt);
    const albyData = volume("AlbyData", "alby_hub", "1GiB", "10GiB", "critical", {
      none: "Lightning channel state must never come back from a stale copy (broadcasting a revoked state forfeits the channel's funds); Alby Hub's own channel backups are the recovery path, and the NFS server's volumes are not on the backup jobs' mount",
    });

    new NomadJob(this, "Bitcoin", { job: bitcoinCoreJob(ctx), namespace }).group("bitcoin").mount(bitcoinData, { destination: "/data" });
    new NomadJob(this, "Electrs", { job: electrsJob(ctx), namespace }).group("electrs").mount(electrsData, { destination: "/data" });
    new NomadJob(this, "AlbyHub", { job: albyHubJob(ctx), namespace }).group("alby-hub").mount(albyData, { destination: "/data" });
  }
}
