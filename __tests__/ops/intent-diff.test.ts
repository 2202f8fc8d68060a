import { DataResource } from "cdktf";
import { HomelabApp } from "../../constructs";
import { adopt } from "../../constructs/adopt";
import { declareMove, declareRemoval } from "../../constructs/declare-move";
import { GlusterCsiVolume } from "../../constructs/gluster-csi-volume";
import { IngressFactory } from "../../constructs/ingress-factory";
import { Namespace } from "../../constructs/namespace";
import { WEEKLY } from "../../jobspecs/backup-plans";
import { diffIntent, intentSummary, MAX_SUMMARY_CHARS, renderIntent } from "../../scripts/lib/intent-diff";
import { AppDeployment } from "../../constructs/app-deployment";
import { Mount } from "@cdktf/provider-vault/lib/mount";
import { Policy } from "@cdktf/provider-vault/lib/policy";
import { providerOf } from "../helpers/rules";
import { testStack } from "../helpers/synth";
import { synthSide } from "../helpers/synth-side";
import { StackIntent } from "../../scripts/lib/intent";

/** A Nomad stack holding one GlusterFS volume under the construct id `id`. */
const volumeStack = (id: string, more: (stack: ReturnType<typeof testStack>, volume: GlusterCsiVolume) => void = () => undefined) => (app: HomelabApp) => {
  const stack = testStack(app, { id: "notes", cluster: "nomad-main" });
  const volume = new GlusterCsiVolume(stack, id, { service: "notes", type: "data", criticality: "high", capacityMin: "1GiB", capacityMax: "5GiB", backup: { plans: [WEEKLY] } });
  more(stack, volume);
};
const NO_RESOURCES = { added: [], imported: [], changed: [], moved: [], forgotten: [], removed: [] };
const before = synthSide(volumeStack("Data"));
const address = Object.keys(JSON.parse(before.files.get("notes")!.get("cdk.tf.json")!).resource.nomad_csi_volume)[0];

describe("volumes and claims: destroys first and loud, moves as moves", () => {
  test("a volume whose construct id is renamed with its move declared shows as moved, not destroyed", () => {
    const after = synthSide(volumeStack("DataVolume", (_, volume) => declareMove(volume, `nomad_csi_volume.${address}`)));
    const summary = intentSummary(before, after);
    expect(summary.dataLoss).toEqual([]);
    const notes = summary.stacks.find((s) => s.id === "notes")!;
    expect(notes.keptData).toEqual([expect.stringMatching(new RegExp(`^moved: notes/nomad_csi_volume\\.${address} \\(nomad_csi_volume "glusterfs_notes_data"\\) -> nomad_csi_volume\\.DataVolume_`))]);
    // the same volume, under a new address: no volume appears or goes
    expect(notes.facts.filter((f) => f.category === "volumes")).toEqual([]);
    const text = renderIntent(summary, "t");
    expect(text).not.toMatch(/DESTROYS DATA|DATA LOSS/);
    expect(text).toMatch(/\*\*Volumes and claims\*\*\n\n- moved: notes\/nomad_csi_volume\./);
    expect(text).toMatch(new RegExp(`Terraform resources: 1 to move \\(nomad_csi_volume\\.${address} → nomad_csi_volume\\.DataVolume_[0-9A-F]+\\)\\.\n$`));
  });

  test("a resource that reads a moved volume is not changed by the move: its reference follows the volume", () => {
    const reader = (stack: ReturnType<typeof testStack>, volume: GlusterCsiVolume) => new DataResource(stack, "Reader", { input: { id: volume.resource.id } });
    const was = synthSide(volumeStack("Data", reader));
    const moved = intentSummary(was, synthSide(volumeStack("DataVolume", (stack, volume) => (reader(stack, volume), declareMove(volume, `nomad_csi_volume.${address}`)))));
    expect(moved.stacks.find((s) => s.id === "notes")!.resources).toEqual({ ...NO_RESOURCES, moved: [expect.stringMatching(/^nomad_csi_volume\.Data_[0-9A-F]+ → nomad_csi_volume\.DataVolume_/)] });
    // Reading something else is a change, and a moved resource whose own configuration changed is one too.
    const elsewhere = intentSummary(
      was,
      synthSide(volumeStack("DataVolume", (stack, volume) => (new DataResource(stack, "Reader", { input: { id: volume.volumeId } }), declareMove(volume, `nomad_csi_volume.${address}`)))),
    );
    expect(elsewhere.stacks.find((s) => s.id === "notes")!.resources.changed).toEqual([expect.stringMatching(/^terraform_data\.Reader/)]);
  });

  test("renamed without a declared move, it is destroyed data, at the top and loud", () => {
    const after = synthSide(volumeStack("DataVolume"));
    const summary = intentSummary(before, after);
    expect(summary.dataLoss).toEqual([expect.stringMatching(/^DESTROYS DATA: notes\/nomad_csi_volume\..*glusterfs_notes_data.*it reappears as nomad_csi_volume\.DataVolume_.*declare the move/)]);
    const text = renderIntent(summary, "t");
    expect(text.indexOf("**DATA LOSS: read this first.**")).toBeLessThan(text.indexOf("### notes"));
  });

  test("removed from the code with nothing declared, it is destroyed data, the line ending there when nothing takes its place", () => {
    const summary = intentSummary(before, synthSide((app) => testStack(app, { id: "notes", cluster: "nomad-main" })));
    expect(summary.dataLoss).toEqual([`DESTROYS DATA: notes/nomad_csi_volume.${address} (nomad_csi_volume "glusterfs_notes_data"): no longer synthesized, no move or removal declared`]);
  });

  test("a removal declared with destroy is data loss; one that keeps the data is not", () => {
    const gone = (destroy: boolean) => (app: HomelabApp) => {
      const stack = testStack(app, { id: "notes", cluster: "nomad-main" });
      declareRemoval(stack, `nomad_csi_volume.${address}`, { reason: "moved to another cluster by hand", destroy });
    };
    expect(intentSummary(before, synthSide(gone(true))).dataLoss).toEqual([expect.stringMatching(/^DESTROYS DATA: .*removal declared with destroy: true/)]);
    const kept = intentSummary(before, synthSide(gone(false)));
    expect(kept.dataLoss).toEqual([]);
    expect(kept.stacks[0].keptData).toEqual([expect.stringMatching(/^forgotten, data kept: notes\/nomad_csi_volume\./)]);
    expect(kept.stacks[0].facts).toContainEqual(expect.objectContaining({ category: "volumes", change: "removed", name: "glusterfs_notes_data" }));
    // The volume leaves the code: its entry in the weekly plan's list goes with it.
    expect(kept.stacks[0].resources).toEqual({
      ...NO_RESOURCES,
      forgotten: [`nomad_csi_volume.${address}`],
      removed: [expect.stringMatching(/^nomad_variable\.BackupListing-volume-glusterfs_notes_data_weekly_/)],
    });
  });

  test("a stack removed from the code is reported for destruction by hand, its data as orphaned, and what goes with it", () => {
    const summary = intentSummary(before, synthSide((app) => testStack(app, { id: "other", cluster: "nomad-main" })));
    expect(summary.removedStacks).toEqual(["notes"]);
    expect(summary.dataLoss).toEqual([expect.stringMatching(/^ORPHANED: notes\/nomad_csi_volume\./)]);
    const notes = summary.stacks.find((s) => s.id === "notes")!;
    expect(notes.status).toBe("removed");
    expect(notes.facts).toContainEqual({ category: "volumes", change: "removed", name: "glusterfs_notes_data", before: "1GiB–5GiB, CSI plugin glusterfs, criticality high" });
    expect(renderIntent(summary, "t")).toMatch(/\*\*STACKS REMOVED from the code:\*\* `notes`\. The pipelines never destroy them/);
  });
});

