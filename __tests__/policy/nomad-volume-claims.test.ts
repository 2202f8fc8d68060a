import { GlusterCsiVolume } from "../../constructs/gluster-csi-volume";
import { NomadJob } from "../../constructs/nomad-job";
import { Job, TaskGroup, VolumeAccessMode, VolumeRequest } from "../../jobspecs/model";
import { toTerraformJobspec } from "../../jobspecs/render";
import { SynthResource, SynthStack } from "../../policy/rule";
import { nomadVolumeClaims } from "../../policy/rules/nomad-volume-claims";
import { MatrixStack } from "../../stacks/matrix";
import { line } from "../helpers/rules";
import { checkApp, testInventory } from "../helpers/synth";

const context = { inventory: testInventory };
const request = (accessMode: VolumeAccessMode, readOnly: boolean, extra: Partial<VolumeRequest> = {}): Record<string, VolumeRequest> => ({
  v: { Name: "v", Type: "csi", Source: "glusterfs_app_data", AccessMode: accessMode, AttachmentMode: "file-system", ReadOnly: readOnly, ...extra },
});
const group = (name: string, volumes: Record<string, VolumeRequest>, extra: Partial<TaskGroup> = {}): TaskGroup => ({
  Name: name,
  Volumes: volumes,
  Tasks: [{ Name: name, Driver: "docker", Config: { image: "docker.io/library/nginx:1.29.4-alpine" }, Resources: { MemoryMB: 64 } }],
  ...extra,
});
const jobResource = (groups: TaskGroup[], extra: Partial<Job> = {}, id = "app"): SynthResource => ({
  type: "nomad_job",
  path: `s/${id}/Resource`,
  stackId: "s",
  attributes: { json: true, jobspec: toTerraformJobspec({ ID: id, Type: "service", Datacenters: ["dc1"], TaskGroups: groups, ...extra }) },
});
const volume = (accessMode: VolumeAccessMode, namespace = "default"): SynthResource => ({
  type: "nomad_csi_volume",
  path: "s/Data/Resource",
  stackId: "s",
  attributes: { volume_id: "glusterfs_app_data", namespace, capability: [{ access_mode: accessMode, attachment_mode: "file-system" }] },
});
const stack = (resources: SynthResource[], cluster = "nomad-main", id = "s"): SynthStack => ({ id, tier: 1, cluster, resources });
const problems = (resources: SynthResource[], cluster?: string) => nomadVolumeClaims.check([stack(resources, cluster)], context).map((p) => `${p.path}: ${p.message}`);

