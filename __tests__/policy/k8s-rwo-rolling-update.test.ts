import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { EncryptedPvc } from "../../constructs/encrypted-pvc";
import { HomelabStack } from "../../constructs/homelab-stack";
import { Namespace } from "../../constructs/namespace";
import { k8sRwoRollingUpdate } from "../../policy/rules/k8s-rwo-rolling-update";
import { checkApp, testStack } from "../helpers/synth";
import { SynthResource } from "../../policy/rule";
import { claim, context, deployment, goodContainer, res, stackOf } from "./k8s-rules.fixtures";

const mounting = (claimName: string, strategy?: string) =>
  deployment({ container: [goodContainer], volume: [{ name: "data", persistent_volume_claim: { claim_name: claimName } }] }, strategy);

describe("HL-K8S-1: RWO claims need Recreate", () => {
  test("compliant: Recreate", () => {
    expect(k8sRwoRollingUpdate.check([stackOf([claim("db-encrypted"), mounting("db-encrypted", "Recreate")])], context)).toEqual([]);
  });

  test("non-compliant: RollingUpdate (also when the strategy is left to the default)", () => {
    for (const strategy of ["RollingUpdate", undefined]) {
      const problems = k8sRwoRollingUpdate.check([stackOf([claim("db-encrypted"), mounting("db-encrypted", strategy)])], context);
      expect(problems).toEqual([
        { stackId: "s", path: "s/App/Deployment", message: "deployment mounts ReadWriteOnce claim db-encrypted with strategy RollingUpdate; allowed: Recreate" },
      ]);
    }
  });

  test("non-compliant: a hand-made Deployment that references an EncryptedPvc", () => {
    const report = checkApp(
      (app) => {
        const s = testStack(app);
        const data = new EncryptedPvc(s, "Data", { namespace: new Namespace(s, "Ns", { name: "x" }), app: "x", name: "x-encrypted", backup: { none: "test fixture, no data" } });
        new DeploymentV1(s, "Raw", {
          provider: HomelabStack.of(s).provider("kubernetes"),
          metadata: { name: "raw", namespace: "x" },
          spec: {
            strategy: { type: "RollingUpdate" },
            template: { metadata: {}, spec: { container: [goodContainer], volume: [{ name: "d", persistentVolumeClaim: { claimName: data.claimName } }] } },
          },
        });
      },
      { rules: [k8sRwoRollingUpdate] },
    );
    expect(report.findings.map((f) => [f.path, f.message])).toEqual([
      ["test/Raw", "deployment mounts ReadWriteOnce claim x-encrypted with strategy RollingUpdate; allowed: Recreate"],
    ]);
  });

  test("not applicable: RWX claims and Deployments without claims", () => {
    const rwx = claim("media", { spec: { access_modes: ["ReadWriteMany"], storage_class_name: "nfs-static" } });
    expect(k8sRwoRollingUpdate.check([stackOf([rwx, mounting("media", "RollingUpdate"), deployment({ container: [goodContainer] })])], context)).toEqual([]);
  });
});

describe("HL-K8S-1: which claims attach to one node, and which workloads it judges", () => {
  const check = (...resources: SynthResource[]) => k8sRwoRollingUpdate.check([stackOf(resources)], context).map((p) => p.message);
  const withModes = (name: string, access_modes: string[]) => claim(name, { spec: { access_modes, storage_class_name: "proxmox-lvm-encrypted" } }, `s/${name}`);
  const mountingAll = (...claimNames: string[]) =>
    deployment({ container: [goodContainer], volume: [{ name: "tmp", empty_dir: {} }, ...claimNames.map((c, i) => ({ name: `v${i}`, persistent_volume_claim: { claim_name: c } }))] }, "RollingUpdate");

  test("ReadWriteOncePod attaches to one node too, and one single-attach mode among others is enough; every such claim is named", () => {
    expect(check(withModes("a", ["ReadWriteOncePod"]), withModes("b", ["ReadWriteOnce", "ReadOnlyMany"]), mountingAll("a", "b"))).toEqual([
      "deployment mounts ReadWriteOnce claim a, b with strategy RollingUpdate; allowed: Recreate",
    ]);
  });

  test("only claims count: a persistent volume with the same name is not one", () => {
    const pv = res("kubernetes_persistent_volume_v1", { metadata: { name: "vol", namespace: "ns" }, spec: { access_modes: ["ReadWriteOnce"] } });
    expect(check(pv, mountingAll("vol"))).toEqual([]);
  });

  test("only Deployments: a StatefulSet rolling over an RWO claim is not this rule's", () => {
    const set = res("kubernetes_stateful_set_v1", {
      metadata: { name: "db", namespace: "ns" },
      spec: { update_strategy: { type: "RollingUpdate" }, template: { spec: { container: [goodContainer], volume: [{ name: "d", persistent_volume_claim: { claim_name: "a" } }] } } },
    });
    expect(check(withModes("a", ["ReadWriteOnce"]), set)).toEqual([]);
  });
});
