import { Construct } from "constructs";
import { ANUBIS_SIGNING_KEY } from "../constructs/anubis";
import { AppDeployment } from "../constructs/app-deployment";
import { HomelabStack } from "../constructs/homelab-stack";
import { IngressFactory } from "../constructs/ingress-factory";
import { KUBERNETES_IMAGES } from "../constructs/kubernetes-images";
import { Namespace } from "../constructs/namespace";
import { ServiceSecrets, ServiceSecretsDeclaration } from "../constructs/service-secrets";

/** The blog's static-site image (nginx serving the built site). */
export const BLOG_IMAGE = KUBERNETES_IMAGES.blog.ref;

/** What the blog reads from Vault: Anubis's shared signing key. */
export const BLOG_SECRETS = {
  service: "blog",
  reads: [ANUBIS_SIGNING_KEY.path],
  runsOn: "kubernetes",
  namespace: "blog",
} as const satisfies ServiceSecretsDeclaration;

export interface BlogStackProps {
  /** The blog's declared secrets and their policy (vault stack). */
  readonly secrets: ServiceSecrets;
}

/**
 * The public blog: a stateless static site behind Anubis, with no login. /net-diag.sh is
 * fetched by `curl | sh`, which cannot solve a challenge, so it skips Anubis.
 */
export class BlogStack extends HomelabStack {
  constructor(scope: Construct, props: BlogStackProps) {
    super(scope, "blog", { tier: 1, cluster: "kubernetes", description: "Public blog behind Anubis" });
    const namespace = new Namespace(this, "Namespace", { name: BLOG_SECRETS.namespace });
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
      metrics: { none: "nginx serving static files has no Prometheus endpoint; Traefik's router metrics and the uptime monitors watch it" },
    });
    new IngressFactory(this, "Ingress", {
      name: "blog",
      backend: site.backend,
      dns: "proxied",
      auth: { mode: "none", reason: "public blog for anyone to read; Anubis keeps scrapers off instead of a login" },
      anubis: { secrets: props.secrets },
      carveOut: { paths: ["/net-diag.sh"] },
    });
  }
}
