import { ExternalDatabase } from "../../constructs/external-database";
import { GlusterCsiVolume } from "../../constructs/gluster-csi-volume";
import { NomadJobVariableReader } from "../../constructs/nomad-job-variable-reader";
import { DAILY, WEEKLY } from "../../jobspecs/backup-plans";
import { resourcesOf, synthApp, synthWith, testStack } from "../helpers/synth";

const nomad = { cluster: "nomad-main" as const };
const variables = (stack: any) => (Object.values(resourcesOf(stack, "nomad_variable")) as any[]).map((v) => [v.path, v.items]).sort(([a], [b]) => a.localeCompare(b));

describe("BackupListing: a volume or database lists itself for each plan it chose, in its own stack", () => {
  test("a volume: the whole volume for each plan, its off-site files for the off-site plan, and those files verified by every copy", () => {
    const stack = synthWith(
      (s) => new GlusterCsiVolume(s, "Config", { criticality: "critical", service: "matrix", type: "config", backup: { plans: [DAILY, WEEKLY], offsite: ["signing.key", "keys/other.key"] } }),
      nomad,
    );
    expect(variables(stack)).toEqual([
      ["backups/daily/volumes/glusterfs_matrix_config", { items: "glusterfs_matrix_config", verify: "glusterfs_matrix_config/keys/other.key glusterfs_matrix_config/signing.key" }],
      ["backups/offsite/volumes/glusterfs_matrix_config", { items: "glusterfs_matrix_config/keys/other.key glusterfs_matrix_config/signing.key", verify: "glusterfs_matrix_config/keys/other.key glusterfs_matrix_config/signing.key" }],
      ["backups/weekly/volumes/glusterfs_matrix_config", { items: "glusterfs_matrix_config", verify: "glusterfs_matrix_config/keys/other.key glusterfs_matrix_config/signing.key" }],
    ]);
    expect((Object.values(resourcesOf(stack, "nomad_variable")) as any[]).every((v) => v.namespace === "default" && v.provider === "nomad")).toBe(true);
  });

  test("a database: its name for each plan; a choice of none lists nothing", () => {
    const stack = synthWith((s) => {
      new ExternalDatabase(s, "Db", { name: "synapse", backup: { plans: [DAILY] } });
      new ExternalDatabase(s, "Other", { name: "scratch", backup: { none: "rebuilt from the app on start" } });
      new GlusterCsiVolume(s, "Cache", { criticality: "low", service: "app", type: "cache", backup: { none: "a cache, rebuilt on start" } });
    }, nomad);
    expect(variables(stack)).toEqual([["backups/daily/databases/synapse", { databases: "synapse" }]]);
  });

  test("its address follows the volume id, not the construct id: renaming the construct does not recreate (and then delete) the entry", () => {
    const addresses = (id: string) =>
      Object.keys(resourcesOf(synthWith((s) => new GlusterCsiVolume(s, id, { criticality: "low", service: "app", type: "data", backup: { plans: [WEEKLY] } }), nomad), "nomad_variable"));
    expect(addresses("Data")).toEqual(addresses("DataVolume"));
    expect(addresses("Data")).toEqual([expect.stringMatching(/^BackupListing-volume-glusterfs_app_data_weekly_[0-9A-F]{8}$/)]);
  });

  test("a database choosing plans in a stack of another cluster fails synth: the backup jobs of the main Nomad cluster would never see it", () => {
    expect(() => synthApp((app) => new ExternalDatabase(testStack(app, { cluster: "kubernetes" }), "Db", { name: "app", backup: { plans: [DAILY] } }))).toThrow(
      /^test\/BackupListing-database-app: the backup jobs run on the main Nomad cluster and list what they save there; a stack of cluster kubernetes cannot choose plans \(daily\): declare it in a stack of cluster nomad-main, or give backup: \{ none: "<reason>" \}$/,
    );
    expect(() => synthApp((app) => new ExternalDatabase(testStack(app, { cluster: "kubernetes" }), "Db", { name: "app", backup: { none: "kept by the app's own dumps" } }))).not.toThrow();
  });
});

describe("NomadJobVariableReader: one job reads the variables under a prefix", () => {
  test("an ACL policy bound to the job, read and list on the prefix only", () => {
    const stack = synthWith((s) => new NomadJobVariableReader(s, "Reads", { jobId: "backup-weekly", prefix: "backups/weekly/" }), nomad);
    expect(Object.values(resourcesOf(stack, "nomad_acl_policy"))).toEqual([
      expect.objectContaining({
        name: "backup-weekly-reads-backups-weekly",
        job_acl: { job_id: "backup-weekly", namespace: "default" },
        rules_hcl: 'namespace "default" {\n  variables {\n    path "backups/weekly/*" {\n      capabilities = ["read", "list"]\n    }\n  }\n}\n',
      }),
    ]);
  });

  test("a prefix that is not a path ending in /, or is Nomad's own tree, fails naming it", () => {
    const reader = (prefix: string) => () => synthWith((s) => new NomadJobVariableReader(s, "Reads", { jobId: "j", prefix }), nomad);
    expect(reader("backups/weekly")).toThrow(/test\/Reads: prefix "backups\/weekly" must be a variable path ending in \/, e\.g\. "backups\/weekly\/"/);
    expect(reader("*/")).toThrow(/prefix "\*\/" must be a variable path ending in \//);
    expect(reader("nomad/jobs/")).toThrow(/prefix "nomad\/jobs\/" is Nomad's own tree/);
  });
});
