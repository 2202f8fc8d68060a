import { customResources } from "../../contracts/custom-resources";
import { helmReleases } from "../../contracts/helm-releases";
import { formatFinding } from "../../contracts/contract";
import { resourcesOfType } from "../../contracts/synthesized";
import { synthEstate } from "../helpers/estate";

describe("the estate's releases and custom resources meet their upstream contracts", () => {
  const { stacks } = synthEstate();
  const input = { stacks: Object.entries(stacks).map(([id, json]) => ({ id, json })), workflows: [] };

  test("the estate has releases and custom resources to check", () => {
    expect(resourcesOfType(input.stacks, "helm_release").length).toBeGreaterThan(0);
    expect(resourcesOfType(input.stacks, "kubernetes_manifest").length).toBeGreaterThan(0);
  });

  test.each([helmReleases, customResources])("$id finds nothing", (check) => {
    expect(check.check(input).map(formatFinding)).toEqual([]);
  });
});
