import { BlogStack } from "../../stacks/blog";
import { onlyResource, resourcesOf, synthApp } from "../helpers/synth";

describe("blog stack", () => {
  const { stacks, report } = synthApp((app) => new BlogStack(app));
  const blog = stacks.blog;
  const ingresses = Object.values(resourcesOf(blog, "kubernetes_ingress_v1")) as any[];
  const main = ingresses.find((i) => i.metadata.name === "blog");
  const carve = ingresses.find((i) => i.metadata.name === "blog-carve-out");

  test("no rule finding", () => {
    expect(report.findings.filter((f) => f.stackId === "blog")).toEqual([]);
  });

  test("auth none with a reason, proxied DNS with the uptime monitor", () => {
    expect(main.metadata.annotations).toMatchObject({
      "homelab.auth/mode": "none",
      "external-dns.alpha.kubernetes.io/cloudflare-proxied": "true",
      "uptime.example.org/monitor": "true",
    });
    expect(main.metadata.annotations["homelab.auth/reason"].length).toBeGreaterThanOrEqual(10);
  });

  test("Anubis module in front, carve-out to the bare Service", () => {
    const modules = Object.values(blog.module) as any[];
    expect(modules).toHaveLength(1);
    expect(main.spec.rule[0].http.path[0].backend.service.name).toMatch(/^\$\{module\.Ingress_Anubis_Module_\w+\.service_name\}$/);
    expect(carve.spec.rule[0].http.path).toEqual([
      expect.objectContaining({ path: "/net-diag.sh", path_type: "Prefix", backend: { service: { name: expect.stringMatching(/kubernetes_service_v1\.Site_Service/), port: { number: 80 } } } }),
    ]);
  });

  test("stateless: RollingUpdate with two replicas", () => {
    const d = onlyResource(blog, "kubernetes_deployment_v1");
    expect(d.spec.strategy.type).toBe("RollingUpdate");
    expect(d.spec.replicas).toBe("2");
  });
});
