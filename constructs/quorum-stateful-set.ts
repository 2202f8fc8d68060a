import { PodDisruptionBudgetV1 } from "@cdktf/provider-kubernetes/lib/pod-disruption-budget-v1";
import { ServiceV1 } from "@cdktf/provider-kubernetes/lib/service-v1";
import { StatefulSetV1 } from "@cdktf/provider-kubernetes/lib/stateful-set-v1";
import { Construct } from "constructs";
import type { ServiceBackend } from "./app-deployment";
import { ContainerSpec, containerProblems, PodVolumeSource, renderPodSpec } from "./container";
import { HomelabStack } from "./homelab-stack";
import { appLabels, dnsLabelProblem, gib, throwIfProblems } from "./kubernetes-names";
import { Namespace } from "./namespace";
import { claimTemplateAnnotations, claimTemplateProblems } from "./proxmox-claim";
import { ENCRYPTED_STORAGE_CLASS, ENCRYPTED_SUFFIX } from "./proxmox-claim-template";
import { ScrapeTarget } from "./scrape-target";
import { MetricsDecision, metricsProblems, monitoringAnnotations, UptimeDecision, uptimeProblems, uptimeServiceAnnotations } from "./workload-monitoring";

export interface QuorumDataClaim {
  /** Template name; each pod's claim is <name>-<statefulset>-<ordinal>. Must end in "-encrypted". */
  readonly name: string;
  readonly mountPath: string;
  /** @default 1 */
  readonly sizeGiB?: number;
  /** @default 5 */
  readonly storageLimitGiB?: number;
  /**
   * Per-pod claims cannot be mounted by one backup CronJob; say how the data survives a
   * lost member (replication, snapshots).
   */
  readonly backup: { readonly none: string };
}

export interface QuorumStatefulSetProps {
  readonly namespace: Namespace;
  /** StatefulSet name; the headless Service is <name>-peers. */
  readonly name: string;
  /** Odd, at least 3. @default 3 */
  readonly members?: number;
  /** The member's container; needs a readiness probe, since updates wait for it. */
  readonly container: ContainerSpec;
  /** Each member's own encrypted claim, mounted into the container. */
  readonly dataClaim: QuorumDataClaim;
  /** The container port name clients use, exposed by a ClusterIP Service named <name>. */
  readonly clientPort: string;
  /** The container port serving Prometheus metrics, scraped from every member through the peers Service; or none and why. */
  readonly metrics: MetricsDecision;
  /** @default - an internal uptime monitor on the client Service */
  readonly uptime?: UptimeDecision;
}

/**
 * A quorum-replicated service (Raft and the like) that keeps quorum by construction: a
 * StatefulSet of an odd number of members, updated one member at a time and only after
 * the previous one is ready, a PodDisruptionBudget that never lets voluntary disruptions
 * go below quorum, a headless Service for peer discovery by DNS, and per-member encrypted
 * claims that outlive the pods.
 */
export class QuorumStatefulSet extends Construct {
  /** The headless Service's DNS name for a set: <name>-peers.<namespace>.svc.cluster.local. */
  static peerDomainOf(name: string, namespace: Namespace): string {
    return `${name}-peers.${namespace.name}.svc.cluster.local`;
  }

  readonly members: number;
  /** floor(members / 2) + 1: the members that must stay up. */
  readonly quorum: number;
  /** The headless Service's DNS name, <name>-peers.<namespace>.svc.cluster.local. */
  readonly peerDomain: string;
  readonly peerServiceName: string;
  readonly backend: ServiceBackend;

