// @ts-nocheck
import { BACKUP_MODE_ANNOTATION, BACKUP_REASON_ANNOTATION, PROXMOX_STORAGE_CLASSES } from "../../constructs/proxmox-claim-template";
import { EstateProblem, EstateRule } from "../rule";
import { asList, CLAIM_TYPES, claimKeyFromVolume, claimKeys, first, podSpecOf } from "./k8s-support";

const CRON_TYPES = ["kubernetes_cron_job", "kubernetes_cron_job_v1"];

/**
 * Proxmox LVM lives on one node's disk: every such claim is backed up by a CronJob that
 * mounts it (writing to NFS), or says in homelab.backup/reason why it needs none.
 */
export const k8sProxmoxClaimBackup: EstateRule = {
  id: "HL-K8S-8",
  scope: "estate",
  level: "error",
  description:
    "every proxmox-lvm(-encrypted) claim records its backup (homelab.backup/mode): cronjob, with a CronJob in the stack mounting it, or none with a reason of 10+ characters",
  fix: "choose backup: { cronjob: {} } or backup: { none: \"<reason>\" } on EncryptedPvc / ProxmoxPvc",
  check(stacks) {
    const problems: EstateProblem[] = [];
    for (const stack of stacks) {
      const mountedByCron = new Set<string>();
      for (const cron of stack.resources.filter((r) => CRON_TYPES.includes(r.type))) {
        const namespace = first(cron.attributes.metadata)?.namespace;
        for (const v of asList(podSpecOf(cron)?.volume)) {
          const claim = first(v.persistent_volume_claim)?.claim_name;
          if (typeof claim === "string") mountedByCron.add(claimKeyFromVolume(claim, namespace));
        }
      }
      for (const claim of stack.resources.filter((r) => CLAIM_TYPES.includes(r.type))) {
        if (!PROXMOX_STORAGE_CLASSES.includes(first(claim.attributes.spec)?.storage_class_name)) continue;
        const annotations = (first(claim.attributes.metadata)?.annotations ?? {}) as Record<string, string>;
        const mode = annotations[BACKUP_MODE_ANNOTATION];
        const reason = (annotations[BACKUP_REASON_ANNOTATION] ?? "").trim();
        const at = { stackId: stack.id, path: claim.path };
        if (mode === "cronjob") {
          if (!claimKeys(claim).some((k) => mountedByCron.has(k))) {
            problems.push({ ...at, message: "claim's backup mode is cronjob, but no CronJob in the stack mounts it" });
          }
        } else if (mode === "none") {
          if (reason.length < 10) {
            problems.push({ ...at, message: `claim's backup mode is none without a reason of 10+ characters in ${BACKUP_REASON_ANNOTATION}; got ${JSON.stringify(reason)}` });
          }
        } else {
          problems.push({ ...at, message: `claim has ${BACKUP_MODE_ANNOTATION} = ${JSON.stringify(mode ?? null)}; allowed: cronjob, none` });
        }
      }
    }
    return problems;
  },
};
