// @ts-nocheck
// The core every stack and script needs: the app, the stack base class, the stack graph,
// provider configuration. Constructs are imported from their own files
// (constructs/ingress-factory, constructs/gluster-csi-volume, …), like the provider
// classes: re-exporting them all here would make every importer load every provider
// binding, which measurably slows the test run (45 s → 55 s).
export * from "./homelab-app";
export * from "./homelab-stack";
export * from "./stack-graph";
export * from "./providers";
export * from "./catalog-facts";
