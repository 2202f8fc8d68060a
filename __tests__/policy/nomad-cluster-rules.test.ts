import { archConstraint } from "../../jobspecs/common";
import { connectService } from "../../jobspecs/connect";
import { Constraint, Job, Service, Task, TaskGroup, VolumeRequest } from "../../jobspecs/model";
import { SynthResource } from "../../policy/rule";
import { nomadArchConstraint } from "../../policy/rules/nomad-arch-constraint";
import { nomadConnectSidecarMemory } from "../../policy/rules/nomad-connect-sidecar-memory";
import { nomadCsiVolumeNaming } from "../../policy/rules/nomad-csi-volume-naming";
import { nomadMemoryMaxOversubscription } from "../../policy/rules/nomad-memory-max-oversubscription";
import { nomadMountsDeclaredVolumes } from "../../policy/rules/nomad-mounts-declared-volumes";
import { nomadNodePluginSystem } from "../../policy/rules/nomad-node-plugin-system";
import { context, group, job, jobResource, other, stack, task, volumeResource } from "./nomad-rules.fixtures";

const messages = (problems: readonly { message: string }[]) => problems.map((p) => p.message);

describe("HL-NOMAD-1 Connect sidecars get enough memory", () => {
  const check = (...groups: TaskGroup[]) => nomadConnectSidecarMemory.check(jobResource(job(groups)), context);
  const sidecar = (name: string, resources?: { MemoryMB: number; MemoryMaxMB?: number }): Service => ({
    Name: name,
    PortLabel: "80",
    Connect: { SidecarService: {}, SidecarTask: resources ? { Resources: resources } : undefined },
  });
  test("compliant: 256 MiB and a 512 MiB memory_max, and more", () => {
    expect(check(group({ Services: [sidecar("web", { MemoryMB: 256, MemoryMaxMB: 512 })] }))).toEqual([]);
    expect(check(group({ Services: [sidecar("web", { MemoryMB: 300, MemoryMaxMB: 600 })] }))).toEqual([]);
  });
  test("non-compliant: below either, on a group's or a task's service, in any group of the job", () => {
    const inTask = task("app", { Services: [sidecar("api", { MemoryMB: 255, MemoryMaxMB: 512 })] });
    expect(check(group({ Name: "plain" }), group({ Name: "api", Tasks: [inTask] }), group({ Name: "web", Services: [sidecar("web", { MemoryMB: 256, MemoryMaxMB: 511 })] }))).toEqual([
      expect.stringMatching(/^group api service api: sidecar memory 255 MiB is below 256 MiB/),
      expect.stringMatching(/^group web service web: sidecar memory_max 511 MiB is below 512 MiB/),
    ]);
  });
  test("not applicable: services without a Connect sidecar, other resources", () => {
    const native: Service = { Name: "web", PortLabel: "80", Connect: { Native: true } };
    expect(check(group({ Services: [native, { Name: "plain", PortLabel: "80" }] }))).toBe("not-applicable");
    expect(nomadConnectSidecarMemory.check(other, context)).toBe("not-applicable");
  });
});

