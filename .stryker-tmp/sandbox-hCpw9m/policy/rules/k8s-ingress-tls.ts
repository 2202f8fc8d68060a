// @ts-nocheck
import { ResourceRule } from "../rule";
import { asList, first } from "./k8s-support";

const INGRESS_TYPES = ["kubernetes_ingress", "kubernetes_ingress_v1"];

/** Every host an ingress answers for is served over TLS. */
export const k8sIngressTls: ResourceRule = {
  id: "HL-K8S-9",
  scope: "resource",
  level: "error",
  description: "every host of an ingress is listed in its spec.tls",
  fix: "build the ingress with IngressFactory, which adds TLS for its host",
  check(resource) {
    if (!INGRESS_TYPES.includes(resource.type)) return "not-applicable";
    const spec = first(resource.attributes.spec) ?? {};
    const tlsHosts = new Set(asList(spec.tls).flatMap((t) => (Array.isArray(t.hosts) ? t.hosts : [])));
    const hosts = asList(spec.rule).map((r) => r.host as unknown);
    const problems = hosts
      .filter((h) => typeof h === "string" && !tlsHosts.has(h))
      .map((h) => `ingress host ${h} has no TLS entry; allowed: every rule host listed in spec.tls`);
    if (hosts.some((h) => h === undefined)) problems.push("ingress has a rule without a host, which answers for every host; allowed: a host on every rule");
    return problems;
  },
};
