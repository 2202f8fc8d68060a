/**
 * What a Nomad job asks of Vault, read from the job itself: the KV paths its templates
 * read and the JWT role its tasks log in with. One source of truth for the vault stack's
 * grants and for the rule that checks them.
 */
// @ts-nocheck

import { Job, Task } from "./model";

const SECRET_PATH = /\bsecret\s+"([^"]+)"/g;

/** The Vault role a job's tasks log in with (workload identity, JWT auth). */
export function nomadVaultRole(jobId: string): string {
  return `nomad-${jobId}`;
}

/** The Vault paths one task's templates read (`{{ with secret "…" }}`), sorted, once each. */
export function taskVaultReads(task: Task): string[] {
  const paths = (task.Templates ?? []).flatMap((t) => [...(t.EmbeddedTmpl ?? "").matchAll(SECRET_PATH)].map((m) => m[1]));
  return [...new Set(paths)].sort();
}

/** Every Vault path the job's tasks read, sorted, once each. */
export function jobVaultReads(job: Job): string[] {
  const paths = job.TaskGroups.flatMap((g) => g.Tasks.flatMap(taskVaultReads));
  return [...new Set(paths)].sort();
}

/** The job with every task that uses Vault logging in with the job's own role (unless it names one). */
export function withVaultRole(job: Job): Job {
  const role = nomadVaultRole(job.ID);
  return {
    ...job,
    TaskGroups: job.TaskGroups.map((g) => ({
      ...g,
      Tasks: g.Tasks.map((t) => (t.Vault && !t.Vault.Role ? { ...t, Vault: { ...t.Vault, Role: role } } : t)),
    })),
  };
}
