/**
 * The Bitcoin cluster's NFS CSI plugin: kubernetes-csi/csi-driver-nfs (the nfsplugin image
 * the operators run), as two jobs: the controller (service), which creates each volume as a
 * directory <export>/<volume id> on the NFS server, and the node plugin (system,
 * privileged, on every client), which mounts it into allocations. The driver has no
 * config file: its flags and each volume's parameters are its whole configuration, and
 * the csi-driver-nfs contract checks both against its source.
 */
// @ts-nocheck

import { JobContext } from "./common";
import { csiControllerJob, csiNodeJob } from "./csi-plugin";
import { seconds } from "./duration";
import { IMAGES, imageRef } from "./images";
import { Job, Task } from "./model";

/** Where the plugin's socket lives inside the task (csi_plugin.mount_dir). */
const MOUNT_DIR = "/csi";

/**
 * What `nomad volume delete` does to a volume's directory: keep it. The driver's default
 * removes the directory and its data (DeleteVolume); the controller's default policy and
 * every volume's own parameter both say retain.
 */
export const NFS_ON_DELETE = "retain";

export interface NfsExport {
  /** The NFS server, a DNS name or IPv4 address. */
  readonly server: string;
  /** The exported directory the volumes are created under. */
  readonly export: string;
}

/** A volume's CreateVolume parameters: on that server, under that export, kept on delete. */
export function nfsVolumeParameters(nfs: NfsExport): Record<string, string> {
  return { server: nfs.server, share: nfs.export, onDelete: NFS_ON_DELETE };
}

function pluginTask(pluginId: string, mode: "controller" | "node"): Task {
  return {
    Name: "plugin",
    Driver: "docker",
    Config: {
      image: imageRef(IMAGES.csiDriverNfs),
      args: [
        `--endpoint=unix://${MOUNT_DIR}/csi.sock`,
        "--nodeid=${node.unique.name}",
        // Must equal csi_plugin.id (HL-NOMAD-6); the driver's default name is nfs.csi.k8s.io.
        `--drivername=${pluginId}`,
        ...(mode === "controller" ? [`--default-ondelete-policy=${NFS_ON_DELETE}`] : []),
        "--v=2",
      ],
      // Both mount NFS (the controller to create directories): privileged, and on the host's
      // network, so a mount never outlives the network namespace it was made in.
      privileged: true,
      network_mode: "host",
    },
    CSIPluginConfig: { ID: pluginId, Type: mode, MountDir: MOUNT_DIR, HealthTimeout: seconds(30) },
    Resources: { CPU: 100, MemoryMB: 128 },
  };
}

/** The controller plugin: creates and deletes the volumes' directories. */
export function csiDriverNfsControllerJob(ctx: JobContext, pluginId: string): Job {
  return csiControllerJob(ctx, pluginId, pluginTask(pluginId, "controller"));
}

/** The node plugin: mounts volumes into allocations, on every client. */
export function csiDriverNfsNodeJob(ctx: JobContext, pluginId: string): Job {
  return csiNodeJob(ctx, pluginId, pluginTask(pluginId, "node"));
}
