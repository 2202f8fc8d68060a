// @ts-nocheck
import { kubernetesContainers, nomadJobImages, parseNomadJob, unpinnedReason } from "../resource-data";
import { ResourceRule, SynthResource } from "../rule";
import { first } from "./k8s-support";

function isKyvernoObject(resource: SynthResource): boolean {
  return resource.type === "kubernetes_manifest" && String(first(resource.attributes.manifest)?.apiVersion ?? "").startsWith("kyverno.io/");
}

export const imagePinned: ResourceRule = {
  id: "HL-IMAGE-1",
  scope: "resource",
  level: "error",
  description: "container images are pinned: a tag other than latest, or a digest (Nomad jobs and Kubernetes containers)",
  fix: "name an exact version tag (e.g. nginx:1.29.4-alpine) or a digest (@sha256:…)",
  check(resource) {
    if (resource.type === "nomad_job") {
      const parsed = parseNomadJob(resource);
      if ("error" in parsed) return "not-applicable"; // HL-JOB-1 reports it
      return nomadJobImages(parsed.job).flatMap(({ where, image }) => {
        const reason = unpinnedReason(image);
        return reason ? [`${where}: ${reason}`] : [];
      });
    }
    if (!resource.type.startsWith("kubernetes_")) return "not-applicable";
    // A Kyverno policy's patterns describe the containers it judges; it runs none.
    if (isKyvernoObject(resource)) return "not-applicable";
    const containers = kubernetesContainers(resource.attributes);
    if (containers.length === 0) return "not-applicable";
    return containers.flatMap(({ where, container }) => {
      const reason = typeof container.image === "string" ? unpinnedReason(container.image) : "has no image";
      return reason ? [`${where}: ${reason}`] : [];
    });
  },
};
