import { BitcoinStack } from "../../stacks/bitcoin";
import { onlyResource, resourcesOf, synthApp } from "../helpers/synth";
import { synthEstate } from "../helpers/estate";

const { stacks, files, report } = synthApp((app) => new BitcoinStack(app));
const bitcoin = stacks.bitcoin;
const job = (id: string) => JSON.parse(files.bitcoin[`jobs/${id}.json`]).Job;

test("targets the second cluster: its own Nomad address from the inventory", () => {
  expect(bitcoin.provider.nomad).toEqual([{ address: "http://bitcoin-nomad.home.arpa:4646", region: "global" }]);
});

test("owns the bitcoin namespace, and every job and volume lives in it and depends on it", () => {
  const ns = onlyResource(bitcoin, "nomad_namespace");
  expect(ns.name).toBe("bitcoin");
  const nsRef = `nomad_namespace.${Object.keys(resourcesOf(bitcoin, "nomad_namespace"))[0]}`;
  for (const r of Object.values(resourcesOf(bitcoin, "nomad_job")) as any[]) expect(r.depends_on).toContain(nsRef);
  for (const v of Object.values(resourcesOf(bitcoin, "nomad_csi_volume")) as any[]) {
    expect(v.namespace).toBe("bitcoin");
    expect(v.depends_on).toContain(nsRef);
  }
  for (const id of ["bitcoin", "electrs", "alby-hub"]) expect(job(id)).toMatchObject({ Namespace: "bitcoin", Datacenters: ["homelab"] });
});

test("NFS volumes are multi-node-single-writer and kept on destroy", () => {
  const volumes = Object.values(resourcesOf(bitcoin, "nomad_csi_volume")) as any[];
  expect(volumes.map((v) => v.volume_id).sort()).toEqual(["nfs_alby_hub_data", "nfs_bitcoin_data", "nfs_electrs_data"]);
  for (const v of volumes) {
    expect(v.capability).toEqual([{ access_mode: "multi-node-single-writer", attachment_mode: "file-system" }]);
    expect(v.lifecycle).toEqual({ prevent_destroy: true });
  }
});

test("each volume is created by csi-driver-nfs on the inventory's NFS server and export, and kept on nomad volume delete", () => {
  for (const v of Object.values(resourcesOf(bitcoin, "nomad_csi_volume")) as any[]) {
    // csi-driver-nfs CreateVolume parameters: server, share; onDelete retain keeps the directory.
    expect(v.parameters).toEqual({ server: "nas.home.arpa", share: "/srv/nfs/bitcoin", onDelete: "retain" });
    expect(v.plugin_id).toBe("nfs");
  }
});

test("every job carries meta.version, bridge networking with explicit ports, limits and checks", () => {
  for (const id of ["bitcoin", "electrs", "alby-hub"]) {
    const j = job(id);
    expect(j.Meta.version).toMatch(/^\d+$/);
    for (const g of j.TaskGroups) {
      expect(g.Networks[0].Mode).toBe("bridge");
      expect(g.Networks[0].ReservedPorts.length).toBeGreaterThan(0);
      for (const s of g.Services) expect(s.Checks.length).toBeGreaterThan(0);
      for (const t of g.Tasks) expect(t.Resources.MemoryMB).toBeGreaterThan(0);
    }
  }
});

test("bitcoin core: pinned bitcoin:30.2 with txindex, rpcauth from a Nomad variable", () => {
  const task = job("bitcoin").TaskGroups[0].Tasks[0];
  expect(task.Config.image).toBe("docker.io/library/bitcoin:30.2");
  expect(task.Templates[0].EmbeddedTmpl).toContain("txindex=1");
  expect(task.Templates[0].EmbeddedTmpl).toContain("rpcallowip=192.168.2.12/32\n");
  expect(task.Templates[0].EmbeddedTmpl).not.toContain("0.0.0.0/0");
  expect(task.Templates[0].EmbeddedTmpl).toContain('rpcauth={{ with nomadVar "nomad/jobs/bitcoin" }}{{ .rpcauth }}{{ end }}');
  expect(job("bitcoin").TaskGroups[0].Services.map((s: any) => `${s.Name} ${s.Provider}`)).toEqual(["bitcoin-rpc nomad", "bitcoin-p2p nomad"]);
});

test("electrs finds bitcoin through a nomadService lookup", () => {
  const tmpl = job("electrs").TaskGroups[0].Tasks[0].Templates[0].EmbeddedTmpl;
  expect(tmpl).toContain('{{ range nomadService "bitcoin-rpc" }}daemon_rpc_addr="{{ .Address }}:{{ .Port }}"');
});

test("alby hub's database URI comes from a Nomad variable", () => {
  const tmpl = job("alby-hub").TaskGroups[0].Tasks[0].Templates[0];
  expect(tmpl).toMatchObject({ Envvars: true });
  expect(tmpl.EmbeddedTmpl).toContain('{{ with nomadVar "nomad/jobs/alby-hub" }}');
});

test("passes every house rule", () => {
  expect(report.findings.filter((f) => f.stackId === "bitcoin")).toEqual([]);
});

describe("adopting the namespace that already runs", () => {
  test("the bitcoin namespace carries an import block with its name as the id", () => {
    const { stacks } = synthEstate();
    const namespaces = stacks.bitcoin.resource.nomad_namespace;
    const [address] = Object.keys(namespaces);
    expect(stacks.bitcoin.import).toEqual([{ id: "bitcoin", provider: "nomad", to: `nomad_namespace.${address}` }]);
  });
});
