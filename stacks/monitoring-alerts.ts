/**
 * The cluster's baseline alerts and Alertmanager's inhibitions, as the operator's guide keeps
 * them (seed 003, "Monitoring & Alerting"): data only, read by the monitoring stack. Job
 * names are the ones the monitoring stack's scrape targets produce (MONITORING_JOBS).
 */
import type { Alert } from "../constructs/prometheus-rule";

/** The `job` label of the monitoring stack's own scrape targets (each chart's Service name). */
export const MONITORING_JOBS = {
  prometheus: "kps-prometheus",
  kubelet: "kubelet",
  kubeStateMetrics: "kube-state-metrics",
  nodeExporter: "node-exporter",
  walloffProbe: "blackbox-authentik-walloff",
} as const;

/** A freshly started Prometheus sees every counter as new: rate-based alerts wait 15 minutes. */
const WARMED_UP = `and on() (time() - max(process_start_time_seconds{job="${MONITORING_JOBS.prometheus}"})) > 900`;

/** Node and workload health: nodes, OOM kills, memory pressure, replica mismatch, pods. */
export const CLUSTER_ALERTS: readonly Alert[] = [
  {
    alert: "NodeDown",
    expr: `up{job="${MONITORING_JOBS.kubelet}", metrics_path="/metrics"} == 0`,
    for: "3m",
    severity: "critical",
    summary: "the kubelet of a node stopped answering: the node is down or cut off",
  },
  {
    alert: "NodeNotReady",
    expr: 'kube_node_status_condition{condition="Ready", status="true"} == 0',
    for: "5m",
    severity: "critical",
    summary: "a node is NotReady",
  },
  {
    alert: "NodeMemoryPressure",
    expr: 'kube_node_status_condition{condition="MemoryPressure", status="true"} == 1',
    for: "5m",
    summary: "a node reports MemoryPressure: the kubelet may evict pods",
  },
  {
    alert: "NodeConditionBad",
    expr: 'kube_node_status_condition{condition=~"DiskPressure|PIDPressure", status="true"} == 1',
    for: "5m",
    summary: "a node reports DiskPressure or PIDPressure",
  },
  {
    alert: "NodeExporterDown",
    expr: `up{job="${MONITORING_JOBS.nodeExporter}"} == 0`,
    for: "5m",
    severity: "critical",
    summary: "a node exporter is down: that node's disk, memory and NFS metrics are blind",
  },
  {
    alert: "ContainerOOMKilled",
    expr: `increase(container_oom_events_total{container!=""}[15m]) > 0 ${WARMED_UP}`,
    for: "5m",
    summary: "a container was OOM-killed in the last 15 minutes: its memory limit is too low",
  },
  {
    alert: "ContainerNearOOM",
    expr:
      'max by (namespace, pod, container) (container_memory_working_set_bytes{container!=""}) ' +
      '/ max by (namespace, pod, container) (kube_pod_container_resource_limits{resource="memory"}) > 0.85',
    for: "15m",
    summary: "a container uses more than 85% of its memory limit",
  },
  {
    alert: "ClusterMemoryRequestsHigh",
    expr: 'sum(kube_pod_container_resource_requests{resource="memory"}) / sum(kube_node_status_allocatable{resource="memory"}) > 0.85',
    for: "15m",
    summary: "memory requests exceed 85% of what the nodes can allocate: the next pod may not schedule",
  },
  {
    alert: "PodUnschedulable",
    expr: 'kube_pod_status_conditions{condition="PodScheduled", status="false"} == 1',
    for: "5m",
    severity: "critical",
    summary: "a pod cannot be scheduled: check its requests and affinity",
  },
  {
    alert: "PodCrashLooping",
    expr: `kube_pod_container_status_waiting_reason{reason="CrashLoopBackOff"} > 0 ${WARMED_UP}`,
    for: "5m",
    summary: "a container is stuck in CrashLoopBackOff",
  },
  {
    // A finished CronJob pod is never ready, and is not broken: pods owned by Jobs are left out.
    alert: "PodNotReady",
    expr:
      'sum by (namespace, pod) (kube_pod_status_ready{condition="false"}) > 0 ' +
      'unless on(namespace, pod) kube_pod_owner{owner_kind="Job"}',
    for: "15m",
    summary: "a pod has not been ready for 15 minutes (completed CronJob pods excepted)",
  },
  {
    alert: "DeploymentReplicasMismatch",
    expr: "(kube_deployment_spec_replicas - on(namespace, deployment) kube_deployment_status_replicas_available) > 0",
    for: "30m",
    summary: "a Deployment has fewer available replicas than it asks for",
  },
  {
    alert: "StatefulSetReplicasMismatch",
    expr: "(kube_statefulset_replicas - on(namespace, statefulset) kube_statefulset_status_replicas_ready) > 0",
    for: "30m",
    summary: "a StatefulSet has fewer ready replicas than it asks for",
  },
  {
    alert: "DaemonSetMissingPods",
    expr: "(kube_daemonset_status_desired_number_scheduled - on(namespace, daemonset) kube_daemonset_status_number_ready) > 0",
    for: "30m",
    summary: "a DaemonSet is missing pods on some nodes",
  },
  {
    alert: "ScrapeTargetDown",
    expr: "up == 0",
    for: "30m",
    summary: "a scrape target has been down for 30 minutes",
  },
];

