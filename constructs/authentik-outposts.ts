/**
 * The Authentik outposts Traefik's forward-auth middlewares call, named as Authentik names
 * outpost objects (ak-outpost-<outpost name>): one source of truth for the authentik stack,
 * which runs them, and the platform stack's middlewares, which call them.
 */

/** The namespace Authentik and its outposts run in. */
export const AUTHENTIK_NAMESPACE = "authentik";

/** The port every outpost serves HTTP on. */
export const AUTHENTIK_OUTPOST_PORT = 9000;

export const AUTHENTIK_OUTPOSTS = {
  /** The embedded outpost, inside Authentik's server: forward-auth for auth mode required. */
  embedded: "ak-outpost-authentik-embedded-outpost",
  /** The public outpost (anonymous binding to guest): forward-auth for auth mode public. */
  public: "ak-outpost-public",
} as const;

export type AuthentikOutpost = keyof typeof AUTHENTIK_OUTPOSTS;

const FORWARD_AUTH_PATH = "/outpost.goauthentik.io/auth/traefik";

/**
 * The identity headers Authentik's outposts set (Authentik's Traefik guide), which backends
 * trust as the logged-in user: what a client must never be able to send itself.
 */
export const AUTHENTIK_IDENTITY_HEADERS = [
  "X-authentik-username",
  "X-authentik-groups",
  "X-authentik-entitlements",
  "X-authentik-email",
  "X-authentik-name",
  "X-authentik-uid",
  "X-authentik-jwt",
  "X-authentik-meta-jwks",
  "X-authentik-meta-outpost",
  "X-authentik-meta-provider",
  "X-authentik-meta-app",
  "X-authentik-meta-version",
] as const;

/** Every X-authentik-* header, as Go's regexp reads it (Traefik canonicalizes names, hence case-insensitive). */
export const AUTHENTIK_HEADERS_REGEX = "(?i)^x-authentik-";

/** The forward-auth endpoint of an outpost, as Traefik's forwardAuth middleware calls it. */
export function authentikForwardAuthAddress(outpost: AuthentikOutpost): string {
  return `http://${AUTHENTIK_OUTPOSTS[outpost]}.${AUTHENTIK_NAMESPACE}.svc.cluster.local:${AUTHENTIK_OUTPOST_PORT}${FORWARD_AUTH_PATH}`;
}

/** The ingress names (so the hosts, <name>.<public domain>) the authentik stack serves the outposts on: Authentik's server holds the embedded one. */
export const AUTHENTIK_INGRESS_NAMES: Readonly<Record<AuthentikOutpost, string>> = { embedded: "authentik", public: "public-auth" };

/** An outpost's forward-auth endpoint through its public ingress, for a Traefik outside the cluster (Traefik on Nomad). */
export function authentikPublicForwardAuthAddress(outpost: AuthentikOutpost, domain: string): string {
  return `https://${AUTHENTIK_INGRESS_NAMES[outpost]}.${domain}${FORWARD_AUTH_PATH}`;
}
