import { Construct, IConstruct } from "constructs";
import { ExternalDatabase } from "../constructs/external-database";
import { HomelabStack } from "../constructs/homelab-stack";
import { NomadCsiVolume } from "../constructs/nomad-csi-volume";
import { NomadJob } from "../constructs/nomad-job";
import { BackupListing } from "../constructs/backup-listing";
import { NomadJobVariableReader } from "../constructs/nomad-job-variable-reader";
import { BackupPlan, plansOf } from "../jobspecs/backup-plans";
import { backupListPrefix, copyBackupJob, resticBackupJob } from "../jobspecs/backups";

/**
 * The main Nomad cluster's backups: one periodic batch job per backup plan that some volume
 * or external database of the estate chose (their `backup` prop). What a plan saves is not
 * here: each volume and database lists itself for its plans in a Nomad variable of its own
 * stack (BackupListing, backups/<plan>/…), and the plan's job reads those lists when it
 * starts, through an ACL policy bound to the job. A service added with the plans already in
 * use changes its own stack only.
 */
export class NomadBackupsStack extends HomelabStack {
  constructor(scope: Construct, props: { readonly estate: IConstruct }) {
    super(scope, "nomad-backups", { tier: 1, cluster: "nomad-main", description: "Backups of the GlusterFS volumes and app databases (Nomad periodic jobs)" });
    const inv = this.inventory;
    const onMain = (c: IConstruct) => HomelabStack.of(c).cluster === "nomad-main";
    const chosen = new Map<string, { readonly plan: BackupPlan; readonly chosenBy: string }>();
    const choose = (plan: BackupPlan, by: IConstruct) => {
      const known = chosen.get(plan.name);
      if (known && JSON.stringify(known.plan) !== JSON.stringify(plan)) {
        throw new Error(
          `${by.node.path}: backup plan ${plan.name} ${JSON.stringify(plan)} differs from the plan of that name ${known.chosenBy} chose ${JSON.stringify(known.plan)}; ` +
            "use the plans of jobspecs/backup-plans.ts, or give a new plan a new name",
        );
      }
      if (!known) chosen.set(plan.name, { plan, chosenBy: by.node.path });
    };

    const constructs = props.estate.node.findAll();
    for (const volume of constructs.filter((c): c is NomadCsiVolume => c instanceof NomadCsiVolume && onMain(c))) {
      for (const plan of plansOf(volume.backup)) choose(plan, volume);
    }
    const databases = new Map<string, ExternalDatabase>();
    for (const db of constructs.filter((c): c is ExternalDatabase => c instanceof ExternalDatabase && onMain(c))) {
      const other = databases.get(db.databaseName);
      if (other) throw new Error(`${db.node.path}: database ${db.databaseName} is already declared by ${other.node.path}; declare it once, where its service is`);
      databases.set(db.databaseName, db);
      for (const plan of plansOf(db.backup)) choose(plan, db);
    }

    // The lists are written by the stacks declaring the volumes and databases: deployed first,
    // so a plan's job never starts from lists its first deploy would leave half written.
    for (const listing of constructs.filter((c): c is BackupListing => c instanceof BackupListing && onMain(c) && c.entries.size > 0)) {
      if (HomelabStack.of(listing) !== this) this.addDependency(HomelabStack.of(listing));
    }

    const datacenters = [inv.nomad.main.datacenter];
    for (const { plan } of [...chosen.values()].sort((a, b) => a.plan.name.localeCompare(b.plan.name))) {
      const base = { datacenters, plan, timeZone: inv.backups.timeZone };
      const job =
        plan.store === "copies"
          ? copyBackupJob({ ...base, copies: inv.backups.copies, postgres: inv.externalPostgres })
          : resticBackupJob({
              ...base,
              repository:
                plan.store === "restic"
                  ? { kind: "directory", node: inv.backups.restic.node, path: inv.backups.restic.repository }
                  : { kind: "s3", endpoint: inv.backups.offsite.endpoint, bucket: inv.backups.offsite.bucket },
            });
      new NomadJob(this, `Backup-${plan.name}`, { job });
      new NomadJobVariableReader(this, `Backup-${plan.name}-Lists`, { jobId: job.ID, prefix: backupListPrefix(plan) });
    }
  }
}
