// @ts-nocheck
import { EstateProblem, EstateRule, SynthResource } from "../rule";
import { asList, CLAIM_TYPES, claimKeyFromVolume, claimKeys, containersOf, first, podSpecOf, PV_TYPES } from "./k8s-support";

/** LinuxServer.io images: lscr.io/linuxserver/…, or the same repository on Docker Hub or GHCR. */
const LINUXSERVER_IMAGE = /^((lscr\.io|ghcr\.io|docker\.io)\/)?linuxserver\//;

/** Claims of a stack that NFS backs (their class, or the PV they bind to), by every key a pod can name them with. */
function nfsClaimKeys(resources: readonly SynthResource[]): Set<string> {
  const nfsVolumeRefs = new Set(
    resources
      .filter((r) => PV_TYPES.includes(r.type) && first(first(first(r.attributes.spec)?.persistent_volume_source)?.nfs))
      .flatMap((pv) => [first(pv.attributes.metadata)?.name, `\${${pv.type}.${pv.logicalId}.metadata[0].name}`]),
  );
  const keys = new Set<string>();
  for (const claim of resources.filter((r) => CLAIM_TYPES.includes(r.type))) {
    const spec = first(claim.attributes.spec);
    if (/nfs/i.test(String(spec?.storage_class_name ?? "")) || nfsVolumeRefs.has(spec?.volume_name)) claimKeys(claim).forEach((k) => keys.add(k));
  }
  return keys;
}

/**
 * LinuxServer.io images chown their whole config and data tree on every start; on NFS that
 * walk hangs the container (the seed: "Set NO_CHOWN=true to skip recursive chown that hangs
 * on NFS mounts"). A LinuxServer container in a pod that mounts NFS sets NO_CHOWN=true.
 */
export const k8sLinuxserverNoChown: EstateRule = {
  id: "HL-K8S-14",
  scope: "estate",
  level: "error",
  description: "a LinuxServer.io container in a pod that mounts NFS (a volume or an NFS-backed claim) sets NO_CHOWN=true, so its start-up chown does not hang on NFS",
  fix: "add env NO_CHOWN: \"true\" to the container",
  check(stacks) {
    const problems: EstateProblem[] = [];
    for (const stack of stacks) {
      const nfsClaims = nfsClaimKeys(stack.resources);
      for (const resource of stack.resources) {
        const podSpec = podSpecOf(resource);
        if (!podSpec) continue;
        const namespace = first(resource.attributes.metadata)?.namespace;
        const mountsNfs = asList(podSpec.volume).some((v) => {
          const claim = first(v.persistent_volume_claim)?.claim_name;
          return first(v.nfs) !== undefined || (typeof claim === "string" && nfsClaims.has(claimKeyFromVolume(claim, namespace)));
        });
        if (!mountsNfs) continue;
        for (const { label, container } of containersOf(podSpec)) {
          if (!LINUXSERVER_IMAGE.test(String(container.image ?? ""))) continue;
          const value = asList(container.env).find((e) => e.name === "NO_CHOWN")?.value;
          if (value !== "true") {
            problems.push({
              stackId: stack.id,
              path: resource.path,
              message: `${label} (${container.image}) mounts NFS with NO_CHOWN = ${JSON.stringify(value ?? null)}, so its start-up chown walks the NFS tree and hangs; allowed: "true"`,
            });
          }
        }
      }
    }
    return problems;
  },
};
