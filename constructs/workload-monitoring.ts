/**
 * What a workload declares about being watched (house rule HL-K8S-15): its metrics port,
 * scraped by a ServiceMonitor or PodMonitor, or no metrics and why; and an uptime monitor
 * on its Service, or none and why. Data, validation and the annotations that record the
 * choice for kubectl, the rule and the catalog.
 */
import {
  METRICS_MODE_ANNOTATION,
  METRICS_REASON_ANNOTATION,
  MIN_MONITORING_REASON_LENGTH,
  UPTIME_MODE_ANNOTATION,
  UPTIME_MONITOR_ANNOTATION,
  UPTIME_PATH_ANNOTATION,
  UPTIME_REASON_ANNOTATION,
} from "../policy/rules/k8s-workload-observability";
import type { HttpProbe } from "./container";

/** A workload's metrics: the container port (by name) that serves Prometheus metrics, or none with a reason. */
export type MetricsDecision =
  | {
      /** The container port's name, e.g. "metrics". */
      readonly port: string;
      /** @default "/metrics" */
      readonly path?: string;
      /** @default 60 */
      readonly intervalSeconds?: number;
    }
  | { readonly none: string };

/** Opting a workload with a Service out of its uptime monitor, or saying why one without a Service has none. */
export type UptimeDecision = { readonly none: string };

const show = (v: unknown) => (v === undefined ? "undefined" : JSON.stringify(v));

function reasonProblem(what: string, reason: unknown): string | undefined {
  return typeof reason === "string" && reason.trim().length >= MIN_MONITORING_REASON_LENGTH
    ? undefined
    : `${what} none needs a reason of ${MIN_MONITORING_REASON_LENGTH}+ characters; got ${show(reason)}`;
}

/** Problems with a metrics decision, given the container ports it may name. */
export function metricsProblems(metrics: MetricsDecision | undefined, portNames: readonly string[]): string[] {
  const allowed = `allowed: { port: "<container port name>" } (${portNames.join(", ") || "no port declared"}) or { none: "<reason>" }`;
  if (!metrics || typeof metrics !== "object") return [`metrics is ${show(metrics)}: every workload decides how it is scraped; ${allowed}`];
  if ("none" in metrics) return [reasonProblem("metrics", metrics.none)].filter((p): p is string => p !== undefined);
  if (!("port" in metrics) || !portNames.includes(metrics.port)) return [`metrics port ${show((metrics as { port?: unknown }).port)} is not a container port; ${allowed}`];
  const problems: string[] = [];
  if (metrics.path !== undefined && !/^\/\S*$/.test(metrics.path)) problems.push(`metrics path ${show(metrics.path)} must be an absolute URL path such as /metrics`);
  const interval = metrics.intervalSeconds ?? 60;
  if (!Number.isInteger(interval) || interval < 10 || interval > 600) problems.push(`metrics intervalSeconds ${interval} must be a whole number from 10 to 600`);
  return problems;
}

/** Problems with an uptime decision: required (as none) when the workload has no Service to monitor. */
export function uptimeProblems(uptime: UptimeDecision | undefined, hasService: boolean): string[] {
  if (uptime === undefined) {
    return hasService ? [] : ['the workload has no Service, so no uptime monitor can reach it; allowed: a Service, or uptime: { none: "<reason>" }'];
  }
  return [reasonProblem("uptime", (uptime as { none?: unknown }).none)].filter((p): p is string => p !== undefined);
}

/** The annotations recording both decisions on the workload. */
export function monitoringAnnotations(metrics: MetricsDecision, via: "servicemonitor" | "podmonitor", uptime: UptimeDecision | undefined): Record<string, string> {
  return {
    ...("none" in metrics
      ? { [METRICS_MODE_ANNOTATION]: "none", [METRICS_REASON_ANNOTATION]: metrics.none.trim() }
      : { [METRICS_MODE_ANNOTATION]: via }),
    ...(uptime ? { [UPTIME_MODE_ANNOTATION]: "none", [UPTIME_REASON_ANNOTATION]: uptime.none.trim() } : { [UPTIME_MODE_ANNOTATION]: "internal" }),
  };
}

/**
 * The annotations asking for an internal uptime monitor on a Service: an HTTP check of the
 * readiness probe's path when that probe answers on the Service's target port, else a TCP check.
 */
export function uptimeServiceAnnotations(readinessProbe: HttpProbe | undefined, targetContainerPort: number | undefined): Record<string, string> {
  const http = readinessProbe && readinessProbe.port === targetContainerPort;
  return { [UPTIME_MONITOR_ANNOTATION]: "internal", ...(http ? { [UPTIME_PATH_ANNOTATION]: readinessProbe.path } : {}) };
}
