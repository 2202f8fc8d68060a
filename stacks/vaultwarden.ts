import { Construct } from "constructs";
import { AppDeployment } from "../constructs/app-deployment";
import { EncryptedPvc } from "../constructs/encrypted-pvc";
import { HomelabStack } from "../constructs/homelab-stack";
import { IngressFactory } from "../constructs/ingress-factory";
import { KUBERNETES_IMAGES } from "../constructs/kubernetes-images";
import { Namespace } from "../constructs/namespace";
import { ExternalSecret } from "../constructs/external-secret";
import { ServiceSecrets, ServiceSecretsDeclaration } from "../constructs/service-secrets";

/** What vaultwarden reads from Vault; the vault stack makes its policy from this. */
export const VAULTWARDEN_SECRETS = {
  service: "vaultwarden",
  reads: ["vaultwarden/admin"],
  runsOn: "kubernetes",
  namespace: "vaultwarden",
} as const satisfies ServiceSecretsDeclaration;

export interface VaultwardenStackProps {
  /** Vaultwarden's declared secrets and their policy (vault stack). */
  readonly secrets: ServiceSecrets;
}

/** Vaultwarden, the password manager: its own login, its data on an encrypted claim backed up every 6 hours. */
export class VaultwardenStack extends HomelabStack {
  constructor(scope: Construct, props: VaultwardenStackProps) {
    super(scope, "vaultwarden", { tier: 1, cluster: "kubernetes", description: "Vaultwarden password manager" });
    const namespace = new Namespace(this, "Namespace", { name: VAULTWARDEN_SECRETS.namespace });
    const admin = new ExternalSecret(this, "AdminSecret", {
      namespace,
      name: "vaultwarden-admin",
      secrets: props.secrets,
      keys: { ADMIN_TOKEN: { path: "vaultwarden/admin", property: "admin_token" } },
    });
    const data = new EncryptedPvc(this, "Data", {
      namespace,
      app: "vaultwarden",
      name: "vaultwarden-data-encrypted",
      // Every 6 hours, the database as a consistent snapshot (never a copy of the live file), keys and attachments beside it.
      backup: { cronjob: { schedule: "0 */6 * * *", sqliteDatabases: ["db.sqlite3"] } },
    });
    const host = `vaultwarden.${this.inventory.domains.public}`;
    const app = new AppDeployment(this, "App", {
      namespace,
      name: "vaultwarden",
      containers: [
        {
          name: "vaultwarden",
          image: KUBERNETES_IMAGES.vaultwarden.ref,
          cpuMillis: 50,
          memoryMiB: 256,
          ports: { http: 80 },
          env: { DOMAIN: `https://${host}`, DATA_FOLDER: "/data", SIGNUPS_ALLOWED: "false" },
          envFromSecrets: [admin],
          mounts: [{ volume: data, path: "/data" }],
          livenessProbe: { path: "/alive", port: 80, initialDelaySeconds: 10 },
          readinessProbe: { path: "/alive", port: 80 },
        },
      ],
      service: { port: 80, targetPort: "http" },
      metrics: { none: "Vaultwarden serves no Prometheus metrics; the uptime monitor checks /alive and the backup alerts watch its backups" },
    });
    new IngressFactory(this, "Ingress", {
      name: "vaultwarden",
      host,
      backend: app.backend,
      dns: "proxied",
      auth: {
        mode: "app",
        reason: "Vaultwarden has its own login, and its browser extension and mobile apps cannot pass Authentik forward-auth",
      },
      // The admin panel is for people with a browser: put Authentik in front of it too.
      carveOut: { paths: ["/admin"], auth: { mode: "required" } },
    });
  }
}
