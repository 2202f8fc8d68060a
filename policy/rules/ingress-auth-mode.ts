import { ResourceRule } from "../rule";
import { first } from "./k8s-support";

/** Annotation recording how an ingress is authenticated. */
export const AUTH_MODE_ANNOTATION = "homelab.auth/mode";
/** Annotation recording why an ingress is not behind Authentik forward-auth. */
export const AUTH_REASON_ANNOTATION = "homelab.auth/reason";
export const MIDDLEWARES_ANNOTATION = "traefik.ingress.kubernetes.io/router.middlewares";
export const AUTH_MODES = ["required", "app", "public", "none"] as const;
export const MIN_AUTH_REASON_LENGTH = 10;

export const ingressAuthMode: ResourceRule = {
  id: "HL-INGRESS-1",
  scope: "resource",
  level: "error",
  description:
    "every ingress records its auth mode (homelab.auth/mode); required carries Authentik forward-auth, the other modes a reason of 10+ characters",
  fix: "build ingresses with IngressFactory: auth defaults to required; app, public and none need a reason",
  check(resource, { inventory }) {
    if (resource.type !== "kubernetes_ingress_v1" && resource.type !== "kubernetes_ingress") return "not-applicable";
    // A block is an object or a one-element list in Terraform's JSON.
    const annotations = (first(resource.attributes.metadata)?.annotations ?? {}) as Record<string, string>;
    const mode = annotations[AUTH_MODE_ANNOTATION];
    if (!AUTH_MODES.includes(mode as (typeof AUTH_MODES)[number])) {
      return [
        `ingress has ${AUTH_MODE_ANNOTATION} = ${JSON.stringify(mode ?? null)}; allowed: ${AUTH_MODES.join(", ")}`,
      ];
    }
    const middlewares = (annotations[MIDDLEWARES_ANNOTATION] ?? "").split(",").map((m) => m.trim());
    const { authentikForwardAuth, authentikPublicForwardAuth } = inventory.kubernetes.traefik.middlewares;
    if (mode === "required") {
      return middlewares.includes(authentikForwardAuth)
        ? []
        : [`auth mode required, but ${MIDDLEWARES_ANNOTATION} lacks ${authentikForwardAuth}: the ingress is not gated`];
    }
    const problems: string[] = [];
    const reason = annotations[AUTH_REASON_ANNOTATION] ?? "";
    if (reason.trim().length < MIN_AUTH_REASON_LENGTH) {
      problems.push(
        `auth mode ${mode} needs ${AUTH_REASON_ANNOTATION} of ${MIN_AUTH_REASON_LENGTH}+ characters saying why; got ${JSON.stringify(reason)}`,
      );
    }
    if (mode === "public" && !middlewares.includes(authentikPublicForwardAuth)) {
      problems.push(`auth mode public, but ${MIDDLEWARES_ANNOTATION} lacks the public outpost's ${authentikPublicForwardAuth}`);
    }
    return problems;
  },
};
