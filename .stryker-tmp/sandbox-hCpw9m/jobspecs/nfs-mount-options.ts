/**
 * The NFS mount options of every Nomad data volume (GlusterFS re-exported over NFS, and
 * the legacy martinibar server): the one source of truth, used by each CSI volume's
 * mount_options and by democratic-csi's node and controller config. `hard`: a stalled
 * server blocks I/O instead of returning errors that corrupt data; never `soft`.
 * (Superseded set, kept for the record: nfsvers=3,noatime,noac,lookupcache=none.)
 */
// @ts-nocheck

export const NFS_MOUNT_OPTIONS: readonly string[] = Object.freeze([
  "nfsvers=3",
  "noatime",
  "ac",
  "actimeo=60",
  "lookupcache=positive",
  "hard",
  "intr",
  "retrans=3",
  "timeo=600",
  "rsize=1048576",
  "wsize=1048576",
]);

/** Options that must never be used on Nomad data volumes, with the reason. */
export const FORBIDDEN_NFS_OPTIONS: Readonly<Record<string, string>> = {
  soft: "a soft mount returns I/O errors on a server hiccup and corrupts data",
  noac: "the old set: attribute caching off made every stat a round trip",
  "lookupcache=none": "the old set: disables the lookup cache",
};