describe("facts in the operator's terms", () => {
  const web = (auth: "required" | "app", image: string) => (app: HomelabApp) => {
    const stack = testStack(app, { id: "web", cluster: "kubernetes" });
    const namespace = new Namespace(stack, "Ns", { name: "web" });
    const deployment = new AppDeployment(stack, "App", {
      namespace,
      name: "web",
      containers: [{ name: "web", image, cpuMillis: 10, memoryMiB: 32, ports: { http: 80 } }],
      service: { port: 80, targetPort: "http" },
      metrics: { none: "a test fixture without metrics" },
    });
    new IngressFactory(stack, "Ingress", { name: "web", backend: deployment.backend, dns: "non-proxied", auth: auth === "app" ? { mode: "app", reason: "the app has its own login page" } : undefined });
  };
  const was = synthSide(web("required", "docker.io/traefik/whoami:v1.11.0"));

  test("an image bump reads as its version change; an auth change as old → new", () => {
    const text = renderIntent(intentSummary(was, synthSide(web("app", "docker.io/traefik/whoami:v1.12.0"))), "t");
    expect(text).toContain("- changed: `Deployment web, container web`: docker.io/traefik/whoami v1.11.0 → v1.12.0");
    expect(text).toContain("- changed: `web.example.org`: auth required, DNS non-proxied → auth app (the app has its own login page), DNS non-proxied");
    expect(text).toMatch(/Terraform resources: 2 to change \(kubernetes_deployment_v1\.App_Deployment_[0-9A-F]+, kubernetes_ingress_v1\.Ingress_[A-Za-z_]*[0-9A-F]+\)\./);
  });

  test("nothing changed: no stack, and it says so", () => {
    const summary = intentSummary(was, synthSide(web("required", "docker.io/traefik/whoami:v1.11.0")));
    expect(summary.stacks).toEqual([]);
    expect(renderIntent(summary, "t")).toBe("## t\n\nNo stack changes.\n");
  });
});

