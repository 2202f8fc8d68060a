import { k8sLinuxserverNoChown } from "../../policy/rules/k8s-linuxserver-no-chown";
import { claim, context, deployment, goodContainer, res, stackOf } from "./k8s-rules.fixtures";

const linuxserver = (env?: Record<string, string>) => ({
  ...goodContainer,
  name: "prowlarr",
  image: "lscr.io/linuxserver/prowlarr:2.0.5",
  ...(env ? { env: Object.entries(env).map(([name, value]) => ({ name, value })) } : {}),
});
const nfsPv = { ...res("kubernetes_persistent_volume_v1", { metadata: { name: "ns-media" }, spec: [{ persistent_volume_source: { nfs: { server: "nfs.home.arpa", path: "/srv/nfs/media" } } }] }), logicalId: "Pv_1" };
const nfsClaim = { ...res("kubernetes_persistent_volume_claim_v1", { metadata: { name: "media", namespace: "ns" }, spec: { volume_name: "${kubernetes_persistent_volume_v1.Pv_1.metadata[0].name}" } }), logicalId: "Claim_1" };
const mounting = (container: object) => deployment({ container: [container], volume: [{ name: "media", persistent_volume_claim: { claim_name: "${kubernetes_persistent_volume_claim_v1.Claim_1.metadata[0].name}" } }] });
const check = (...resources: ReturnType<typeof res>[]) => k8sLinuxserverNoChown.check([stackOf(resources)], context).map((p) => `${p.path}: ${p.message}`);

