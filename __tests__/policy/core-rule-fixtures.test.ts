import { AddressRecord } from "../../policy/address-record";
import { SynthResource, SynthStack } from "../../policy/rule";
import { jobNoAllowFs } from "../../policy/rules/job-no-allow-fs";
import { jobTypedJson } from "../../policy/rules/job-typed-json";
import { stackHasTier } from "../../policy/rules/stack-has-tier";
import { stateAddressStable } from "../../policy/rules/state-address-stable";
import { context, res } from "./k8s-rules.fixtures";
import { group, job, jobResource } from "./nomad-rules.fixtures";

const apiJob = jobResource(job([group()]));
const jobWith = (attributes: Record<string, unknown>) => res("nomad_job", { ...apiJob.attributes, ...attributes });

describe("HL-JOB-1 nomad_job is typed JSON", () => {
  test("compliant: json = true and a Nomad API job, wrapped in {Job} or bare", () => {
    expect(jobTypedJson.check(apiJob, context)).toEqual([]);
    expect(jobTypedJson.check(jobWith({ jobspec: JSON.stringify({ ID: "web", TaskGroups: [] }) }), context)).toEqual([]);
  });
  test("non-compliant: json not true, each jobspec that is not an API job, with what is wrong", () => {
    const json = "nomad_job does not set json = true, so its jobspec is HCL the rules cannot read";
    expect(jobTypedJson.check(jobWith({ json: undefined }), context)).toEqual([json]);
    expect(jobTypedJson.check(jobWith({ json: "true" }), context)).toEqual([json]);
    expect(jobTypedJson.check(jobWith({ jobspec: undefined }), context)).toEqual(["nomad_job has no jobspec string"]);
    expect(jobTypedJson.check(jobWith({ jobspec: 'job "web" {}' }), context)).toEqual(["nomad_job has a jobspec that is not JSON (HCL or a template string)"]);
    for (const spec of ["[]", "null", '"web"', '{"Job": 5}']) {
      expect([spec, jobTypedJson.check(jobWith({ jobspec: spec }), context)]).toEqual([spec, ["nomad_job has a jobspec that is not a JSON object"]]);
    }
    for (const spec of [{ ID: "web" }, { TaskGroups: [] }, { ID: 5, TaskGroups: [] }, { ID: "web", TaskGroups: {} }]) {
      expect(jobTypedJson.check(jobWith({ jobspec: JSON.stringify({ Job: spec }) }), context)).toEqual(["nomad_job has a jobspec that is not a Nomad API job (needs ID and TaskGroups)"]);
    }
  });
  test("not applicable: other resources", () => {
    expect(jobTypedJson.check(res("nomad_csi_volume", { json: false }), context)).toBe("not-applicable");
  });
});

describe("HL-JOB-2 nomad_job never sets hcl2.allow_fs", () => {
  const message = ["nomad_job sets hcl2.allow_fs = true"];
  test("non-compliant: allow_fs = true, as a block object or a one-element list", () => {
    expect(jobNoAllowFs.check(jobWith({ hcl2: { allow_fs: true } }), context)).toEqual(message);
    expect(jobNoAllowFs.check(jobWith({ hcl2: [{ allow_fs: true }] }), context)).toEqual(message);
  });
  test("compliant: no hcl2 block, allow_fs false or unset", () => {
    expect(jobNoAllowFs.check(apiJob, context)).toEqual([]);
    expect(jobNoAllowFs.check(jobWith({ hcl2: { allow_fs: false } }), context)).toEqual([]);
    expect(jobNoAllowFs.check(jobWith({ hcl2: [{ vars: { a: "b" } }] }), context)).toEqual([]);
  });
  test("not applicable: other resources; never acknowledgeable", () => {
    expect(jobNoAllowFs.check(res("terraform_data", { hcl2: { allow_fs: true } }), context)).toBe("not-applicable");
    expect(jobNoAllowFs.acknowledgeable).toBe(false);
  });
});

describe("HL-STATE-2 every stack has a tier", () => {
  const stack = (id: string, tier?: 0 | 1): SynthStack => ({ id, tier, resources: [] });
  test("a stack without a tier is refused, on the stack itself; tiers 0 and 1 pass", () => {
    expect(stackHasTier.check([stack("ours", 1), stack("plain"), stack("bootstrap", 0), stack("other")], context)).toEqual([
      { stackId: "plain", path: "plain", message: "stack plain is a plain TerraformStack: no tier, so its state would land in a local file at an absolute path of the synth machine" },
      { stackId: "other", path: "other", message: "stack other is a plain TerraformStack: no tier, so its state would land in a local file at an absolute path of the synth machine" },
    ]);
    expect(stackHasTier.acknowledgeable).toBe(false);
  });
});

