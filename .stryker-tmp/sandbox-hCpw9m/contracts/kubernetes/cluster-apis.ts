/**
 * The APIs the cluster serves besides what the estate's Helm charts install: Kubernetes'
 * built-in API groups at the cluster's version, and CRDs installed outside this codebase.
 * The one place to change when the cluster is upgraded or an external operator changes;
 * `npm run contracts -- kubernetes-apis` regenerates what the checks read from them.
 */
// @ts-nocheck


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

export const EXTERNAL_CRD_SOURCES: readonly ExternalCrdSource[] = [
  {
    project: "prometheus-operator",
    version: "0.89.0",
    repository: "prometheus-operator/prometheus-operator",
    tag: "v0.89.0",
    dir: "example/prometheus-operator-crd",
    reason:
      "the monitoring stack that installs the Prometheus operator is not managed here yet; gaia-go's PrometheusRule is validated against this version's CRDs, which that stack is to install",
  },
];

/** The stored contract names. */
export const KUBERNETES_API_CONTRACT = "kubernetes-api";
export const externalCrdContract = (project: string) => `crds-${project}`;
