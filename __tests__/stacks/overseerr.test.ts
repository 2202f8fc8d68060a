import { NomadClusterStack } from "../../stacks/nomad-cluster";
import { OverseerrStack } from "../../stacks/overseerr";
import { onlyResource, synthApp } from "../helpers/synth";
import { grantVault } from "../helpers/vault-grants";

const { stacks, files, report } = synthApp((app) => {
  new NomadClusterStack(app);
  new OverseerrStack(app);
  grantVault(app);
});
const group = JSON.parse(files.overseerr["jobs/overseerr.json"]).Job.TaskGroups[0];
const byName = Object.fromEntries(group.Tasks.map((t: any) => [t.Name, t]));

test("config on a kept GlusterFS volume mounted at /app/config", () => {
  expect(onlyResource(stacks.overseerr, "nomad_csi_volume")).toMatchObject({ volume_id: "glusterfs_overseerr_config", lifecycle: { prevent_destroy: true } });
  expect(byName.overseerr.VolumeMounts[0]).toMatchObject({ Volume: "glusterfs_overseerr_config", Destination: "/app/config" });
});

test("the SQLite directory is the ephemeral-disk copy bound over /app/config/db", () => {
  expect(byName.overseerr.Config.volumes).toEqual(["../alloc/data/overseerr:/app/config/db"]);
});

test("Litestream restores /alloc/data/overseerr/db.sqlite3 before start and replicates it", () => {
  expect(byName["litestream-restore"].Config.args.slice(-1)).toEqual(["/alloc/data/overseerr/db.sqlite3"]);
  expect(byName["litestream-restore"].Lifecycle).toEqual({ Hook: "prestart", Sidecar: false });
  expect(byName["litestream"].Lifecycle).toEqual({ Hook: "poststart", Sidecar: true });
  expect(group.EphemeralDisk).toMatchObject({ Sticky: true, Migrate: true });
  expect(group.Count).toBe(1);
});

test("passes every house rule", () => {
  expect(report.findings.filter((f) => f.stackId === "overseerr")).toEqual([]);
});
