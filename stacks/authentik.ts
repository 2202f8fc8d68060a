import { Construct } from "constructs";
import type { IPooler } from "../.gen/models/postgresql.cnpg.io/v1/Pooler";
import { AppDeployment } from "../constructs/app-deployment";
import { AUTHENTIK_INGRESS_NAMES, AUTHENTIK_NAMESPACE, AUTHENTIK_OUTPOST_PORT, AUTHENTIK_OUTPOSTS } from "../constructs/authentik-outposts";
import { CustomResource } from "../constructs/custom-resource";
import { ExternalSecret } from "../constructs/external-secret";
import { HelmChart } from "../constructs/helm-chart";
import { HomelabStack } from "../constructs/homelab-stack";
import { IngressFactory } from "../constructs/ingress-factory";
import { KUBERNETES_IMAGES, PinnedImage } from "../constructs/kubernetes-images";
import { throwIfProblems } from "../constructs/kubernetes-names";
import { Namespace } from "../constructs/namespace";
import { SelectorService } from "../constructs/selector-service";
import { ServiceSecrets, ServiceSecretsDeclaration } from "../constructs/service-secrets";
import { PG_CLUSTER } from "./dbaas";
import { chartResources } from "./platform";
import type { AppDatabase } from "./dbaas";

/** The Authentik chart; its version is the server's, which the outposts must match (an outpost refuses a server of another version). */
export const AUTHENTIK_CHART = { repository: "https://charts.goauthentik.io", chart: "authentik", version: "2026.2.2" } as const;
export const AUTHENTIK_VERSION = AUTHENTIK_CHART.version;

/** Why the outpost image cannot run against this chart, or undefined when its tag is the chart's version. */
export function outpostVersionProblem(outpost: PinnedImage, chartVersion: string): string | undefined {
  return outpost.tag === chartVersion
    ? undefined
    : `the public outpost's image ${outpost.ref} must be the chart's version ${chartVersion} (an outpost refuses a server of another version): bump both, constructs/kubernetes-images.ts and AUTHENTIK_CHART`;
}

const RELEASE = "authentik";

/** Authentik's secret key, its database password and the public outpost's token, in Vault. */
export const AUTHENTIK_SECRETS: ServiceSecretsDeclaration = {
  service: "authentik",
  reads: ["authentik/core", "authentik/database", "authentik/outpost-public"],
  runsOn: "kubernetes",
  namespace: AUTHENTIK_NAMESPACE,
};

/** Authentik's database on the pg-cluster, reached through its PgBouncer pooler. */
export const AUTHENTIK_DATABASE = { name: "authentik", user: "authentik", pooler: "pooler-authentik" } as const;

/** The database as the dbaas stack creates it: the owner's password is the one Authentik reads. */
export const AUTHENTIK_APP_DATABASE: AppDatabase = {
  name: AUTHENTIK_DATABASE.name,
  owner: AUTHENTIK_DATABASE.user,
  password: { path: "authentik/database", property: "password" },
};

export interface AuthentikStackProps {
  /** Authentik's declared secrets (vault stack, from AUTHENTIK_SECRETS). */
  readonly secrets: ServiceSecrets;
}

/**
 * Authentik, the identity provider behind ingress auth modes required and public: its server
 * in three replicas kept at two or more through disruptions, its workers, PgBouncer (a CNPG
 * Pooler, three instances) in front of its database on the pg-cluster, and the two outposts
 * Traefik's forward-auth middlewares call (constructs/authentik-outposts.ts).
 *
 * The outposts are Kubernetes objects of this stack, not of Authentik's outpost controller:
 * the chart's service account is not created, so Authentik has no cluster access to make
 * objects Terraform does not know. In Authentik, the two outposts are set to no integration.
 *
 * Tier 1: its database is on PostgreSQL; the bootstrap needs no login (Terraform uses tokens).
 */
