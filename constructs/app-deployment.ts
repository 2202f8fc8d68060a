import { DeploymentV1 } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import { Construct } from "constructs";
import { ContainerSpec, containerProblems, mountedVolumes, renderPodSpec } from "./container";
import { HomelabStack } from "./homelab-stack";
import { appLabels, dnsLabelProblem, intProblem, selectorLabels, throwIfProblems } from "./kubernetes-names";
import { Namespace } from "./namespace";
import { ScrapeTarget } from "./scrape-target";
import { MetricsDecision, metricsProblems, monitoringAnnotations, UptimeDecision, uptimeProblems, uptimeServiceAnnotations } from "./workload-monitoring";

/** A Service port an ingress can route to. */
export interface ServiceBackend {
  readonly namespace: string;
  readonly serviceName: string;
  readonly port: number;
}

export interface AppDeploymentProps {
  readonly namespace: Namespace;
  /** App name: Deployment and Service name, and the app.kubernetes.io/name label. */
  readonly name: string;
  readonly containers: readonly ContainerSpec[];
  /** @default - none */
  readonly initContainers?: readonly ContainerSpec[];
  /** @default 1 */
  readonly replicas?: number;
  /**
   * The Service in front of the pods: its port, and the container port name it targets.
   * @default - no Service
   */
  readonly service?: { readonly port: number; readonly targetPort: string };
  /** @default - the namespace's default service account */
  readonly serviceAccountName?: string;
  /**
   * The container port serving Prometheus metrics, scraped by a ServiceMonitor (through the
   * Service, which then exposes that port too) or a PodMonitor (no Service); or none and why.
   */
  readonly metrics: MetricsDecision;
  /** @default - an internal uptime monitor on the Service (required as none when there is no Service) */
  readonly uptime?: UptimeDecision;
}

/**
 * A stateless-or-RWO app: a Deployment and optionally its Service. The update strategy
 * follows from the volumes: a ReadWriteOnce claim can be attached to one pod at a time,
 * so mounting one makes the strategy Recreate; otherwise RollingUpdate.
 */
export class AppDeployment extends Construct {
  readonly name: string;
  readonly namespace: string;
  /** "Recreate" when a ReadWriteOnce claim is mounted, else "RollingUpdate". */
  readonly strategy: "Recreate" | "RollingUpdate";
  private readonly servicePort?: number;
  private serviceName?: string;

  constructor(scope: Construct, id: string, props: AppDeploymentProps) {
    super(scope, id);
    const replicas = props.replicas ?? 1;
    const all = [...(props.initContainers ?? []), ...props.containers];
    const rwo = mountedVolumes(all).filter((v) => v.accessMode === "ReadWriteOnce");
    const portNames = new Set(props.containers.flatMap((c) => Object.keys(c.ports ?? {})));
    throwIfProblems(this.node.path, [
      dnsLabelProblem("app name", props.name),
      props.containers.length === 0 ? "containers must list at least one container" : undefined,
      intProblem("replicas", replicas, 0, 50),
      rwo.length && replicas > 1
        ? `replicas ${replicas} with ReadWriteOnce claim ${rwo.map((v) => v.claimName).join(", ")}: one node at a time can attach it; allowed: replicas 0 or 1, or a ReadWriteMany volume`
        : undefined,
      props.service && !portNames.has(props.service.targetPort)
        ? `service targetPort ${JSON.stringify(props.service.targetPort)} is not a container port; allowed: ${[...portNames].join(", ") || "(none declared)"}`
        : undefined,
      ...all.flatMap(containerProblems),
      ...metricsProblems(props.metrics, [...portNames]),
      ...uptimeProblems(props.uptime, !!props.service),
    ]);

    const provider = HomelabStack.of(this).provider("kubernetes", this);
    this.name = props.name;
    this.namespace = props.namespace.name;
    this.strategy = rwo.length ? "Recreate" : "RollingUpdate";
    const labels = appLabels(props.name);
    const metrics = "port" in props.metrics ? props.metrics : undefined;
    new DeploymentV1(this, "Deployment", {
      provider,
      metadata: {
        name: props.name,
        namespace: this.namespace,
        labels,
        annotations: monitoringAnnotations(props.metrics, props.service ? "servicemonitor" : "podmonitor", props.uptime),
      },
      spec: {
        replicas: String(replicas),
        selector: { matchLabels: selectorLabels(props.name) },
        strategy: { type: this.strategy },
        template: {
          metadata: { labels },
          spec: renderPodSpec(props.containers, { serviceAccountName: props.serviceAccountName }, props.initContainers),
        },
      },
    });

    const containerPort = (name: string) => props.containers.map((c) => c.ports?.[name]).find((p) => p !== undefined);
    if (props.service) {
      this.servicePort = props.service.port;
      const target = containerPort(props.service.targetPort);
      // A metrics port besides the one served gets its own Service port, for the ServiceMonitor.
      const metricsPort = metrics && metrics.port !== props.service.targetPort ? [{ name: metrics.port, port: containerPort(metrics.port)!, targetPort: metrics.port }] : [];
      const readiness = props.containers.map((c) => c.readinessProbe).find((p) => p !== undefined);
      const service = new ServiceV1(this, "Service", {
        provider,
        metadata: { name: props.name, namespace: this.namespace, labels, annotations: props.uptime ? undefined : uptimeServiceAnnotations(readiness, target) },
        spec: {
          selector: selectorLabels(props.name),
          port: [{ name: "http", port: props.service.port, targetPort: props.service.targetPort }, ...metricsPort],
        },
      });
      this.serviceName = service.metadata.name;
    }
    if (metrics) {
      const servicePortName = metrics.port === props.service?.targetPort ? "http" : metrics.port;
      new ScrapeTarget(this, "Metrics", {
        namespace: props.namespace,
        name: props.name,
        via: props.service ? "service" : "pod",
        selector: selectorLabels(props.name),
        port: props.service ? servicePortName : metrics.port,
        path: metrics.path,
        intervalSeconds: metrics.intervalSeconds,
      });
    }
  }

  /** The Service as an ingress backend; fails when the app has no Service. */
  get backend(): ServiceBackend {
    if (!this.serviceName || this.servicePort === undefined) {
      throw new Error(`${this.node.path}: app ${this.name} has no service; set service: { port, targetPort } to route to it`);
    }
    return { namespace: this.namespace, serviceName: this.serviceName, port: this.servicePort };
  }
}
