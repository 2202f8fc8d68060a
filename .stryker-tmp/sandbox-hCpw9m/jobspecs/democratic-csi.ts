/**
 * democratic-csi's nfs-client driver serving the GlusterFS volume: each node FUSE-mounts
 * nomad-vol at /storage and re-exports it over NFS to 127.0.0.1; volumes are directories
 * under /storage/v. Two jobs: the controller (service) and the node plugin (system,
 * privileged, on every client).
 */
// @ts-nocheck

import { JobContext, toYaml } from "./common";
import { csiControllerJob, csiNodeJob } from "./csi-plugin";
import { seconds } from "./duration";
import { IMAGES, imageRef } from "./images";
import { Job, Task } from "./model";
import { NFS_MOUNT_OPTIONS } from "./nfs-mount-options";

export const SHARE_HOST = "127.0.0.1";
export const SHARE_BASE_PATH = "/storage/v";
const CONFIG_FILE = "driver-config-file.yaml";

/** The driver config as data: one object for controller and nodes, with the canonical mount options. */
export function democraticCsiConfig(pluginId: string): object {
  return {
    driver: "nfs-client",
    instance_id: pluginId,
    nfs: {
      shareHost: SHARE_HOST,
      shareBasePath: SHARE_BASE_PATH,
      controllerBasePath: SHARE_BASE_PATH,
      dirPermissionsMode: "0777",
      dirPermissionsUser: 0,
      dirPermissionsGroup: 0,
    },
    node: { mount: { mount_flags: NFS_MOUNT_OPTIONS.join(",") } },
  };
}

function pluginTask(pluginId: string, mode: "controller" | "node"): Task {
  return {
    Name: "plugin",
    Driver: "docker",
    Config: {
      image: imageRef(IMAGES.democraticCsi),
      args: [
        "--csi-version=1.5.0",
        // Must equal csi_plugin.id: Nomad registers the plugin under that id.
        `--csi-name=${pluginId}`,
        `--driver-config-file=\${NOMAD_TASK_DIR}/${CONFIG_FILE}`,
        "--log-level=info",
        `--csi-mode=${mode}`,
        "--server-socket=/csi/csi.sock",
      ],
      privileged: true,
      // Share host 127.0.0.1 is the node's own NFS server: host networking reaches it.
      network_mode: "host",
      mount: mode === "node" ? [{ type: "bind", source: "/", target: "/host", readonly: false, bind_options: { propagation: "rshared" } }] : [{ type: "bind", source: "/storage", target: "/storage", readonly: false }],
    },
    CSIPluginConfig: { ID: pluginId, Type: mode, MountDir: "/csi", HealthTimeout: seconds(30) },
    Templates: [{ EmbeddedTmpl: toYaml(democraticCsiConfig(pluginId)), DestPath: `local/${CONFIG_FILE}`, ChangeMode: "restart" }],
    Resources: { CPU: 100, MemoryMB: 192 },
  };
}

/** The controller plugin: creates and deletes volume directories. */
export function democraticCsiControllerJob(ctx: JobContext, pluginId: string): Job {
  return csiControllerJob(ctx, pluginId, pluginTask(pluginId, "controller"));
}

/** The node plugin: mounts volumes into allocations, on every client. */
export function democraticCsiNodeJob(ctx: JobContext, pluginId: string): Job {
  return csiNodeJob(ctx, pluginId, pluginTask(pluginId, "node"));
}