describe("HL-NOMAD-4 CSI volume ids follow their plugin's naming", () => {
  const check = (attributes: Record<string, unknown>, type = "nomad_csi_volume") =>
    nomadCsiVolumeNaming.check({ ...volumeResource("x"), type, attributes: { plugin_id: "glusterfs", ...attributes } }, context);
  test("compliant: <prefix>_<service>_<type>, registrations too, a name equal to the id or none", () => {
    expect(check({ volume_id: "glusterfs_matrix_synapse_config", name: "glusterfs_matrix_synapse_config" })).toEqual([]);
    expect(check({ volume_id: "nfs_csi_bitcoin_data", plugin_id: "nfs-csi" }, "nomad_csi_volume_registration")).toEqual([]);
    expect(check({ volume_id: "martinibar_prod_forgejo_data", plugin_id: "martinibar" })).toEqual([]);
  });
  test("non-compliant: the id against its plugin's prefix and segments, and a name that differs", () => {
    const naming = (id: string, plugin = "glusterfs", prefix = plugin) =>
      `volume_id ${JSON.stringify(id)} of plugin ${plugin} does not match ${prefix}_<service>_<type> (lowercase, digits, single underscores)`;
    expect(check({ volume_id: "glusterfs_matrix" })).toEqual([naming("glusterfs_matrix")]);
    expect(check({ volume_id: "glusterfs_Matrix_data" })).toEqual([naming("glusterfs_Matrix_data")]);
    expect(check({ volume_id: "gluster_matrix_data" })).toEqual([naming("gluster_matrix_data")]);
    expect(check({ volume_id: "nfs-csi_bitcoin_data", plugin_id: "nfs-csi" }, "nomad_csi_volume_registration")).toEqual([naming("nfs-csi_bitcoin_data", "nfs-csi", "nfs_csi")]);
    expect(check({ volume_id: "glusterfs_a_b", name: "glusterfs_a_c" })).toEqual(['name "glusterfs_a_c" differs from volume_id "glusterfs_a_b"']);
    expect(check({ volume_id: "glusterfs_a", name: "x" })).toHaveLength(2);
  });
  test("not applicable: an id or plugin that is computed or missing, other resources", () => {
    expect(check({ volume_id: "${var.id}" })).toBe("not-applicable");
    expect(check({ volume_id: "glusterfs_a_b", plugin_id: "${var.plugin}" })).toBe("not-applicable");
    expect(check({ volume_id: 5 })).toBe("not-applicable");
    expect(check({ volume_id: "glusterfs_a_b", plugin_id: undefined })).toBe("not-applicable");
    expect(check({ volume_id: "glusterfs_a_b" }, "nomad_volume")).toBe("not-applicable");
  });
});

