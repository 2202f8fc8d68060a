// @ts-nocheck
import { KYVERNO_DNS_CONFIG_PATHS } from "../../constructs/kyverno-dns-config-aspect";
import { ResourceRule } from "../rule";

/**
 * Kyverno injects dns_config into every pod; a workload that does not ignore it shows a
 * diff on every plan. The KyvernoDnsConfigAspect adds it everywhere; this rule catches
 * what escapes it (an override that replaces lifecycle, a stack the aspect does not reach).
 */
export const k8sKyvernoDnsConfig: ResourceRule = {
  id: "HL-K8S-6",
  scope: "resource",
  level: "error",
  description: "every Deployment, StatefulSet, DaemonSet, Job and CronJob ignores changes to the dns_config Kyverno injects",
  fix: "let the KyvernoDnsConfigAspect (added to every stack by HomelabApp) set it; do not override lifecycle.ignore_changes by hand",
  check(resource) {
    const path = KYVERNO_DNS_CONFIG_PATHS[resource.type];
    if (!path) return "not-applicable";
    const ignored = (resource.attributes.lifecycle as { ignore_changes?: unknown } | undefined)?.ignore_changes;
    if (ignored === "all" || (Array.isArray(ignored) && ignored.includes(path))) return [];
    return [`${resource.type} does not ignore ${path} in lifecycle.ignore_changes; Kyverno's injection would show as drift on every plan`];
  },
};