  constructor(scope: Construct, id: string, props: QuorumStatefulSetProps) {
    super(scope, id);
    const members = props.members ?? 3;
    const ports = props.container.ports ?? {};
    const claim = props.dataClaim;
    throwIfProblems(this.node.path, [
      dnsLabelProblem("name", props.name),
      Number.isInteger(members) && members >= 3 && members % 2 === 1
        ? undefined
        : `members ${members} cannot keep quorum through a rolling update; allowed: an odd number of at least 3`,
      props.container.readinessProbe ? undefined : "container needs a readinessProbe: the update moves to the next member only when this one is ready",
      ports[props.clientPort] === undefined
        ? `clientPort ${JSON.stringify(props.clientPort)} is not a container port; allowed: ${Object.keys(ports).join(", ") || "(none declared)"}`
        : undefined,
      claim.name.endsWith(ENCRYPTED_SUFFIX) ? undefined : `dataClaim name ${JSON.stringify(claim.name)} must end in "${ENCRYPTED_SUFFIX}"`,
      ...claimTemplateProblems({ ...claim, namespace: props.namespace, app: props.name }),
      ...containerProblems(props.container),
      ...metricsProblems(props.metrics, Object.keys(ports)),
      ...uptimeProblems(props.uptime, true),
    ]);
    this.members = members;
    this.quorum = Math.floor(members / 2) + 1;
    const namespace = props.namespace.name;
    const provider = HomelabStack.of(this).provider("kubernetes", this);
    const labels = appLabels(props.name);
    const selector = { "app.kubernetes.io/name": props.name };
    this.peerServiceName = `${props.name}-peers`;
    this.peerDomain = QuorumStatefulSet.peerDomainOf(props.name, props.namespace);

    // Its own component label, so a ServiceMonitor picks every member through it and not the client Service too.
    const peerLabels = appLabels(props.name, "peers");
    const peers = new ServiceV1(this, "PeerService", {
      provider,
      metadata: { name: this.peerServiceName, namespace, labels: peerLabels },
      spec: {
        clusterIp: "None",
        // Members must find each other before they are ready: that is how they elect a leader.
        publishNotReadyAddresses: true,
        selector,
        port: Object.entries(ports).map(([name, port]) => ({ name, port, targetPort: name })),
      },
    });

    const volume: PodVolumeSource = { claimName: claim.name, accessMode: "ReadWriteOnce", volumeName: claim.name };
    const container: ContainerSpec = {
      ...props.container,
      mounts: [...(props.container.mounts ?? []), { volume, path: claim.mountPath }],
    };
    new StatefulSetV1(this, "StatefulSet", {
      provider,
      metadata: { name: props.name, namespace, labels, annotations: monitoringAnnotations(props.metrics, "servicemonitor", props.uptime) },
      spec: {
        serviceName: peers.metadata.name,
        replicas: String(members),
        podManagementPolicy: "OrderedReady",
        minReadySeconds: 10,
        selector: { matchLabels: selector },
        updateStrategy: [{ type: "RollingUpdate", rollingUpdate: [{ partition: 0 }] }],
        persistentVolumeClaimRetentionPolicy: [{ whenDeleted: "Retain", whenScaled: "Retain" }],
        template: {
          metadata: { labels },
          spec: renderPodSpec(
            [container],
            {
              affinity: {
                podAntiAffinity: {
                  preferredDuringSchedulingIgnoredDuringExecution: [
                    {
                      weight: 100,
                      podAffinityTerm: { topologyKey: "kubernetes.io/hostname", labelSelector: [{ matchLabels: selector }] },
                    },
                  ],
                },
              },
            },
            [],
            [claim.name],
          ),
        },
        volumeClaimTemplate: [
          {
            metadata: {
              name: claim.name,
              labels: appLabels(props.name, "storage"),
              annotations: claimTemplateAnnotations({ ...claim, namespace: props.namespace, app: props.name }),
            },
            spec: {
              accessModes: ["ReadWriteOnce"],
              storageClassName: ENCRYPTED_STORAGE_CLASS,
              resources: { requests: { storage: gib(claim.sizeGiB ?? 1) } },
            },
          },
        ],
      },
    });

    new PodDisruptionBudgetV1(this, "DisruptionBudget", {
      provider,
      metadata: { name: props.name, namespace, labels },
      spec: { minAvailable: String(this.quorum), selector: { matchLabels: selector } },
    });

    const client = new ServiceV1(this, "Service", {
      provider,
      metadata: { name: props.name, namespace, labels, annotations: props.uptime ? undefined : uptimeServiceAnnotations(props.container.readinessProbe, ports[props.clientPort]) },
      spec: { selector, port: [{ name: props.clientPort, port: ports[props.clientPort], targetPort: props.clientPort }] },
    });
    this.backend = { namespace, serviceName: client.metadata.name, port: ports[props.clientPort] };
    if ("port" in props.metrics) {
      new ScrapeTarget(this, "Metrics", {
        namespace: props.namespace,
        name: props.name,
        via: "service",
        selector: { "app.kubernetes.io/name": props.name, "app.kubernetes.io/component": "peers" },
        port: props.metrics.port,
        path: props.metrics.path,
        intervalSeconds: props.metrics.intervalSeconds,
      });
    }
  }
}
