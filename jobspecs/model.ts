/**
 * A typed model of the Nomad API job (what `nomad job run -json` and `nomad_job` with
 * `json = true` accept): PascalCase keys, durations in integer nanoseconds. It covers what
 * the estate's services use; extend it here rather than casting. Pure data: nothing in
 * jobspecs/ creates a Terraform resource.
 */
import { Nanoseconds } from "./duration";

export type JobType = "service" | "system" | "batch" | "sysbatch";

/** `${attr.cpu.arch}`, `${node.unique.name}`, `${meta.x}` … as Nomad interpolates them. */
export type ConstraintOperand =
  | "="
  | "!="
  | ">"
  | ">="
  | "<"
  | "<="
  | "regexp"
  | "set_contains"
  | "set_contains_any"
  | "version"
  | "semver"
  | "is_set"
  | "is_not_set"
  | "distinct_hosts"
  | "distinct_property";

export interface Constraint {
  readonly LTarget?: string;
  readonly RTarget?: string;
  readonly Operand: ConstraintOperand;
}

export interface Affinity {
  readonly LTarget: string;
  readonly RTarget: string;
  readonly Operand: ConstraintOperand;
  /** -100 … 100. */
  readonly Weight: number;
}

export interface Spread {
  readonly Attribute: string;
  readonly Weight?: number;
  readonly SpreadTarget?: readonly { readonly Value: string; readonly Percent: number }[];
}

export interface UpdateStrategy {
  readonly MaxParallel?: number;
  readonly HealthCheck?: "checks" | "task_states" | "manual";
  readonly MinHealthyTime?: Nanoseconds;
  readonly HealthyDeadline?: Nanoseconds;
  readonly ProgressDeadline?: Nanoseconds;
  readonly AutoRevert?: boolean;
  readonly AutoPromote?: boolean;
  readonly Canary?: number;
  readonly Stagger?: Nanoseconds;
}

export interface RestartPolicy {
  readonly Attempts: number;
  readonly Interval: Nanoseconds;
  readonly Delay: Nanoseconds;
  readonly Mode: "fail" | "delay";
}

export interface ReschedulePolicy {
  readonly Attempts?: number;
  readonly Interval?: Nanoseconds;
  readonly Delay?: Nanoseconds;
  readonly DelayFunction?: "constant" | "exponential" | "fibonacci";
  readonly MaxDelay?: Nanoseconds;
  readonly Unlimited?: boolean;
}

export interface EphemeralDisk {
  /** Keep the allocation's data directory on the same node across updates. */
  readonly Sticky?: boolean;
  /** Move the data directory when the allocation moves to another node. */
  readonly Migrate?: boolean;
  readonly SizeMB?: number;
}

export interface Port {
  readonly Label: string;
  /** Host port; 0 or absent means dynamic. */
  readonly Value?: number;
  /** Port inside the network namespace (bridge mode). */
  readonly To?: number;
  readonly HostNetwork?: string;
}

export interface NetworkResource {
  readonly Mode: "bridge" | "host" | "none";
  readonly DynamicPorts?: readonly Port[];
  readonly ReservedPorts?: readonly Port[];
  readonly DNS?: { readonly Servers?: readonly string[] };
}

export interface ServiceCheck {
  readonly Name?: string;
  readonly Type: "http" | "tcp" | "grpc" | "script";
  readonly Path?: string;
  readonly Protocol?: "http" | "https";
  readonly PortLabel?: string;
  readonly Interval: Nanoseconds;
  readonly Timeout: Nanoseconds;
  /** Route the check through the Connect sidecar (Connect services in bridge mode). */
  readonly Expose?: boolean;
  readonly TaskName?: string;
  readonly Command?: string;
  readonly Args?: readonly string[];
  readonly CheckRestart?: { readonly Limit: number; readonly Grace?: Nanoseconds; readonly IgnoreWarnings?: boolean };
}

export interface ConsulUpstream {
  readonly DestinationName: string;
  readonly LocalBindPort: number;
  readonly DestinationNamespace?: string;
  readonly Datacenter?: string;
}

export interface ConsulProxy {
  readonly Upstreams?: readonly ConsulUpstream[];
  /** Envoy settings, e.g. envoy_prometheus_bind_addr. */
  readonly Config?: Readonly<Record<string, unknown>>;
  readonly TransparentProxy?: {
    readonly ExcludeInboundPorts?: readonly string[];
    readonly ExcludeOutboundPorts?: readonly number[];
    readonly ExcludeOutboundCIDRs?: readonly string[];
    readonly NoDNS?: boolean;
  };
  /** Nomad 1.10 keeps the older ExposeConfig only for compatibility: Expose is the field. */
  readonly Expose?: {
    readonly Paths?: readonly {
      readonly Path: string;
      readonly Protocol: "http" | "http2";
      readonly LocalPathPort: number;
      readonly ListenerPort: string;
    }[];
  };
}

