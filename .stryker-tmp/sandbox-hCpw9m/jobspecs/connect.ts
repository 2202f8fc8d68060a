/**
 * Consul Connect services. The default Envoy sidecar (128 MB) OOMs at its 90–130 MB
 * baseline and the kills cascade, so every sidecar task gets at least 256 MB with a
 * 512 MB ceiling (memory_max, which needs scheduler memory oversubscription).
 */
// @ts-nocheck

import { Nanoseconds, seconds } from "./duration";
import { ConsulUpstream, Service, ServiceCheck, TaskGroup } from "./model";

/** The floor for every Connect sidecar: memory, memory_max (MiB). */
export const SIDECAR_MEMORY_MIB = 256;
export const SIDECAR_MEMORY_MAX_MIB = 512;

export interface ConnectServiceProps {
  /** Consul service name, e.g. "matrix-synapse". */
  readonly name: string;
  /** The port the app listens on inside the allocation's network namespace. */
  readonly port: number;
  /** Services reached on 127.0.0.1:<localPort>. @default - none (transparent proxy still reaches any allowed service) */
  readonly upstreams?: readonly { readonly service: string; readonly localPort: number }[];
  /** @default - no HTTP check: a TCP check on the sidecar only */
  readonly httpCheck?: { readonly path: string; readonly interval?: Nanoseconds; readonly timeout?: Nanoseconds };
  /** @default - none */
  readonly tags?: readonly string[];
  /** A group port label the sidecar exposes Envoy's Prometheus metrics on. @default - none */
  readonly envoyMetricsPortLabel?: string;
  /** Envoy's Prometheus listener inside the namespace. @default 9102 */
  readonly envoyMetricsPort?: number;
  /** @default 256 (less is an error) */
  readonly sidecarMemoryMiB?: number;
  /** @default 512 (less is an error) */
  readonly sidecarMemoryMaxMiB?: number;
}

/** What is wrong with a sidecar's memory, one sentence each; empty when fine. */
export function sidecarMemoryProblems(memoryMiB: number | undefined, memoryMaxMiB: number | undefined): string[] {
  const problems: string[] = [];
  if (memoryMiB === undefined || memoryMiB < SIDECAR_MEMORY_MIB) {
    problems.push(
      `sidecar memory ${memoryMiB === undefined ? "unset (Nomad's default 128)" : memoryMiB} MiB is below ${SIDECAR_MEMORY_MIB} MiB: Envoy's baseline is 90–130 MB and OOM kills cascade`,
    );
  }
  if (memoryMaxMiB === undefined || memoryMaxMiB < SIDECAR_MEMORY_MAX_MIB) {
    problems.push(`sidecar memory_max ${memoryMaxMiB ?? "unset"} MiB is below ${SIDECAR_MEMORY_MAX_MIB} MiB`);
  }
  return problems;
}

/**
 * A group-level Connect service (transparent proxy) whose sidecar task has the estate's
 * memory. Throws when asked for less; the message names the service.
 */
export function connectService(props: ConnectServiceProps): Service {
  const memory = props.sidecarMemoryMiB ?? SIDECAR_MEMORY_MIB;
  const memoryMax = props.sidecarMemoryMaxMiB ?? SIDECAR_MEMORY_MAX_MIB;
  const problems = sidecarMemoryProblems(memory, memoryMax);
  if (!Number.isInteger(props.port) || props.port < 1 || props.port > 65535) {
    problems.push(`port ${props.port} must be an integer from 1 to 65535`);
  }
  if (problems.length) throw new Error(`connect service ${props.name}: ${problems.join("; ")}`);

  const upstreams: ConsulUpstream[] = (props.upstreams ?? []).map((u) => ({ DestinationName: u.service, LocalBindPort: u.localPort }));
  const checks: ServiceCheck[] = props.httpCheck
    ? [
        {
          Name: `${props.name}-http`,
          Type: "http",
          Path: props.httpCheck.path,
          Expose: true,
          Interval: props.httpCheck.interval ?? seconds(10),
          Timeout: props.httpCheck.timeout ?? seconds(3),
        },
      ]
    : [];
  const config: Record<string, unknown> = {};
  if (props.envoyMetricsPortLabel) config.envoy_prometheus_bind_addr = `0.0.0.0:${props.envoyMetricsPort ?? 9102}`;
  return {
    Name: props.name,
    PortLabel: String(props.port),
    Provider: "consul",
    Tags: props.tags,
    Meta: props.envoyMetricsPortLabel ? { envoy_metrics_port: `\${NOMAD_HOST_PORT_${props.envoyMetricsPortLabel}}` } : undefined,
    Checks: checks.length ? checks : undefined,
    Connect: {
      SidecarService: {
        Proxy: {
          TransparentProxy: {},
          Upstreams: upstreams.length ? upstreams : undefined,
          Config: Object.keys(config).length ? config : undefined,
        },
      },
      SidecarTask: { Resources: { CPU: 100, MemoryMB: memory, MemoryMaxMB: memoryMax } },
    },
  };
}

/** Each Connect sidecar of a group, by service name, with its memory problems. */
export function groupSidecarProblems(group: TaskGroup): string[] {
  const services = [...(group.Services ?? []), ...group.Tasks.flatMap((t) => t.Services ?? [])];
  return services
    .filter((s) => s.Connect?.SidecarService !== undefined)
    .flatMap((s) => {
      const r = s.Connect?.SidecarTask?.Resources;
      return sidecarMemoryProblems(r?.MemoryMB, r?.MemoryMaxMB).map((p) => `group ${group.Name} service ${s.Name}: ${p}`);
    });
}
