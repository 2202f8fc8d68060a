// @ts-nocheck
import { BLOG_SECRETS, BlogStack } from "../../stacks/blog";
import { VaultStack } from "../../stacks/vault";
import { onlyResource, resourcesOf, synthApp, testInventory } from "../helpers/synth";

describe("blog stack", () => {
  const { stacks, report } = synthApp((app) => {
    const vault = new VaultStack(app, { services: [BLOG_SECRETS] });
    new BlogStack(app, { secrets: vault.secretsFor("blog") });
  });
  const blog = stacks.blog;
  const ingresses = Object.values(resourcesOf(blog, "kubernetes_ingress_v1")) as any[];
  const main = ingresses.find((i) => i.metadata.name === "blog");
  const carve = ingresses.find((i) => i.metadata.name === "blog-carve-out");
  const anubis = Object.values(blog.module) as any[];
  const middlewaresOf = (ingress: any): string[] => ingress.metadata.annotations["traefik.ingress.kubernetes.io/router.middlewares"].split(",");

  test("no rule finding", () => {
    expect(report.findings.filter((f) => f.stackId === "blog")).toEqual([]);
  });

  test("auth none with a reason, proxied DNS with the uptime monitor", () => {
    expect(main.metadata.annotations).toMatchObject({
      "homelab.auth/mode": "none",
      "external-dns.alpha.kubernetes.io/cloudflare-proxied": "true",
      "uptime.example.org/external-monitor": "true",
    });
    expect(main.metadata.annotations["homelab.auth/reason"].length).toBeGreaterThanOrEqual(10);
  });

  test("Anubis module in front, carve-out to the bare Service", () => {
    expect(anubis).toHaveLength(1);
    expect(main.spec.rule[0].http.path[0].backend.service.name).toMatch(/^\$\{module\.Ingress_Anubis_Module_\w+\.service_name\}$/);
    expect(carve.spec.rule[0].http.path).toEqual([
      expect.objectContaining({ path: "/net-diag.sh", path_type: "Prefix", backend: { service: { name: expect.stringMatching(/kubernetes_service_v1\.Site_Service/), port: { number: 80 } } } }),
    ]);
  });

  test("no anti-AI middleware behind Anubis; the carve-out past it keeps it", () => {
    const { antiAiScraping } = testInventory.kubernetes.traefik.middlewares;
    expect(middlewaresOf(main)).not.toContain(antiAiScraping);
    expect(middlewaresOf(carve)).toContain(antiAiScraping);
  });

  test("Anubis signs with the shared key from Vault, its cookie on the parent domain for 30 days", () => {
    expect(anubis[0]).toMatchObject({ cookie_domain: "example.org", cookie_expiration: "720h" });
    const secret = onlyResource(blog, "kubernetes_manifest").manifest;
    expect(secret).toMatchObject({ kind: "ExternalSecret", metadata: { name: anubis[0].signing_key_secret, namespace: expect.stringMatching(/kubernetes_namespace_v1\.Namespace_/) } });
    expect(secret.spec.data).toEqual([{ secretKey: "ED25519_PRIVATE_KEY_HEX", remoteRef: { key: "anubis", property: "anubis_ed25519_key" } }]);
  });

  test("stateless: RollingUpdate with two replicas", () => {
    const d = onlyResource(blog, "kubernetes_deployment_v1");
    expect(d.spec.strategy.type).toBe("RollingUpdate");
    expect(d.spec.replicas).toBe("2");
  });
});