export interface SidecarTask {
  readonly Name?: string;
  readonly Driver?: string;
  readonly Config?: Readonly<Record<string, unknown>>;
  readonly Env?: Readonly<Record<string, string>>;
  readonly Resources?: Resources;
  readonly KillTimeout?: Nanoseconds;
}

export interface ConsulConnect {
  readonly Native?: boolean;
  readonly SidecarService?: {
    readonly Port?: string;
    readonly Tags?: readonly string[];
    readonly Proxy?: ConsulProxy;
    readonly DisableDefaultTCPCheck?: boolean;
  };
  readonly SidecarTask?: SidecarTask;
}

export interface Service {
  readonly Name: string;
  /** A port label of the group network, or a number as a string for Connect services. */
  readonly PortLabel?: string;
  readonly Provider?: "consul" | "nomad";
  readonly Tags?: readonly string[];
  readonly Meta?: Readonly<Record<string, string>>;
  readonly Checks?: readonly ServiceCheck[];
  readonly Connect?: ConsulConnect;
  readonly AddressMode?: "alloc" | "auto" | "driver" | "host";
  readonly TaskName?: string;
}

export interface DeviceRequest {
  /** e.g. "nvidia/gpu". */
  readonly Name: string;
  readonly Count?: number;
  readonly Constraints?: readonly Constraint[];
}

export interface Resources {
  /** MHz. */
  readonly CPU?: number;
  readonly Cores?: number;
  readonly MemoryMB: number;
  /** Ignored (with a warning) unless the scheduler has memory oversubscription enabled. */
  readonly MemoryMaxMB?: number;
  readonly Devices?: readonly DeviceRequest[];
}

export type VolumeAccessMode =
  | "single-node-reader-only"
  | "single-node-writer"
  | "multi-node-reader-only"
  | "multi-node-single-writer"
  | "multi-node-multi-writer";
export type VolumeAttachmentMode = "file-system" | "block-device";

export interface VolumeRequest {
  readonly Name: string;
  readonly Type: "csi" | "host";
  /** The volume id (CSI) or the client's host volume name. */
  readonly Source: string;
  readonly ReadOnly?: boolean;
  readonly AccessMode?: VolumeAccessMode;
  readonly AttachmentMode?: VolumeAttachmentMode;
  /** Each allocation claims `<Source>[<index>]`. */
  readonly PerAlloc?: boolean;
  readonly MountOptions?: { readonly FSType?: string; readonly MountFlags?: readonly string[] };
}

export interface VolumeMount {
  /** Name of a group volume. */
  readonly Volume: string;
  readonly Destination: string;
  readonly ReadOnly?: boolean;
  readonly PropagationMode?: "private" | "host-to-task" | "bidirectional";
}

export interface Template {
  /** Go template text; Nomad renders it on the client at run time (Vault, Nomad variables, services). */
  readonly EmbeddedTmpl?: string;
  readonly SourcePath?: string;
  readonly DestPath: string;
  readonly ChangeMode?: "noop" | "restart" | "signal" | "script";
  readonly ChangeSignal?: string;
  /** Load the rendered KEY=value lines into the task's environment. */
  readonly Envvars?: boolean;
  readonly Perms?: string;
  readonly LeftDelim?: string;
  readonly RightDelim?: string;
  readonly Splay?: Nanoseconds;
}

export interface TaskLifecycle {
  readonly Hook: "prestart" | "poststart" | "poststop";
  readonly Sidecar?: boolean;
}

export interface TaskVault {
  /** Vault role used with workload identity; absent uses the cluster default. */
  readonly Role?: string;
  readonly ChangeMode?: "noop" | "restart" | "signal";
  readonly Env?: boolean;
  readonly File?: boolean;
}

export interface WorkloadIdentity {
  readonly Name?: string;
  readonly Audience?: readonly string[];
  readonly Env?: boolean;
  readonly File?: boolean;
  readonly TTL?: Nanoseconds;
}

export interface CsiPluginConfig {
  /** Must equal the driver's --csi-name. */
  readonly ID: string;
  readonly Type: "node" | "controller" | "monolith";
  readonly MountDir: string;
  readonly StagePublishBaseDir?: string;
  readonly HealthTimeout?: Nanoseconds;
}