describe("HL-NOMAD-10 counts every claim of the estate against the volume's access mode (nomad/structs/csi.go)", () => {
  test("single-node-writer takes one claim: three read-only groups are refused, naming the volume, the claimants and what is allowed", () => {
    const found = problems([
      volume("single-node-writer"),
      jobResource(["mas", "nginx", "cinny"].map((g) => group(g, request("single-node-writer", true)))),
    ]);
    expect(found).toEqual([
      "s/Data/Resource: CSI volume glusterfs_app_data has 3 claims (0 write, 3 read) from s/app/Resource group mas (read), s/app/Resource group nginx (read), " +
        "s/app/Resource group cinny (read), and Nomad refuses them: single-node-writer admits one claim, read or write. " +
        "Mount it in fewer groups (one for a single-node volume), read-only where a multi-node mode allows it, or give the volume a capability that admits these claims",
    ]);
  });

  test("single-node-writer: one writing group fits; a second job's claim on it does not", () => {
    expect(problems([volume("single-node-writer"), jobResource([group("web", request("single-node-writer", false))])])).toEqual([]);
    const twoJobs = problems([
      volume("single-node-writer"),
      jobResource([group("web", request("single-node-writer", false))]),
      jobResource([group("backup", request("single-node-writer", true))], {}, "backup"),
    ]);
    expect(twoJobs).toEqual([expect.stringMatching(/has 2 claims \(1 write, 1 read\) from s\/app\/Resource group web \(write\), s\/backup\/Resource group backup \(read\)/)]);
  });

  test("a count above one claims once per allocation", () => {
    expect(problems([volume("single-node-writer"), jobResource([group("web", request("single-node-writer", false), { Count: 2 })])])).toEqual([
      expect.stringMatching(/has 2 claims \(2 write, 0 read\) from s\/app\/Resource group web \(write ×2\)/),
    ]);
  });

  test("a system job claims on every client node of its cluster", () => {
    const clients = testInventory.nomad.bitcoin.nodes.filter((n) => n.role !== "server").length;
    const found = problems([volume("multi-node-single-writer"), jobResource([group("agent", request("multi-node-single-writer", false))], { Type: "system" })], "nomad-bitcoin");
    expect(found).toEqual([expect.stringMatching(new RegExp(`\\(${clients} write, 0 read\\).*multi-node-single-writer admits one write claim and any number of read-only claims`))]);
  });

  test("multi-node-reader-only admits any number of readers and no writer", () => {
    const readers = ["a", "b", "c"].map((g) => group(g, request("multi-node-reader-only", true)));
    expect(problems([volume("multi-node-reader-only"), jobResource(readers)])).toEqual([]);
    expect(problems([volume("multi-node-reader-only"), jobResource([...readers, group("w", request("multi-node-reader-only", false))])])).toEqual([
      expect.stringMatching(/multi-node-reader-only admits any number of claims, all read-only/),
    ]);
  });

  test("multi-node-single-writer admits one writer beside the readers, not two", () => {
    const reader = (n: string) => group(n, request("multi-node-single-writer", true));
    const writer = (n: string) => group(n, request("multi-node-single-writer", false));
    expect(problems([volume("multi-node-single-writer"), jobResource([writer("w"), reader("r1"), reader("r2")])])).toEqual([]);
    expect(problems([volume("multi-node-single-writer"), jobResource([writer("w1"), writer("w2")])])).toHaveLength(1);
  });

  test("claimants asking for different modes are refused: the first claim fixes the volume's mode", () => {
    const found = problems([
      volume("multi-node-single-writer"),
      jobResource([group("w", request("multi-node-single-writer", false)), group("r", request("single-node-reader-only", true))]),
    ]);
    expect(found).toEqual([expect.stringMatching(/single-node-reader-only admits one claim, read-only; its claimants ask for different access modes \(multi-node-single-writer, single-node-reader-only\)/)]);
  });

  test("per_alloc groups claim their own <source>[n] volumes", () => {
    expect(problems([jobResource([group("web", request("single-node-writer", false, { PerAlloc: true }), { Count: 3 })])])).toEqual([]);
  });

  test("claims add up only within one cluster and namespace", () => {
    const main = stack([volume("single-node-writer"), jobResource([group("a", request("single-node-writer", false))])]);
    const bitcoin = stack([jobResource([group("b", request("single-node-writer", false))])], "nomad-bitcoin", "b");
    const otherNamespace = stack([jobResource([group("c", request("single-node-writer", false))], { Namespace: "bitcoin" })], "nomad-main", "c");
    expect(nomadVolumeClaims.check([main, bitcoin, otherNamespace], context)).toEqual([]);
  });

  test("a claim on an undeclared volume is pinned on the first claimant (HL-NOMAD-5 reports the missing volume)", () => {
    expect(problems([jobResource([group("a", request("single-node-writer", false)), group("b", request("single-node-writer", false))])])).toEqual([
      expect.stringMatching(/^s\/app\/Resource: CSI volume glusterfs_app_data has 2 claims/),
    ]);
  });

  const FEWER =
    "Mount it in fewer groups (one for a single-node volume), read-only where a multi-node mode allows it, or give the volume a capability that admits these claims";

  test("single-node-reader-only takes one read-only claim: a second reader or a writer is refused, each in a whole sentence", () => {
    expect(problems([volume("single-node-reader-only"), jobResource([group("r", request("single-node-reader-only", true))])])).toEqual([]);
    const readers = ["r1", "r2"].map((g) => group(g, request("single-node-reader-only", true)));
    expect(problems([volume("single-node-reader-only"), jobResource(readers)])).toEqual([
      "s/Data/Resource: CSI volume glusterfs_app_data has 2 claims (0 write, 2 read) from s/app/Resource group r1 (read), s/app/Resource group r2 (read), " +
        `and Nomad refuses them: single-node-reader-only admits one claim, read-only. ${FEWER}`,
    ]);
    // One claim is "1 claim", singular.
    expect(problems([volume("single-node-reader-only"), jobResource([group("w", request("single-node-reader-only", false))])])).toEqual([
      `s/Data/Resource: CSI volume glusterfs_app_data has 1 claim (1 write, 0 read) from s/app/Resource group w (write), and Nomad refuses them: single-node-reader-only admits one claim, read-only. ${FEWER}`,
    ]);
  });

  test("multi-node-multi-writer admits any number of claims, writers included", () => {
    const writers = ["a", "b", "c"].map((g) => group(g, request("multi-node-multi-writer", false), { Count: 2 }));
    expect(problems([volume("multi-node-multi-writer"), jobResource([...writers, group("r", request("multi-node-multi-writer", true))])])).toEqual([]);
  });

  test("a sysbatch job, like a system job, claims on every client node of its cluster whatever its count", () => {
    const clients = testInventory.nomad.main.nodes.filter((n) => n.role !== "server").length;
    expect(clients).toBeGreaterThan(1);
    expect(problems([volume("single-node-writer"), jobResource([group("agent", request("single-node-writer", false), { Count: 1 })], { Type: "sysbatch" })])).toEqual([
      `s/Data/Resource: CSI volume glusterfs_app_data has ${clients} claims (${clients} write, 0 read) from s/app/Resource group agent (write ×${clients}), ` +
        `and Nomad refuses them: single-node-writer admits one claim, read or write. ${FEWER}`,
    ]);
  });

  test("a system job's claims are counted on the client nodes of its own cluster, main or bitcoin", () => {
    // An inventory whose Bitcoin cluster has one client beside its server; the main cluster keeps several.
    const bitcoin = testInventory.nomad.bitcoin;
    const oneClient = { ...bitcoin, nodes: [bitcoin.nodes.find((n) => n.role === "server")!, bitcoin.nodes.find((n) => n.role !== "server")!] };
    const inventory = { ...testInventory, nomad: { ...testInventory.nomad, bitcoin: oneClient } };
    const systemJob = () => jobResource([group("agent", request("single-node-writer", false))], { Type: "system" });
    const onCluster = (cluster: string) => nomadVolumeClaims.check([stack([volume("single-node-writer"), systemJob()], cluster)], { inventory }).map((p) => p.message);
    expect(onCluster("nomad-bitcoin")).toEqual([]);
    const mainClients = testInventory.nomad.main.nodes.filter((n) => n.role !== "server").length;
    expect(onCluster("nomad-main")).toEqual([expect.stringContaining(`has ${mainClients} claims (${mainClients} write, 0 read)`)]);
  });

  test("a claim without an access mode (Nomad refuses such a request) is named so, and counts as a mode of its own", () => {
    const noMode: Record<string, VolumeRequest> = { v: { Name: "v", Type: "csi", Source: "glusterfs_app_data", AttachmentMode: "file-system", ReadOnly: true } };
    // multi-node-multi-writer admits both claims; the claim without a mode is what is refused.
    expect(problems([volume("multi-node-multi-writer"), jobResource([group("a", request("multi-node-multi-writer", false)), group("b", noMode)])])).toEqual([
      "s/Data/Resource: CSI volume glusterfs_app_data has 2 claims (1 write, 1 read) from s/app/Resource group a (write), s/app/Resource group b (read, no access mode), " +
        "and Nomad refuses them: its claimants ask for different access modes (multi-node-multi-writer, none) and the volume takes the mode of whichever claim comes first. " +
        FEWER,
    ]);
  });

  test("host volumes are not CSI claims: groups sharing a host volume are not counted", () => {
    const host: Record<string, VolumeRequest> = { v: { Name: "v", Type: "host", Source: "glusterfs_app_data", AccessMode: "single-node-writer", ReadOnly: false } };
    expect(problems([volume("single-node-writer"), jobResource([group("a", host), group("b", host)])])).toEqual([]);
  });

  test("a registered volume (nomad_csi_volume_registration) is where the finding is pinned, as a created one is", () => {
    const registration: SynthResource = { ...volume("single-node-writer"), type: "nomad_csi_volume_registration", path: "s/Registered/Resource" };
    const twoWriters = jobResource([group("a", request("single-node-writer", false)), group("b", request("single-node-writer", false))]);
    expect(problems([registration, twoWriters])).toEqual([expect.stringMatching(/^s\/Registered\/Resource: CSI volume glusterfs_app_data has 2 claims/)]);
  });

  test("only the CSI volume resources HL-NOMAD-5 takes as declarations pin a finding, not another resource with that volume_id", () => {
    // The provider's deprecated nomad_volume is no declaration the estate makes: the finding stays on the first claimant.
    const deprecated: SynthResource = { type: "nomad_volume", path: "s/Old", stackId: "s", attributes: { volume_id: "glusterfs_app_data", type: "csi" } };
    const twoWriters = jobResource([group("a", request("single-node-writer", false)), group("b", request("single-node-writer", false))]);
    expect(problems([twoWriters, deprecated])).toEqual([expect.stringMatching(/^s\/app\/Resource: CSI volume glusterfs_app_data has 2 claims/)]);
  });

  test("cannot be acknowledged: Nomad refuses the claim whatever the reason", () => {
    expect(nomadVolumeClaims.acknowledgeable).toBe(false);
  });
});

