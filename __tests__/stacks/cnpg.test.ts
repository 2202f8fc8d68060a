import { CnpgStack } from "../../stacks/cnpg";
import { onlyResource, synthApp } from "../helpers/synth";
import { readProvenance } from "../../contracts/stored";

test("cnpg: the CloudNativePG operator chart, pinned, tier 0, no finding", () => {
  const { stacks, report } = synthApp((app) => new CnpgStack(app));
  const release = onlyResource(stacks.cnpg, "helm_release");
  // pinned to the version whose values and templates the stored chart contract holds (the snapshot has the number)
  expect([release.chart, release.version, release.namespace]).toEqual(["cloudnative-pg", readProvenance("helm-chart-cloudnative-pg").version, expect.stringMatching(/kubernetes_namespace_v1/)]);
  expect(stacks.cnpg.terraform.backend.local).toBeDefined();
  expect(report.findings.filter((f) => f.stackId === "cnpg")).toEqual([]);
});