describe("HL-NOMAD-5 jobs mount only declared volumes with a capability they have", () => {
  const request = (source: string, extra: Partial<VolumeRequest> = {}): VolumeRequest => ({ Name: "data", Type: "csi", Source: source, AccessMode: "single-node-writer", AttachmentMode: "file-system", ...extra });
  const mounting = (requests: VolumeRequest[], extra: Partial<Job> = {}) =>
    jobResource(job([group({ Volumes: Object.fromEntries(requests.map((r, i) => [`v${i}`, r])) })], extra));
  const check = (...stacks: Parameters<typeof nomadMountsDeclaredVolumes.check>[0]) => messages(nomadMountsDeclaredVolumes.check(stacks, context));

  test("compliant: declared by a volume or a registration of the cluster, in the job's namespace", () => {
    const registration = { ...volumeResource("glusterfs_b_data"), type: "nomad_csi_volume_registration" };
    expect(check(stack([volumeResource("glusterfs_a_data"), registration]), stack([mounting([request("glusterfs_a_data"), request("glusterfs_b_data")])], "nomad-main", "t"))).toEqual([]);
    const inNamespace = volumeResource("glusterfs_a_data", { namespace: "bitcoin" });
    expect(check(stack([inNamespace, mounting([request("glusterfs_a_data")], { Namespace: "bitcoin" })]))).toEqual([]);
  });

  test("compliant: namespace default written out on one side and left out on the other", () => {
    expect(check(stack([volumeResource("glusterfs_a_data", { namespace: "default" }), mounting([request("glusterfs_a_data")])]))).toEqual([]);
    expect(check(stack([volumeResource("glusterfs_a_data"), mounting([request("glusterfs_a_data")], { Namespace: "default" })]))).toEqual([]);
  });

  test("only a CSI volume resource declares a volume: another resource carrying a volume_id does not", () => {
    const notAVolume = { ...volumeResource("glusterfs_a_data"), type: "terraform_data" };
    expect(check(stack([notAVolume, mounting([request("glusterfs_a_data")])]))).toEqual([
      "group web volume v0 mounts CSI volume glusterfs_a_data, which no stack of cluster nomad-main declares in namespace default",
    ]);
  });

  test("a volume resource without a volume_id declares nothing, whatever the source says", () => {
    const unnamed = volumeResource("x", { volume_id: undefined });
    expect(check(stack([unnamed, mounting([request("undefined")])]))).toEqual([
      "group web volume v0 mounts CSI volume undefined, which no stack of cluster nomad-main declares in namespace default",
    ]);
  });

  test("non-compliant: undeclared, naming the cluster and namespace; [n] for per-alloc sources", () => {
    expect(check(stack([mounting([request("glusterfs_a_data")])]))).toEqual([
      "group web volume v0 mounts CSI volume glusterfs_a_data, which no stack of cluster nomad-main declares in namespace default",
    ]);
    expect(check(stack([volumeResource("glusterfs_a_data"), mounting([request("glusterfs_a_data", { PerAlloc: true })], { Namespace: "apps" })]))).toEqual([
      "group web volume v0 mounts CSI volume glusterfs_a_data[n], which no stack of cluster nomad-main declares in namespace apps",
    ]);
    expect(check({ id: "plain", resources: [mounting([request("glusterfs_a_data")])] })).toEqual([
      "group web volume v0 mounts CSI volume glusterfs_a_data, which no stack of cluster ? declares in namespace default",
    ]);
  });

  test("a declaration elsewhere does not count: another cluster, another namespace, an id that is no string; a namespace that is no string is the default", () => {
    expect(check(stack([volumeResource("glusterfs_a_data")], "nomad-bitcoin", "b"), stack([mounting([request("glusterfs_a_data")])]))).toHaveLength(1);
    expect(check(stack([volumeResource("glusterfs_a_data", { namespace: "bitcoin" }), mounting([request("glusterfs_a_data")])]))).toHaveLength(1);
    expect(check(stack([volumeResource("glusterfs_a_data", { namespace: 5 }), mounting([request("glusterfs_a_data")])]))).toEqual([]);
    expect(check(stack([volumeResource("glusterfs_a_data", { volume_id: 5 }), mounting([request("glusterfs_a_data")])]))).toHaveLength(1);
  });

  test("non-compliant: a capability the volume lacks, in each per-alloc volume, with what it offers", () => {
    const perAlloc = request("glusterfs_a_data", { PerAlloc: true, AccessMode: "multi-node-multi-writer" });
    expect(check(stack([volumeResource("glusterfs_a_data[0]"), volumeResource("glusterfs_a_data[1]"), volumeResource("glusterfs_ab_data[0]"), mounting([perAlloc])]))).toEqual([
      "group web volume v0 asks for multi-node-multi-writer/file-system but volume glusterfs_a_data[0] offers single-node-writer/file-system",
      "group web volume v0 asks for multi-node-multi-writer/file-system but volume glusterfs_a_data[1] offers single-node-writer/file-system",
    ]);
    const twoCaps = volumeResource("glusterfs_a_data", { capability: [{ access_mode: "single-node-writer", attachment_mode: "file-system" }, { access_mode: "multi-node-reader-only", attachment_mode: "file-system" }] });
    expect(check(stack([twoCaps, mounting([request("glusterfs_a_data", { AccessMode: "multi-node-reader-only" })])]))).toEqual([]);
    expect(check(stack([twoCaps, mounting([request("glusterfs_a_data", { AttachmentMode: "block-device" })])]))).toEqual([
      "group web volume v0 asks for single-node-writer/block-device but volume glusterfs_a_data offers single-node-writer/file-system, multi-node-reader-only/file-system",
    ]);
    expect(check(stack([volumeResource("glusterfs_a_data", { capability: undefined }), mounting([request("glusterfs_a_data", { AccessMode: undefined, AttachmentMode: undefined })])]))).toEqual([
      "group web volume v0 asks for no access mode/no attachment mode but volume glusterfs_a_data offers no capability",
    ]);
  });

  test("not applicable: host volumes, jobs without volumes, other resources", () => {
    expect(check(stack([mounting([{ Name: "h", Type: "host", Source: "docker-sock" }]), jobResource(job([group()])), other]))).toEqual([]);
  });
});

