// @ts-nocheck
import { ResourceRule } from "../rule";
import { first } from "./k8s-support";

const INGRESS_TYPES = ["kubernetes_ingress", "kubernetes_ingress_v1"];
const EXTERNAL_DNS_HOSTNAME = "external-dns.alpha.kubernetes.io/hostname";

/** A host published in DNS is watched by the external uptime monitor. */
export const k8sIngressUptime: ResourceRule = {
  id: "HL-K8S-10",
  scope: "resource",
  level: "error",
  description: "every ingress published by external-dns carries the uptime-monitor annotation (inventory kubernetes.uptimeMonitorAnnotation = \"true\")",
  fix: "build the ingress with IngressFactory: dns proxied or non-proxied adds the annotation",
  check(resource, { inventory }) {
    if (!INGRESS_TYPES.includes(resource.type)) return "not-applicable";
    const annotations = (first(resource.attributes.metadata)?.annotations ?? {}) as Record<string, string>;
    if (annotations[EXTERNAL_DNS_HOSTNAME] === undefined) return "not-applicable";
    const key = inventory.kubernetes.uptimeMonitorAnnotation;
    return annotations[key] === "true"
      ? []
      : [`ingress publishes ${annotations[EXTERNAL_DNS_HOSTNAME]} in DNS but has ${key} = ${JSON.stringify(annotations[key] ?? null)}; allowed: "true"`];
  },
};
