/**
 * The Authentik outposts Traefik's forward-auth middlewares call, named as Authentik names
 * outpost objects (ak-outpost-<outpost name>): one source of truth for the authentik stack,
 * which runs them, and the platform stack's middlewares, which call them.
 */
// @ts-nocheck


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

/** The forward-auth endpoint of an outpost, as Traefik's forwardAuth middleware calls it. */
export function authentikForwardAuthAddress(outpost: AuthentikOutpost): string {
  return `http://${AUTHENTIK_OUTPOSTS[outpost]}.${AUTHENTIK_NAMESPACE}.svc.cluster.local:${AUTHENTIK_OUTPOST_PORT}/outpost.goauthentik.io/auth/traefik`;
}
