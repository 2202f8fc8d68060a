// @ts-nocheck
import { CnpgStack } from "../../stacks/cnpg";
import { onlyResource, synthApp } from "../helpers/synth";

test("cnpg: the CloudNativePG operator chart, pinned, tier 0, no finding", () => {
  const { stacks, report } = synthApp((app) => new CnpgStack(app));
  const release = onlyResource(stacks.cnpg, "helm_release");
  expect([release.chart, release.version, release.namespace]).toEqual(["cloudnative-pg", "0.26.1", expect.stringMatching(/kubernetes_namespace_v1/)]);
  expect(stacks.cnpg.terraform.backend.local).toBeDefined();
  expect(report.findings.filter((f) => f.stackId === "cnpg")).toEqual([]);
});
