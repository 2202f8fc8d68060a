import { IngressV1 } from "@cdktf/provider-kubernetes/lib/ingress-v1";
import { CsiVolume } from "@cdktf/provider-nomad/lib/csi-volume";
import { Job } from "@cdktf/provider-nomad/lib/job";
import { TerraformStack } from "cdktf";
import { HomelabApp } from "../../constructs";
import { EstateError } from "../../constructs/homelab-app";
import { checkApp, resourcesOf, synthApp, testStack } from "../helpers/synth";

/** Resources made with raw provider classes in a plain stack, bypassing every construct. */
function rawStack(app: HomelabApp): void {
  const plain = new TerraformStack(app, "plain");
  new CsiVolume(plain, "RawVolume", {
    volumeId: "glusterfs_raw_data",
    name: "glusterfs_raw_data",
    pluginId: "glusterfs",
    capability: [{ accessMode: "single-node-writer", attachmentMode: "file-system" }],
    lifecycle: { preventDestroy: false },
  });
  // Said nothing about prevent_destroy: synth protects it.
  new CsiVolume(plain, "QuietVolume", {
    volumeId: "glusterfs_quiet_data",
    name: "glusterfs_quiet_data",
    pluginId: "glusterfs",
    capability: [{ accessMode: "single-node-writer", attachmentMode: "file-system" }],
  });
  new Job(plain, "RawJob", {
    json: true,
    jobspec: JSON.stringify({
      Job: { ID: "raw", TaskGroups: [{ Name: "web", Tasks: [{ Name: "web", Driver: "docker", Config: { image: "nginx:latest" } }] }] },
    }),
  });
  new IngressV1(plain, "RawIngress", {
    metadata: { name: "raw" },
    spec: { rule: [{ host: "raw.example.org" }] },
  });
}

test("raw provider resources in a plain TerraformStack are each flagged by construct path", () => {
  const report = checkApp(rawStack);
  const byRule = (id: string) => report.findings.filter((f) => f.ruleId === id).map((f) => f.path);
  expect(byRule("HL-STATE-1")).toEqual(["plain/RawVolume"]);
  expect(byRule("HL-IMAGE-1")).toEqual(["plain/RawJob"]);
  expect(byRule("HL-INGRESS-1")).toEqual(["plain/RawIngress"]);
  expect(byRule("HL-STATE-2")).toEqual(["plain"]);
});

test("synth fails with one message naming all three construct paths", () => {
  let error: unknown;
  try {
    synthApp(rawStack);
  } catch (err) {
    error = err;
  }
  expect(error).toBeInstanceOf(EstateError);
  const message = (error as Error).message;
  for (const path of ["plain/RawVolume", "plain/RawJob", "plain/RawIngress"]) expect(message).toContain(path);
  expect(message).toMatch(/\[HL-IMAGE-1\] plain\/RawJob: group web, task web: image "nginx:latest" uses the latest tag; fix: /);
  // cdktf's own complaint (no provider in the plain stack) is listed alongside, not instead.
  expect(message).toMatch(/\[HL-SYNTH\] plain: .*provider/);
});

describe("synth without the house rules' judgement (judge: false, what affected and diff compare)", () => {
  /** A stack cdktf accepts and the rules refuse: a job whose image uses the latest tag. */
  const latestImage = (app: HomelabApp) => {
    const stack = testStack(app, { cluster: "nomad-main" });
    new Job(stack, "RawJob", {
      provider: stack.provider("nomad"),
      json: true,
      jobspec: JSON.stringify({ Job: { ID: "raw", TaskGroups: [{ Name: "web", Tasks: [{ Name: "web", Driver: "docker", Config: { image: "nginx:latest" } }] }] } }),
    });
  };

  test("what the rules refuse is synthesized as it would be, unjudged", () => {
    expect(() => synthApp(latestImage)).toThrow(/\[HL-IMAGE-1\] test\/RawJob/);
    const { stacks, report } = synthApp(latestImage, { judge: false });
    expect(Object.keys(resourcesOf(stacks.test, "nomad_job"))).toHaveLength(1);
    expect(report.findings).toEqual([]);
  });

  test("cdktf's own refusal stays: a stack without a provider is still refused, and nothing else is said", () => {
    expect(checkApp(rawStack, { judge: false }).findings.map((f) => f.ruleId)).toEqual(["HL-SYNTH"]);
  });
});