describe("HL-STATE-3 addresses of data never vanish unannounced", () => {
  const claim = (logicalId: string, name = "data"): SynthResource => ({
    type: "kubernetes_persistent_volume_claim_v1",
    logicalId,
    stackId: "app",
    path: `app/${logicalId}/Resource`,
    attributes: { metadata: { name, namespace: "apps" } },
  });
  const recorded: AddressRecord = {
    app: { "kubernetes_persistent_volume_claim_v1.Data": { kind: "kubernetes_persistent_volume_claim_v1", identity: "apps/data", path: "app/Data/Resource" } },
  };
  const check = (stacks: SynthStack[]) =>
    stateAddressStable.check(stacks, { ...context, addresses: recorded }).map((p) => `${p.stackId} ${p.path}: ${p.message}`);
  const app = (resources: SynthResource[], extra: Partial<SynthStack> = {}): SynthStack => ({ id: "app", tier: 1, resources, ...extra });
  const ADVICE =
    'to stop managing it and keep the data, declareRemoval(<stack>, "kubernetes_persistent_volume_claim_v1.Data", { reason }); ' +
    'to delete the data, declareRemoval(<stack>, "kubernetes_persistent_volume_claim_v1.Data", { reason, destroy: true })';

  test("compliant: the address is still there; no record means nothing to compare", () => {
    expect(check([app([claim("Data")])])).toEqual([]);
    expect(stateAddressStable.check([app([])], context)).toEqual([]);
  });

  test("a resource gone under a new address of the same identity: both addresses, and the declareMove that keeps it", () => {
    expect(check([app([claim("Renamed_1A2B3C4D")])])).toEqual([
      'app app/Data/Resource: kubernetes_persistent_volume_claim_v1.Data (app/Data/Resource, "apps/data") is recorded in state/addresses.json but no longer synthesized: ' +
        "it reappears as kubernetes_persistent_volume_claim_v1.Renamed_1A2B3C4D (app/Renamed_1A2B3C4D/Resource): Terraform would destroy the old and create the new, empty. " +
        'If the construct was renamed, declare the move next to it: declareMove(<the construct at app/Renamed_1A2B3C4D>, "kubernetes_persistent_volume_claim_v1.Data"); ' +
        ADVICE,
    ]);
  });

  test("the construct to declare the move on is the successor's path without its last /Resource only", () => {
    const successor = { ...claim("Renamed_1A2B3C4D"), path: "app/Resources/Renamed/Resource" };
    expect(check([app([successor])])).toEqual([
      'app app/Data/Resource: kubernetes_persistent_volume_claim_v1.Data (app/Data/Resource, "apps/data") is recorded in state/addresses.json but no longer synthesized: ' +
        "it reappears as kubernetes_persistent_volume_claim_v1.Renamed_1A2B3C4D (app/Resources/Renamed/Resource): Terraform would destroy the old and create the new, empty. " +
        'If the construct was renamed, declare the move next to it: declareMove(<the construct at app/Resources/Renamed>, "kubernetes_persistent_volume_claim_v1.Data"); ' +
        ADVICE,
    ]);
  });

  test("a resource gone with no successor: the declareMove and declareRemoval that would explain it", () => {
    expect(check([app([claim("Other", "other")])])).toEqual([
      'app app/Data/Resource: kubernetes_persistent_volume_claim_v1.Data (app/Data/Resource, "apps/data") is recorded in state/addresses.json but no longer synthesized: ' +
        'If its construct was renamed, declare the move next to the new one: declareMove(<construct>, "kubernetes_persistent_volume_claim_v1.Data"); ' +
        ADVICE,
    ]);
  });

  test("compliant: a declared move, a removal that keeps the data, and one that deletes it on purpose", () => {
    expect(check([app([claim("New")], { moved: [{ from: "kubernetes_persistent_volume_claim_v1.Data", to: "kubernetes_persistent_volume_claim_v1.New" }] })])).toEqual([]);
    expect(check([app([], { removed: [{ from: "kubernetes_persistent_volume_claim_v1.Data", destroy: false }] })])).toEqual([]);
    expect(check([app([], { removed: [{ from: "kubernetes_persistent_volume_claim_v1.Data", destroy: true }] })])).toEqual([]);
  });

  test("a stack that left the estate while holding data, on the stack", () => {
    expect(check([{ id: "other", tier: 1, resources: [] }])).toEqual([
      'app app: stack app is no longer in the estate, but it holds kubernetes_persistent_volume_claim_v1.Data (app/Data/Resource, "apps/data"); nothing will manage or protect it. ' +
        "Keep the stack until its data is moved or deliberately deleted, then drop its entries from state/addresses.json in a reviewed change",
    ]);
    expect(stateAddressStable.acknowledgeable).toBe(false);
  });
});
