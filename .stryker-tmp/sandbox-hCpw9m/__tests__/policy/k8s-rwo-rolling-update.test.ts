// @ts-nocheck
import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { EncryptedPvc } from "../../constructs/encrypted-pvc";
import { HomelabStack } from "../../constructs/homelab-stack";
import { Namespace } from "../../constructs/namespace";
import { k8sRwoRollingUpdate } from "../../policy/rules/k8s-rwo-rolling-update";
import { checkApp, testStack } from "../helpers/synth";
import { claim, context, deployment, goodContainer, stackOf } from "./k8s-rules.fixtures";

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
