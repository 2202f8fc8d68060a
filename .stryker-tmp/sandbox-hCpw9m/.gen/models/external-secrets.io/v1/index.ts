export * from "./ClusterSecretStore";
export * from "./ExternalSecret";
