import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { deployOrder } from "../../constructs/stack-graph";
import { affectedStacks, changedStacks, consumedOutputs, inDeployOrder, readSynth, removedInDestroyOrder, removedStacks, StackFiles, statefulChanges } from "../../scripts/lib/affected-core";

const files = (entries: Record<string, string>): StackFiles => new Map(Object.entries(entries));
const synth = (stacks: Record<string, Record<string, string>>) => new Map(Object.entries(stacks).map(([id, f]) => [id, files(f)]));

//  platform (0) ◄── vault (0) ◄── vaultwarden (1)      matrix (1) ◄── bridge (1)      minio (1)
const graph = deployOrder([
  { id: "platform", tier: 0, dependencies: [] },
  { id: "vault", tier: 0, dependencies: ["platform"] },
  { id: "vaultwarden", tier: 1, dependencies: ["vault"] },
  { id: "matrix", tier: 1, dependencies: [] },
  { id: "bridge", tier: 1, dependencies: ["matrix"] },
  { id: "minio", tier: 1, dependencies: [] },
]);

describe("which stacks changed", () => {
  const before = synth({ matrix: { "cdk.tf.json": "{a}", "jobs/synapse.json": "{image: v1}" }, minio: { "cdk.tf.json": "{m}" }, old: { "cdk.tf.json": "{}" } });

  test("a stack whose job file changed is changed, even with the same cdk.tf.json", () => {
    const after = synth({ matrix: { "cdk.tf.json": "{a}", "jobs/synapse.json": "{image: v2}" }, minio: { "cdk.tf.json": "{m}" } });
    expect([...changedStacks(before, after)]).toEqual(["matrix"]);
  });

  test("a new stack is changed; a removed one is reported apart", () => {
    const after = synth({ matrix: { "cdk.tf.json": "{a}", "jobs/synapse.json": "{image: v1}" }, minio: { "cdk.tf.json": "{m}" }, fresh: { "cdk.tf.json": "{}" } });
    expect([...changedStacks(before, after)]).toEqual(["fresh"]);
    expect(removedStacks(before, after)).toEqual(["old"]);
  });

  test("a file removed beside a stack's JSON is a change", () => {
    const after = synth({ matrix: { "cdk.tf.json": "{a}" }, minio: { "cdk.tf.json": "{m}" } });
    expect([...changedStacks(before, after)]).toEqual(["matrix"]);
  });

  test("stacks removed from the code are listed sorted", () => {
    expect(removedStacks(synth({ zeta: {}, alpha: {}, matrix: {} }), synth({ matrix: {} }))).toEqual(["alpha", "zeta"]);
  });

  test("a file added beside a stack's JSON is a change", () => {
    const after = synth({ matrix: { "cdk.tf.json": "{a}", "jobs/synapse.json": "{image: v1}", "jobs/extra.json": "{}" }, minio: { "cdk.tf.json": "{m}" } });
    expect([...changedStacks(before, after)]).toEqual(["matrix"]);
  });
});

describe("affected stacks in deploy order", () => {
  test("stacks in deploy order; nothing affected, nothing listed", () => {
    // deploy order: platform, vault, matrix, bridge, minio, vaultwarden
    expect(inDeployOrder(graph, new Set(["vaultwarden", "matrix"])).map((s) => s.id)).toEqual(["matrix", "vaultwarden"]);
    expect(inDeployOrder(graph, new Set())).toEqual([]);
  });

  test("in deploy order whatever order the stacks are listed in", () => {
    const listed = [...graph].reverse();
    expect(inDeployOrder(listed, new Set(["vaultwarden", "platform", "bridge"])).map((s) => s.id)).toEqual(["platform", "bridge", "vaultwarden"]);
  });

  test("stacks removed from the code are destroyed in the reverse of the deploy order", () => {
    expect(removedInDestroyOrder(graph, ["vault", "vaultwarden", "platform"])).toEqual(["vaultwarden", "vault", "platform"]);
  });
});

