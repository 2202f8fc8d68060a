export * from "./ClusterPolicy";
