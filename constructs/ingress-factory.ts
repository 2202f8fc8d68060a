import { IngressV1 } from "@cdktf/provider-kubernetes/lib/ingress-v1";
import { Construct } from "constructs";
import {
  AUTH_MODE_ANNOTATION,
  AUTH_REASON_ANNOTATION,
  MIDDLEWARES_ANNOTATION,
  MIN_AUTH_REASON_LENGTH,
} from "../policy/rules/ingress-auth-mode";
import type { Inventory } from "../inventory";
import { Anubis } from "./anubis";
import type { ServiceBackend } from "./app-deployment";
import { HomelabStack } from "./homelab-stack";
import { appLabels, dnsLabelProblem, hostProblem, throwIfProblems } from "./kubernetes-names";
import type { ServiceSecrets } from "./service-secrets";

/**
 * How an ingress is authenticated. `required` (the default) puts Authentik forward-auth on
 * every request; every other mode must say why in a reason of 10+ characters.
 */
export type IngressAuth =
  | { readonly mode: "required" }
  /** app: the app has its own login; public: Authentik's anonymous public outpost (audit, not a gate); none: nothing. */
  | { readonly mode: "app" | "public" | "none"; readonly reason: string };

/** How DNS is published by external-dns: through the CDN, as direct A/AAAA records, or not at all. */
export type IngressDns = "proxied" | "non-proxied" | "none";

/**
 * What speaks to the backend. Only browsers ("web") can solve an Anubis challenge; Git,
 * API, WebDAV/CalDAV clients, webhooks and OAuth callbacks cannot.
 */
export type BackendKind = "web" | "git" | "api" | "webdav" | "caldav" | "webhook" | "oauth-callback";

export interface IngressFactoryProps {
  /** Ingress name (a DNS label), e.g. "blog". */
  readonly name: string;
  /** The Service to route to. */
  readonly backend: ServiceBackend;
  /** How external-dns publishes the host. */
  readonly dns: IngressDns;
  /** @default - "<name>.<inventory public domain>" */
  readonly host?: string;
  /** @default { mode: "required" } (fail closed) */
  readonly auth?: IngressAuth;
  /** @default "web" */
  readonly backendKind?: BackendKind;
  /** @default - on for auth modes app and none, off for required and public and behind Anubis */
  readonly antiAiScraping?: boolean;
  /**
   * Front the backend with an Anubis proof-of-work proxy (one replica), signing with the
   * shared key the service's declared secrets read (ANUBIS_SIGNING_KEY). Only for public
   * content ("web" backends with auth none or public).
   * @default - no Anubis
   */
  readonly anubis?: { readonly secrets: ServiceSecrets };
  /**
   * Paths served by a second ingress straight from the bare backend (no Anubis), e.g. a
   * script fetched with curl, or an admin panel under stricter auth. Each path is a
   * prefix of whole segments. Its auth defaults to the main ingress's.
   * @default - no carve-out
   */
  readonly carveOut?: { readonly paths: readonly string[]; readonly auth?: IngressAuth };
  /** @default - Traefik's default (wildcard) certificate */
  readonly tlsSecretName?: string;
  /**
   * The route serves Authentik itself (its login, an outpost): it redirects to Authentik by
   * design, so the walling-off guard leaves it out.
   * @default false
   */
  readonly partOfAuthentik?: boolean;
}

/** One ingress as routed: its host, path prefixes, auth mode and DNS publication. */
export interface IngressRoute {
  readonly host: string;
  readonly paths: readonly string[];
  readonly auth: IngressAuth["mode"];
  readonly dns: IngressDns;
  /** It serves Authentik itself (see IngressFactoryProps.partOfAuthentik). */
  readonly partOfAuthentik: boolean;
}

export const EXTERNAL_DNS_HOSTNAME = "external-dns.alpha.kubernetes.io/hostname";
export const EXTERNAL_DNS_PROXIED = "external-dns.alpha.kubernetes.io/cloudflare-proxied";
/** Where the record points: the tunnel (CNAME) for proxied hosts, the public addresses (A, AAAA) for the rest. */
export const EXTERNAL_DNS_TARGET = "external-dns.alpha.kubernetes.io/target";

