import { ResourceRule } from "../rule";

/** Terraform types whose destruction destroys data. */
export const STATEFUL_TYPES = [
  "nomad_csi_volume",
  "nomad_csi_volume_registration",
  "nomad_dynamic_host_volume",
  "kubernetes_persistent_volume_claim",
  "kubernetes_persistent_volume_claim_v1",
];

export const statePreventDestroy: ResourceRule = {
  id: "HL-STATE-1",
  scope: "resource",
  level: "error",
  description: "stateful resources (CSI volumes, persistent volume claims) carry lifecycle.prevent_destroy",
  fix: "build the volume with its construct (GlusterCsiVolume, EncryptedPvc …), which sets prevent_destroy; to allow destroying it, use the construct's retain opt-out with a reason",
  check(resource) {
    if (!STATEFUL_TYPES.includes(resource.type)) return "not-applicable";
    const lifecycle = resource.attributes.lifecycle as { prevent_destroy?: unknown } | undefined;
    return lifecycle?.prevent_destroy === true
      ? []
      : [`${resource.type} has no lifecycle.prevent_destroy: \`cdktf destroy\` or a replacement would delete its data`];
  },
};