describe("affected precisely: a dependent is affected only by what it reads", () => {
  // vault produces a policy name and a mount path; vaultwarden reads the policy name; bridge only follows vault (order, no data).
  const vault = (rotationDays: number, policyName = "service-vaultwarden") =>
    JSON.stringify({
      resource: {
        vault_policy: { Policy_1: { "//": { metadata: { path: "vault/Policy" } }, name: policyName } },
        vault_database_secret_backend_static_role: { Role_2: { rotation_period: rotationDays * 86400 } },
      },
      output: { "cross-stack-output-policy": { value: "${vault_policy.Policy_1.name}" } },
    });
  const vaultwarden = JSON.stringify({
    data: { terraform_remote_state: { "cross-stack-reference-input-vault": { backend: "local", config: { path: "../../../state/vault.tfstate" } } } },
    resource: { kubernetes_manifest: { Es: { manifest: { policy: "${data.terraform_remote_state.cross-stack-reference-input-vault.outputs.cross-stack-output-policy}" } } } },
  });
  const estate = (vaultJson: string) => synth({ vault: { "cdk.tf.json": vaultJson }, vaultwarden: { "cdk.tf.json": vaultwarden }, bridge: { "cdk.tf.json": "{}" } });
  /** A stack reading `outputs` of `producer` (through a pg remote state) into one resource. */
  const readerOf = (producer: string, ...outputs: string[]) =>
    JSON.stringify({
      data: { terraform_remote_state: { up: { backend: "pg", config: { schema_name: producer } } } },
      resource: { terraform_data: { Use: { input: outputs.map((o) => `\${data.terraform_remote_state.up.outputs.${o}}`).join("/") } } },
    });

  test("a rotation-period change affects the vault stack alone: no stack reads that resource", () => {
    expect([...affectedStacks(estate(vault(7)), estate(vault(30)))]).toEqual(["vault"]);
  });

  test("a change to a resource an output reads affects the stacks reading that output", () => {
    expect([...affectedStacks(estate(vault(7)), estate(vault(7, "service-vw")))].sort()).toEqual(["vault", "vaultwarden"]);
  });

  test("the reader of a producer affected only through its own inputs is affected too (values may change)", () => {
    const middle = (path: string) =>
      JSON.stringify({
        data: { terraform_remote_state: { in: { backend: "pg", config: { schema_name: "vault" } } } },
        resource: { terraform_data: { Copy: { input: "${data.terraform_remote_state.in.outputs.cross-stack-output-policy}" } } },
        output: { copied: { value: "${terraform_data.Copy.output}" }, [path]: { value: "x" } },
      });
    const last = readerOf("middle", "copied");
    const withMiddle = (v: string) => synth({ vault: { "cdk.tf.json": v }, middle: { "cdk.tf.json": middle("p") }, last: { "cdk.tf.json": last } });
    expect([...affectedStacks(withMiddle(vault(7)), withMiddle(vault(7, "renamed")))].sort()).toEqual(["last", "middle", "vault"]);
    // Listed reader first: the chain is followed whatever order the stacks come in.
    const lastFirst = (v: string) => synth({ last: { "cdk.tf.json": last }, middle: { "cdk.tf.json": middle("p") }, vault: { "cdk.tf.json": v } });
    expect([...affectedStacks(lastFirst(vault(7)), lastFirst(vault(7, "renamed")))].sort()).toEqual(["last", "middle", "vault"]);
  });

  test("a reader of a stack nothing changed is not affected by a change elsewhere", () => {
    const reader = readerOf("bridge", "x");
    const withReader = (v: string) => synth({ vault: { "cdk.tf.json": v }, bridge: { "cdk.tf.json": JSON.stringify({ output: { x: { value: "1" } } }) }, reader: { "cdk.tf.json": reader } });
    expect([...affectedStacks(withReader(vault(7)), withReader(vault(7, "service-vw")))]).toEqual(["vault"]);
  });

  test("a reader of several outputs is affected when one of them changes", () => {
    const twoOutputs = (policyName: string) =>
      JSON.stringify({ ...JSON.parse(vault(7, policyName)), output: { "cross-stack-output-policy": { value: "${vault_policy.Policy_1.name}" }, "cross-stack-output-fixed": { value: "kv" } } });
    const readsBoth = readerOf("vault", "cross-stack-output-fixed", "cross-stack-output-policy");
    const withBoth = (v: string) => synth({ vault: { "cdk.tf.json": v }, both: { "cdk.tf.json": readsBoth } });
    expect([...affectedStacks(withBoth(twoOutputs("a")), withBoth(twoOutputs("b")))].sort()).toEqual(["both", "vault"]);
  });

  test("a producer that had no outputs at the base, or has none now, affects its readers instead of failing", () => {
    // An unchanged reader of an output its producer lacked (a broken base) or no longer has: its plan differs, or fails.
    const reader = readerOf("vault", "cross-stack-output-policy");
    const withReader = (v: string) => synth({ vault: { "cdk.tf.json": v }, reader: { "cdk.tf.json": reader } });
    const noOutputs = JSON.stringify({ resource: JSON.parse(vault(7)).resource });
    expect([...affectedStacks(withReader(noOutputs), withReader(vault(7)))].sort()).toEqual(["reader", "vault"]);
    expect([...affectedStacks(withReader(vault(7)), withReader(noOutputs))].sort()).toEqual(["reader", "vault"]);
  });

  test("a new producer's readers are affected", () => {
    const before = synth({ vaultwarden: { "cdk.tf.json": vaultwarden } });
    expect([...affectedStacks(before, estate(vault(7)))].sort()).toEqual(["bridge", "vault", "vaultwarden"]);
  });

  test("a change to cdktf's metadata alone on a resource an output reads affects no reader", () => {
    const renamedPath = vault(7).replace('"path":"vault/Policy"', '"path":"vault/Policies/Policy"');
    expect([...affectedStacks(estate(vault(7)), estate(renamedPath))]).toEqual(["vault"]);
  });

  test("a change to a data source an output reads affects the stacks reading that output", () => {
    const policy = (path: string, otherPath = "secret/data/x/*") =>
      JSON.stringify({
        data: { vault_policy_document: { Doc: { rule: [{ path, capabilities: ["read"] }] }, Other: { rule: [{ path: otherPath, capabilities: ["read"] }] } } },
        output: { "cross-stack-output-policy": { value: "${data.vault_policy_document.Doc.hcl}" } },
      });
    expect([...affectedStacks(estate(policy("secret/data/a/*")), estate(policy("secret/data/b/*")))].sort()).toEqual(["vault", "vaultwarden"]);
    // another data source changed: the output does not read it
    expect([...affectedStacks(estate(policy("secret/data/a/*")), estate(policy("secret/data/a/*", "secret/data/y/*")))]).toEqual(["vault"]);
  });

  test("an output passing on another stack's affected output affects its readers, even when its own stack changed too", () => {
    // vault -> middle (re-exports vault's policy and changes a resource of its own) -> last
    const middle = (tag: string) =>
      JSON.stringify({
        data: { terraform_remote_state: { in: { backend: "pg", config: { schema_name: "vault" } } } },
        resource: { terraform_data: { Own: { input: tag } } },
        output: { passed: { value: "${data.terraform_remote_state.in.outputs.cross-stack-output-policy}" } },
      });
    const last = readerOf("middle", "passed");
    const estate3 = (v: string, tag: string) => synth({ vault: { "cdk.tf.json": v }, middle: { "cdk.tf.json": middle(tag) }, last: { "cdk.tf.json": last } });
    expect([...affectedStacks(estate3(vault(7), "a"), estate3(vault(7, "renamed"), "b"))].sort()).toEqual(["last", "middle", "vault"]);
    // middle changed alone: what it passes on is the same
    expect([...affectedStacks(estate3(vault(7), "a"), estate3(vault(7), "b"))]).toEqual(["middle"]);
  });

  test("an output passing on a remote state whose producer cannot be told affects its readers whenever its own stack changed", () => {
    // middle re-exports an output of a state it reads through a backend that names no stack (no schema_name, no *.tfstate path)
    const middle = (tag: string) =>
      JSON.stringify({
        data: { terraform_remote_state: { in: { backend: "http", config: { address: "https://state.example.org/vault" } } } },
        resource: { terraform_data: { Own: { input: tag } } },
        output: { passed: { value: "${data.terraform_remote_state.in.outputs.cross-stack-output-policy}" } },
      });
    const last = readerOf("middle", "passed");
    const estate2 = (tag: string) => synth({ middle: { "cdk.tf.json": middle(tag) }, last: { "cdk.tf.json": last } });
    expect([...affectedStacks(estate2("a"), estate2("b"))].sort()).toEqual(["last", "middle"]);
  });

  test("an output whose expression changed affects its readers, even when what it reads did not change", () => {
    const byId = vault(7).replace("${vault_policy.Policy_1.name}", "${vault_policy.Policy_1.id}");
    expect([...affectedStacks(estate(vault(7)), estate(byId))].sort()).toEqual(["vault", "vaultwarden"]);
  });

  test("an output reading no resource or data source (a local) is unchanged when only other parts of its stack change", () => {
    const withLocal = (days: number) => vault(days).replace("${vault_policy.Policy_1.name}", "${local.policy_name}");
    expect([...affectedStacks(estate(withLocal(7)), estate(withLocal(30)))]).toEqual(["vault"]);
  });

  test("a reader of an output its producer does not declare is not affected by the producer's other changes", () => {
    const reader = vaultwarden.replace("outputs.cross-stack-output-policy", "outputs.never-declared");
    const estateOf = (vaultJson: string) => synth({ vault: { "cdk.tf.json": vaultJson }, vaultwarden: { "cdk.tf.json": reader } });
    expect([...affectedStacks(estateOf(vault(7)), estateOf(vault(7, "renamed")))]).toEqual(["vault"]);
  });

  test("a reader of a stack with no Terraform JSON left (only other files) is affected", () => {
    const before = synth({ vault: { "cdk.tf.json": vault(7) }, vaultwarden: { "cdk.tf.json": vaultwarden } });
    const after = synth({ vault: { "notes.txt": "moved" }, vaultwarden: { "cdk.tf.json": vaultwarden } });
    expect([...affectedStacks(before, after)].sort()).toEqual(["vault", "vaultwarden"]);
  });

  test("what a stack reads: producer by its backend's schema or state path, and the outputs named", () => {
    expect(consumedOutputs(JSON.parse(vaultwarden))).toEqual(new Map([["vault", new Set(["cross-stack-output-policy"])]]));
    const json = {
      data: {
        terraform_remote_state: {
          a: { backend: "local", config: { path: "platform.tfstate" } },
          b: { backend: "pg", config: { schema_name: "matrix" } },
          c: { backend: "local" },
          d: { backend: "local", config: { path: "../../../state/vault.tfstate.backup" } },
        },
      },
      resource: {
        x: {
          y: {
            one: "${data.terraform_remote_state.a.outputs.first}",
            two: "${data.terraform_remote_state.a.outputs.second} and ${data.terraform_remote_state.b.outputs.third}",
            none: "${data.terraform_remote_state.c.outputs.lost} ${data.terraform_remote_state.d.outputs.lost} ${data.terraform_remote_state.undeclared.outputs.lost}",
            notAReference: "mydata.terraform_remote_state.b.outputs.fourth",
          },
        },
      },
    };
    expect(consumedOutputs(json)).toEqual(
      new Map([
        ["platform", new Set(["first", "second"])],
        ["matrix", new Set(["third"])],
      ]),
    );
  });
});

