import { CsiVolume } from "@cdktf/provider-nomad/lib/csi-volume";
import { Token } from "cdktf";
import { Construct } from "constructs";
import { BACKUP_COMMENT_KEY, describeBackup, VolumeBackup, volumeBackupProblems } from "../jobspecs/backup-plans";
import type { VolumeAccessMode, VolumeAttachmentMode } from "../jobspecs/model";
import { nfsVolumeParameters } from "../jobspecs/csi-driver-nfs";
import { NFS_MOUNT_OPTIONS } from "../jobspecs/nfs-mount-options";
import { VOLUME_NAME_SEGMENT, volumeId } from "../jobspecs/volume-naming";
import { CsiPluginHealth } from "./csi-plugin-health";
import { acknowledge } from "../policy/acknowledge";
import { CatalogFacts, recordCatalogFacts } from "./catalog-facts";
import { statePreventDestroy } from "../policy/rules/state-prevent-destroy";
import { BackupListing } from "./backup-listing";
import { HomelabStack } from "./homelab-stack";
import type { NomadNamespace } from "./nomad-namespace";

/** A size with its unit, e.g. "1GiB", "500MiB", "10GB". */
export type Capacity = `${number}${"KiB" | "MiB" | "GiB" | "TiB" | "KB" | "MB" | "GB" | "TB"}`;

const UNITS: Record<string, number> = {
  KB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
};

/** Bytes in a capacity, or undefined when it is not a positive number with a unit. */
export function capacityBytes(capacity: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)(KiB|MiB|GiB|TiB|KB|MB|GB|TB)$/.exec(capacity);
  if (!match) return undefined;
  const bytes = Number(match[1]) * UNITS[match[2]];
  return bytes > 0 ? bytes : undefined;
}

export const ACCESS_MODES: readonly VolumeAccessMode[] = [
  "single-node-reader-only",
  "single-node-writer",
  "multi-node-reader-only",
  "multi-node-single-writer",
  "multi-node-multi-writer",
];
export const ATTACHMENT_MODES: readonly VolumeAttachmentMode[] = ["file-system", "block-device"];

/** Keep the volume on destroy (the default), or allow destroying it, saying why. */
export type VolumeRetention = true | { readonly allowDestroy: string };

/** Which CSI plugin backs a volume; the plugin id itself comes from the inventory. */
export type CsiPluginKind = "glusterfs" | "martinibar" | "bitcoin-nfs";

/** How bad losing a volume's data is; shown in the service catalog. */
export type VolumeCriticality = NonNullable<CatalogFacts["criticality"]>;
const CRITICALITIES: readonly VolumeCriticality[] = ["critical", "high", "medium", "low"];

export interface NomadCsiVolumeProps {
  /** Service the volume belongs to, e.g. "matrix". */
  readonly service: string;
  /** How bad losing the data is (the domain brief's volume inventory): "critical" data cannot be recreated. */
  readonly criticality: VolumeCriticality;
  /** What it holds, e.g. "synapse_config". */
  readonly type: string;
  /**
   * How the data is backed up: the estate's plans ({ plans: [DAILY, WEEKLY] }, with the
   * files that also go off-site), or { none: "<reason>" }. Required: a GlusterFS volume is
   * a distribute volume without replication, so a brick loss is data loss.
   */
  readonly backup: VolumeBackup;
  /** @default "1GiB" */
  readonly capacityMin?: Capacity;
  /** @default - capacityMin */
  readonly capacityMax?: Capacity;
  /** @default "single-node-writer" */
  readonly accessMode?: VolumeAccessMode;
  /** @default "file-system" */
  readonly attachmentMode?: VolumeAttachmentMode;
  /**
   * `nomad volume delete` deletes the data, so the volume carries prevent_destroy.
   * @default - keep the volume on `cdktf destroy` (prevent_destroy)
   */
  readonly retain?: VolumeRetention;
  /** The namespace the volume lives in (jobs mounting it must run there); the volume depends on it. @default - Nomad's "default" namespace */
  readonly namespace?: NomadNamespace;
}

export interface NomadCsiVolumeOptions extends NomadCsiVolumeProps {
  readonly plugin: CsiPluginKind;
}

const MIN_REASON = 10;

/** Whether the backup jobs can read a plugin's volumes: they read them from the nodes' GlusterFS mount. */
export function backupReadable(plugin: CsiPluginKind): { readonly ok: boolean; readonly why: string } {
  return plugin === "glusterfs"
    ? { ok: true, why: "" }
    : { ok: false, why: `the backup jobs read volumes from the nodes' GlusterFS mount, and ${plugin} volumes are not on it (their NFS server is reached through CSI only)` };
}

/**
 * A Nomad CSI volume created through a plugin, named by the plugin's naming rule, mounted
 * with the canonical NFS options, protected from destroy, and created only once the
 * plugin is healthy. It declares its backup choice, recorded on the synthesized volume for
 * HL-BACKUP-1 and the catalog. GlusterCsiVolume and MartinibarNfsVolume are this with a plugin.
 */
export class NomadCsiVolume extends Construct {
  /** The volume id, e.g. glusterfs_matrix_synapse_config: what a job's group volume names. */
  readonly volumeId: string;
  readonly pluginId: string;
  readonly accessMode: VolumeAccessMode;
  readonly attachmentMode: VolumeAttachmentMode;
  readonly namespace: string;
  readonly plugin: CsiPluginKind;
  readonly backup: VolumeBackup;
  readonly resource: CsiVolume;

