import { Construct } from "constructs";
import { AppDeployment } from "../constructs/app-deployment";
import { EncryptedPvc } from "../constructs/encrypted-pvc";
import { ExternalSecret } from "../constructs/external-secret";
import { HomelabStack } from "../constructs/homelab-stack";
import { IngressFactory } from "../constructs/ingress-factory";
import { KUBERNETES_IMAGES } from "../constructs/kubernetes-images";
import { Namespace } from "../constructs/namespace";
import { ServiceSecrets, ServiceSecretsDeclaration } from "../constructs/service-secrets";
import { UptimeMonitorSync } from "../constructs/uptime-monitor-sync";

export const UPTIME_KUMA_IMAGE = KUBERNETES_IMAGES.uptimeKuma.ref;
const PORT = 3001;

/** What the uptime-kuma stack reads from Vault: the admin login the monitor sync uses. */
export const UPTIME_KUMA_SECRETS = {
  service: "uptime-kuma",
  reads: ["uptime-kuma/admin"],
  runsOn: "kubernetes",
  namespace: "uptime-kuma",
} as const satisfies ServiceSecretsDeclaration;

export interface UptimeKumaStackProps {
  /** The stack's declared secrets (vault stack). */
  readonly secrets: ServiceSecrets;
}

/**
 * Uptime Kuma, the outside view: an "[External]" monitor for every host IngressFactory
 * publishes and an "[Internal]" one for every Service a workload marked, kept in step with
 * the cluster by the sync job; a public status page. Critical: its SQLite database and its
 * backups stay off NFS. Tier 1: nothing needs it to bring PostgreSQL back.
 */
export class UptimeKumaStack extends HomelabStack {
  constructor(scope: Construct, props: UptimeKumaStackProps) {
    super(scope, "uptime-kuma", { tier: 1, cluster: "kubernetes", critical: true, description: "Uptime Kuma: external and internal uptime monitors, status page" });
    const namespace = new Namespace(this, "Namespace", { name: UPTIME_KUMA_SECRETS.namespace });
    // Notification credentials and the admin login live in it: encrypted.
    const data = new EncryptedPvc(this, "Data", {
      namespace,
      app: "uptime-kuma",
      name: "uptime-kuma-data-encrypted",
      sizeGiB: 5,
      storageLimitGiB: 20,
      backup: { cronjob: { schedule: "15 4 * * *", sqliteDatabases: ["kuma.db"] } },
    });
    const app = new AppDeployment(this, "App", {
      namespace,
      name: "uptime-kuma",
      containers: [
        {
          name: "uptime-kuma",
          image: UPTIME_KUMA_IMAGE,
          cpuMillis: 50,
          memoryMiB: 512,
          ports: { http: PORT },
          env: { UPTIME_KUMA_DB_TYPE: "sqlite" },
          mounts: [{ volume: data, path: "/app/data" }],
          livenessProbe: { path: "/", port: PORT, initialDelaySeconds: 15, periodSeconds: 30, failureThreshold: 5 },
          readinessProbe: { path: "/", port: PORT, periodSeconds: 30 },
        },
      ],
      service: { port: 80, targetPort: "http" },
      metrics: { none: "Uptime Kuma's /metrics sits behind an API key of its own; what it measures is read in its UI and status page" },
      uptime: { none: "it is the uptime monitor; Alertmanager's DeploymentReplicasMismatch and the walling-off probe watch it instead" },
    });
    new IngressFactory(this, "Ingress", {
      name: "uptime",
      backend: app.backend,
      dns: "proxied",
      auth: { mode: "app", reason: "Uptime Kuma has its own login; the status page and push endpoints must answer strangers" },
      carveOut: {
        paths: ["/status", "/api/status-page", "/api/push", "/api/badge", "/assets"],
        auth: { mode: "none", reason: "the public status page with its API and assets, and push monitors called by scripts without a login" },
      },
    });
    const admin = new ExternalSecret(this, "AdminSecret", {
      namespace,
      name: "uptime-kuma-admin",
      secrets: props.secrets,
      keys: {
        UPTIME_KUMA_USERNAME: { path: "uptime-kuma/admin", property: "username" },
        UPTIME_KUMA_PASSWORD: { path: "uptime-kuma/admin", property: "password" },
      },
    });
    new UptimeMonitorSync(this, "MonitorSync", { namespace, uptimeKuma: app.backend, credentials: admin });
  }
}