describe("HL-NOMAD-6 CSI node plugins are system jobs, privileged, named by their id", () => {
  const plugin = (type: "node" | "controller" | "monolith", config: Partial<Task["Config"]> = {}, id = "glusterfs"): Task =>
    task("plugin", { Config: { image: "docker.io/democraticcsi/democratic-csi:v1.9.4", privileged: true, args: [`--csi-name=${id}`], ...config }, CSIPluginConfig: { ID: id, Type: type, MountDir: "/csi" } });
  const check = (tasks: Task[], type: Job["Type"] = "system") => nomadNodePluginSystem.check(jobResource(job([group({ Tasks: tasks })], { Type: type })), context);

  test("a monolith is a node plugin too; a controller may run as a service, unprivileged", () => {
    expect(check([plugin("monolith")])).toEqual([]);
    expect(check([plugin("monolith", { privileged: false })], "service")).toEqual([
      'job web runs a CSI node plugin but is type "service": only a system job puts the plugin on every node that may mount volumes',
      "group web task plugin is a CSI node plugin but not privileged: it cannot mount",
    ]);
    expect(check([plugin("controller", { privileged: false })], "service")).toEqual([]);
    expect(check([plugin("node")], "batch")).toHaveLength(1);
  });

  test("the driver's name from --flag=value or --flag value; a flag with nothing after it names nothing", () => {
    expect(check([plugin("node", { args: ["--endpoint=unix:///csi/csi.sock", "--csi-name", "glusterfs"] })])).toEqual([]);
    expect(check([plugin("node", { args: ["--csi-name"] })])).toEqual([expect.stringMatching(/passes no driver name \(--csi-name, --drivername\)/)]);
    expect(check([plugin("node", { args: ["--csi-name="] })])).toEqual([
      'group web task plugin is CSI plugin glusterfs but names its driver "": the csi_plugin id and the driver\'s name must be equal',
    ]);
    expect(check([plugin("node", { args: ["--drivername=nfs"] }, "nfs")])).toEqual([]);
    expect(check([plugin("node", { args: undefined })])).toEqual([
      "group web task plugin is CSI plugin glusterfs but passes no driver name (--csi-name, --drivername): the driver registers under its own default name",
    ]);
  });

  test("a plugin task without a config (a hand-written jobspec) is unprivileged and names no driver; args that are not strings are skipped", () => {
    const bare = { ...plugin("node"), Config: undefined } as unknown as Task;
    expect(check([bare])).toEqual([
      "group web task plugin is a CSI node plugin but not privileged: it cannot mount",
      "group web task plugin is CSI plugin glusterfs but passes no driver name (--csi-name, --drivername): the driver registers under its own default name",
    ]);
    expect(check([plugin("node", { args: [42, "--csi-name", "glusterfs"] as unknown as string[] })])).toEqual([]);
  });

  test("every plugin task is checked, the first flag wins", () => {
    expect(check([plugin("node", { args: ["--csi-name=glusterfs", "--drivername=other"] }), { ...plugin("node", { args: ["--csi-name=x"] }), Name: "second" }])).toEqual([
      expect.stringMatching(/^group web task second is CSI plugin glusterfs but names its driver "x"/),
    ]);
  });

  test("not applicable: jobs without plugin tasks, other resources", () => {
    expect(check([task("app")])).toBe("not-applicable");
    expect(nomadNodePluginSystem.check(other, context)).toBe("not-applicable");
  });
});

