export * from "./PrometheusRule";
export * from "./ServiceMonitor";
export * from "./PodMonitor";
export * from "./Probe";
