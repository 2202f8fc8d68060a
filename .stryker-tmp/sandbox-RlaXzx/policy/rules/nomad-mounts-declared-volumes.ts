// @ts-nocheck
import { EstateProblem, EstateRule, SynthStack } from "../rule";
import { nomadJobOf } from "./nomad-support";

const VOLUME_TYPES = ["nomad_csi_volume", "nomad_csi_volume_registration"];

interface Capability {
  readonly access_mode?: string;
  readonly attachment_mode?: string;
}

/**
 * A job mounts only CSI volumes some stack of the same cluster declares (same namespace),
 * asking for an access and attachment mode the volume offers.
 */
export const nomadMountsDeclaredVolumes: EstateRule = {
  id: "HL-NOMAD-5",
  scope: "estate",
  level: "error",
  description: "jobs mount only CSI volumes a stack of the same cluster and namespace declares, with a capability the volume has",
  fix: "declare the volume (GlusterCsiVolume …) and mount it by object with group.mount(volume, …), which copies its modes",
  check(stacks: readonly SynthStack[]): EstateProblem[] {
    const declared = new Map<string, Capability[]>();
    const key = (cluster: string | undefined, namespace: string | undefined, id: string) => `${cluster ?? "?"}\0${namespace ?? "default"}\0${id}`;
    for (const stack of stacks) {
      for (const r of stack.resources) {
        if (!VOLUME_TYPES.includes(r.type)) continue;
        const a = r.attributes as { volume_id?: unknown; namespace?: unknown; capability?: unknown };
        if (typeof a.volume_id !== "string") continue;
        const caps = Array.isArray(a.capability) ? (a.capability as Capability[]) : [];
        declared.set(key(stack.cluster, typeof a.namespace === "string" ? a.namespace : undefined, a.volume_id), caps);
      }
    }
    const problems: EstateProblem[] = [];
    for (const stack of stacks) {
      for (const r of stack.resources) {
        const job = nomadJobOf(r);
        if (!job) continue;
        for (const group of job.TaskGroups) {
          for (const [name, vol] of Object.entries(group.Volumes ?? {})) {
            if (vol.Type !== "csi") continue;
            const ids = vol.PerAlloc
              ? [...declared.keys()].filter((k) => k.startsWith(key(stack.cluster, job.Namespace, `${vol.Source}[`)))
              : declared.has(key(stack.cluster, job.Namespace, vol.Source))
                ? [key(stack.cluster, job.Namespace, vol.Source)]
                : [];
            const where = `group ${group.Name} volume ${name}`;
            if (!ids.length) {
              problems.push({
                stackId: stack.id,
                path: r.path,
                message: `${where} mounts CSI volume ${vol.Source}${vol.PerAlloc ? "[n]" : ""}, which no stack of cluster ${stack.cluster ?? "?"} declares in namespace ${job.Namespace ?? "default"}`,
              });
              continue;
            }
            for (const id of ids) {
              const caps = declared.get(id)!;
              const ok = caps.some((c) => c.access_mode === vol.AccessMode && c.attachment_mode === vol.AttachmentMode);
              if (!ok) {
                problems.push({
                  stackId: stack.id,
                  path: r.path,
                  message: `${where} asks for ${vol.AccessMode ?? "no access mode"}/${vol.AttachmentMode ?? "no attachment mode"} but volume ${id.split("\0")[2]} offers ${caps.map((c) => `${c.access_mode}/${c.attachment_mode}`).join(", ") || "no capability"}`,
                });
              }
            }
          }
        }
      }
    }
    return problems;
  },
};
