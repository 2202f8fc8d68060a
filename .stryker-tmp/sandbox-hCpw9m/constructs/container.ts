/**
 * A container as typed data, and its rendering into a pod template. The resource shape is
 * the cluster's rule by construction: a CPU request and no CPU limit (CFS throttling),
 * memory request equal to the limit.
 */
// @ts-nocheck

import type { DeploymentV1SpecTemplateSpec, DeploymentV1SpecTemplateSpecContainer } from "@cdktf/provider-kubernetes/lib/deployment-v1";
import { dnsLabelProblem, intProblem, mib, millicores } from "./kubernetes-names";
import { terraformLiteral } from "./terraform-literal";

/** Something a pod can mount: a claim built by one of our storage constructs. */
export interface PodVolumeSource {
  /** Name of the PersistentVolumeClaim. */
  readonly claimName: string;
  /** RWO claims force the Recreate strategy on Deployments. */
  readonly accessMode: "ReadWriteOnce" | "ReadWriteMany";
  /** Name of the volume inside the pod spec (a DNS label). */
  readonly volumeName: string;
}

export interface ContainerMount {
  readonly volume: PodVolumeSource;
  readonly path: string;
  /** @default false */
  readonly readOnly?: boolean;
  /** @default - the whole volume */
  readonly subPath?: string;
}

/** A Kubernetes Secret whose keys become environment variables (e.g. an ExternalSecret's target). */
export interface EnvSecretSource {
  readonly secretName: string;
}

export interface HttpProbe {
  readonly path: string;
  readonly port: number;
  /** @default 10 */
  readonly periodSeconds?: number;
  /** @default 0 */
  readonly initialDelaySeconds?: number;
  /** @default 3 */
  readonly failureThreshold?: number;
}

export interface ContainerSpec {
  /** DNS label, unique in the pod. */
  readonly name: string;
  /** Pinned image, e.g. "docker.io/vaultwarden/server:1.34.3". */
  readonly image: string;
  /** @default - the image's entrypoint */
  readonly command?: readonly string[];
  /** @default - the image's arguments */
  readonly args?: readonly string[];
  /** Requested CPU; there is never a CPU limit. */
  readonly cpuMillis: number;
  /** Memory request and limit (always equal). */
  readonly memoryMiB: number;
  /** @default - none */
  readonly ports?: Readonly<Record<string, number>>;
  /** Plain (non-secret) settings. @default - none */
  readonly env?: Readonly<Record<string, string>>;
  /** Env vars from the pod's own fields, e.g. { POD_NAME: "metadata.name" }. @default - none */
  readonly envFromFields?: Readonly<Record<string, string>>;
  /** Secrets whose every key becomes an env var. @default - none */
  readonly envFromSecrets?: readonly EnvSecretSource[];
  /** @default - none */
  readonly mounts?: readonly ContainerMount[];
  /** @default - no probe */
  readonly livenessProbe?: HttpProbe;
  /** @default - no probe */
  readonly readinessProbe?: HttpProbe;
}

/** Problems with a container spec, each naming the bad value and what is allowed. */
export function containerProblems(c: ContainerSpec): string[] {
  const problems = [
    dnsLabelProblem("container name", c.name),
    intProblem(`container ${c.name}: cpuMillis`, c.cpuMillis, 1),
    intProblem(`container ${c.name}: memoryMiB`, c.memoryMiB, 1),
    ...Object.entries(c.ports ?? {}).map(([name, port]) =>
      name.length > 15 || !/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(name)
        ? `container ${c.name}: port name ${JSON.stringify(name)} must be a lowercase IANA service name of at most 15 characters`
        : intProblem(`container ${c.name}: port ${name}`, port, 1, 65535),
    ),
    ...(c.mounts ?? []).map((m) =>
      m.path.startsWith("/") ? undefined : `container ${c.name}: mount path ${JSON.stringify(m.path)} must be absolute`,
    ),
  ];
  return problems.filter((p): p is string => p !== undefined);
}

type Container = DeploymentV1SpecTemplateSpecContainer;

function probe(p: HttpProbe | undefined) {
  if (!p) return undefined;
  return {
    httpGet: { path: p.path, port: String(p.port) },
    periodSeconds: p.periodSeconds ?? 10,
    initialDelaySeconds: p.initialDelaySeconds ?? 0,
    failureThreshold: p.failureThreshold ?? 3,
  };
}

/** The provider's container block for a spec. */
export function renderContainer(c: ContainerSpec): Container {
  // Field references first, so plain values can expand them with $(NAME).
  const env = [
    ...Object.entries(c.envFromFields ?? {}).map(([name, fieldPath]) => ({ name, valueFrom: { fieldRef: { fieldPath } } })),
    ...Object.entries(c.env ?? {}).map(([name, value]) => ({ name, value: terraformLiteral(value) })),
  ];
  return {
    name: c.name,
    image: c.image,
    // What the container runs is the container's text (shell variables included), never Terraform's.
    command: c.command?.map(terraformLiteral),
    args: c.args?.map(terraformLiteral),
    port: Object.entries(c.ports ?? {}).map(([name, containerPort]) => ({ name, containerPort })),
    env: env.length ? env : undefined,
    envFrom: c.envFromSecrets?.length ? c.envFromSecrets.map((s) => ({ secretRef: { name: s.secretName } })) : undefined,
    resources: {
      requests: { cpu: millicores(c.cpuMillis), memory: mib(c.memoryMiB) },
      limits: { memory: mib(c.memoryMiB) },
    },
    volumeMount: c.mounts?.length
      ? c.mounts.map((m) => ({ name: m.volume.volumeName, mountPath: m.path, readOnly: m.readOnly ?? false, subPath: m.subPath }))
      : undefined,
    livenessProbe: probe(c.livenessProbe),
    readinessProbe: probe(c.readinessProbe),
  };
}

/** Every distinct volume the containers mount, in first-mention order. */
export function mountedVolumes(containers: readonly ContainerSpec[]): PodVolumeSource[] {
  const seen = new Map<string, PodVolumeSource>();
  for (const c of containers) for (const m of c.mounts ?? []) if (!seen.has(m.volume.volumeName)) seen.set(m.volume.volumeName, m.volume);
  return [...seen.values()];
}

/** A pod template spec (shared shape of Deployment, StatefulSet and CronJob templates). */
export function renderPodSpec(
  containers: readonly ContainerSpec[],
  extra: Partial<DeploymentV1SpecTemplateSpec> = {},
  initContainers: readonly ContainerSpec[] = [],
  /** Volumes that come from a StatefulSet's claim templates, not from the pod spec. */
  templateVolumes: readonly string[] = [],
): DeploymentV1SpecTemplateSpec {
  const volumes = mountedVolumes([...initContainers, ...containers]).filter((v) => !templateVolumes.includes(v.volumeName));
  return {
    ...extra,
    initContainer: initContainers.length ? initContainers.map(renderContainer) : undefined,
    container: containers.map(renderContainer),
    volume: volumes.length
      ? volumes.map((v) => ({ name: v.volumeName, persistentVolumeClaim: { claimName: v.claimName } }))
      : extra.volume,
  };
}
