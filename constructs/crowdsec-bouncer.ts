import { Construct } from "constructs";
import type { IMiddleware } from "../.gen/models/traefik.io/v1alpha1/Middleware";
import { CustomResource } from "./custom-resource";
import { ExternalSecret } from "./external-secret";
import { appLabels } from "./kubernetes-names";
import type { NamespaceRef } from "./namespace";
import { ServiceSecrets } from "./service-secrets";
import { middlewareNameOf } from "./traefik-middleware";

/** The bouncer as Traefik loads it: a plugin Traefik fetches at start, pinned. */
export const CROWDSEC_BOUNCER_PLUGIN = {
  /** The key Traefik's experimental.plugins and the Middleware's spec.plugin name it by. */
  name: "crowdsec-bouncer",
  moduleName: "github.com/maxlerebourg/crowdsec-bouncer-traefik-plugin",
  version: "v1.4.2",
} as const;

/** Where Traefik's pods mount the bouncer's LAPI key (a Secret in Traefik's namespace). */
export const CROWDSEC_BOUNCER_KEY = { secretName: "crowdsec-bouncer-key", key: "api-key", mountDir: "/etc/crowdsec-bouncer" } as const;

/**
 * What Traefik's chart values need for the bouncer: the plugin, and the key Secret mounted
 * (optional, so Traefik starts before the crowdsec stack first runs; only the bouncer's
 * Middleware needs the file).
 */
export function crowdsecBouncerTraefikValues() {
  return {
    experimental: { plugins: { [CROWDSEC_BOUNCER_PLUGIN.name]: { moduleName: CROWDSEC_BOUNCER_PLUGIN.moduleName, version: CROWDSEC_BOUNCER_PLUGIN.version } } },
    deployment: {
      additionalVolumes: [{ name: "crowdsec-bouncer-key", secret: { secretName: CROWDSEC_BOUNCER_KEY.secretName, optional: true } }],
    },
    additionalVolumeMounts: [{ name: "crowdsec-bouncer-key", mountPath: CROWDSEC_BOUNCER_KEY.mountDir, readOnly: true }],
  };
}

export interface CrowdsecBouncerProps {
  /** Traefik's namespace, where the Middleware and the key Secret live. */
  readonly traefikNamespace: NamespaceRef;
  /** The reference ingresses put in their router.middlewares annotation (inventory), <namespace>-<name>@kubernetescrd. */
  readonly reference: string;
  /** The bouncer's declared secrets: reads the KV path holding its LAPI key. */
  readonly secrets: ServiceSecrets;
  /** KV path and property of the key, the same LAPI registers the bouncer with. */
  readonly key: { readonly path: string; readonly property: string };
  /** LAPI's Service, host:port. */
  readonly lapiHost: string;
}

/**
 * CrowdSec's bouncer inside Traefik: a Middleware asking LAPI whether a client is banned, in
 * stream mode (decisions pulled into memory every minute, not asked per request), with its
 * key from Vault. It fails open (updateMaxFailure -1): when LAPI cannot be reached it keeps
 * serving with the decisions it has, because CrowdSec is one layer among several (rate
 * limits, Authentik, the firewall bouncer) and a LAPI outage must not take every site down.
 */
export class CrowdsecBouncer extends Construct {
  /** The reference ingresses put in their router.middlewares annotation. */
  readonly reference: string;

  constructor(scope: Construct, id: string, props: CrowdsecBouncerProps) {
    super(scope, id);
    const name = middlewareNameOf(this.node.path, props.reference, props.traefikNamespace.name);
    const key = new ExternalSecret(this, "Key", {
      namespace: props.traefikNamespace,
      name: CROWDSEC_BOUNCER_KEY.secretName,
      secrets: props.secrets,
      keys: { [CROWDSEC_BOUNCER_KEY.key]: props.key },
    });
    new CustomResource<IMiddleware>(this, "Middleware", {
      apiVersion: "traefik.io/v1alpha1",
      kind: "Middleware",
      name,
      namespace: props.traefikNamespace.name,
      labels: appLabels(name, "middleware"),
      body: {
        spec: {
          plugin: {
            [CROWDSEC_BOUNCER_PLUGIN.name]: {
              enabled: true,
              crowdsecMode: "stream",
              crowdsecLapiScheme: "http",
              crowdsecLapiHost: props.lapiHost,
              crowdsecLapiKeyFile: `${CROWDSEC_BOUNCER_KEY.mountDir}/${CROWDSEC_BOUNCER_KEY.key}`,
              // Fail open: never block everyone because LAPI is unreachable.
              updateMaxFailure: -1,
            },
          },
        },
      },
      after: [key],
    });
    this.reference = props.reference;
  }
}