const PATH = /^\/[A-Za-z0-9._~!$&'()*+,;=:@%/-]*$/;

/**
 * The only way this codebase exposes a service: a Traefik ingress whose auth is a typed
 * choice recorded as annotations (homelab.auth/mode, homelab.auth/reason), with the
 * middleware chain, external-dns and uptime annotations, TLS, optional Anubis fronting and
 * path carve-outs derived from that choice.
 */
export class IngressFactory extends Construct {
  readonly host: string;
  readonly auth: IngressAuth;
  /** The Anubis proxy, when the ingress is fronted by one. */
  readonly anubis?: Anubis;
  /** The ingresses made: the main one and the carve-out, if any. */
  readonly routes: IngressRoute[] = [];

  constructor(scope: Construct, id: string, props: IngressFactoryProps) {
    super(scope, id);
    const stack = HomelabStack.of(this);
    const auth: IngressAuth = props.auth ?? { mode: "required" };
    const host = props.host ?? `${props.name}.${stack.inventory.domains.public}`;
    const kind = props.backendKind ?? "web";
    const carveAuth = props.carveOut?.auth ?? auth;
    throwIfProblems(this.node.path, [
      dnsLabelProblem("ingress name", props.name),
      hostProblem(host),
      authProblem("auth", auth),
      props.carveOut?.auth ? authProblem("carveOut.auth", props.carveOut.auth) : undefined,
      (["proxied", "non-proxied", "none"] as const).includes(props.dns)
        ? undefined
        : `dns ${JSON.stringify(props.dns)} is not allowed; allowed: proxied, non-proxied, none`,
      props.anubis && kind !== "web"
        ? `anubis cannot front a ${kind} backend: its clients cannot solve a proof-of-work challenge; allowed: anubis only for backendKind "web"`
        : undefined,
      props.anubis && (auth.mode === "required" || auth.mode === "app")
        ? `anubis fronts public content without a login, but auth mode is ${auth.mode}; allowed: anubis with auth none or public`
        : undefined,
      props.anubis && props.antiAiScraping
        ? "antiAiScraping true behind anubis: Anubis already turns scrapers away, and the anti-AI middleware is not run behind it; allowed: antiAiScraping unset or false with anubis"
        : undefined,
      ...(props.carveOut ? carveOutProblems(props.carveOut.paths, !!props.anubis, auth, carveAuth) : []),
    ]);
    this.host = host;
    this.auth = auth;

    if (props.anubis) {
      this.anubis = new Anubis(this, "Anubis", { name: `${props.name}-anubis`, target: props.backend, secrets: props.anubis.secrets });
    }
    const front = this.anubis?.backend ?? props.backend;
    const common = { stack, host, dns: props.dns, tlsSecretName: props.tlsSecretName, antiAi: props.antiAiScraping, partOfAuthentik: props.partOfAuthentik ?? false };
    // Behind Anubis the gate is the challenge: no anti-AI middleware (the seed turns it off there).
    this.ingress("Ingress", props.name, auth, front, [{ path: "/", type: "Prefix" }], { ...common, antiAi: this.anubis ? false : props.antiAiScraping });
    if (props.carveOut) {
      // Prefix matches whole path segments: /admin covers /admin/users but not /administrator,
      // so nothing under a carved-out path is left to the main ingress's rules.
      const paths = props.carveOut.paths.map((p) => ({ path: p.replace(/(.)\/$/, "$1"), type: "Prefix" }));
      this.ingress("CarveOut", `${props.name}-carve-out`, carveAuth, props.backend, paths, common);
    }
  }

  private ingress(
    id: string,
    name: string,
    auth: IngressAuth,
    backend: ServiceBackend,
    paths: ReadonlyArray<{ path: string; type: string }>,
    common: { stack: HomelabStack; host: string; dns: IngressDns; tlsSecretName?: string; antiAi?: boolean; partOfAuthentik: boolean },
  ): IngressV1 {
    const { inventory } = common.stack;
    this.routes.push({ host: common.host, paths: paths.map((p) => p.path), auth: auth.mode, dns: common.dns, partOfAuthentik: common.partOfAuthentik });
    return new IngressV1(this, id, {
      provider: common.stack.provider("kubernetes", this),
      metadata: {
        name,
        namespace: backend.namespace,
        labels: appLabels(name, "ingress"),
        annotations: {
          ...authAnnotations(auth),
          [MIDDLEWARES_ANNOTATION]: middlewareChain(inventory.kubernetes.traefik.middlewares, auth, common.antiAi).join(","),
          "traefik.ingress.kubernetes.io/router.entrypoints": "websecure",
          "traefik.ingress.kubernetes.io/router.tls": "true",
          ...dnsAnnotations(common.dns, common.host, inventory.kubernetes.uptimeMonitorAnnotation, inventory.kubernetes.externalDns),
        },
      },
      spec: {
        ingressClassName: "traefik",
        tls: [{ hosts: [common.host], secretName: common.tlsSecretName }],
        rule: [
          {
            host: common.host,
            http: {
              path: paths.map((p) => ({
                path: p.path,
                pathType: p.type,
                backend: { service: { name: backend.serviceName, port: { number: backend.port } } },
              })),
            },
          },
        ],
      },
    });
  }
}

/** The Traefik middlewares of a mode, in order: CrowdSec's ban list, rate limit, the gate (auth or anti-AI), retry. */
export function middlewareChain(
  names: {
    readonly crowdsecBouncer: string;
    readonly authentikForwardAuth: string;
    readonly authentikPublicForwardAuth: string;
    readonly antiAiScraping: string;
    readonly retry: string;
    readonly rateLimit: string;
  },
  auth: IngressAuth,
  antiAiScraping?: boolean,
): string[] {
  const antiAi = antiAiScraping ?? (auth.mode === "app" || auth.mode === "none");
  return [
    names.crowdsecBouncer,
    names.rateLimit,
    ...(auth.mode === "required" ? [names.authentikForwardAuth] : []),
    ...(auth.mode === "public" ? [names.authentikPublicForwardAuth] : []),
    ...(antiAi ? [names.antiAiScraping] : []),
    names.retry,
  ];
}

function authAnnotations(auth: IngressAuth): Record<string, string> {
  return auth.mode === "required"
    ? { [AUTH_MODE_ANNOTATION]: "required" }
    : { [AUTH_MODE_ANNOTATION]: auth.mode, [AUTH_REASON_ANNOTATION]: auth.reason.trim() };
}

function dnsAnnotations(dns: IngressDns, host: string, uptimeAnnotation: string, targets: Inventory["kubernetes"]["externalDns"]): Record<string, string> {
  if (dns === "none") return {};
  const { ipv4, ipv6 } = targets.publicAddresses;
  return {
    [EXTERNAL_DNS_HOSTNAME]: host,
    [EXTERNAL_DNS_PROXIED]: dns === "proxied" ? "true" : "false",
    [EXTERNAL_DNS_TARGET]: dns === "proxied" ? targets.proxiedTarget : [ipv4, ...(ipv6 ? [ipv6] : [])].join(","),
    [uptimeAnnotation]: "true",
  };
}

/** What is wrong with an auth decision, or undefined: a known mode, and a reason for every mode but required. */
export function authProblem(what: string, auth: IngressAuth): string | undefined {
  const modes = ["required", "app", "public", "none"];
  if (!modes.includes(auth?.mode)) {
    return `${what} mode ${JSON.stringify(auth?.mode)} is not a mode; allowed: ${modes.join(", ")}`;
  }
  if (auth.mode === "required") return undefined;
  const reason = typeof auth.reason === "string" ? auth.reason.trim() : "";
  return reason.length >= MIN_AUTH_REASON_LENGTH
    ? undefined
    : `${what} mode ${auth.mode} needs a reason of ${MIN_AUTH_REASON_LENGTH}+ characters saying why it is not behind Authentik; got ${JSON.stringify(auth.reason ?? null)}`;
}

function carveOutProblems(paths: readonly string[], anubis: boolean, auth: IngressAuth, carveAuth: IngressAuth): string[] {
  const problems: string[] = [];
  if (paths.length === 0) problems.push("carveOut.paths must list at least one path");
  for (const p of paths) {
    if (!PATH.test(p) || p === "/") {
      problems.push(`carveOut path ${JSON.stringify(p)} is not allowed; allowed: an absolute URL path other than "/", such as /net-diag.sh`);
    }
  }
  if (!anubis && carveAuth.mode === auth.mode) {
    problems.push("carveOut without anubis and with the same auth mode routes exactly like the main ingress; set anubis or a different carveOut.auth");
  }
  return problems;
}
