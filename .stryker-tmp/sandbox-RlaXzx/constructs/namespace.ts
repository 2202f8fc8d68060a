// @ts-nocheck
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { Construct } from "constructs";
import { HomelabStack } from "./homelab-stack";

export interface NamespaceProps {
  /** Kubernetes namespace name, e.g. "vault". */
  readonly name: string;
  /** @default - only the managed-by label */
  readonly labels?: Readonly<Record<string, string>>;
}

/** A namespace by name: ours (a Namespace) or one the cluster ships with. */
export interface NamespaceRef {
  readonly name: string;
}

/** kube-system, which the cluster creates: referenced, never managed. */
export const KUBE_SYSTEM: NamespaceRef = { name: "kube-system" };

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** A Kubernetes namespace owned by this codebase. */
export class Namespace extends Construct implements NamespaceRef {
  /** The namespace's name, as a reference other stacks can read. */
  readonly name: string;
  /** The name as written, for checks at synth (a reference cannot be compared). */
  readonly literalName: string;

  constructor(scope: Construct, id: string, props: NamespaceProps) {
    super(scope, id);
    if (!DNS_LABEL.test(props.name)) {
      throw new Error(`${this.node.path}: namespace name ${JSON.stringify(props.name)} must be a DNS label (a-z, 0-9, -; at most 63)`);
    }
    const namespace = new NamespaceV1(this, "Resource", {
      provider: HomelabStack.of(this).provider("kubernetes", this),
      metadata: {
        name: props.name,
        labels: { "app.kubernetes.io/managed-by": "terraform", ...props.labels },
      },
    });
    this.name = namespace.metadata.name;
    this.literalName = props.name;
  }
}
