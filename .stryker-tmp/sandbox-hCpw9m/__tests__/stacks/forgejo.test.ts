// @ts-nocheck
import { ForgejoStack } from "../../stacks/forgejo";
import { NomadClusterStack } from "../../stacks/nomad-cluster";
import { onlyResource, synthApp } from "../helpers/synth";
import { grantVault } from "../helpers/vault-grants";

const { stacks, files, report } = synthApp((app) => {
  new NomadClusterStack(app);
  new ForgejoStack(app);
  grantVault(app);
});
const task = JSON.parse(files.forgejo["jobs/forgejo.json"]).Job.TaskGroups[0].Tasks[0];

test("stays on the legacy martinibar volume, kept on destroy, with the canonical mount options", () => {
  const volume = onlyResource(stacks.forgejo, "nomad_csi_volume");
  expect(volume).toMatchObject({ volume_id: "martinibar_prod_forgejo_data", plugin_id: "martinibar", lifecycle: { prevent_destroy: true } });
  expect(volume.mount_options.mount_flags).toContain("hard");
  expect(Object.values(stacks.forgejo.data.nomad_plugin)).toEqual([expect.objectContaining({ plugin_id: "martinibar", wait_for_healthy: true })]);
  expect(task.VolumeMounts[0]).toMatchObject({ Volume: "martinibar_prod_forgejo_data", Destination: "/data" });
});

test("uses the external PostgreSQL from the inventory; the password comes from Vault", () => {
  expect(task.Env.FORGEJO__database__HOST).toBe("martinibar.home.arpa:5433");
  expect(task.Templates[0].EmbeddedTmpl).toContain("FORGEJO__database__PASSWD={{ .Data.data.db_password }}");
});

test("passes every house rule", () => {
  expect(report.findings.filter((f) => f.stackId === "forgejo")).toEqual([]);
});