/** The docker driver's config block, as the JSON API takes it (snake_case: driver-defined). */
export interface DockerConfig {
  /** Pinned by tag (or digest); never `latest`. */
  readonly image: string;
  readonly command?: string;
  readonly args?: readonly string[];
  readonly entrypoint?: readonly string[];
  readonly ports?: readonly string[];
  readonly privileged?: boolean;
  readonly network_mode?: string;
  /** "host:container" bind mounts; relative host paths are inside the task directory. */
  readonly volumes?: readonly string[];
  readonly mount?: readonly {
    readonly type: "bind" | "volume" | "tmpfs";
    readonly target: string;
    readonly source?: string;
    readonly readonly?: boolean;
    readonly bind_options?: { readonly propagation: string };
    readonly tmpfs_options?: { readonly size?: number; readonly mode?: number };
  }[];
  readonly cap_add?: readonly string[];
  readonly runtime?: string;
  readonly shm_size?: number;
  /** The driver declares list(map(string)): [{ nofile: "65536:65536" }]; a plain object fails the task. */
  readonly ulimit?: readonly Readonly<Record<string, string>>[];
}

export interface Task {
  readonly Name: string;
  readonly Driver: "docker";
  readonly Config: DockerConfig;
  readonly User?: string;
  readonly Env?: Readonly<Record<string, string>>;
  readonly Services?: readonly Service[];
  readonly Resources: Resources;
  readonly Templates?: readonly Template[];
  readonly VolumeMounts?: readonly VolumeMount[];
  readonly Lifecycle?: TaskLifecycle;
  readonly Constraints?: readonly Constraint[];
  readonly Affinities?: readonly Affinity[];
  readonly Vault?: TaskVault;
  readonly Identity?: WorkloadIdentity;
  readonly Identities?: readonly WorkloadIdentity[];
  readonly CSIPluginConfig?: CsiPluginConfig;
  readonly RestartPolicy?: RestartPolicy;
  readonly KillTimeout?: Nanoseconds;
  readonly ShutdownDelay?: Nanoseconds;
  readonly Leader?: boolean;
  readonly Meta?: Readonly<Record<string, string>>;
}

export interface TaskGroup {
  readonly Name: string;
  /** @default 1 (Nomad's default) */
  readonly Count?: number;
  readonly Constraints?: readonly Constraint[];
  readonly Affinities?: readonly Affinity[];
  readonly Spreads?: readonly Spread[];
  readonly Update?: UpdateStrategy;
  readonly RestartPolicy?: RestartPolicy;
  readonly ReschedulePolicy?: ReschedulePolicy;
  readonly EphemeralDisk?: EphemeralDisk;
  readonly Networks?: readonly NetworkResource[];
  readonly Services?: readonly Service[];
  readonly Volumes?: Readonly<Record<string, VolumeRequest>>;
  readonly Tasks: readonly Task[];
  readonly Meta?: Readonly<Record<string, string>>;
  readonly ShutdownDelay?: Nanoseconds;
}

/** A periodic job: Nomad launches a child job each time the cron expression matches. */
export interface PeriodicConfig {
  readonly Enabled: boolean;
  /** A cron expression as hashicorp/cronexpr parses it (jobspecs/cron.ts checks it). */
  readonly Spec: string;
  readonly SpecType: "cron";
  /** Skip a launch while the previous one still runs. */
  readonly ProhibitOverlap?: boolean;
  /** IANA time zone the spec is read in. @default "UTC" (Nomad's) */
  readonly TimeZone?: string;
}

export interface Job {
  readonly ID: string;
  readonly Name?: string;
  readonly Type: JobType;
  readonly Namespace?: string;
  readonly Region?: string;
  readonly Datacenters: readonly string[];
  readonly NodePool?: string;
  readonly Priority?: number;
  readonly Meta?: Readonly<Record<string, string>>;
  readonly Constraints?: readonly Constraint[];
  readonly Affinities?: readonly Affinity[];
  readonly Spreads?: readonly Spread[];
  readonly Update?: UpdateStrategy;
  /** Batch jobs only: run on a schedule. */
  readonly Periodic?: PeriodicConfig;
  readonly TaskGroups: readonly TaskGroup[];
}

/** A deep-mutable view of a model type, for the constructs that edit a job before it is rendered. */
export type Mutable<T> = T extends readonly (infer U)[]
  ? Mutable<U>[]
  : T extends object
    ? { -readonly [K in keyof T]: Mutable<T[K]> }
    : T;
