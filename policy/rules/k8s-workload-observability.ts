import { EstateProblem, EstateRule, SynthResource } from "../rule";
import { first } from "./k8s-support";

/** Annotations recording a workload's metrics decision: servicemonitor, podmonitor or none (with a reason). */
export const METRICS_MODE_ANNOTATION = "homelab.metrics/mode";
export const METRICS_REASON_ANNOTATION = "homelab.metrics/reason";
/** Annotations recording a workload's uptime decision: internal (a monitor on its Service) or none (with a reason). */
export const UPTIME_MODE_ANNOTATION = "homelab.uptime/mode";
export const UPTIME_REASON_ANNOTATION = "homelab.uptime/reason";
export const MIN_MONITORING_REASON_LENGTH = 10;
/** Annotations on a Service that the uptime monitor sync turns into an internal monitor (path: an HTTP check, else TCP). */
export const UPTIME_MONITOR_ANNOTATION = "homelab.uptime/monitor";
export const UPTIME_PATH_ANNOTATION = "homelab.uptime/path";

const WORKLOAD_TYPES = ["kubernetes_deployment", "kubernetes_deployment_v1", "kubernetes_stateful_set", "kubernetes_stateful_set_v1", "kubernetes_daemonset", "kubernetes_daemon_set_v1"];
const SERVICE_TYPES = ["kubernetes_service", "kubernetes_service_v1"];
const NAME_LABEL = "app.kubernetes.io/name";
const METRICS_MODES = { servicemonitor: "ServiceMonitor", podmonitor: "PodMonitor" } as const;

type Annotations = Record<string, string>;
const annotationsOf = (r: SynthResource): Annotations => (first(r.attributes.metadata)?.annotations ?? {}) as Annotations;

/** The custom resources of a stack of one kind, as { namespace, selected app name }. */
function monitors(resources: readonly SynthResource[], kind: string): { namespace: unknown; app: unknown }[] {
  return resources
    .filter((r) => r.type === "kubernetes_manifest")
    .map((r) => first(r.attributes.manifest))
    .filter((m) => m?.kind === kind)
    .map((m) => ({ namespace: m!.metadata?.namespace, app: m!.spec?.selector?.matchLabels?.[NAME_LABEL] }));
}

function reasonMissing(annotations: Annotations, key: string): boolean {
  return (annotations[key] ?? "").trim().length < MIN_MONITORING_REASON_LENGTH;
}

/**
 * The seed's rule "every new service gets Prometheus scrape config + Uptime Kuma monitor",
 * with reasoned exceptions: every workload the estate builds records both decisions, and
 * the scrape target and monitored Service it claims exist in its stack. Workloads inside Helm
 * charts declare their monitors in the chart's values instead.
 */
export const k8sWorkloadObservability: EstateRule = {
  id: "HL-K8S-15",
  scope: "estate",
  level: "error",
  description:
    "every Deployment, StatefulSet and DaemonSet records its metrics decision (homelab.metrics/mode: servicemonitor or podmonitor, with the monitor in its stack, or none with a reason) and its uptime decision (homelab.uptime/mode: internal, with an annotated Service, or none with a reason)",
  fix: "declare metrics: { port: \"<container port>\" } or { none: \"<reason>\" } on AppDeployment / QuorumStatefulSet; opt out of the uptime monitor with uptime: { none: \"<reason>\" }",
  check(stacks) {
    const problems: EstateProblem[] = [];
    for (const stack of stacks) {
      const services = stack.resources.filter((r) => SERVICE_TYPES.includes(r.type));
      for (const workload of stack.resources.filter((r) => WORKLOAD_TYPES.includes(r.type))) {
        const at = { stackId: stack.id, path: workload.path };
        const metadata = first(workload.attributes.metadata) ?? {};
        const annotations = annotationsOf(workload);
        const namespace = metadata.namespace;
        const app = first(first(first(workload.attributes.spec)?.template)?.metadata)?.labels?.[NAME_LABEL];
        const what = `${metadata.name ?? workload.path}`;

        const metrics = annotations[METRICS_MODE_ANNOTATION];
        if (metrics === "none") {
          if (reasonMissing(annotations, METRICS_REASON_ANNOTATION)) {
            problems.push({ ...at, message: `workload ${what} has metrics mode none without a reason of ${MIN_MONITORING_REASON_LENGTH}+ characters in ${METRICS_REASON_ANNOTATION}` });
          }
        } else if (metrics === "servicemonitor" || metrics === "podmonitor") {
          const kind = METRICS_MODES[metrics];
          if (!monitors(stack.resources, kind).some((m) => m.namespace === namespace && m.app === app)) {
            problems.push({ ...at, message: `workload ${what} has metrics mode ${metrics}, but no ${kind} in stack ${stack.id} selects ${NAME_LABEL}=${JSON.stringify(app ?? null)} in its namespace` });
          }
        } else {
          problems.push({
            ...at,
            message: `workload ${what} has ${METRICS_MODE_ANNOTATION} = ${JSON.stringify(metrics ?? null)}; allowed: servicemonitor, podmonitor, or none with a reason in ${METRICS_REASON_ANNOTATION}`,
          });
        }

        const uptime = annotations[UPTIME_MODE_ANNOTATION];
        if (uptime === "none") {
          if (reasonMissing(annotations, UPTIME_REASON_ANNOTATION)) {
            problems.push({ ...at, message: `workload ${what} has uptime mode none without a reason of ${MIN_MONITORING_REASON_LENGTH}+ characters in ${UPTIME_REASON_ANNOTATION}` });
          }
        } else if (uptime === "internal") {
          const monitored = services.some((s) => {
            const service = first(s.attributes.metadata) ?? {};
            return service.namespace === namespace && annotationsOf(s)[UPTIME_MONITOR_ANNOTATION] === "internal" && first(s.attributes.spec)?.selector?.[NAME_LABEL] === app;
          });
          if (!monitored) {
            problems.push({ ...at, message: `workload ${what} has uptime mode internal, but no Service of it in stack ${stack.id} carries homelab.uptime/monitor = "internal"` });
          }
        } else {
          problems.push({
            ...at,
            message: `workload ${what} has ${UPTIME_MODE_ANNOTATION} = ${JSON.stringify(uptime ?? null)}; allowed: internal, or none with a reason in ${UPTIME_REASON_ANNOTATION}`,
          });
        }
      }
    }
    return problems;
  },
};
