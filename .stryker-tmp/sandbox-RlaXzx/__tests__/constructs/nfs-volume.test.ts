// @ts-nocheck
import { Namespace } from "../../constructs/namespace";
import { NfsVolume } from "../../constructs/nfs-volume";
import { onlyResource, synthWith } from "../helpers/synth";

describe("NfsVolume", () => {
  const stack = synthWith((s) => new NfsVolume(s, "Media", { namespace: new Namespace(s, "Ns", { name: "media" }), name: "media", path: "/srv/nfs/media" }));

  test("a RWX PV on the inventory's NFS server with the cluster's NFS mount options", () => {
    const pv = onlyResource(stack, "kubernetes_persistent_volume_v1");
    expect(pv.metadata.name).toMatch(/\.metadata\[0\]\.name\}-media$/);
    expect(pv.spec[0]).toMatchObject({
      access_modes: ["ReadWriteMany"],
      mount_options: ["nfsvers=4", "soft", "actimeo=5", "retrans=3", "timeo=30"],
      persistent_volume_reclaim_policy: "Retain",
      persistent_volume_source: { nfs: { server: "proxmox.home.arpa", path: "/srv/nfs/media" } },
    });
  });

  test("a RWX claim bound to that PV", () => {
    const claim = onlyResource(stack, "kubernetes_persistent_volume_claim_v1");
    expect(claim.spec.access_modes).toEqual(["ReadWriteMany"]);
    expect(claim.spec.volume_name).toMatch(/^\$\{kubernetes_persistent_volume_v1\.Media_Volume_\w+\.metadata\[0\]\.name\}$/);
    expect(claim.lifecycle.prevent_destroy).toBe(true);
  });

  test("fails if the export path is not absolute", () => {
    expect(() =>
      synthWith((s) => new NfsVolume(s, "Media", { namespace: new Namespace(s, "Ns", { name: "media" }), name: "media", path: "mnt/media" })),
    ).toThrow(/test\/Media: path "mnt\/media" must be an absolute export path/);
  });
});