describe("the Matrix shared-config volume", () => {
  const matrixFindings = (extra?: (matrix: MatrixStack) => void) =>
    checkApp((app) => {
      const matrix = new MatrixStack(app);
      extra?.(matrix);
    }).findings.filter((f) => f.ruleId === "HL-NOMAD-10").map(line);

  test("as the guide wrote it (MAS, nginx and Cinny each mounting it read-only) is refused at synth", () => {
    const oldLayout = (matrix: MatrixStack) => {
      const shared = matrix.node.findChild("SharedConfig") as GlusterCsiVolume;
      const job = matrix.node.findChild("Job") as NomadJob;
      for (const g of ["nginx", "cinny"]) job.group(g).mount(shared, { destination: "/shared", readOnly: true });
    };
    expect(matrixFindings(oldLayout)).toEqual([
      expect.stringMatching(
        /^matrix\/SharedConfig\/Resource: CSI volume glusterfs_matrix_shared_config has 3 claims \(0 write, 3 read\) from matrix\/Job\/Resource group mas \(read\), matrix\/Job\/Resource group nginx \(read\), matrix\/Job\/Resource group cinny \(read\), and Nomad refuses them: single-node-writer admits one claim, read or write/,
      ),
    ]);
  });

  test("now is claimed by MAS alone, keeping its single-node-writer capability (no replacement)", () => {
    expect(matrixFindings()).toEqual([]);
  });
});