describe("HL-NOMAD-7 memory_max needs memory oversubscription on the job's cluster", () => {
  const scheduler = (enabled: unknown, type = "nomad_scheduler_config"): SynthResource => ({ type, path: "c/S", stackId: "c", attributes: { memory_oversubscription_enabled: enabled } });
  const usesMax = (max: number) => jobResource(job([group({ Tasks: [task("app", { Resources: { MemoryMB: 64, MemoryMaxMB: max } })] })]));
  const check = (...stacks: Parameters<typeof nomadMemoryMaxOversubscription.check>[0]) => messages(nomadMemoryMaxOversubscription.check(stacks, context));

  test("compliant: any stack of the cluster enables it; memory_max 0 is no memory_max", () => {
    expect(check(stack([scheduler(true)], "nomad-main", "c"), stack([usesMax(128)]))).toEqual([]);
    expect(check(stack([usesMax(0)]))).toEqual([]);
  });
  test("non-compliant: not enabled, enabled as something other than true, or by something other than the scheduler config", () => {
    const refused = ["job web sets memory_max (group web task app (memory_max 128)) but no stack of cluster nomad-main enables memory oversubscription, so Nomad ignores it"];
    expect(check(stack([scheduler(false)], "nomad-main", "c"), stack([usesMax(128)]))).toEqual(refused);
    expect(check(stack([scheduler("true")], "nomad-main", "c"), stack([usesMax(128)]))).toEqual(refused);
    expect(check(stack([scheduler(true, "nomad_job")], "nomad-main", "c"), stack([usesMax(128)]))).toEqual(refused);
  });
  test("every use is listed, Connect sidecars of group and task services included; a stack without a cluster says ?", () => {
    const sidecar = connectService({ name: "api", port: 80 });
    const j = jobResource(
      job([group({ Services: [connectService({ name: "web", port: 80 })], Tasks: [task("app", { Resources: { MemoryMB: 64, MemoryMaxMB: 128 }, Services: [sidecar] }), task("quiet")] })]),
    );
    expect(check({ id: "plain", resources: [j] })).toEqual([
      "job web sets memory_max (group web task app (memory_max 128); group web sidecar of web (memory_max 512); group web sidecar of api (memory_max 512)) but no stack of cluster ? enables memory oversubscription, so Nomad ignores it",
    ]);
  });
});

