/**
 * The Proxmox claim template's facts (domain brief §3), one source of truth for the
 * claim constructs and the rules that check claims made by anyone. Data only.
 */
// @ts-nocheck


/** The Proxmox CSI storage classes: encrypted for anything sensitive, plain for the rest. */
export type ProxmoxStorageClass = "proxmox-lvm-encrypted" | "proxmox-lvm";
export const PROXMOX_STORAGE_CLASSES: readonly ProxmoxStorageClass[] = ["proxmox-lvm-encrypted", "proxmox-lvm"];
export const ENCRYPTED_STORAGE_CLASS: ProxmoxStorageClass = "proxmox-lvm-encrypted";

/** Suffix every encrypted claim's name carries, so kubectl shows what is encrypted. */
export const ENCRYPTED_SUFFIX = "-encrypted";

/** pvc-autoresizer (topolvm) annotations; the limit must always be present and non-zero. */
export const RESIZE_THRESHOLD_ANNOTATION = "resize.topolvm.io/threshold";
export const RESIZE_INCREASE_ANNOTATION = "resize.topolvm.io/increase";
export const RESIZE_LIMIT_ANNOTATION = "resize.topolvm.io/storage_limit";
/** On a storage class: pvc-autoresizer looks only at claims of classes carrying it, set to "true". */
export const RESIZE_ENABLED_ANNOTATION = "resize.topolvm.io/enabled";

/** Records the claim's backup choice, for kubectl and the rules. */
export const BACKUP_MODE_ANNOTATION = "homelab.backup/mode";
export const BACKUP_REASON_ANNOTATION = "homelab.backup/reason";

/** The path the autoresizer grows, which Terraform must therefore not reset. */
export const STORAGE_REQUEST_PATH = "spec[0].resources[0].requests";
