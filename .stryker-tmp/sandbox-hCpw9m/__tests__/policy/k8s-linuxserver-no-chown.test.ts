// @ts-nocheck
import { k8sLinuxserverNoChown } from "../../policy/rules/k8s-linuxserver-no-chown";
import { context, deployment, goodContainer, res, stackOf } from "./k8s-rules.fixtures";

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
});
