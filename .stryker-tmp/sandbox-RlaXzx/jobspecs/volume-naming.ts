/**
 * How Nomad CSI volumes are named, per plugin: the one rule the volume constructs apply
 * and HL-NOMAD-4 checks. GlusterFS: glusterfs_<service>_<type>; the legacy martinibar NFS
 * server: martinibar_prod_<service>_<type>; any other plugin: <plugin>_<service>_<type>.
 */
// @ts-nocheck


/** A name segment: lowercase letters and digits, words joined by single underscores. */
export const VOLUME_NAME_SEGMENT = /^[a-z0-9]+(_[a-z0-9]+)*$/;

/** The prefix of every volume of a plugin. */
export function volumeIdPrefix(pluginId: string): string {
  const base = pluginId.replace(/-/g, "_");
  return base === "martinibar" ? "martinibar_prod" : base;
}

export function volumeId(pluginId: string, service: string, type: string): string {
  return `${volumeIdPrefix(pluginId)}_${service}_${type}`;
}

/** Whether a volume id follows its plugin's naming rule. */
export function followsVolumeNaming(pluginId: string, id: string): boolean {
  const prefix = `${volumeIdPrefix(pluginId)}_`;
  if (!id.startsWith(prefix)) return false;
  const rest = id.slice(prefix.length);
  // at least <service>_<type>
  return VOLUME_NAME_SEGMENT.test(rest) && rest.includes("_");
}
