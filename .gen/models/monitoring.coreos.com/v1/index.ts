export * from "./PrometheusRule";
