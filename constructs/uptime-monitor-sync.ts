import { ClusterRoleBindingV1 } from "@cdktf/provider-kubernetes/lib/cluster-role-binding-v1";
import { ClusterRoleV1 } from "@cdktf/provider-kubernetes/lib/cluster-role-v1";
import { CronJobV1 } from "@cdktf/provider-kubernetes/lib/cron-job-v1";
import { ServiceAccountV1 } from "@cdktf/provider-kubernetes/lib/service-account-v1";
import { Construct } from "constructs";
import { UPTIME_MONITOR_ANNOTATION, UPTIME_PATH_ANNOTATION } from "../policy/rules/k8s-workload-observability";
import type { ServiceBackend } from "./app-deployment";
import { cronScheduleProblem } from "./backup-target";
import { EnvSecretSource, renderPodSpec } from "./container";
import { HomelabStack } from "./homelab-stack";
import { KUBERNETES_IMAGES } from "./kubernetes-images";
import { appLabels, throwIfProblems } from "./kubernetes-names";
import { Namespace } from "./namespace";
import { UPTIME_KUMA_API_PACKAGE, UPTIME_MONITOR_SYNC_PY } from "./uptime-monitor-sync-script";

/** The Python the sync runs in. */
export const UPTIME_SYNC_IMAGE = KUBERNETES_IMAGES.python.ref;

export interface UptimeMonitorSyncProps {
  readonly namespace: Namespace;
  /** Uptime Kuma's Service. */
  readonly uptimeKuma: ServiceBackend;
  /** A Secret with UPTIME_KUMA_USERNAME and UPTIME_KUMA_PASSWORD. */
  readonly credentials: EnvSecretSource;
  /** @default "*\/10 * * * *" (the seed's external-monitor-sync) */
  readonly schedule?: string;
}

/**
 * Keeps Uptime Kuma's monitors in step with the code: an "[External] <host>" monitor for
 * every ingress IngressFactory marks with the inventory's uptime annotation (dns proxied or
 * non-proxied), and an "[Internal] <namespace>/<service>" monitor for every Service a
 * workload marked (homelab.uptime/monitor). It reads the cluster, so a new service is
 * watched without touching this stack; it may only list ingresses and Services.
 */
export class UptimeMonitorSync extends Construct {
  constructor(scope: Construct, id: string, props: UptimeMonitorSyncProps) {
    super(scope, id);
    const schedule = props.schedule ?? "*/10 * * * *";
    throwIfProblems(this.node.path, [cronScheduleProblem(schedule)]);
    const stack = HomelabStack.of(this);
    const provider = stack.provider("kubernetes", this);
    const name = "uptime-monitor-sync";
    const labels = appLabels(name, "monitoring");
    const account = new ServiceAccountV1(this, "ServiceAccount", { provider, metadata: { name, namespace: props.namespace.name, labels } });
    const role = new ClusterRoleV1(this, "ClusterRole", {
      provider,
      metadata: { name, labels },
      rule: [
        { apiGroups: ["networking.k8s.io"], resources: ["ingresses"], verbs: ["list"] },
        { apiGroups: [""], resources: ["services"], verbs: ["list"] },
      ],
    });
    new ClusterRoleBindingV1(this, "ClusterRoleBinding", {
      provider,
      metadata: { name, labels },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: role.metadata.name },
      subject: [{ kind: "ServiceAccount", name: account.metadata.name, namespace: props.namespace.name }],
    });
    const { serviceName, namespace, port } = props.uptimeKuma;
    new CronJobV1(this, "CronJob", {
      provider,
      metadata: { name, namespace: props.namespace.name, labels },
      spec: {
        schedule,
        concurrencyPolicy: "Forbid",
        successfulJobsHistoryLimit: 1,
        failedJobsHistoryLimit: 3,
        jobTemplate: {
          metadata: { labels },
          spec: {
            backoffLimit: 1,
            ttlSecondsAfterFinished: "300",
            template: {
              metadata: { labels },
              spec: renderPodSpec(
                [
                  {
                    name: "sync",
                    image: UPTIME_SYNC_IMAGE,
                    command: ["/bin/sh", "-euc"],
                    args: [`pip install --quiet --no-cache-dir --disable-pip-version-check '${UPTIME_KUMA_API_PACKAGE}'\nexec python3 -c "$SYNC_PROGRAM"`],
                    cpuMillis: 10,
                    memoryMiB: 192,
                    env: {
                      SYNC_PROGRAM: UPTIME_MONITOR_SYNC_PY,
                      UPTIME_KUMA_URL: `http://${serviceName}.${namespace}.svc.cluster.local:${port}`,
                      EXTERNAL_ANNOTATION: stack.inventory.kubernetes.uptimeMonitorAnnotation,
                      INTERNAL_ANNOTATION: UPTIME_MONITOR_ANNOTATION,
                      PATH_ANNOTATION: UPTIME_PATH_ANNOTATION,
                    },
                    envFromSecrets: [props.credentials],
                  },
                ],
                { restartPolicy: "OnFailure", serviceAccountName: account.metadata.name },
              ),
            },
          },
        },
      },
    });
  }
}
