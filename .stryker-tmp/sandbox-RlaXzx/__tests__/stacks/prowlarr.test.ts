// @ts-nocheck
import { ProwlarrStack } from "../../stacks/prowlarr";
import { onlyResource, resourcesOf, synthApp, testInventory } from "../helpers/synth";

describe("prowlarr stack", () => {
  const { stacks, report } = synthApp((app) => new ProwlarrStack(app));
  const p = stacks.prowlarr;

  test("no rule finding", () => {
    expect(report.findings.filter((f) => f.stackId === "prowlarr")).toEqual([]);
  });

  test("auth required: Authentik forward-auth on every request", () => {
    const a = onlyResource(p, "kubernetes_ingress_v1").metadata.annotations;
    expect(a["homelab.auth/mode"]).toBe("required");
    expect(a["traefik.ingress.kubernetes.io/router.middlewares"]).toContain(testInventory.kubernetes.traefik.middlewares.authentikForwardAuth);
  });

  test("media from NFS (RWX) with the cluster's options, config on an encrypted claim", () => {
    const pvs = Object.values(resourcesOf(p, "kubernetes_persistent_volume_v1")) as any[];
    const media = pvs.find((pv) => pv.spec[0].persistent_volume_source.nfs.path === testInventory.kubernetes.nfs.mediaPath);
    expect(media.spec[0].mount_options).toEqual(["nfsvers=4", "soft", "actimeo=5", "retrans=3", "timeo=30"]);
    const mounts = onlyResource(p, "kubernetes_deployment_v1").spec.template.spec.container[0].volume_mount.map((m: any) => [m.name, m.mount_path]);
    expect(mounts).toEqual([
      ["prowlarr-config-encrypted", "/config"],
      ["media", "/media"],
    ]);
    expect(onlyResource(p, "kubernetes_deployment_v1").spec.strategy.type).toBe("Recreate");
  });

  test("a LinuxServer image on NFS: NO_CHOWN=true, so its start-up chown does not walk the media share", () => {
    const env = onlyResource(p, "kubernetes_deployment_v1").spec.template.spec.container[0].env;
    expect(env).toContainEqual({ name: "NO_CHOWN", value: "true" });
  });
});
