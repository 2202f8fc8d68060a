import { TerraformVariable } from "cdktf";
import { Construct } from "constructs";
import { GlusterCsiVolume } from "../../constructs/gluster-csi-volume";
import { NomadJob } from "../../constructs/nomad-job";
import { NomadNamespace } from "../../constructs/nomad-namespace";
import { connectService } from "../../jobspecs/connect";
import { seconds } from "../../jobspecs/duration";
import { Job, Task } from "../../jobspecs/model";
import { onlyResource, resourcesOf, synthApp, synthWith, testStack, NO_BACKUP } from "../helpers/synth";

const nomad = { cluster: "nomad-main" as const };

const task = (name: string, extra: Partial<Task> = {}): Task => ({
  Name: name,
  Driver: "docker",
  Config: { image: "docker.io/library/nginx:1.29.4-alpine" },
  Resources: { CPU: 100, MemoryMB: 64 },
  ...extra,
});

const web = (extra: Partial<Job> = {}): Job => ({
  ID: "web",
  Type: "service",
  Datacenters: ["dc1"],
  Constraints: [{ LTarget: "${attr.cpu.arch}", Operand: "=", RTarget: "arm64" }],
  TaskGroups: [{ Name: "web", Tasks: [task("app", { KillTimeout: seconds(30) })] }],
  ...extra,
});

describe("NomadJob renders the job once, as typed JSON", () => {
  const { stacks, files } = synthApp((app) => {
    const s = testStack(app, nomad);
    new NomadJob(s, "Web", { job: web() });
  });
  const resource = onlyResource(stacks.test, "nomad_job");

  test("json = true, purge_on_destroy explicit (false), detach = false, deregistered on destroy", () => {
    expect(resource).toMatchObject({ json: true, purge_on_destroy: false, detach: false, deregister_on_destroy: true });
    expect(resource.hcl2).toBeUndefined();
  });

  test("the jobspec is the Nomad API job wrapped in Job, durations in nanoseconds", () => {
    const job = JSON.parse(resource.jobspec.replace(/\$\$\{/g, "${")).Job;
    expect(job.ID).toBe("web");
    expect(job.TaskGroups[0].Tasks[0].KillTimeout).toBe(30_000_000_000);
  });

  test("Nomad interpolations are escaped from Terraform as $${…}", () => {
    expect(resource.jobspec).toContain('"LTarget":"$${attr.cpu.arch}"');
  });

  test("the same job is written pretty-printed to jobs/<id>.json for nomad job plan -json", () => {
    const file = files.test["jobs/web.json"];
    expect(file).toContain('\n  "Job": {\n');
    expect(JSON.parse(file)).toEqual(JSON.parse(resource.jobspec.replace(/\$\$\{/g, "${")));
    expect(JSON.parse(file).Job.Constraints[0].LTarget).toBe("${attr.cpu.arch}");
  });
});

test("purgeOnDestroy and detach can be chosen", () => {
  const stack = synthWith((s) => new NomadJob(s, "Web", { job: web(), purgeOnDestroy: true, detach: true }), nomad);
  expect(onlyResource(stack, "nomad_job")).toMatchObject({ purge_on_destroy: true, detach: true });
});

test("a job in a namespace carries it and depends on it", () => {
  const stack = synthWith((s) => {
    const ns = new NomadNamespace(s, "Ns", { name: "bitcoin" });
    new NomadJob(s, "Web", { job: web(), namespace: ns });
  }, { cluster: "nomad-bitcoin" });
  const job = onlyResource(stack, "nomad_job");
  expect(JSON.parse(job.jobspec).Job.Namespace).toBe("bitcoin");
  expect(job.depends_on).toEqual([`nomad_namespace.${Object.keys(resourcesOf(stack, "nomad_namespace"))[0]}`]);
});

test("edits after construction (mounts) are in the rendered job: it renders at synth", () => {
  const stack = synthWith((s) => {
    const job = new NomadJob(s, "Web", { job: web() });
    job.group("web").mount(new GlusterCsiVolume(s, "Data", { criticality: "medium", backup: NO_BACKUP, service: "web", type: "data" }), { destination: "/data" });
  }, nomad);
  expect(JSON.parse(onlyResource(stack, "nomad_job").jobspec).Job.TaskGroups[0].Volumes).toHaveProperty("glusterfs_web_data");
});

describe("bad jobs fail at construction with the path and the value", () => {
  const build = (job: Job, more?: (s: Construct) => void) => () =>
    synthWith((s) => {
      more?.(s);
      new NomadJob(s, "Web", { job });
    }, nomad);

  test("fails if the job ID is not lowercase", () => {
    expect(build(web({ ID: "Web_1" }))).toThrow(/test\/Web: job ID "Web_1" must be lowercase letters, digits and -/);
  });

  test("fails if the job has no datacenter", () => {
    expect(build(web({ Datacenters: [] }))).toThrow(/Datacenters must name at least one datacenter/);
  });

  test("fails if two groups share a name", () => {
    const group = web().TaskGroups[0];
    expect(build(web({ TaskGroups: [group, group] }))).toThrow(/group name "web" is used twice/);
  });

  test("fails if two jobs of a stack share an ID", () => {
    expect(build(web(), (s) => new NomadJob(s, "First", { job: web() }))).toThrow(/job ID "web" is already used by test\/First/);
  });

  test("fails if a Connect sidecar has less than 256 MiB", () => {
    const service = connectService({ name: "web", port: 80 });
    const starved = { ...service, Connect: { ...service.Connect, SidecarTask: { Resources: { MemoryMB: 128, MemoryMaxMB: 512 } } } };
    expect(build(web({ TaskGroups: [{ Name: "web", Services: [starved], Tasks: [task("app")] }] }))).toThrow(
      /test\/Web: group web service web: sidecar memory 128 MiB is below 256 MiB/,
    );
  });

  test("fails if a CSI node plugin job is not a privileged system job", () => {
    const plugin = task("plugin", { CSIPluginConfig: { ID: "glusterfs", Type: "node", MountDir: "/csi" } });
    expect(build(web({ TaskGroups: [{ Name: "nodes", Tasks: [plugin] }] }))).toThrow(
      /task plugin is a CSI node plugin: its job must be type "system" \(is "service"\) and the task privileged \(is false\)/,
    );
  });

  test("fails if asked for a group that does not exist, listing the groups", () => {
    expect(() => synthWith((s) => new NomadJob(s, "Web", { job: web() }).group("api"), nomad)).toThrow(/test\/Web: job web has no group "api"; groups: web/);
  });
});

describe("a Terraform reference inside a job", () => {
  test("resolves as a reference while Nomad's own interpolations stay escaped", () => {
    const { stacks } = synthApp((app) => {
      const s = testStack(app, nomad);
      const peer = new TerraformVariable(s, "peer", { type: "string" });
      new NomadJob(s, "Web", { job: web({ Meta: { peer: peer.stringValue } }) });
    });
    const jobspec: string = onlyResource(stacks.test, "nomad_job").jobspec;
    expect(jobspec).toContain('"Meta":{"peer":"${var.peer}"}');
    expect(jobspec).toContain('"LTarget":"$${attr.cpu.arch}"');
  });
});
