import { Construct } from "constructs";
import { GlusterCsiVolume } from "../constructs/gluster-csi-volume";
import { HomelabStack } from "../constructs/homelab-stack";
import { DAILY, WEEKLY } from "../jobspecs/backup-plans";
import { LitestreamSidecar } from "../constructs/litestream-sidecar";
import { MartinibarNfsVolume } from "../constructs/martinibar-nfs-volume";
import { NomadJob } from "../constructs/nomad-job";
import { NomadRoute } from "../constructs/nomad-route";
import { JELLYFIN_CONFIG_DIR, JELLYFIN_DB, mediaCentreJob, PLEX_CONFIG_DIR, PLEX_DB } from "../jobspecs/media-centre";

/** Plex and Jellyfin (SQLite on ephemeral disk with Litestream, config on GlusterFS); media from the legacy NFS. */
export class MediaCentreStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "media-centre", { tier: 1, cluster: "nomad-main", description: "Plex and Jellyfin (Nomad)" });

    const plexConfig = new GlusterCsiVolume(this, "PlexConfig", { criticality: "high", service: "plex", type: "config", capacityMin: "5GiB", capacityMax: "50GiB", backup: { plans: [DAILY, WEEKLY] } });
    const jellyfinConfig = new GlusterCsiVolume(this, "JellyfinConfig", { criticality: "low", service: "jellyfin", type: "config", capacityMin: "1GiB", capacityMax: "20GiB", backup: { plans: [DAILY, WEEKLY] } });
    // Both servers read the library; nothing here writes it.
    const media = new MartinibarNfsVolume(this, "Media", { criticality: "high",
      service: "media",
      type: "library",
      capacityMin: "1TiB",
      capacityMax: "8TiB",
      accessMode: "multi-node-reader-only",
      backup: { none: "the 1–8 TiB library lives on the legacy martinibar NFS server, outside the GlusterFS backups; that server keeps it" },
    });

    const job = new NomadJob(this, "Job", { job: mediaCentreJob({ datacenters: [this.inventory.nomad.main.datacenter] }) });
    const plex = job.group("plex");
    plex.mount(plexConfig, { destination: PLEX_CONFIG_DIR });
    plex.mount(media, { destination: "/data/media", readOnly: true });
    new LitestreamSidecar(this, "PlexLitestream", {
      group: plex,
      databases: [PLEX_DB],
      replica: { bucket: "litestream", path: "media-centre/plex" },
      credentials: { source: "vault", path: "secret/data/media-centre/litestream" },
      ephemeralDiskMiB: 4096,
    });
    const jellyfin = job.group("jellyfin");
    jellyfin.mount(jellyfinConfig, { destination: JELLYFIN_CONFIG_DIR });
    jellyfin.mount(media, { destination: "/data/media", readOnly: true });
    new LitestreamSidecar(this, "JellyfinLitestream", {
      group: jellyfin,
      databases: [JELLYFIN_DB],
      replica: { bucket: "litestream", path: "media-centre/jellyfin" },
      credentials: { source: "vault", path: "secret/data/media-centre/litestream" },
      ephemeralDiskMiB: 2048,
    });

    const domain = this.inventory.domains.public;
    const ownLogin = "its own login; its TV and mobile apps cannot pass Authentik's forward-auth";
    new NomadRoute(this, "PlexRoute", { group: plex, hosts: [`plex.${domain}`], auth: { mode: "app", reason: `Plex has ${ownLogin}` } });
    new NomadRoute(this, "JellyfinRoute", { group: jellyfin, hosts: [`jellyfin.${domain}`], auth: { mode: "app", reason: `Jellyfin has ${ownLogin}` } });
  }
}
