// @ts-nocheck
import { MinioStack } from "../../stacks/minio";
import { NomadClusterStack } from "../../stacks/nomad-cluster";
import { onlyResource, synthApp } from "../helpers/synth";
import { grantVault } from "../helpers/vault-grants";

const { stacks, files, report } = synthApp((app) => {
  new NomadClusterStack(app);
  new MinioStack(app);
  grantVault(app);
});
const group = JSON.parse(files.minio["jobs/minio.json"]).Job.TaskGroups[0];

test("keeps its data on glusterfs_minio_data, protected from destroy, mounted at /data", () => {
  expect(onlyResource(stacks.minio, "nomad_csi_volume")).toMatchObject({ volume_id: "glusterfs_minio_data", lifecycle: { prevent_destroy: true } });
  expect(group.Tasks[0].VolumeMounts[0]).toMatchObject({ Volume: "glusterfs_minio_data", Destination: "/data" });
});

test("serves the S3 API on the static port 9000 that Litestream's endpoint names", () => {
  expect(group.Networks[0].ReservedPorts).toEqual([{ Label: "api", Value: 9000, To: 9000 }]);
  expect(group.Services[0]).toMatchObject({ Name: "minio", PortLabel: "api" });
});

test("root credentials come from Vault at run time", () => {
  const tmpl = group.Tasks[0].Templates[0];
  expect(tmpl).toMatchObject({ Envvars: true, DestPath: "secrets/vault.env" });
  expect(tmpl.EmbeddedTmpl).toContain("MINIO_ROOT_PASSWORD={{ .Data.data.root_password }}");
});

test("passes every house rule", () => {
  expect(report.findings.filter((f) => f.stackId === "minio")).toEqual([]);
});