describe("reading a synth output", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "homelab-ops-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("reads every file of every stack, nested ones too, and skips Terraform's working files", () => {
    mkdirSync(join(dir, "stacks", "matrix", "jobs"), { recursive: true });
    mkdirSync(join(dir, "stacks", "matrix", ".terraform", "providers"), { recursive: true });
    writeFileSync(join(dir, "stacks", "matrix", "cdk.tf.json"), "{}");
    writeFileSync(join(dir, "stacks", "matrix", "jobs", "synapse.json"), "{job}");
    writeFileSync(join(dir, "stacks", "matrix", ".terraform", "providers", "x"), "bin");
    writeFileSync(join(dir, "stacks", "matrix", ".terraform.lock.hcl"), "lock");
    expect(readSynth(dir)).toEqual(new Map([["matrix", new Map([["cdk.tf.json", "{}"], ["jobs/synapse.json", "{job}"]])]]));
  });

  test("an output with no stacks directory has no stacks", () => {
    expect(readSynth(join(dir, "missing")).size).toBe(0);
  });
});

describe("resources that hold data between two synths", () => {
  const volume = (id: string, volumeId: string) => ({ [id]: { "//": { metadata: { path: `matrix/${id}/Resource` } }, volume_id: volumeId } });
  const stackJson = (volumes: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
    JSON.stringify({ resource: { nomad_csi_volume: volumes, nomad_job: { Job: { json: true } } }, ...extra });
  const before = synth({ matrix: { "cdk.tf.json": stackJson({ ...volume("Config_1", "glusterfs_matrix_synapse_config"), ...volume("Media_2", "glusterfs_matrix_synapse_media") }) } });

  test("nothing moved: nothing to say; a stack without Terraform JSON is skipped", () => {
    expect(statefulChanges(before, before)).toEqual([]);
    const withNotes = new Map([...before, ["notes", files({ "README.md": "no stack here" })]]);
    expect(statefulChanges(withNotes, withNotes)).toEqual([]);
  });

  test("a renamed volume without a declared move destroys data, loudly, naming where it reappears", () => {
    const after = synth({ matrix: { "cdk.tf.json": stackJson({ ...volume("ConfigVolume_3", "glusterfs_matrix_synapse_config"), ...volume("Media_2", "glusterfs_matrix_synapse_media") }) } });
    expect(statefulChanges(before, after)).toEqual([
      'DESTROYS DATA: matrix/nomad_csi_volume.Config_1 (nomad_csi_volume "glusterfs_matrix_synapse_config"): no longer synthesized, no move or removal declared; it reappears as nomad_csi_volume.ConfigVolume_3: declare the move',
    ]);
  });

  test("a declared move is reported as a move; a removal keeping data as forgotten; a declared destroy loudly and first", () => {
    const after = synth({
      matrix: {
        "cdk.tf.json": stackJson(volume("ConfigVolume_3", "glusterfs_matrix_synapse_config"), {
          moved: [{ from: "nomad_csi_volume.Config_1", to: "nomad_csi_volume.ConfigVolume_3" }],
          removed: [{ from: "nomad_csi_volume.Media_2", lifecycle: { destroy: true } }],
        }),
      },
    });
    expect(statefulChanges(before, after)).toEqual([
      'DESTROYS DATA: matrix/nomad_csi_volume.Media_2 (nomad_csi_volume "glusterfs_matrix_synapse_media"): removal declared with destroy: true',
      'moved: matrix/nomad_csi_volume.Config_1 (nomad_csi_volume "glusterfs_matrix_synapse_config") -> nomad_csi_volume.ConfigVolume_3',
    ]);
    const kept = synth({ matrix: { "cdk.tf.json": stackJson(volume("Config_1", "glusterfs_matrix_synapse_config"), { removed: [{ from: "nomad_csi_volume.Media_2", lifecycle: { destroy: false } }] }) } });
    expect(statefulChanges(before, kept)).toEqual(['forgotten, data kept: matrix/nomad_csi_volume.Media_2 (nomad_csi_volume "glusterfs_matrix_synapse_media")']);
  });

  test("orphans come before moves, whatever order the stacks are in: losing management is louder than keeping data", () => {
    const alpha = (id: string, extra: Record<string, unknown> = {}) =>
      JSON.stringify({ resource: { nomad_csi_volume: { [id]: { "//": { metadata: { path: `alpha/${id}/Resource` } }, volume_id: "glusterfs_alpha_data" } } }, ...extra });
    const was = new Map([["alpha", files({ "cdk.tf.json": alpha("Data_1") })], ...before]);
    const now = synth({ alpha: { "cdk.tf.json": alpha("Data_2", { moved: [{ from: "nomad_csi_volume.Data_1", to: "nomad_csi_volume.Data_2" }] }) } });
    expect(statefulChanges(was, now)).toEqual([
      'ORPHANED: matrix/nomad_csi_volume.Config_1 (nomad_csi_volume "glusterfs_matrix_synapse_config"): its stack is no longer synthesized; the resource stays in that stack\'s state, unmanaged and unprotected',
      'ORPHANED: matrix/nomad_csi_volume.Media_2 (nomad_csi_volume "glusterfs_matrix_synapse_media"): its stack is no longer synthesized; the resource stays in that stack\'s state, unmanaged and unprotected',
      'moved: alpha/nomad_csi_volume.Data_1 (nomad_csi_volume "glusterfs_alpha_data") -> nomad_csi_volume.Data_2',
    ]);
  });

  test("a stack that is no longer synthesized leaves its data orphaned", () => {
    expect(statefulChanges(before, synth({}))).toEqual([
      'ORPHANED: matrix/nomad_csi_volume.Config_1 (nomad_csi_volume "glusterfs_matrix_synapse_config"): its stack is no longer synthesized; the resource stays in that stack\'s state, unmanaged and unprotected',
      'ORPHANED: matrix/nomad_csi_volume.Media_2 (nomad_csi_volume "glusterfs_matrix_synapse_media"): its stack is no longer synthesized; the resource stays in that stack\'s state, unmanaged and unprotected',
    ]);
  });
});
