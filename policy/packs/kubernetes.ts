import { Rule } from "../rule";

/** House rules of the Kubernetes cluster. */
export const KUBERNETES_RULES: readonly Rule[] = [];