/** Storage: the NFS server's responsiveness, claims filling up. */
export const STORAGE_ALERTS: readonly Alert[] = [
  {
    // Every node mounts NFS; when fewer than two show NFS client traffic, the server has stopped answering.
    alert: "NFSServerUnresponsive",
    expr: `((count(sum by (instance) (changes(node_nfs_requests_total[15m])) > 0) or on() vector(0)) < 2) ${WARMED_UP}`,
    for: "10m",
    severity: "critical",
    summary: "fewer than two nodes show NFS activity: the NFS server may be down",
  },
  {
    alert: "PVFillingUp",
    expr: "(kubelet_volume_stats_used_bytes / kubelet_volume_stats_capacity_bytes) * 100 > 95",
    for: "10m",
    severity: "critical",
    summary: "a claim is over 95% full: pvc-autoresizer did not grow it in time",
  },
  {
    alert: "PVPredictedFull",
    expr: "predict_linear(kubelet_volume_stats_used_bytes[6h], 24 * 3600) > kubelet_volume_stats_capacity_bytes",
    for: "1h",
    summary: "a claim is predicted to fill up within 24 hours",
  },
];

/** Backups: every backup CronJob of the estate carries app.kubernetes.io/component=backup. */
export const BACKUP_ALERTS: readonly Alert[] = [
  {
    alert: "BackupCronJobFailed",
    expr: 'kube_job_status_failed > 0 and on(namespace, job_name) kube_job_labels{label_app_kubernetes_io_component="backup"}',
    for: "15m",
    summary: "a backup job failed",
  },
  {
    // A run was scheduled after the last success and three hours later has still not succeeded.
    alert: "BackupOverdue",
    expr:
      "(kube_cronjob_status_last_schedule_time - kube_cronjob_status_last_successful_time) > 3 * 3600 " +
      'and on(namespace, cronjob) kube_cronjob_labels{label_app_kubernetes_io_component="backup"}',
    for: "30m",
    severity: "critical",
    summary: "a backup CronJob's last scheduled run has not succeeded for three hours",
  },
];

/** An Alertmanager inhibition: while `source` fires, the `targets` are muted. */
export interface Inhibition {
  readonly source: string;
  readonly targets: readonly string[];
  /** Labels both must share (same claim, same node…). @default - none: muted everywhere */
  readonly equal?: readonly string[];
  /** Why, one line. */
  readonly reason: string;
}

/** The seed's cascade inhibitions, over the alerts above. */
export const INHIBITIONS: readonly Inhibition[] = [
  {
    source: "NodeDown",
    targets: ["NodeNotReady", "NodeConditionBad", "NodeMemoryPressure", "NodeExporterDown", "PodCrashLooping", "PodNotReady", "ContainerOOMKilled", "DeploymentReplicasMismatch", "StatefulSetReplicasMismatch", "DaemonSetMissingPods", "ScrapeTargetDown"],
    reason: "a node down takes its pods, exporters and scrape targets with it: one root cause, one alert",
  },
  {
    source: "NFSServerUnresponsive",
    targets: ["PodCrashLooping", "PodNotReady", "ContainerOOMKilled", "DeploymentReplicasMismatch", "StatefulSetReplicasMismatch", "DaemonSetMissingPods", "ScrapeTargetDown", "BackupCronJobFailed"],
    reason: "NFS down fails every pod and backup that mounts it",
  },
  {
    source: "PVFillingUp",
    targets: ["PVPredictedFull"],
    equal: ["namespace", "persistentvolumeclaim"],
    reason: "a full claim needs no prediction that it will fill",
  },
];
