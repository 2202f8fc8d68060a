// @ts-nocheck
import { Construct } from "constructs";
import { NomadCsiVolume, NomadCsiVolumeProps } from "./nomad-csi-volume";

/** A GlusterFS-backed Nomad CSI volume named glusterfs_<service>_<type> (democratic-csi over the local NFS re-export). */
export class GlusterCsiVolume extends NomadCsiVolume {
  constructor(scope: Construct, id: string, props: NomadCsiVolumeProps) {
    super(scope, id, { ...props, plugin: "glusterfs" });
  }
}