describe("HL-K8S-14 LinuxServer images on NFS skip their start-up chown", () => {
  test("compliant: NO_CHOWN=true", () => {
    expect(check(nfsPv, nfsClaim, mounting(linuxserver({ NO_CHOWN: "true" })))).toEqual([]);
  });

  test("non-compliant: a LinuxServer container mounting an NFS-backed claim without NO_CHOWN", () => {
    expect(check(nfsPv, nfsClaim, mounting(linuxserver({ PUID: "1000" })))).toEqual([
      's/App/Deployment: container prowlarr (lscr.io/linuxserver/prowlarr:2.0.5) mounts NFS with NO_CHOWN = null, so its start-up chown walks the NFS tree and hangs; allowed: "true"',
    ]);
  });

  test("non-compliant: an inline NFS volume, and the image from Docker Hub", () => {
    const pod = deployment({ container: [{ ...linuxserver({ NO_CHOWN: "false" }), image: "linuxserver/sonarr:4.0.15" }], volume: [{ name: "tv", nfs: { server: "nfs", path: "/srv/nfs/tv" } }] });
    expect(check(pod)).toEqual([expect.stringContaining('container prowlarr (linuxserver/sonarr:4.0.15) mounts NFS with NO_CHOWN = "false"')]);
  });

  test("not applicable: no NFS mount, or not a LinuxServer image", () => {
    expect(check(deployment({ container: [linuxserver()] }))).toEqual([]);
    expect(check(nfsPv, nfsClaim, mounting(goodContainer))).toEqual([]);
  });

  test("LinuxServer images from lscr.io, GHCR and Docker Hub; an image of another owner whose name ends in linuxserver, or on another registry, is none", () => {
    const nfsMount = { name: "tv", nfs: { server: "nfs", path: "/srv/nfs/tv" } };
    const images = ["lscr.io/linuxserver/sonarr:4.0.15", "ghcr.io/linuxserver/sonarr:4.0.15", "docker.io/linuxserver/sonarr:4.0.15", "docker.io/notlinuxserver/sonarr:4.0.15", "example.org/linuxserver/sonarr:4.0.15"];
    const pod = deployment({ container: images.map((image, i) => ({ ...linuxserver(), name: `c${i}`, image })), volume: [nfsMount] });
    expect(check(pod)).toEqual([0, 1, 2].map((i) => `s/App/Deployment: container c${i} (${images[i]}) mounts NFS with NO_CHOWN = null, so its start-up chown walks the NFS tree and hangs; allowed: "true"`));
  });

  test("non-compliant: a claim of an NFS storage class (whatever its case), mounted by its name in the pod's namespace", () => {
    for (const storageClass of ["nfs-static", "NFS-CSI"]) {
      const pod = deployment({ container: [linuxserver()], volume: [{ name: "media", persistent_volume_claim: { claim_name: "media" } }] });
      expect(check(claim("media", { spec: { storage_class_name: storageClass } }), pod)).toEqual([expect.stringMatching(/^s\/App\/Deployment: container prowlarr \(lscr\.io\/linuxserver\/prowlarr:2\.0\.5\) mounts NFS with NO_CHOWN = null/)]);
    }
  });

  test("non-compliant: a claim bound to an NFS PV of the provider's older type, kubernetes_persistent_volume", () => {
    const legacyPv = { ...nfsPv, type: "kubernetes_persistent_volume" };
    const byName = { ...nfsClaim, attributes: { ...nfsClaim.attributes, spec: { volume_name: "ns-media" } } };
    const pod = deployment({ container: [linuxserver()], volume: [{ name: "media", persistent_volume_claim: { claim_name: "media" } }] });
    expect(check(legacyPv, byName, pod)).toEqual([
      's/App/Deployment: container prowlarr (lscr.io/linuxserver/prowlarr:2.0.5) mounts NFS with NO_CHOWN = null, so its start-up chown walks the NFS tree and hangs; allowed: "true"',
    ]);
  });

  test("non-compliant: a claim bound to an NFS PV by the PV's name; each LinuxServer container of the pod is judged on its own env", () => {
    const byName = { ...nfsClaim, attributes: { ...nfsClaim.attributes, spec: { volume_name: "ns-media" } } };
    const sonarr = { ...linuxserver({ NO_CHOWN: "true" }), name: "sonarr", image: "lscr.io/linuxserver/sonarr:4.0.15" };
    const pod = deployment({ container: [linuxserver({ PUID: "1000" }), sonarr], volume: [{ name: "media", persistent_volume_claim: { claim_name: "media" } }] });
    expect(check(nfsPv, byName, pod)).toEqual([
      's/App/Deployment: container prowlarr (lscr.io/linuxserver/prowlarr:2.0.5) mounts NFS with NO_CHOWN = null, so its start-up chown walks the NFS tree and hangs; allowed: "true"',
    ]);
  });

  test("not applicable: a pod whose volumes are local (a local claim, one bound to a local PV, an emptyDir)", () => {
    const localPv = { ...res("kubernetes_persistent_volume_v1", { metadata: { name: "ns-config" }, spec: [{ storage_class_name: "manual", persistent_volume_source: { host_path: { path: "/var/lib/config" } } }] }), logicalId: "Local_Pv" };
    const boundToLocal = { ...claim("downloads", { spec: { storage_class_name: "manual", volume_name: "${kubernetes_persistent_volume_v1.Local_Pv.metadata[0].name}" } }), logicalId: "Downloads" };
    const pod = deployment({
      container: [linuxserver()],
      volume: [
        { name: "config", persistent_volume_claim: { claim_name: "config" } },
        { name: "downloads", persistent_volume_claim: { claim_name: "${kubernetes_persistent_volume_claim_v1.Downloads.metadata[0].name}" } },
        { name: "scratch", empty_dir: {} },
      ],
    });
    expect(check(localPv, claim("config"), boundToLocal, pod)).toEqual([]);
  });

  test("not applicable: a local claim that shares its name with an NFS PV of an NFS class (a PV is no claim)", () => {
    const pv = { ...res("kubernetes_persistent_volume_v1", { metadata: { name: "media" }, spec: [{ storage_class_name: "nfs-static", persistent_volume_source: { nfs: { server: "nfs", path: "/srv/nfs/media" } } }] }), logicalId: "Pv_1" };
    const localClaim = res("kubernetes_persistent_volume_claim_v1", { metadata: { name: "media" }, spec: { storage_class_name: "proxmox-lvm-encrypted" } });
    const pod = res("kubernetes_pod_v1", { metadata: { name: "app" }, spec: { container: [linuxserver()], volume: [{ name: "media", persistent_volume_claim: { claim_name: "media" } }] } }, "s/App/Pod");
    expect(check(pv, localClaim, pod)).toEqual([]);
  });
});
