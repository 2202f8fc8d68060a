// @ts-nocheck
import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import { Construct } from "constructs";
import type { ServiceBackend } from "./app-deployment";
import { HomelabStack } from "./homelab-stack";
import { appLabels, dnsLabelProblem, intProblem, throwIfProblems } from "./kubernetes-names";
import type { NamespaceRef } from "./namespace";

export interface SelectorServiceProps {
  readonly namespace: NamespaceRef;
  /** The Service's name, a DNS label: what clients call. */
  readonly name: string;
  /** The labels of the pods it routes to (another controller's: a chart's, an operator's). */
  readonly selector: Readonly<Record<string, string>>;
  /** The Service's port. */
  readonly port: number;
  /** The pods' port, by number or name. */
  readonly targetPort: number | string;
}

/** A ClusterIP Service under a name of our choosing in front of pods someone else runs. */
export class SelectorService extends Construct {
  readonly backend: ServiceBackend;

  constructor(scope: Construct, id: string, props: SelectorServiceProps) {
    super(scope, id);
    throwIfProblems(this.node.path, [
      dnsLabelProblem("service name", props.name),
      intProblem("port", props.port, 1, 65535),
      Object.keys(props.selector).length ? undefined : "selector must name at least one label, or the Service would route to every pod of the namespace",
    ]);
    const service = new ServiceV1(this, "Resource", {
      provider: HomelabStack.of(this).provider("kubernetes", this),
      metadata: { name: props.name, namespace: props.namespace.name, labels: appLabels(props.name) },
      spec: { selector: { ...props.selector }, port: [{ name: "http", port: props.port, targetPort: String(props.targetPort) }] },
    });
    this.backend = { namespace: props.namespace.name, serviceName: service.metadata.name, port: props.port };
  }
}
