import { Rule } from "../rule";
import { k8sCpuRequestNoLimit } from "../rules/k8s-cpu-request-no-limit";
import { k8sHelmChartPinned } from "../rules/k8s-helm-chart-pinned";
import { k8sIngressMiddlewares } from "../rules/k8s-ingress-middlewares";
import { k8sIngressTls } from "../rules/k8s-ingress-tls";
import { k8sIngressUptime } from "../rules/k8s-ingress-uptime";
import { k8sKyvernoDnsConfig } from "../rules/k8s-kyverno-dns-config";
import { k8sKyvernoFailurePolicy } from "../rules/k8s-kyverno-failure-policy";
import { k8sKyvernoWave1Admission } from "../rules/k8s-kyverno-wave1-admission";
import { k8sLinuxserverNoChown } from "../rules/k8s-linuxserver-no-chown";
import { k8sMemoryRequestEqualsLimit } from "../rules/k8s-memory-request-equals-limit";
import { k8sNfsCritical } from "../rules/k8s-nfs-critical";
import { k8sProxmoxClaimBackup } from "../rules/k8s-proxmox-claim-backup";
import { k8sProxmoxClaimTemplate } from "../rules/k8s-proxmox-claim-template";
import { k8sRwoRollingUpdate } from "../rules/k8s-rwo-rolling-update";
import { k8sSecretStoreNamespaces } from "../rules/k8s-secret-store-namespaces";
import { k8sWorkloadObservability } from "../rules/k8s-workload-observability";

/** House rules of the Kubernetes cluster. */
export const KUBERNETES_RULES: readonly Rule[] = [
  k8sRwoRollingUpdate,
  k8sNfsCritical,
  k8sCpuRequestNoLimit,
  k8sMemoryRequestEqualsLimit,
  k8sHelmChartPinned,
  k8sKyvernoDnsConfig,
  k8sProxmoxClaimTemplate,
  k8sProxmoxClaimBackup,
  k8sIngressTls,
  k8sIngressUptime,
  k8sSecretStoreNamespaces,
  k8sIngressMiddlewares,
  k8sKyvernoFailurePolicy,
  k8sKyvernoWave1Admission,
  k8sLinuxserverNoChown,
  k8sWorkloadObservability,
];
