export * from "./Cluster";
export * from "./Pooler";
