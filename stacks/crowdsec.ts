import { Construct } from "constructs";
import YAML from "yaml";
import { CrowdsecBouncer } from "../constructs/crowdsec-bouncer";
import { ExternalSecret } from "../constructs/external-secret";
import { HelmChart } from "../constructs/helm-chart";
import { HomelabStack } from "../constructs/homelab-stack";
import { KUBERNETES_IMAGES } from "../constructs/kubernetes-images";
import { Namespace } from "../constructs/namespace";
import { ServiceSecrets, ServiceSecretsDeclaration } from "../constructs/service-secrets";
import { chartResources, TRAEFIK_NAMESPACE } from "./platform";
import type { AppDatabase } from "./dbaas";

const NAMESPACE = "crowdsec";
const RELEASE = "crowdsec";

/** LAPI's JWT secret and registration token, its database password and the bouncer's key, in Vault. */
export const CROWDSEC_SECRETS: ServiceSecretsDeclaration = {
  service: "crowdsec",
  reads: ["crowdsec/lapi", "crowdsec/database", "crowdsec/bouncer"],
  runsOn: "kubernetes",
  namespace: NAMESPACE,
};

/** The Traefik bouncer's LAPI key, synced into Traefik's namespace, whose pods read it. */
export const CROWDSEC_BOUNCER_SECRETS: ServiceSecretsDeclaration = {
  service: "crowdsec-bouncer",
  reads: ["crowdsec/bouncer"],
  runsOn: "kubernetes",
  namespace: TRAEFIK_NAMESPACE.name,
};

/** CrowdSec's database on the pg-cluster: its own database and user. */
export const CROWDSEC_DATABASE = { name: "crowdsec", user: "crowdsec" } as const;

/** The database as the dbaas stack creates it: the owner's password is the one LAPI reads. */
export const CROWDSEC_APP_DATABASE: AppDatabase = {
  name: CROWDSEC_DATABASE.name,
  owner: CROWDSEC_DATABASE.user,
  password: { path: "crowdsec/database", property: "password" },
};

/** The bouncer's key: LAPI registers the bouncer with it, the bouncer presents it. */
const BOUNCER_KEY = { path: "crowdsec/bouncer", property: "api-key" } as const;

export interface CrowdsecStackProps {
  /** CrowdSec's declared secrets (vault stack, from CROWDSEC_SECRETS). */
  readonly secrets: ServiceSecrets;
  /** The Traefik bouncer's declared secrets (vault stack, from CROWDSEC_BOUNCER_SECRETS). */
  readonly bouncerSecrets: ServiceSecrets;
}

/**
 * CrowdSec: an agent on every node reading Traefik's access logs, the local API (LAPI) in
 * three replicas keeping its decisions in PostgreSQL (the pg-cluster), and the bouncer inside
 * Traefik that enforces them and fails open.
 *
 * Tier 1: LAPI's database is on PostgreSQL, and nothing waits for CrowdSec: with the bouncer
 * failing open, traffic flows while it is down.
 */
export class CrowdsecStack extends HomelabStack {
  /** The bouncer's Middleware reference, for the ingress chain. */
  readonly bouncerReference: string;

  constructor(scope: Construct, props: CrowdsecStackProps) {
    super(scope, "crowdsec", {
      tier: 1,
      cluster: "kubernetes",
      description: "CrowdSec: agents, LAPI on PostgreSQL, the fail-open Traefik bouncer",
    });
    const namespace = new Namespace(this, "Namespace", { name: NAMESPACE });
    const lapiSecrets = new ExternalSecret(this, "LapiSecrets", {
      namespace,
      name: "crowdsec-lapi",
      secrets: props.secrets,
      keys: {
        csLapiSecret: { path: "crowdsec/lapi", property: "jwt-secret" },
        registrationToken: { path: "crowdsec/lapi", property: "registration-token" },
        dbPassword: CROWDSEC_APP_DATABASE.password,
        bouncerKey: BOUNCER_KEY,
      },
    });
    const fromSecret = (name: string, key: string) => ({ name, valueFrom: { secretKeyRef: { name: lapiSecrets.secretName, key } } });

    const pg = this.inventory.stateBackend.pg; // the pg-cluster's read-write Service (dbaas)
    // CrowdSec expands ${VAR} in its config files from its environment, so the password stays in the Secret.
    const localConfig = {
      db_config: {
        type: "postgres",
        host: pg.host,
        port: pg.port,
        db_name: CROWDSEC_DATABASE.name,
        user: CROWDSEC_DATABASE.user,
        password: "${DB_PASSWORD}",
        // The seed's flush settings: bounded decision history, stale machines removed.
        flush: { max_items: 10000, max_age: "7d", agents_autodelete: { login_password: "30d" } },
      },
      api: {
        server: {
          // Agents register themselves with the token from the Secret (the chart fills it in).
          auto_registration: {
            enabled: true,
            token: "${REGISTRATION_TOKEN}",
            allowed_ranges: ["127.0.0.1/32", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16"],
          },
        },
      },
    };

    new HelmChart(this, "Release", {
      name: RELEASE,
      namespace,
      repository: "https://crowdsecurity.github.io/helm-charts",
      chart: "crowdsec",
      version: "0.21.0",
      hostAccess: "the agents read every node's container logs from the host's /var/log",
      after: [lapiSecrets],
      values: {
        container_runtime: "containerd",
        // Pinned in the catalogue: the chart's appVersion v1.7.3 fails Central API authentication.
        image: { tag: KUBERNETES_IMAGES.crowdsec.tag },
        // Its keys csLapiSecret and registrationToken are the names the chart reads by default.
        secrets: { externalSecret: { name: lapiSecrets.secretName } },
        config: { "config.yaml.local": YAML.stringify(localConfig) },
        lapi: {
          replicas: 3,
          strategy: { type: "RollingUpdate" },
          // State is in PostgreSQL and the Central API credentials in a Secret, so the
          // replicas share everything and need no volume.
          storeCAPICredentialsInSecret: true,
          persistentVolume: { data: { enabled: false }, config: { enabled: false } },
          env: [fromSecret("DB_PASSWORD", "dbPassword"), fromSecret("BOUNCER_KEY_traefik", "bouncerKey")],
          resources: chartResources(25, 1024),
        },
        agent: {
          acquisition: [{ namespace: TRAEFIK_NAMESPACE.name, podName: "traefik-*", program: "traefik" }],
          env: [{ name: "COLLECTIONS", value: "crowdsecurity/traefik crowdsecurity/base-http-scenarios crowdsecurity/http-cve" }],
          resources: chartResources(25, 512),
        },
      },
    });

    const bouncer = new CrowdsecBouncer(this, "Bouncer", {
      traefikNamespace: TRAEFIK_NAMESPACE,
      reference: this.inventory.kubernetes.traefik.middlewares.crowdsecBouncer,
      secrets: props.bouncerSecrets,
      key: BOUNCER_KEY,
      lapiHost: `${RELEASE}-service.${NAMESPACE}.svc.cluster.local:8080`,
    });
    this.bouncerReference = bouncer.reference;
  }
}