describe("HL-NOMAD-8 images not built for every client architecture are constrained (main cluster: amd64 and arm64 clients)", () => {
  const amd64Only = "docker.io/appflowyinc/appflowy_cloud:0.11.9";
  const uncatalogued = "ghcr.io/someone/thing:1.0";
  const node = (name: string): Constraint => ({ LTarget: "${node.unique.name}", Operand: "=", RTarget: name });
  const check = (j: Job, cluster = "nomad-main") => messages(nomadArchConstraint.check([stack([jobResource(j)], cluster)], context));
  const running = (image: string, constraints: { job?: Constraint[]; group?: Constraint[]; task?: Constraint[] } = {}) =>
    job([group({ Constraints: constraints.group, Tasks: [task("app", { Config: { image }, Constraints: constraints.task })] })], { Constraints: constraints.job });
  const armRisk = `group web task app: image ${amd64Only} is published for amd64 but may be placed on arm64 nodes; add a \${attr.cpu.arch} constraint`;

  test("compliant: constrained to amd64 at the job, group or task, by arch or by an amd64 node", () => {
    expect(check(running(amd64Only, { job: [archConstraint("amd64")] }))).toEqual([]);
    expect(check(running(amd64Only, { group: [archConstraint("amd64")] }))).toEqual([]);
    expect(check(running(amd64Only, { task: [node("hestia")] }))).toEqual([]);
    expect(check(running(amd64Only, { task: [{ LTarget: "${attr.cpu.arch}", Operand: "set_contains_any", RTarget: "amd64" }] }))).toEqual([]);
  });

  test("non-compliant: unconstrained, constrained to arm64 or an arm64 node, or a set that includes arm64", () => {
    expect(check(running(amd64Only))).toEqual([armRisk]);
    expect(check(running(amd64Only, { group: [archConstraint("arm64")] }))).toEqual([armRisk]);
    expect(check(running(amd64Only, { group: [node("heracles")] }))).toEqual([armRisk]);
    expect(check(running(amd64Only, { group: [{ LTarget: "${attr.cpu.arch}", Operand: "set_contains_any", RTarget: "amd64, arm64" }] }))).toEqual([armRisk]);
  });

  test("constraints narrow one another; ones that say nothing about the architecture do not", () => {
    const both: Constraint = { LTarget: "${attr.cpu.arch}", Operand: "set_contains_any", RTarget: "arm64,amd64" };
    expect(check(running(amd64Only, { job: [both], task: [archConstraint("amd64")] }))).toEqual([]);
    const silent: Constraint[] = [
      node("nowhere"),
      { LTarget: "${attr.cpu.arch}", Operand: "!=", RTarget: "arm64" },
      { LTarget: "${attr.kernel.name}", Operand: "=", RTarget: "amd64" },
      { LTarget: "${attr.cpu.arch}", Operand: "=", RTarget: "" },
      { LTarget: "${attr.cpu.arch}", Operand: "set_contains_any" },
      { LTarget: "${node.unique.name}", Operand: "!=", RTarget: "hestia" },
    ];
    expect(check(running(amd64Only, { group: silent }))).toEqual([armRisk]);
  });

  test("narrowing keeps what both constraints allow: a set of both, then an arm64 node, leaves arm64", () => {
    const both: Constraint = { LTarget: "${attr.cpu.arch}", Operand: "set_contains_any", RTarget: "amd64,arm64" };
    expect(check(running(amd64Only, { job: [both], group: [node("heracles")] }))).toEqual([armRisk]);
  });

  test("only ${attr.cpu.arch} = or set_contains_any, and ${node.unique.name} =, say where a task runs", () => {
    const silent: Constraint[] = [
      { LTarget: "${attr.kernel.name}", Operand: "set_contains_any", RTarget: "amd64" },
      { LTarget: "${attr.cpu.arch}", Operand: "!=", RTarget: "amd64" },
      { LTarget: "${meta.rack}", Operand: "=", RTarget: "hestia" },
    ];
    for (const c of silent) expect([c, check(running(amd64Only, { group: [c] }))]).toEqual([c, [armRisk]]);
  });

  test("each cluster is judged by its own clients, servers left out", () => {
    const { bitcoin } = context.inventory.nomad;
    const withNodes = (nodes: typeof bitcoin.nodes) => ({ ...context, inventory: { ...context.inventory, nomad: { ...context.inventory.nomad, bitcoin: { ...bitcoin, nodes } } } });
    const on = (cluster: string, nodes: typeof bitcoin.nodes, image: string) => messages(nomadArchConstraint.check([stack([jobResource(running(image))], cluster)], withNodes(nodes)));
    // An amd64 client joins the Bitcoin cluster: it is mixed now, and only it.
    const mixed = [...bitcoin.nodes, { ...bitcoin.nodes[1], name: "x86-1", address: "192.168.2.20", arch: "amd64" as const }];
    expect(on("nomad-bitcoin", mixed, amd64Only)).toEqual([armRisk]);
    expect(on("kubernetes", mixed, amd64Only)).toEqual([]);
    expect(on("", mixed, amd64Only)).toEqual([]);
    // An amd64 server places no task: the clients are all arm64, so an unknown image needs no constraint.
    const amd64Server = bitcoin.nodes.map((n) => (n.role === "server" ? { ...n, arch: "amd64" as const } : n));
    expect(on("nomad-bitcoin", amd64Server, uncatalogued)).toEqual([]);
  });

  test("a task without a config (a hand-written jobspec) runs no image to judge", () => {
    const bare = { Name: "app", Driver: "raw_exec" } as unknown as Task;
    expect(check(job([group({ Tasks: [bare] })]))).toEqual([]);
  });

  test("an image the catalog does not know needs a constraint to one architecture", () => {
    expect(check(running(uncatalogued))).toEqual([
      `group web task app: image ${uncatalogued} is not in the image catalog, so its architectures are unknown, and nothing constrains \${attr.cpu.arch}`,
    ]);
    expect(check(running(uncatalogued, { group: [archConstraint("arm64")] }))).toEqual([]);
  });

  test("not applicable: a single-architecture cluster, a cluster without Nomad nodes, tasks without an image", () => {
    expect(check(running(amd64Only), "nomad-bitcoin")).toEqual([]);
    expect(check(running(amd64Only), "kubernetes")).toEqual([]);
    expect(check(job([group({ Tasks: [{ ...task("app"), Config: {} as Task["Config"] }] })]))).toEqual([]);
    expect(messages(nomadArchConstraint.check([stack([other])], context))).toEqual([]);
  });
});