test("a stack whose files stay the same but which reads a changed output is listed, saying so", () => {
  const estate = (path: string) => (app: HomelabApp) => {
    const vault = testStack(app, { id: "secrets" });
    const kv = new Mount(vault, "Kv", { provider: providerOf(vault, "vault"), path, type: "kv-v2" });
    const reader = testStack(app, { id: "reader" });
    new Policy(reader, "Reads", { provider: providerOf(reader, "vault"), name: "reader", policy: JSON.stringify({ path: { [`${kv.path}/data/app`]: { capabilities: ["read"] } } }) });
  };
  const summary = intentSummary(synthSide(estate("kv")), synthSide(estate("kv2")));
  expect(summary.stacks.map((s) => [s.id, s.status])).toEqual([
    ["secrets", "changed"],
    ["reader", "reads"],
  ]);
  const text = renderIntent(summary, "t");
  expect(text).toContain("### reader (reads a changed output) · kubernetes, tier 1\n\nIts own files are unchanged; it reads outputs of `secrets` that may change, so its plan may differ.");
});

test("a grant handed from a shared stack to the service's own, forgotten there and imported here, reads as a move between them", () => {
  const grant = (stack: ReturnType<typeof testStack>) =>
    new Policy(stack, "Grant", { provider: providerOf(stack, "vault"), name: "service-app", policy: JSON.stringify({ path: { "secret/data/app": { capabilities: ["read"] } } }) });
  const was = synthSide((app) => {
    grant(testStack(app, { id: "shared" }));
    testStack(app, { id: "app" });
  });
  const held = `vault_policy.${Object.keys(JSON.parse(was.files.get("shared")!.get("cdk.tf.json")!).resource.vault_policy)[0]}`;
  const handed = (imported: boolean) =>
    synthSide((app) => {
      const shared = testStack(app, { id: "shared" });
      declareRemoval(shared, held, { reason: "the app's own stack holds its grant now" });
      const policy = grant(testStack(app, { id: "app" }));
      if (imported) adopt(policy, { importId: "service-app" });
    });
  const summary = intentSummary(was, handed(true));
  const of = (id: string) => summary.stacks.find((s) => s.id === id)!;
  expect(of("shared").facts).toEqual([{ category: "grants", change: "moved out", stack: "app", name: "Vault policy service-app: secret/data/app", before: "read" }]);
  expect(of("app").facts).toEqual([{ category: "grants", change: "moved in", stack: "shared", name: "Vault policy service-app: secret/data/app", after: "read" }]);
  expect(of("shared").resources).toEqual({ ...NO_RESOURCES, forgotten: [held] });
  expect(of("app").resources).toEqual({ ...NO_RESOURCES, imported: [expect.stringMatching(/^vault_policy\.Grant_?[0-9A-F]*$/)] });
  const text = renderIntent(summary, "t");
  expect(text).toContain("- moved to `app`: `Vault policy service-app: secret/data/app`: read");
  expect(text).toContain("- moved here from `shared`: `Vault policy service-app: secret/data/app`: read");
  expect(text).toMatch(/Terraform resources: 1 to import, the existing object adopted \(vault_policy\.Grant/);
  // Without the import block the new stack creates the object: an addition, as Terraform plans it.
  expect(intentSummary(was, handed(false)).stacks.find((s) => s.id === "app")!.resources).toEqual({ ...NO_RESOURCES, added: [expect.stringMatching(/^vault_policy\./)] });
});

test("a fact changes, appears or goes; categories stay apart", () => {
  const intent = (routes: Record<string, string>): StackIntent => ({
    volumes: new Map(),
    routes: new Map(Object.entries(routes)),
    grants: new Map(),
    intentions: new Map(),
    images: new Map(),
    backups: new Map(),
    schedules: new Map(),
    stack: new Map(),
  });
  expect(diffIntent(intent({ a: "required", b: "app" }), intent({ a: "none", c: "required" }))).toEqual([
    { category: "routes", change: "changed", name: "a", before: "required", after: "none" },
    { category: "routes", change: "new", name: "c", after: "required" },
    { category: "routes", change: "removed", name: "b", before: "app" },
  ]);
});

test("a summary too long for a pull-request comment is cut at a line, saying how to see the rest", () => {
  const summary = {
    dataLoss: [],
    removedStacks: [],
    stacks: [
      {
        id: "big",
        status: "new" as const,
        facts: Array.from({ length: 3000 }, (_, i) => ({ category: "grants" as const, change: "new" as const, name: `Vault policy p: secret/data/path-${i}`, after: "read" })),
        keptData: [],
        resources: NO_RESOURCES,
        reads: [],
      },
    ],
  };
  const text = renderIntent(summary, "t");
  expect(text.length).toBeLessThanOrEqual(MAX_SUMMARY_CHARS);
  expect(text).toMatch(/\n- new: `Vault policy p: secret\/data\/path-\d+`: read\n\n\(cut at 60000 characters: run `npm run diff -- --since <ref>` for the rest\)\n$/);
});

test("names are code spans and values cannot open HTML or cut a code span", () => {
  const text = renderIntent(
    { dataLoss: [], removedStacks: [], stacks: [{ id: "s", status: "changed", facts: [{ category: "routes", change: "new", name: "a`b", after: "<script> `x`" }], keptData: [], resources: NO_RESOURCES, reads: [] }] },
    "t",
  );
  expect(text).toContain("- new: `a'b`: \\<script> \\`x\\`");
});
