/**
 * The two jobs every CSI plugin runs as on Nomad, whatever the driver: the controller
 * (service, one allocation) and the node plugin (system: on every client that may mount
 * a volume). The driver's task comes from its own jobspec (democratic-csi, csi-driver-nfs).
 */
// @ts-nocheck

import { DEFAULT_RESTART, JobContext } from "./common";
import { Job, Task } from "./model";

/** The controller plugin job, plugin-<id>-controller. */
export function csiControllerJob(ctx: JobContext, pluginId: string, task: Task): Job {
  return {
    ID: `plugin-${pluginId}-controller`,
    Type: "service",
    Datacenters: ctx.datacenters,
    Priority: 90,
    TaskGroups: [{ Name: "controller", Count: 1, RestartPolicy: DEFAULT_RESTART, Tasks: [task] }],
  };
}

/** The node plugin job, plugin-<id>-nodes, on every client. */
export function csiNodeJob(ctx: JobContext, pluginId: string, task: Task): Job {
  return {
    ID: `plugin-${pluginId}-nodes`,
    Type: "system",
    Datacenters: ctx.datacenters,
    Priority: 90,
    TaskGroups: [{ Name: "nodes", RestartPolicy: DEFAULT_RESTART, Tasks: [task] }],
  };
}
