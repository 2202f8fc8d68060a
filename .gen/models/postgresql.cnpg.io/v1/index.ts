export * from "./Cluster";
