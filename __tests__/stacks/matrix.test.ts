import { MatrixStack } from "../../stacks/matrix";
import { NomadClusterStack } from "../../stacks/nomad-cluster";
import { onlyResource, resourcesOf, synthApp } from "../helpers/synth";
import { serveMesh } from "../helpers/mesh";
import { grantVault } from "../helpers/vault-grants";

const { stacks, files, report } = synthApp((app) => {
  new NomadClusterStack(app);
  new MatrixStack(app);
  serveMesh(app);
  grantVault(app);
});
const matrix = stacks.matrix;
const volumes = resourcesOf(matrix, "nomad_csi_volume");
const jobResource = onlyResource(matrix, "nomad_job");
const job = JSON.parse(files.matrix["jobs/matrix.json"]).Job;
const group = (name: string) => job.TaskGroups.find((g: any) => g.Name === name);
const mounts = (name: string) =>
  group(name).Tasks.flatMap((t: any) => (t.VolumeMounts ?? []).map((m: any) => `${m.Volume} ${m.Destination}${m.ReadOnly ? " ro" : ""}`));

test("targets the main Nomad cluster with tier-1 state", () => {
  expect(matrix.terraform.backend).toEqual({ pg: { schema_name: "matrix" } });
  expect(matrix.provider.nomad[0].address).toBe("https://nomad.example.org:443");
});

test("declares the four volumes with their capacities and prevent_destroy", () => {
  const byId = Object.fromEntries(Object.values(volumes).map((v: any) => [v.volume_id, v]));
  expect(Object.keys(byId).sort()).toEqual([
    "glusterfs_matrix_shared_config",
    "glusterfs_matrix_synapse_config",
    "glusterfs_matrix_synapse_media",
    "glusterfs_matrix_whatsapp_data",
  ]);
  expect(byId.glusterfs_matrix_synapse_config).toMatchObject({ capacity_min: "1GiB", capacity_max: "10GiB" });
  expect(byId.glusterfs_matrix_synapse_media).toMatchObject({ capacity_min: "10GiB", capacity_max: "200GiB" });
  expect(byId.glusterfs_matrix_whatsapp_data).toMatchObject({ capacity_min: "1GiB", capacity_max: "10GiB" });
  expect(byId.glusterfs_matrix_shared_config).toMatchObject({ capacity_min: "1GiB", capacity_max: "5GiB" });
  for (const v of Object.values(byId) as any[]) {
    expect(v.lifecycle).toEqual({ prevent_destroy: true });
    expect(v.capability).toEqual([{ access_mode: "single-node-writer", attachment_mode: "file-system" }]);
  }
});

test("every volume depends on the one glusterfs plugin data source, which waits for health", () => {
  const [[id, plugin]] = Object.entries(matrix.data.nomad_plugin) as [string, any][];
  expect(plugin).toMatchObject({ plugin_id: "glusterfs", wait_for_healthy: true });
  for (const v of Object.values(volumes) as any[]) expect(v.depends_on).toEqual([`data.nomad_plugin.${id}`]);
});

test("the job is typed JSON, waits for its deployment, and depends on the four volumes", () => {
  expect(jobResource).toMatchObject({ json: true, detach: false, purge_on_destroy: false });
  expect(jobResource.depends_on).toHaveLength(4);
  expect(jobResource.depends_on.every((d: string) => d.startsWith("nomad_csi_volume."))).toBe(true);
});

test("has the six groups", () => {
  expect(job.TaskGroups.map((g: any) => g.Name)).toEqual(["synapse", "whatsapp-bridge", "mas", "nginx", "cinny", "element"]);
});

test("the bridge's task is whatsapp-bridge, the name the operators' runbooks read its logs by", () => {
  expect(group("whatsapp-bridge").Tasks.map((t: any) => t.Name)).toEqual(["whatsapp-bridge"]);
});

test("the groups mount the volumes at the paths the domain names; the single-node-writer shared config only in MAS", () => {
  expect(mounts("synapse")).toEqual(["glusterfs_matrix_synapse_config /data", "glusterfs_matrix_synapse_media /media"]);
  expect(mounts("whatsapp-bridge")).toEqual(["glusterfs_matrix_whatsapp_data /data"]);
  expect(mounts("mas")).toEqual(["glusterfs_matrix_shared_config /shared ro"]);
  expect(mounts("nginx")).toEqual([]);
  expect(mounts("cinny")).toEqual([]);
  expect(mounts("element")).toEqual([]);
  const claimants = job.TaskGroups.filter((g: any) => Object.values(g.Volumes ?? {}).some((v: any) => v.Source === "glusterfs_matrix_shared_config"));
  expect(claimants.map((g: any) => g.Name)).toEqual(["mas"]);
});

