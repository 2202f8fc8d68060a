// @ts-nocheck
import { followsVolumeNaming, volumeIdPrefix } from "../../jobspecs/volume-naming";
import { ResourceRule } from "../rule";

const TYPES = ["nomad_csi_volume", "nomad_csi_volume_registration"];

/** CSI volumes follow their plugin's naming rule: glusterfs_<service>_<type>, martinibar_prod_<service>_<type>. */
export const nomadCsiVolumeNaming: ResourceRule = {
  id: "HL-NOMAD-4",
  scope: "resource",
  level: "error",
  description: "CSI volume ids follow their plugin's naming (glusterfs_<service>_<type>, martinibar_prod_<service>_<type>, <plugin>_<service>_<type>) and name = volume_id",
  fix: "declare the volume with GlusterCsiVolume / MartinibarNfsVolume / NomadCsiVolume, which derive the id from service and type",
  check(resource) {
    if (!TYPES.includes(resource.type)) return "not-applicable";
    const { plugin_id: pluginId, volume_id: volumeId, name } = resource.attributes as Record<string, unknown>;
    if (typeof pluginId !== "string" || typeof volumeId !== "string" || pluginId.includes("${") || volumeId.includes("${")) {
      return "not-applicable";
    }
    const problems: string[] = [];
    if (!followsVolumeNaming(pluginId, volumeId)) {
      problems.push(`volume_id ${JSON.stringify(volumeId)} of plugin ${pluginId} does not match ${volumeIdPrefix(pluginId)}_<service>_<type> (lowercase, digits, single underscores)`);
    }
    if (name !== undefined && name !== volumeId) problems.push(`name ${JSON.stringify(name)} differs from volume_id ${JSON.stringify(volumeId)}`);
    return problems;
  },
};
