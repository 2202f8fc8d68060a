import { Variable } from "@cdktf/provider-nomad/lib/variable";
import { Construct, IConstruct } from "constructs";
import { BackupPlan, DatabaseBackup, OFFSITE, plansOf, VolumeBackup } from "../jobspecs/backup-plans";
import { BackupListEntry, backupListItems, backupListPath } from "../jobspecs/backups";
import { HomelabStack } from "./homelab-stack";

/** What is listed: a volume (its id) or a database on the external PostgreSQL (its name). */
export type BackupListed = { readonly volumeId: string; readonly backup: VolumeBackup } | { readonly databaseName: string; readonly backup: DatabaseBackup };

/** A plan's entry for a volume: the whole volume, or for the off-site plan its listed files; those files are verified by every copy. */
function entryFor(listed: BackupListed, plan: BackupPlan): BackupListEntry {
  if ("databaseName" in listed) return { databases: [listed.databaseName] };
  const files = ("plans" in listed.backup ? (listed.backup.offsite ?? []) : []).map((f) => `${listed.volumeId}/${f}`);
  return { items: plan === OFFSITE ? files : [listed.volumeId], verify: files };
}

/**
 * A volume's or database's entries in the lists of the backup plans it chose: one Nomad
 * variable per plan (backups/<plan>/volumes/<volume id>, backups/<plan>/databases/<name>),
 * in the stack that declares it. Each plan's job (NomadBackupsStack) reads every entry under
 * backups/<plan>/ when it starts, so a service added or removed changes its own stack only.
 */
export class BackupListing extends Construct {
  /**
   * The listing of what `declarer` declares, in its stack, named by the volume id or database
   * name: never by the declarer's construct path, whose rename would make Terraform create the
   * variable anew and delete it at the old address, the same path, in an order it chooses.
   * Beside the declarer, not under it: adopt() and declareMove() take a volume construct as
   * its one resource.
   */
  static of(declarer: IConstruct, listed: BackupListed): BackupListing {
    const id = "databaseName" in listed ? `BackupListing-database-${listed.databaseName}` : `BackupListing-volume-${listed.volumeId}`;
    return new BackupListing(HomelabStack.of(declarer), id, listed);
  }

  /** What it adds to each plan's lists, by plan name. */
  readonly entries: ReadonlyMap<string, BackupListEntry>;

  constructor(scope: Construct, id: string, listed: BackupListed) {
    super(scope, id);
    const stack = HomelabStack.of(this);
    const plans = plansOf(listed.backup);
    if (plans.length && stack.cluster !== "nomad-main") {
      throw new Error(
        `${this.node.path}: the backup jobs run on the main Nomad cluster and list what they save there; ` +
          `a stack of cluster ${stack.cluster} cannot choose plans (${plans.map((p) => p.name).join(", ")}): declare it in a stack of cluster nomad-main, or give backup: { none: "<reason>" }`,
      );
    }
    const [kind, name] = "databaseName" in listed ? (["databases", listed.databaseName] as const) : (["volumes", listed.volumeId] as const);
    const entries = new Map<string, BackupListEntry>();
    for (const plan of plans) {
      const entry = entryFor(listed, plan);
      new Variable(this, plan.name, { provider: stack.provider("nomad", this), path: backupListPath(plan, kind, name), namespace: "default", items: backupListItems(entry) });
      entries.set(plan.name, entry);
    }
    this.entries = entries;
  }
}
