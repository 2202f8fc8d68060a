import { BACKUP_CHOICES, BACKUP_COMMENT_KEY, OFFSITE, plansOf, VolumeBackup, volumeBackupProblems } from "../../jobspecs/backup-plans";
import { BACKUP_PLAN_META } from "../../jobspecs/backups";
import { SHARE_BASE_PATH } from "../../jobspecs/democratic-csi";
import { Job } from "../../jobspecs/model";
import { EstateProblem, EstateRule, SynthStack } from "../rule";
import { nomadJobOf } from "./nomad-support";

const VOLUME_TYPES = ["nomad_csi_volume", "nomad_csi_volume_registration"];

/** The host paths a backup job binds into its tasks, by the cron it runs on. */
function periodicReads(job: Job): { cron: string; sources: string[] } | undefined {
  if (job.Type !== "batch" || !job.Periodic?.Enabled || !job.Meta?.[BACKUP_PLAN_META]) return undefined;
  const sources = job.TaskGroups.flatMap((g) => g.Tasks.flatMap((t) => (t.Config.mount ?? []).filter((m) => m.type === "bind" && m.source).map((m) => m.source!)));
  return { cron: job.Periodic.Spec, sources };
}

/**
 * Every Nomad CSI volume, GlusterFS and NFS alike, records its backup choice (the volume
 * constructs write it into the resource's "//" comment): plans whose schedules are valid
 * cron, each carried out by a periodic batch job of its cluster reading the volume from the
 * nodes' GlusterFS mount on that schedule, or none with a reason.
 */
export const nomadVolumeBackup: EstateRule = {
  id: "HL-BACKUP-1",
  scope: "estate",
  level: "error",
  description:
    "every Nomad CSI volume declares its backup: plans with valid cron schedules, each run by a backup job of its cluster reading the volume from /storage/v on that schedule, or none with a reason of 10+ characters",
  fix: `give the volume construct backup: ${BACKUP_CHOICES}; the jobs come from NomadBackupsStack (stacks/nomad-backups.ts)`,
  check(stacks: readonly SynthStack[], context) {
    const problems: EstateProblem[] = [];
    const readsByCluster = new Map<string | undefined, { cron: string; sources: string[] }[]>();
    for (const stack of stacks) {
      const reads = stack.resources.map(nomadJobOf).flatMap((job) => (job ? [periodicReads(job)].filter((r) => r !== undefined) : []));
      readsByCluster.set(stack.cluster, [...(readsByCluster.get(stack.cluster) ?? []), ...reads]);
    }
    for (const stack of stacks) {
      for (const volume of stack.resources.filter((r) => VOLUME_TYPES.includes(r.type))) {
        const at = { stackId: stack.id, path: volume.path };
        const { volume_id: volumeId, plugin_id: pluginId } = volume.attributes as Record<string, unknown>;
        const choice = volume.comment?.[BACKUP_COMMENT_KEY] as VolumeBackup | undefined;
        const readable =
          pluginId === context.inventory.csiPlugins.glusterfs
            ? { ok: true, why: "" }
            : { ok: false, why: `the backup jobs read volumes from the nodes' GlusterFS mount ${SHARE_BASE_PATH}, and plugin ${String(pluginId)}'s volumes are not on it` };
        const found = volumeBackupProblems(choice, readable);
        problems.push(...found.map((p) => ({ ...at, message: p.replace(/^volume\b/, `volume ${String(volumeId)}`) })));
        if (found.length || !choice || !("plans" in choice)) continue;
        const reads = readsByCluster.get(stack.cluster) ?? [];
        // An app without the cluster's backup jobs (a stack tested alone) cannot say; the estate can.
        if (!reads.length) continue;
        for (const plan of plansOf(choice)) {
          const paths = plan === OFFSITE ? (choice.offsite ?? []).map((f) => `${volumeId}/${f}`) : [String(volumeId)];
          for (const path of paths.map((p) => `${SHARE_BASE_PATH}/${p}`)) {
            if (!reads.some((r) => r.cron === plan.cron && r.sources.includes(path))) {
              problems.push({
                ...at,
                message: `volume ${String(volumeId)} chose backup plan ${plan.name} (${plan.cron}), but no periodic batch job of cluster ${stack.cluster ?? "-"} reads ${path} on that schedule`,
              });
            }
          }
        }
      }
    }
    return problems;
  },
};
