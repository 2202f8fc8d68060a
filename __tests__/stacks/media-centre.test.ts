import YAML from "yaml";
import { GlusterCsiVolume } from "../../constructs/gluster-csi-volume";
import { LitestreamSidecar } from "../../constructs/litestream-sidecar";
import { NomadJob } from "../../constructs/nomad-job";
import { mediaCentreJob, PLEX_CONFIG_DIR, PLEX_DATABASES_DIR } from "../../jobspecs/media-centre";
import { MediaCentreStack } from "../../stacks/media-centre";
import { NomadClusterStack } from "../../stacks/nomad-cluster";
import { NO_BACKUP, resourcesOf, synthApp, synthWith } from "../helpers/synth";
import { serveMesh } from "../helpers/mesh";
import { grantVault } from "../helpers/vault-grants";

const { stacks, files, report } = synthApp((app) => {
  new NomadClusterStack(app);
  new MediaCentreStack(app);
  serveMesh(app);
  grantVault(app);
});
const job = JSON.parse(files["media-centre"]["jobs/media-centre.json"]).Job;
const group = (name: string) => job.TaskGroups.find((g: any) => g.Name === name);

test("declares plex and jellyfin config on GlusterFS and the media library on the legacy NFS, all kept on destroy", () => {
  const volumes = Object.values(resourcesOf(stacks["media-centre"], "nomad_csi_volume")) as any[];
  expect(volumes.map((v) => `${v.volume_id} ${v.plugin_id}`).sort()).toEqual([
    "glusterfs_jellyfin_config glusterfs",
    "glusterfs_plex_config glusterfs",
    "martinibar_prod_media_library martinibar",
  ]);
  for (const v of volumes) expect(v.lifecycle).toEqual({ prevent_destroy: true });
});

test("plex keeps its config on GlusterFS and reads the media read-only", () => {
  expect(group("plex").Tasks[0].VolumeMounts).toEqual([
    { Volume: "glusterfs_plex_config", Destination: "/config", ReadOnly: false, PropagationMode: "private" },
    { Volume: "martinibar_prod_media_library", Destination: "/data/media", ReadOnly: true, PropagationMode: "private" },
  ]);
});

test("plex's database directory is the ephemeral-disk copy, bind-mounted over the config volume's path", () => {
  // where Plex Media Server keeps its SQLite databases under the image's /config
  expect(group("plex").Tasks[0].Config.volumes).toEqual(["../alloc/data/plex:/config/Library/Application Support/Plex Media Server/Plug-in Support/Databases"]);
});

test("plex runs Litestream: restore before, replicate beside, count 1, sticky migrating disk", () => {
  const plex = group("plex");
  expect(plex.Count).toBe(1);
  expect(plex.EphemeralDisk).toEqual({ Sticky: true, Migrate: true, SizeMB: 4096 });
  const byName = Object.fromEntries(plex.Tasks.map((t: any) => [t.Name, t]));
  expect(byName["litestream-restore"].Lifecycle).toEqual({ Hook: "prestart", Sidecar: false });
  expect(byName["litestream-restore"].Config.args.slice(-1)).toEqual(["/alloc/data/plex/com.plexapp.plugins.library.db"]);
  expect(byName["litestream"].Lifecycle).toEqual({ Hook: "poststart", Sidecar: true });
  const config = YAML.parse(byName["litestream"].Templates[0].EmbeddedTmpl);
  expect(config.dbs[0].replica).toEqual({
    type: "s3",
    bucket: "litestream",
    path: "media-centre/plex/com.plexapp.plugins.library.db",
    endpoint: "http://minio.service.consul:9000",
    "force-path-style": true,
  });
});

test("jellyfin keeps the image's layout on GlusterFS and only its SQLite directory on the sticky ephemeral disk, replicated by Litestream", () => {
  const jellyfin = group("jellyfin");
  expect(jellyfin.Tasks.map((t: any) => t.Name)).toEqual(["jellyfin", "litestream-restore", "litestream"]);
  expect(jellyfin.Tasks[0].VolumeMounts.map((m: any) => m.Destination)).toEqual(["/config", "/data/media"]);
  // The image's JELLYFIN_DATA_DIR /config and JELLYFIN_CONFIG_DIR /config/config stand (jellyfin-packaging docker/Dockerfile).
  expect(jellyfin.Tasks[0].Env).toEqual({ JELLYFIN_CACHE_DIR: "/local/cache" });
  expect(jellyfin.Tasks[0].Config.volumes).toEqual(["../alloc/data/jellyfin:/config/data"]);
  expect(jellyfin.Count).toBe(1);
  expect(jellyfin.EphemeralDisk).toEqual({ Sticky: true, Migrate: true, SizeMB: 2048 });
  const replicate = jellyfin.Tasks.find((t: any) => t.Name === "litestream");
  expect(YAML.parse(replicate.Templates[0].EmbeddedTmpl).dbs.map((d: any) => [d.path, d.replica.path])).toEqual([
    ["/alloc/data/jellyfin/jellyfin.db", "media-centre/jellyfin/jellyfin.db"],
  ]);
});

test("passes every house rule", () => {
  expect(report.findings.filter((f) => f.stackId === "media-centre")).toEqual([]);
});

test("fails if plex's database is moved onto its config volume, saying why", () => {
  // The stack's wiring, with the database where Plex would keep it by default.
  expect(() =>
    synthWith((s) => {
      const job = new NomadJob(s, "Job", { job: mediaCentreJob({ datacenters: ["dc1"] }) });
      job.group("plex").mount(new GlusterCsiVolume(s, "PlexConfig", { criticality: "medium", backup: NO_BACKUP, service: "plex", type: "config" }), { destination: PLEX_CONFIG_DIR });
      new LitestreamSidecar(s, "PlexLitestream", {
        group: job.group("plex"),
        databases: [`${PLEX_DATABASES_DIR}/com.plexapp.plugins.library.db`],
        replica: { bucket: "litestream", path: "media-centre/plex" },
        credentials: { source: "vault", path: "secret/data/media-centre/litestream" },
      });
    }, { cluster: "nomad-main" }),
  ).toThrow(/test\/PlexLitestream: SQLite database \/config\/Library\/.* would live on CSI volume glusterfs_plex_config mounted at \/config: network file locking on GlusterFS\/NFS corrupts SQLite even with Litestream; keep the database under \/alloc\/data/);
});
