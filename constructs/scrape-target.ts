import { Construct } from "constructs";
import type { IPodMonitor } from "../.gen/models/monitoring.coreos.com/v1/PodMonitor";
import type { IServiceMonitor } from "../.gen/models/monitoring.coreos.com/v1/ServiceMonitor";
import { CustomResource } from "./custom-resource";
import { appLabels } from "./kubernetes-names";
import type { NamespaceRef } from "./namespace";

export interface ScrapeTargetProps {
  readonly namespace: NamespaceRef;
  /** The workload's name: names the monitor. */
  readonly name: string;
  /** Through the workload's Service (ServiceMonitor) or straight from its pods (PodMonitor). */
  readonly via: "service" | "pod";
  /** Labels of the Services (via service) or pods (via pod) to scrape. */
  readonly selector: Readonly<Record<string, string>>;
  /** The port's name on the Service, or on the container. */
  readonly port: string;
  /** @default "/metrics" */
  readonly path?: string;
  /** @default 60 */
  readonly intervalSeconds?: number;
}

/**
 * A Prometheus scrape target for one workload: a ServiceMonitor, or a PodMonitor when it
 * has no Service. The stack must deploy after the monitoring stack, which installs the CRDs.
 */
export class ScrapeTarget extends Construct {
  readonly kind: "ServiceMonitor" | "PodMonitor";

  constructor(scope: Construct, id: string, props: ScrapeTargetProps) {
    super(scope, id);
    const endpoint = { port: props.port, path: props.path ?? "/metrics", interval: `${props.intervalSeconds ?? 60}s` };
    const common = { name: props.name, namespace: props.namespace.name, labels: appLabels(props.name, "metrics") };
    const selector = { matchLabels: { ...props.selector } };
    if (props.via === "service") {
      this.kind = "ServiceMonitor";
      new CustomResource<IServiceMonitor>(this, "Resource", {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "ServiceMonitor",
        ...common,
        body: { spec: { selector, endpoints: [endpoint] } },
      });
    } else {
      this.kind = "PodMonitor";
      new CustomResource<IPodMonitor>(this, "Resource", {
        apiVersion: "monitoring.coreos.com/v1",
        kind: "PodMonitor",
        ...common,
        body: { spec: { selector, podMetricsEndpoints: [endpoint] } },
      });
    }
  }
}
