import { Construct } from "constructs";
import { AppDeployment } from "../constructs/app-deployment";
import { EncryptedPvc } from "../constructs/encrypted-pvc";
import { HomelabStack } from "../constructs/homelab-stack";
import { IngressFactory } from "../constructs/ingress-factory";
import { KUBERNETES_IMAGES } from "../constructs/kubernetes-images";
import { Namespace } from "../constructs/namespace";
import { NfsVolume } from "../constructs/nfs-volume";

/**
 * Prowlarr, the indexer manager: no login of its own worth trusting, so Authentik gates
 * every request. Its config (indexer API keys) is encrypted; the media library is on NFS.
 */
export class ProwlarrStack extends HomelabStack {
  constructor(scope: Construct) {
    super(scope, "prowlarr", { tier: 1, cluster: "kubernetes", description: "Prowlarr indexer manager" });
    const namespace = new Namespace(this, "Namespace", { name: "prowlarr" });
    const config = new EncryptedPvc(this, "Config", {
      namespace,
      app: "prowlarr",
      name: "prowlarr-config-encrypted",
      backup: { cronjob: {} },
    });
    const media = new NfsVolume(this, "Media", {
      namespace,
      name: "media",
      path: this.inventory.kubernetes.nfs.mediaPath,
      sizeGiB: 1000,
    });
    const app = new AppDeployment(this, "App", {
      namespace,
      name: "prowlarr",
      containers: [
        {
          name: "prowlarr",
          image: KUBERNETES_IMAGES.prowlarr.ref,
          cpuMillis: 100,
          memoryMiB: 512,
          ports: { http: 9696 },
          // NO_CHOWN: LinuxServer images chown their tree on start, which hangs on the NFS media mount.
          env: { PUID: "1000", PGID: "1000", TZ: "Etc/UTC", NO_CHOWN: "true" },
          mounts: [
            { volume: config, path: "/config" },
            { volume: media, path: "/media" },
          ],
          livenessProbe: { path: "/ping", port: 9696, initialDelaySeconds: 30 },
          readinessProbe: { path: "/ping", port: 9696 },
        },
      ],
      service: { port: 80, targetPort: "http" },
      metrics: { none: "Prowlarr serves no Prometheus metrics (an exporter would need its API key); the uptime monitor checks /ping" },
    });
    new IngressFactory(this, "Ingress", { name: "prowlarr", backend: app.backend, dns: "non-proxied" });
  }
}
