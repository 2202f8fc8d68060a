import { k8sIngressTls } from "../../policy/rules/k8s-ingress-tls";
import { k8sIngressUptime } from "../../policy/rules/k8s-ingress-uptime";
import { context, res } from "./k8s-rules.fixtures";

const ingress = (annotations: Record<string, string>, spec: Record<string, unknown>) =>
  res("kubernetes_ingress_v1", { metadata: { name: "x", annotations }, spec });
const hostRule = { rule: [{ host: "x.example.org" }] };

describe("HL-K8S-9: TLS for every host", () => {
  test("compliant", () => {
    expect(k8sIngressTls.check(ingress({}, { ...hostRule, tls: [{ hosts: ["x.example.org"] }] }), context)).toEqual([]);
  });
  test("non-compliant: a host without TLS, and a rule without a host", () => {
    expect(k8sIngressTls.check(ingress({}, { rule: [{ host: "x.example.org" }, {}] }), context)).toEqual([
      "ingress host x.example.org has no TLS entry; allowed: every rule host listed in spec.tls",
      "ingress has a rule without a host, which answers for every host; allowed: a host on every rule",
    ]);
  });
  test("not applicable to other resources", () => {
    expect(k8sIngressTls.check(res("kubernetes_service_v1", {}), context)).toBe("not-applicable");
  });
});

describe("HL-K8S-10: DNS-published ingresses are monitored", () => {
  const key = context.inventory.kubernetes.uptimeMonitorAnnotation;
  const dns = { "external-dns.alpha.kubernetes.io/hostname": "x.example.org" };
  test("compliant", () => {
    expect(k8sIngressUptime.check(ingress({ ...dns, [key]: "true" }, hostRule), context)).toEqual([]);
  });
  test("non-compliant: published but not monitored", () => {
    expect(k8sIngressUptime.check(ingress(dns, hostRule), context)).toEqual([
      `ingress publishes x.example.org in DNS but has ${key} = null; allowed: "true"`,
    ]);
  });
  test("not applicable: not published in DNS, or not an ingress", () => {
    expect(k8sIngressUptime.check(ingress({}, hostRule), context)).toBe("not-applicable");
    expect(k8sIngressUptime.check(res("kubernetes_service_v1", { metadata: { name: "x", annotations: dns } }), context)).toBe("not-applicable");
  });
  test("the legacy kubernetes_ingress is judged like kubernetes_ingress_v1", () => {
    const legacy = { ...ingress(dns, hostRule), type: "kubernetes_ingress" };
    expect(k8sIngressUptime.check(legacy, context)).toEqual([`ingress publishes x.example.org in DNS but has ${key} = null; allowed: "true"`]);
    expect(k8sIngressTls.check(legacy, context)).toEqual(["ingress host x.example.org has no TLS entry; allowed: every rule host listed in spec.tls"]);
  });
});
