/**
 * The APIs the cluster serves besides what the estate's Helm charts install: Kubernetes'
 * built-in API groups at the cluster's version, and CRDs installed outside this codebase.
 * The one place to change when the cluster is upgraded or an external operator changes;
 * `npm run contracts -- kubernetes-apis` regenerates what the checks read from them.
 */

/** The cluster's Kubernetes release: its built-in kinds come from kubernetes/api at this tag. */
export const KUBERNETES_API = {
  project: "kubernetes",
  version: "1.33.13",
  repository: "kubernetes/api",
  tag: "kubernetes-1.33.13",
} as const;

/**
 * Kinds every API server serves from its extension and aggregation layers, whose types live
 * outside kubernetes/api (k8s.io/apiextensions-apiserver, k8s.io/kube-aggregator).
 */
export const API_SERVER_OWN_KINDS = [
  { group: "apiextensions.k8s.io", version: "v1", kind: "CustomResourceDefinition" },
  { group: "apiregistration.k8s.io", version: "v1", kind: "APIService" },
] as const;

/** CRDs the cluster has that no chart of the estate installs. */
export interface ExternalCrdSource {
  /** Project the CRDs come from, as findings name it. */
  readonly project: string;
  readonly version: string;
  /** owner/name */
  readonly repository: string;
  readonly tag: string;
  /** Directory of the CRD manifests at that tag (all of them: an install brings them all). */
  readonly dir: string;
  /** Why these CRDs are taken as installed although the estate does not install them. */
  readonly reason: string;
}

// The Prometheus operator's CRDs were declared here until the monitoring stack installed them
// (kube-prometheus-stack); nothing the cluster serves comes from outside the estate now.
export const EXTERNAL_CRD_SOURCES: readonly ExternalCrdSource[] = [];

/** The stored contract names. */
export const KUBERNETES_API_CONTRACT = "kubernetes-api";
export const externalCrdContract = (project: string) => `crds-${project}`;