export class AuthentikStack extends HomelabStack {
  constructor(scope: Construct, props: AuthentikStackProps) {
    super(scope, "authentik", {
      tier: 1,
      cluster: "kubernetes",
      description: "Authentik: server, workers, PgBouncer pooler, the embedded and public outposts",
    });
    throwIfProblems(this.node.path, [outpostVersionProblem(KUBERNETES_IMAGES.authentikProxy, AUTHENTIK_CHART.version)]);
    const namespace = new Namespace(this, "Namespace", { name: AUTHENTIK_NAMESPACE });
    const domain = this.inventory.domains.public;

    const credentials = new ExternalSecret(this, "Credentials", {
      namespace,
      name: "authentik-credentials",
      secrets: props.secrets,
      keys: {
        AUTHENTIK_SECRET_KEY: { path: "authentik/core", property: "secret-key" },
        AUTHENTIK_POSTGRESQL__PASSWORD: AUTHENTIK_APP_DATABASE.password,
      },
    });

    // PgBouncer in session mode: Authentik's server and workers hold many short-lived
    // connections, which the pooler folds onto a few to PostgreSQL. It authenticates users
    // against the cluster itself (auth_query), so it holds no password of its own.
    const pooler = new CustomResource<IPooler>(this, "Pooler", {
      apiVersion: "postgresql.cnpg.io/v1",
      kind: "Pooler",
      name: AUTHENTIK_DATABASE.pooler,
      namespace: PG_CLUSTER.namespace,
      body: {
        spec: {
          cluster: { name: PG_CLUSTER.name },
          instances: 3,
          type: "rw",
          pgbouncer: {
            poolMode: "session",
            parameters: {
              max_client_conn: "200",
              default_pool_size: "20",
              reserve_pool_size: "5",
              reserve_pool_timeout: "5",
              // Reaps a transaction left open by a killed pod, which would hold Authentik's migration lock.
              idle_transaction_timeout: "300",
            },
          },
          template: { spec: { containers: [{ name: "pgbouncer", image: KUBERNETES_IMAGES.cnpgPgbouncer.ref, resources: chartResources(50, 128) }] } },
        },
      },
    });

    const component = (name: string) => ({ name, resources: chartResources(100, 2048) });
    const chart = new HelmChart(this, "Release", {
      name: RELEASE,
      namespace,
      ...AUTHENTIK_CHART,
      after: [credentials, pooler],
      values: {
        authentik: {
          log_level: "warning",
          error_reporting: { enabled: false },
          postgresql: {
            host: `${AUTHENTIK_DATABASE.pooler}.${PG_CLUSTER.namespace}.svc.cluster.local`,
            port: 5432,
            name: AUTHENTIK_DATABASE.name,
            user: AUTHENTIK_DATABASE.user,
          },
        },
        // The secret settings come from the synced Secret; the chart's own leaves empty ones out.
        global: { envFrom: [{ secretRef: { name: credentials.secretName } }] },
        server: {
          ...component("server"),
          replicas: 3,
          pdb: { enabled: true, minAvailable: 2 },
          // A roll never takes a ready server out before its replacement is ready.
          deploymentStrategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
          // Traffic comes through the ingress below; null drops the chart's Gateway API route
          // (disabled by default), a kind this cluster does not serve.
          route: null,
        },
        worker: { ...component("worker"), replicas: 2, pdb: { enabled: true, maxUnavailable: 1 } },
        serviceAccount: { create: false },
      },
    });

    // The embedded outpost is served by the server pods themselves.
    new SelectorService(this, "EmbeddedOutpost", {
      namespace,
      name: AUTHENTIK_OUTPOSTS.embedded,
      selector: { "app.kubernetes.io/name": "authentik", "app.kubernetes.io/instance": chart.name, "app.kubernetes.io/component": "server" },
      port: AUTHENTIK_OUTPOST_PORT,
      targetPort: "http",
    });
    const server = { namespace: namespace.name, serviceName: `${chart.name}-server`, port: 80 };

    const publicToken = new ExternalSecret(this, "PublicOutpostToken", {
      namespace,
      name: "ak-outpost-public-token",
      secrets: props.secrets,
      keys: { AUTHENTIK_TOKEN: { path: "authentik/outpost-public", property: "token" } },
    });
    const publicOutpost = new AppDeployment(this, "PublicOutpost", {
      namespace,
      name: AUTHENTIK_OUTPOSTS.public,
      // One replica: a proxy outpost keeps its sessions in the pod, so two would not know each other's logins.
      replicas: 1,
      containers: [
        {
          name: "proxy",
          image: KUBERNETES_IMAGES.authentikProxy.ref,
          cpuMillis: 10,
          memoryMiB: 256,
          ports: { http: AUTHENTIK_OUTPOST_PORT, metrics: 9300 },
          env: {
            AUTHENTIK_HOST: `http://${server.serviceName}.${namespace.name}.svc.cluster.local`,
            AUTHENTIK_HOST_BROWSER: `https://authentik.${domain}`,
            AUTHENTIK_INSECURE: "false",
          },
          envFromSecrets: [publicToken],
          readinessProbe: { path: "/outpost.goauthentik.io/ping", port: 9300 },
          livenessProbe: { path: "/outpost.goauthentik.io/ping", port: 9300, initialDelaySeconds: 10 },
        },
      ],
      service: { port: AUTHENTIK_OUTPOST_PORT, targetPort: "http" },
      // The outpost's Prometheus metrics (requests, auth outcomes) on 9300.
      metrics: { port: "metrics" },
    });

    new IngressFactory(this, "Ingress", {
      name: AUTHENTIK_INGRESS_NAMES.embedded,
      backend: server,
      dns: "proxied",
      auth: { mode: "none", reason: "Authentik's own login page: forward-auth in front of it would loop" },
      antiAiScraping: false,
      partOfAuthentik: true,
    });
    new IngressFactory(this, "PublicOutpostIngress", {
      name: AUTHENTIK_INGRESS_NAMES.public,
      backend: publicOutpost.backend,
      dns: "proxied",
      auth: { mode: "none", reason: "the public outpost's OAuth callbacks: forward-auth in front of it would loop" },
      antiAiScraping: false,
      partOfAuthentik: true,
    });
  }
}
