// @ts-nocheck
import { ResourceRule } from "../rule";

/** An exact chart version: semver, optionally v-prefixed, with pre-release/build metadata. No ranges. */
export const EXACT_CHART_VERSION = /^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/;

/** Without a pinned version, helm installs whatever the repository serves that day. */
export const k8sHelmChartPinned: ResourceRule = {
  id: "HL-K8S-5",
  scope: "resource",
  level: "error",
  description: "every helm_release pins an exact chart version (no range, no latest)",
  fix: "set version to an exact release such as 3.1.4 (HelmChart requires one)",
  check(resource) {
    if (resource.type !== "helm_release") return "not-applicable";
    const version = resource.attributes.version;
    if (typeof version !== "string" || version === "") return ["helm_release has no chart version, so it installs the latest; allowed: an exact version such as 3.1.4"];
    return EXACT_CHART_VERSION.test(version)
      ? []
      : [`helm_release chart version ${JSON.stringify(version)} is not exact; allowed: an exact version such as 3.1.4`];
  },
};
