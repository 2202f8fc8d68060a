// @ts-nocheck
import { Construct } from "constructs";
import { NomadCsiVolume, NomadCsiVolumeProps } from "./nomad-csi-volume";

/** A volume on the legacy martinibar NFS server (plugin martinibar), named martinibar_prod_<service>_<type>. */
export class MartinibarNfsVolume extends NomadCsiVolume {
  constructor(scope: Construct, id: string, props: NomadCsiVolumeProps) {
    super(scope, id, { ...props, plugin: "martinibar" });
  }
}
