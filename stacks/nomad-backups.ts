import { Construct, IConstruct } from "constructs";
import { ExternalDatabase } from "../constructs/external-database";
import { HomelabStack } from "../constructs/homelab-stack";
import { NomadCsiVolume } from "../constructs/nomad-csi-volume";
import { NomadJob } from "../constructs/nomad-job";
import { BackupPlan, OFFSITE, plansOf } from "../jobspecs/backup-plans";
import { copyBackupJob, resticBackupJob } from "../jobspecs/backups";

/** What one plan saves, gathered from the volumes and databases that chose it. */
interface PlanContents {
  readonly plan: BackupPlan;
  readonly chosenBy: string;
  readonly items: Set<string>;
  readonly verify: Set<string>;
  readonly databases: Set<string>;
}

/**
 * The main Nomad cluster's backups: one periodic batch job per backup plan, saving what the
 * volumes and external databases of the estate chose (their `backup` prop). Built last in
 * main.ts, from the stacks already defined, so a volume added anywhere is backed up as it
 * declares, with nothing listed here.
 */
export class NomadBackupsStack extends HomelabStack {
  constructor(scope: Construct, props: { readonly estate: IConstruct }) {
    super(scope, "nomad-backups", { tier: 1, cluster: "nomad-main", description: "Backups of the GlusterFS volumes and app databases (Nomad periodic jobs)" });
    const inv = this.inventory;
    const onMain = (c: IConstruct) => HomelabStack.of(c).cluster === "nomad-main";
    const contents = new Map<string, PlanContents>();
    const planFor = (plan: BackupPlan, by: IConstruct): PlanContents => {
      const known = contents.get(plan.name);
      if (known && JSON.stringify(known.plan) !== JSON.stringify(plan)) {
        throw new Error(
          `${by.node.path}: backup plan ${plan.name} ${JSON.stringify(plan)} differs from the plan of that name ${known.chosenBy} chose ${JSON.stringify(known.plan)}; ` +
            "use the plans of jobspecs/backup-plans.ts, or give a new plan a new name",
        );
      }
      const entry = known ?? { plan, chosenBy: by.node.path, items: new Set<string>(), verify: new Set<string>(), databases: new Set<string>() };
      contents.set(plan.name, entry);
      return entry;
    };

    const constructs = props.estate.node.findAll();
    for (const volume of constructs.filter((c): c is NomadCsiVolume => c instanceof NomadCsiVolume && onMain(c))) {
      if (!("plans" in volume.backup)) continue;
      const files = (volume.backup.offsite ?? []).map((file) => `${volume.volumeId}/${file}`);
      for (const plan of plansOf(volume.backup)) {
        const entry = planFor(plan, volume);
        if (plan === OFFSITE) files.forEach((f) => entry.items.add(f));
        else entry.items.add(volume.volumeId);
        files.forEach((f) => entry.verify.add(f));
      }
    }
    const databases = new Map<string, ExternalDatabase>();
    for (const db of constructs.filter((c): c is ExternalDatabase => c instanceof ExternalDatabase && onMain(c))) {
      const other = databases.get(db.databaseName);
      if (other) throw new Error(`${db.node.path}: database ${db.databaseName} is already declared by ${other.node.path}; declare it once, where its service is`);
      databases.set(db.databaseName, db);
      for (const plan of plansOf(db.backup)) planFor(plan, db).databases.add(db.databaseName);
    }

    const datacenters = [inv.nomad.main.datacenter];
    const sorted = (s: Set<string>) => [...s].sort();
    for (const { plan, items, verify, databases: dbs } of [...contents.values()].sort((a, b) => a.plan.name.localeCompare(b.plan.name))) {
      const base = { datacenters, plan, timeZone: inv.backups.timeZone, items: sorted(items) };
      const job =
        plan.store === "copies"
          ? copyBackupJob({ ...base, verify: sorted(verify), databases: sorted(dbs), copies: inv.backups.copies, postgres: inv.externalPostgres })
          : resticBackupJob({
              ...base,
              repository:
                plan.store === "restic"
                  ? { kind: "directory", node: inv.backups.restic.node, path: inv.backups.restic.repository }
                  : { kind: "s3", endpoint: inv.backups.offsite.endpoint, bucket: inv.backups.offsite.bucket },
            });
      new NomadJob(this, `Backup-${plan.name}`, { job });
    }
  }
}
