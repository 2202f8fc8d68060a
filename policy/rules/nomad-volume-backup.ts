import { BACKUP_CHOICES, BACKUP_COMMENT_KEY, OFFSITE, plansOf, VolumeBackup, volumeBackupProblems } from "../../jobspecs/backup-plans";
import { backupListEntry, backupListPlanOf, backupListPrefix, BACKUP_PLAN_META } from "../../jobspecs/backups";
import { SHARE_BASE_PATH } from "../../jobspecs/democratic-csi";
import { Job } from "../../jobspecs/model";
import { EstateProblem, EstateRule, SynthStack } from "../rule";
import { nomadJobOf } from "./nomad-support";

const VOLUME_TYPES = ["nomad_csi_volume", "nomad_csi_volume_registration"];

/** A backup plan's job: its plan and cron, and whether it binds the GlusterFS mount and reads its plan's lists. */
function planJob(job: Job): { plan: string; cron: string; readsVolumes: boolean } | undefined {
  const plan = job.Meta?.[BACKUP_PLAN_META];
  if (job.Type !== "batch" || !job.Periodic?.Enabled || !plan) return undefined;
  const tasks = job.TaskGroups.flatMap((g) => g.Tasks);
  const bindsShare = tasks.some((t) => (t.Config.mount ?? []).some((m) => m.type === "bind" && m.source === SHARE_BASE_PATH));
  const listing = `nomadVarList ${JSON.stringify(backupListPrefix({ name: plan }))}`;
  const readsLists = tasks.some((t) => (t.Templates ?? []).some((tpl) => tpl.EmbeddedTmpl?.includes(listing)));
  return { plan, cron: job.Periodic.Spec, readsVolumes: bindsShare && readsLists };
}

/**
 * Every Nomad CSI volume, GlusterFS and NFS alike, records its backup choice (the volume
 * constructs write it into the resource's "//" comment): plans whose schedules are valid
 * cron, each carried out by a periodic batch job of its cluster reading the nodes'
 * GlusterFS mount on that schedule, and listing the volume for it in a Nomad variable under
 * backups/<plan>/ (which the job reads), or none with a reason.
 */
export const nomadVolumeBackup: EstateRule = {
  id: "HL-BACKUP-1",
  scope: "estate",
  level: "error",
  description:
    "every Nomad CSI volume declares its backup: plans with valid cron schedules, each run by a backup job of its cluster on that schedule reading /storage/v and the plan's lists, which list the volume, or none with a reason of 10+ characters",
  fix: `give the volume construct backup: ${BACKUP_CHOICES}; the volume construct lists itself for its plans (BackupListing) and the jobs come from NomadBackupsStack (stacks/nomad-backups.ts)`,
  check(stacks: readonly SynthStack[], context) {
    const problems: EstateProblem[] = [];
    const jobsByCluster = new Map<string | undefined, { plan: string; cron: string; readsVolumes: boolean }[]>();
    const listedByCluster = new Map<string | undefined, Map<string, Set<string>>>();
    for (const stack of stacks) {
      const jobs = stack.resources.map(nomadJobOf).flatMap((job) => (job ? [planJob(job)].filter((r) => r !== undefined) : []));
      jobsByCluster.set(stack.cluster, [...(jobsByCluster.get(stack.cluster) ?? []), ...jobs]);
      const listed = listedByCluster.get(stack.cluster) ?? new Map<string, Set<string>>();
      for (const variable of stack.resources.filter((r) => r.type === "nomad_variable")) {
        const plan = backupListPlanOf(variable.attributes.path);
        if (!plan) continue;
        const items = backupListEntry((variable.attributes.items ?? {}) as Record<string, unknown>).items;
        listed.set(plan, new Set([...(listed.get(plan) ?? []), ...items]));
      }
      listedByCluster.set(stack.cluster, listed);
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
        const jobs = jobsByCluster.get(stack.cluster) ?? [];
        // An app without the cluster's backup jobs (a stack tested alone) cannot say; the estate can.
        if (!jobs.length) continue;
        const listed = listedByCluster.get(stack.cluster) ?? new Map<string, Set<string>>();
        for (const plan of plansOf(choice)) {
          const chose = `volume ${String(volumeId)} chose backup plan ${plan.name} (${plan.cron})`;
          if (!jobs.some((j) => j.plan === plan.name && j.cron === plan.cron && j.readsVolumes)) {
            problems.push({
              ...at,
              message: `${chose}, but no periodic batch job of cluster ${stack.cluster ?? "-"} runs it on that schedule reading ${SHARE_BASE_PATH} and the lists under ${backupListPrefix(plan)}`,
            });
          }
          const paths = plan === OFFSITE ? (choice.offsite ?? []).map((f) => `${volumeId}/${f}`) : [String(volumeId)];
          for (const path of paths.filter((p) => !listed.get(plan.name)?.has(p))) {
            problems.push({ ...at, message: `${chose}, but no Nomad variable under ${backupListPrefix(plan)} lists ${path}, so its job does not save it` });
          }
        }
      }
    }
    return problems;
  },
};