  constructor(scope: Construct, id: string, props: NomadCsiVolumeOptions) {
    super(scope, id);
    const stack = HomelabStack.of(this);
    const pluginId = pluginIdOf(stack, props.plugin);
    const accessMode = props.accessMode ?? "single-node-writer";
    const attachmentMode = props.attachmentMode ?? "file-system";
    const capacityMin = props.capacityMin ?? "1GiB";
    const capacityMax = props.capacityMax ?? capacityMin;
    const retain = props.retain ?? true;

    const errors: string[] = [];
    for (const [field, value] of [["service", props.service], ["type", props.type]] as const) {
      if (Token.isUnresolved(value) || !VOLUME_NAME_SEGMENT.test(value)) {
        errors.push(`${field} ${JSON.stringify(value)} must be lowercase letters and digits joined by single underscores (a volume id is never rewritten)`);
      }
    }
    const min = capacityBytes(capacityMin);
    const max = capacityBytes(capacityMax);
    if (min === undefined) errors.push(`capacityMin ${JSON.stringify(capacityMin)} must be a positive size with a unit (KiB, MiB, GiB, TiB, KB, MB, GB, TB)`);
    if (max === undefined) errors.push(`capacityMax ${JSON.stringify(capacityMax)} must be a positive size with a unit (KiB, MiB, GiB, TiB, KB, MB, GB, TB)`);
    if (min !== undefined && max !== undefined && min > max) errors.push(`capacityMin ${capacityMin} is larger than capacityMax ${capacityMax}`);
    if (!ACCESS_MODES.includes(accessMode)) errors.push(`accessMode ${JSON.stringify(accessMode)} is unknown; allowed: ${ACCESS_MODES.join(", ")}`);
    if (!ATTACHMENT_MODES.includes(attachmentMode)) {
      errors.push(`attachmentMode ${JSON.stringify(attachmentMode)} is unknown; allowed: ${ATTACHMENT_MODES.join(", ")}`);
    }
    if (retain !== true && (typeof retain?.allowDestroy !== "string" || retain.allowDestroy.trim().length < MIN_REASON)) {
      errors.push(`retain.allowDestroy must give a reason of ${MIN_REASON}+ characters for letting destroy delete the data`);
    }
    if (!CRITICALITIES.includes(props.criticality)) {
      errors.push(`criticality ${JSON.stringify(props.criticality)} is unknown; allowed: ${CRITICALITIES.join(", ")}`);
    }
    errors.push(...volumeBackupProblems(props.backup, backupReadable(props.plugin)));
    if (retain !== true && props.criticality === "critical") {
      errors.push("a critical volume (its data cannot be recreated) cannot opt out of prevent_destroy; drop retain.allowDestroy");
    }
    if (errors.length) throw new Error(`${this.node.path}: ${errors.join("; ")}`);

    this.pluginId = pluginId;
    this.volumeId = volumeId(pluginId, props.service, props.type);
    this.accessMode = accessMode;
    this.attachmentMode = attachmentMode;
    this.namespace = props.namespace?.name ?? "default";
    this.plugin = props.plugin;
    this.backup = props.backup;

    const health = CsiPluginHealth.of(this, pluginId);
    this.resource = new CsiVolume(this, "Resource", {
      provider: stack.provider("nomad", this),
      volumeId: this.volumeId,
      name: this.volumeId,
      pluginId,
      namespace: this.namespace,
      capacityMin,
      capacityMax,
      capability: [{ accessMode, attachmentMode }],
      parameters: pluginParametersOf(stack, props.plugin),
      mountOptions: { fsType: "nfs", mountFlags: [...NFS_MOUNT_OPTIONS] },
      dependsOn: props.namespace ? [health.resource, props.namespace.resource] : [health.resource],
      lifecycle: { preventDestroy: retain === true },
    });
    // The opt-out is the acknowledged exception to the prevent_destroy rule; it shows in the report.
    if (retain !== true) acknowledge(this, statePreventDestroy.id, retain.allowDestroy);
    this.resource.addOverride(`//.${BACKUP_COMMENT_KEY}`, props.backup);
    BackupListing.of(this, { volumeId: this.volumeId, backup: props.backup });
    recordCatalogFacts(this, { criticality: props.criticality, backup: describeBackup(props.backup) });
  }
}

/** What the plugin's CreateVolume needs to know: democratic-csi reads its own config; csi-driver-nfs the server and export. */
function pluginParametersOf(stack: HomelabStack, plugin: CsiPluginKind): Record<string, string> | undefined {
  return plugin === "bitcoin-nfs" ? nfsVolumeParameters(stack.inventory.nomad.bitcoin.nfs) : undefined;
}

function pluginIdOf(stack: HomelabStack, plugin: CsiPluginKind): string {
  switch (plugin) {
    case "glusterfs":
      return stack.inventory.csiPlugins.glusterfs;
    case "martinibar":
      return stack.inventory.csiPlugins.martinibar;
    case "bitcoin-nfs":
      return stack.inventory.nomad.bitcoin.csiPlugin;
  }
}
