export * from "./homelab-app";
export * from "./homelab-stack";
export * from "./stack-graph";
export * from "./providers";
export * from "./namespace";
export * from "./vault-kv-store";
export * from "./service-secrets";
