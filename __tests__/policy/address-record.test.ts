import { PersistentVolumeClaimV1 } from "@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1";
import { Construct } from "constructs";
import { HomelabApp } from "../../constructs";
import { declareMove, declareRemoval } from "../../constructs/declare-move";
import { AddressRecord } from "../../policy/address-record";
import { providerOf } from "../helpers/rules";
import { checkApp, synthApp, testStack } from "../helpers/synth";

describe("HL-STATE-3 in a small estate", () => {
  const claim = (s: Construct, id: string) =>
    new PersistentVolumeClaimV1(s, id, {
      provider: providerOf(s, "kubernetes"),
      metadata: { name: "data", namespace: "apps" },
      spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
    });
  const recorded: AddressRecord = {
    test: { "kubernetes_persistent_volume_claim_v1.Data": { kind: "kubernetes_persistent_volume_claim_v1", identity: "apps/data", path: "test/Data" } },
  };
  const errors = (build: (app: HomelabApp) => void) =>
    checkApp(build, { addresses: recorded })
      .findings.filter((f) => f.ruleId === "HL-STATE-3")
      .map((f) => `${f.path}: ${f.message}`);

  test("an address still there passes; no record means no check", () => {
    expect(errors((app) => claim(testStack(app), "Data"))).toEqual([]);
    expect(checkApp((app) => claim(testStack(app), "Renamed")).findings.filter((f) => f.ruleId === "HL-STATE-3")).toEqual([]);
  });

  test("a vanished address with nothing of the same identity still tells how to move or remove it", () => {
    const [finding] = errors((app) => testStack(app));
    expect(finding).toMatch(/^test\/Data: kubernetes_persistent_volume_claim_v1\.Data \(test\/Data, "apps\/data"\) is recorded in state\/addresses\.json but no longer synthesized: /);
    expect(finding).toContain('declareRemoval(<stack>, "kubernetes_persistent_volume_claim_v1.Data", { reason })');
  });

  test("a declared removal that keeps the data passes and writes a removed block that does not destroy", () => {
    const result = synthApp(
      (app) => declareRemoval(testStack(app), "kubernetes_persistent_volume_claim_v1.Data", { reason: "moved to the new backup cluster by hand" }),
      { addresses: recorded },
    );
    expect(result.stacks.test.removed).toEqual([{ from: "kubernetes_persistent_volume_claim_v1.Data", lifecycle: { destroy: false } }]);
  });

  test("a removal needs a reason, and an address", () => {
    expect(() => synthApp((app) => declareRemoval(testStack(app), "kubernetes_persistent_volume_claim_v1.Data", { reason: "  gone    " }))).toThrow(
      /test: declareRemoval\(kubernetes_persistent_volume_claim_v1\.Data\): reason "  gone    " is too short; say why in 10\+ characters/,
    );
    expect(() => synthApp((app) => declareRemoval(testStack(app), "Data", { reason: "a good long reason" }))).toThrow(/"Data" is not a resource address/);
  });

  test("a move must name one resource of that type under the construct", () => {
    expect(() => synthApp((app) => declareMove(testStack(app), "kubernetes_persistent_volume_claim_v1.Data"))).toThrow(
      /test: declareMove from kubernetes_persistent_volume_claim_v1\.Data needs exactly one kubernetes_persistent_volume_claim_v1 under this construct, found 0/,
    );
  });

  test("a stack that left the estate while holding data fails", () => {
    const [finding] = errors((app) => testStack(app, { id: "other" }));
    expect(finding).toMatch(/^test: stack test is no longer in the estate, but it holds kubernetes_persistent_volume_claim_v1\.Data \(test\/Data, "apps\/data"\); nothing will manage or protect it/);
  });
});
