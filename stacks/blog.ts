import { Construct } from "constructs";
import { AppDeployment } from "../constructs/app-deployment";
import { HomelabStack } from "../constructs/homelab-stack";
import { IngressFactory } from "../constructs/ingress-factory";
import { Namespace } from "../constructs/namespace";

/** The blog's static-site image (nginx serving the built site). */
export const BLOG_IMAGE = "ghcr.io/example-org/blog:2025.11.2";

/**
 * The public blog: a stateless static site behind Anubis, with no login. /net-diag.sh is
 * fetched by `curl | sh`, which cannot solve a challenge, so it skips Anubis.
 */
export class BlogStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "blog", { tier: 1, cluster: "kubernetes", description: "Public blog behind Anubis" });
    const namespace = new Namespace(this, "Namespace", { name: "blog" });
    const site = new AppDeployment(this, "Site", {
      namespace,
      name: "blog",
      replicas: 2,
      containers: [
        {
          name: "blog",
          image: BLOG_IMAGE,
          cpuMillis: 20,
          memoryMiB: 64,
          ports: { http: 8080 },
          livenessProbe: { path: "/", port: 8080 },
          readinessProbe: { path: "/", port: 8080 },
        },
      ],
      service: { port: 80, targetPort: "http" },
    });
    new IngressFactory(this, "Ingress", {
      name: "blog",
      backend: site.backend,
      dns: "proxied",
      auth: { mode: "none", reason: "public blog for anyone to read; Anubis keeps scrapers off instead of a login" },
      anubis: true,
      carveOut: { paths: ["/net-diag.sh"] },
    });
  }
}
