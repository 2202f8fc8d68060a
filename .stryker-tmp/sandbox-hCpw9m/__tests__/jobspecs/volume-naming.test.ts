// @ts-nocheck
import { NFS_MOUNT_OPTIONS } from "../../jobspecs/nfs-mount-options";
import { followsVolumeNaming, volumeId } from "../../jobspecs/volume-naming";

test("GlusterFS volumes are glusterfs_<service>_<type>, martinibar ones martinibar_prod_<service>_<type>", () => {
  expect(volumeId("glusterfs", "matrix", "synapse_config")).toBe("glusterfs_matrix_synapse_config");
  expect(volumeId("martinibar", "forgejo", "data")).toBe("martinibar_prod_forgejo_data");
  expect(volumeId("nfs", "bitcoin", "data")).toBe("nfs_bitcoin_data");
});

test("followsVolumeNaming accepts the rule and rejects anything else", () => {
  expect(followsVolumeNaming("glusterfs", "glusterfs_minio_data")).toBe(true);
  expect(followsVolumeNaming("glusterfs", "glusterfs_minio")).toBe(false);
  expect(followsVolumeNaming("glusterfs", "gluster_minio_data")).toBe(false);
  expect(followsVolumeNaming("glusterfs", "glusterfs_Minio_data")).toBe(false);
  expect(followsVolumeNaming("martinibar", "martinibar_forgejo_data")).toBe(false);
  expect(followsVolumeNaming("martinibar", "martinibar_prod_forgejo_data")).toBe(true);
});

test("the NFS mount options are the new set: hard, cached attributes, never soft or noac", () => {
  expect(NFS_MOUNT_OPTIONS).toEqual(["nfsvers=3", "noatime", "ac", "actimeo=60", "lookupcache=positive", "hard", "intr", "retrans=3", "timeo=600", "rsize=1048576", "wsize=1048576"]);
  for (const bad of ["soft", "noac", "lookupcache=none"]) expect(NFS_MOUNT_OPTIONS).not.toContain(bad);
  expect(Object.isFrozen(NFS_MOUNT_OPTIONS)).toBe(true);
});
