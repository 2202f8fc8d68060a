import { Construct } from "constructs";
import { backupCronJob, backupDestination, cronScheduleProblem } from "./backup-target";
import { vaultRaftSnapshotScript } from "./backup-scripts";
import { recordCatalogFacts } from "./catalog-facts";
import { KUBERNETES_IMAGES } from "./kubernetes-images";
import { intProblem, throwIfProblems } from "./kubernetes-names";
import { Namespace } from "./namespace";

/** The Vault image whose CLI takes the snapshot; the same minor as the servers. */
export const VAULT_IMAGE = KUBERNETES_IMAGES.vault.ref;

export interface VaultRaftBackupProps {
  /** Vault's namespace: the token Secret lives there. */
  readonly namespace: Namespace;
  /** The active Vault node, e.g. http://vault-active.vault.svc.cluster.local:8200. */
  readonly vaultAddress: string;
  /**
   * The Secret holding a `token` key allowed to take snapshots: created by hand (seed:
   * vault-root-token), so the backup works even when the automation it backs up does not.
   */
  readonly tokenSecret: string;
  /** @default "0 3 * * 0" (weekly, Sunday 03:00) */
  readonly schedule?: string;
  /** @default 56 (eight weekly snapshots) */
  readonly retentionDays?: number;
}

/**
 * The weekly `vault-raft-backup`: a snapshot of Vault's integrated (Raft) storage, every
 * secret and policy, written to <backupRoot>/vault-backup/. Restore with
 * `vault operator raft snapshot restore <file>`.
 */
export class VaultRaftBackup extends Construct {
  readonly where: string;

  constructor(scope: Construct, id: string, props: VaultRaftBackupProps) {
    super(scope, id);
    const schedule = props.schedule ?? "0 3 * * 0";
    const retentionDays = props.retentionDays ?? 56;
    throwIfProblems(this.node.path, [
      cronScheduleProblem(schedule),
      intProblem("retentionDays", retentionDays, 7, 3650),
      /^https?:\/\/[a-z0-9.-]+(:\d+)?$/.test(props.vaultAddress) ? undefined : `vaultAddress ${JSON.stringify(props.vaultAddress)} must be http(s)://host[:port]`,
    ]);
    const destination = backupDestination(this, props.namespace, "vault");
    this.where = destination.where;
    backupCronJob(this, {
      namespace: props.namespace,
      app: "vault",
      name: "vault-raft-backup",
      schedule,
      container: {
        name: "snapshot",
        image: VAULT_IMAGE,
        command: ["/bin/sh", "-euc"],
        args: [`export VAULT_TOKEN="$token"\n${vaultRaftSnapshotScript("/backup", "vault-raft-", retentionDays)}`],
        cpuMillis: 50,
        memoryMiB: 128,
        env: { VAULT_ADDR: props.vaultAddress },
        envFromSecrets: [{ secretName: props.tokenSecret }],
        mounts: [{ volume: destination.target, path: "/backup" }],
      },
    });
    recordCatalogFacts(this, { backup: `vault operator raft snapshot save, ${schedule}, ${retentionDays} days, to ${destination.where}` });
  }
}
