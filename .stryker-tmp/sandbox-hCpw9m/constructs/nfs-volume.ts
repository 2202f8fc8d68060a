// @ts-nocheck
import { PersistentVolumeClaimV1 } from "@cdktf/provider-kubernetes/lib/persistent-volume-claim-v1";
import { PersistentVolumeV1 } from "@cdktf/provider-kubernetes/lib/persistent-volume-v1";
import { Construct } from "constructs";
import type { PodVolumeSource } from "./container";
import { HomelabStack } from "./homelab-stack";
import { appLabels, dnsLabelProblem, gib, intProblem, throwIfProblems } from "./kubernetes-names";
import { Namespace } from "./namespace";

/** Mount options of every Kubernetes NFS volume: one source of truth. */
export const KUBERNETES_NFS_MOUNT_OPTIONS: readonly string[] = ["nfsvers=4", "soft", "actimeo=5", "retrans=3", "timeo=30"];

/** Storage class name that binds our static NFS PVs to their claims (no provisioner behind it). */
export const NFS_STORAGE_CLASS = "nfs-static";

export interface NfsVolumeProps {
  readonly namespace: Namespace;
  /** Claim name (a DNS label), e.g. "media"; the PV is named <namespace>-<name>. */
  readonly name: string;
  /** Absolute export path on the NFS server, e.g. "/srv/nfs/media". */
  readonly path: string;
  /** @default - the inventory's kubernetes.nfs.server */
  readonly server?: string;
  /** Nominal size; NFS does not enforce it. @default 100 */
  readonly sizeGiB?: number;
}

/**
 * An NFS export as a ReadWriteMany PersistentVolume and its claim, mounted with the
 * cluster's NFS options. For RWX data, media libraries and backup targets; never in a
 * critical (monitoring) stack.
 */
export class NfsVolume extends Construct implements PodVolumeSource {
  readonly claimName: string;
  readonly accessMode = "ReadWriteMany" as const;
  readonly volumeName: string;

  constructor(scope: Construct, id: string, props: NfsVolumeProps) {
    super(scope, id);
    const stack = HomelabStack.of(this);
    const sizeGiB = props.sizeGiB ?? 100;
    throwIfProblems(this.node.path, [
      dnsLabelProblem("nfs volume name", props.name),
      /^(\/[A-Za-z0-9._-]+)+\/?$/.test(props.path)
        ? undefined
        : `path ${JSON.stringify(props.path)} must be an absolute export path such as /srv/nfs/media`,
      intProblem("sizeGiB", sizeGiB, 1),
    ]);
    const provider = stack.provider("kubernetes", this);
    const namespace = props.namespace.name;
    const labels = appLabels(props.name, "nfs");
    const pv = new PersistentVolumeV1(this, "Volume", {
      provider,
      metadata: { name: `${namespace}-${props.name}`, labels },
      spec: [
        {
          capacity: { storage: gib(sizeGiB) },
          accessModes: ["ReadWriteMany"],
          persistentVolumeReclaimPolicy: "Retain",
          storageClassName: NFS_STORAGE_CLASS,
          mountOptions: [...KUBERNETES_NFS_MOUNT_OPTIONS],
          persistentVolumeSource: { nfs: { server: props.server ?? stack.inventory.kubernetes.nfs.server, path: props.path } },
        },
      ],
      lifecycle: { preventDestroy: true },
    });
    const claim = new PersistentVolumeClaimV1(this, "Claim", {
      provider,
      metadata: { name: props.name, namespace, labels },
      spec: {
        accessModes: ["ReadWriteMany"],
        storageClassName: NFS_STORAGE_CLASS,
        volumeName: pv.metadata.name,
        resources: { requests: { storage: gib(sizeGiB) } },
      },
      lifecycle: { preventDestroy: true },
    });
    this.claimName = claim.metadata.name;
    this.volumeName = props.name;
  }
}