test("nginx serves the apex .well-known/matrix documents rendered from the inventory's domain", () => {
  const nginx = group("nginx").Tasks[0];
  expect(nginx.Templates[0].EmbeddedTmpl).toContain("root /local/html;");
  const rendered = (path: string) => JSON.parse(nginx.Templates.find((t: any) => t.DestPath === `local/html/.well-known/matrix/${path}`).EmbeddedTmpl);
  // Matrix spec: server delegation and client discovery.
  expect(rendered("server")).toEqual({ "m.server": "matrix.example.org:443" });
  expect(rendered("client")).toEqual({ "m.homeserver": { base_url: "https://matrix.example.org" } });
});

test("Cinny's config.json is rendered with this homeserver and bound over the image's /app/config.json", () => {
  const cinny = group("cinny").Tasks[0];
  expect(cinny.Config).toEqual({ image: "ghcr.io/cinnyapp/cinny:v4.10.2", volumes: ["local/config.json:/app/config.json"] });
  expect(JSON.parse(cinny.Templates[0].EmbeddedTmpl)).toEqual({ defaultHomeserver: 0, homeserverList: ["example.org"], allowCustomHomeservers: false });
});

test("every group's Envoy sidecar serves Prometheus metrics on 9102, as the guide's job has it", () => {
  for (const g of job.TaskGroups) {
    expect(g.Networks[0].DynamicPorts).toContainEqual({ Label: "envoy_metrics", To: 9102 });
    expect(g.Services[0].Connect.SidecarService.Proxy.Config).toEqual({ envoy_prometheus_bind_addr: "0.0.0.0:9102" });
    expect(g.Services[0].Meta).toMatchObject({ envoy_metrics_port: "${NOMAD_HOST_PORT_envoy_metrics}" });
  }
});

test("synapse: pinned image, port 8008 over Connect, Envoy metrics on 9102, media_store_path /media", () => {
  const synapse = group("synapse");
  expect(synapse.Tasks[0].Config.image).toBe("ghcr.io/element-hq/synapse:v1.144.0");
  expect(synapse.Services[0]).toMatchObject({ Name: "matrix-synapse", PortLabel: "8008" });
  expect(synapse.Services[0].Connect.SidecarService.Proxy.Config).toEqual({ envoy_prometheus_bind_addr: "0.0.0.0:9102" });
  expect(synapse.Networks[0].DynamicPorts).toEqual([{ Label: "envoy_metrics", To: 9102 }]);
  expect(synapse.Tasks[0].Templates[0].EmbeddedTmpl).toContain("media_store_path: '/media'");
});

test("the database password comes from Vault at run time, never from Terraform", () => {
  const tmpl = group("synapse").Tasks[0].Templates[0].EmbeddedTmpl;
  expect(tmpl).toMatch(/password: '\{\{ with secret "secret\/data\/matrix\/synapse" \}\}\{\{ \.Data\.data\.db_password \}\}\{\{ end \}\}'/);
  expect(tmpl).toContain("host: 'martinibar.home.arpa'");
  expect(tmpl).toContain("port: 5433");
});

test("every group runs behind Consul Connect with a 256/512 MiB sidecar", () => {
  for (const g of job.TaskGroups) {
    expect(g.Services).toHaveLength(1);
    expect(g.Services[0].Connect.SidecarTask.Resources).toMatchObject({ MemoryMB: 256, MemoryMaxMB: 512 });
    expect(g.Networks[0].Mode).toBe("bridge");
  }
});

test("the bridge, nginx and MAS reach synapse (and nginx MAS) through Connect upstreams", () => {
  const upstreams = (name: string) => group(name).Services[0].Connect.SidecarService.Proxy.Upstreams.map((u: any) => `${u.DestinationName}:${u.LocalBindPort}`);
  expect(upstreams("whatsapp-bridge")).toEqual(["matrix-synapse:8008"]);
  expect(upstreams("mas")).toEqual(["matrix-synapse:8008"]);
  expect(upstreams("nginx")).toEqual(["matrix-synapse:8008", "matrix-mas:8080"]);
});

test("the other groups run their pinned images with the domain's settings", () => {
  expect(group("whatsapp-bridge").Tasks[0].Config.image).toBe("dock.mau.dev/mautrix/whatsapp:v0.2512.0");
  expect(group("mas").Tasks[0].Config.image).toBe("ghcr.io/element-hq/matrix-authentication-service:1.8.0");
  expect(group("mas").Tasks[0].Env.MAS_CONFIG).toBe("/shared/mas/config.yaml");
  expect(group("nginx").Tasks[0].Config.image).toBe("docker.io/library/nginx:1.29.4-alpine");
  // The image's own command (/docker-run.sh) finds /data/config.yaml and /data/registration.yaml.
  expect(group("whatsapp-bridge").Tasks[0].Config.args).toBeUndefined();
  expect(JSON.parse(group("element").Tasks[0].Templates[0].EmbeddedTmpl).default_server_config["m.homeserver"].server_name).toBe("example.org");
});

test("passes every house rule", () => {
  expect(report.findings.filter((f) => f.stackId === "matrix")).toEqual([]);
});
