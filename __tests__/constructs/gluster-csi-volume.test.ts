import { tmpdir } from "os";
import { HomelabApp } from "../../constructs";
import { catalogFactsOf } from "../../constructs/catalog-facts";
import { GlusterCsiVolume } from "../../constructs/gluster-csi-volume";
import { MartinibarNfsVolume } from "../../constructs/martinibar-nfs-volume";
import { NomadCsiVolume } from "../../constructs/nomad-csi-volume";
import { NomadNamespace } from "../../constructs/nomad-namespace";
import { DAILY, WEEKLY } from "../../jobspecs/backup-plans";
import { NFS_MOUNT_OPTIONS } from "../../jobspecs/nfs-mount-options";
import { resourcesOf, synthApp, synthWith, testInventory, testStack, NO_BACKUP } from "../helpers/synth";

const nomad = { cluster: "nomad-main" as const };

describe("GlusterCsiVolume", () => {
  const stack = synthWith((s) => {
    new GlusterCsiVolume(s, "Config", { criticality: "medium", backup: NO_BACKUP, service: "matrix", type: "synapse_config", capacityMin: "1GiB", capacityMax: "10GiB" });
    new GlusterCsiVolume(s, "Media", { criticality: "medium", backup: NO_BACKUP, service: "matrix", type: "synapse_media" });
  }, nomad);
  const volumes = resourcesOf(stack, "nomad_csi_volume");
  const config = Object.values(volumes).find((v: any) => v.volume_id === "glusterfs_matrix_synapse_config");

  test("is named glusterfs_<service>_<type>, with name = volume_id, on the glusterfs plugin", () => {
    expect(config).toMatchObject({ volume_id: "glusterfs_matrix_synapse_config", name: "glusterfs_matrix_synapse_config", plugin_id: "glusterfs" });
  });

  test("carries prevent_destroy by default", () => {
    for (const v of Object.values(volumes)) expect(v.lifecycle).toEqual({ prevent_destroy: true });
  });

  test("is single-node-writer, file-system by default", () => {
    expect(config.capability).toEqual([{ access_mode: "single-node-writer", attachment_mode: "file-system" }]);
  });

  test("mounts with the canonical NFS options, never soft", () => {
    expect(config.mount_options).toEqual({ fs_type: "nfs", mount_flags: [...NFS_MOUNT_OPTIONS] });
    expect(config.mount_options.mount_flags).toContain("hard");
    expect(config.mount_options.mount_flags).not.toContain("soft");
  });

  test("keeps the capacities with their units; capacityMax defaults to capacityMin", () => {
    expect(config).toMatchObject({ capacity_min: "1GiB", capacity_max: "10GiB" });
    const media = Object.values(volumes).find((v: any) => v.volume_id === "glusterfs_matrix_synapse_media");
    expect(media).toMatchObject({ capacity_min: "1GiB", capacity_max: "1GiB" });
  });

  test("every volume depends on one shared nomad_plugin data source that waits for health", () => {
    const plugins = stack.data.nomad_plugin;
    expect(Object.keys(plugins)).toHaveLength(1);
    const [[id, plugin]] = Object.entries(plugins) as [string, any][];
    expect(plugin).toMatchObject({ plugin_id: "glusterfs", wait_for_healthy: true });
    for (const v of Object.values(volumes)) expect(v.depends_on).toEqual([`data.nomad_plugin.${id}`]);
  });
});

describe("retain", () => {
  test("an opt-out with a reason drops prevent_destroy and shows in the report as an acknowledgement", () => {
    const { stacks, report } = synthApp((app) => {
      new GlusterCsiVolume(testStack(app, nomad), "Scratch", { criticality: "low", backup: NO_BACKUP, service: "ci", type: "cache", retain: { allowDestroy: "rebuildable build cache, no data of value" } });
    });
    const [v] = Object.values(resourcesOf(stacks.test, "nomad_csi_volume")) as any[];
    expect(v.lifecycle).toEqual({ prevent_destroy: false });
    expect(report.findings).toContainEqual(
      expect.objectContaining({ ruleId: "HL-STATE-1", path: "test/Scratch/Resource", acknowledged: "rebuildable build cache, no data of value" }),
    );
  });
});

describe("criticality", () => {
  test("is recorded for the service catalog", () => {
    const app = new HomelabApp({ outdir: tmpdir(), inventory: testInventory });
    const volume = new GlusterCsiVolume(testStack(app, nomad), "Config", { criticality: "critical", backup: NO_BACKUP, service: "matrix", type: "synapse_config" });
    expect(catalogFactsOf(volume.resource)).toEqual({ criticality: "critical", backup: "none: a test volume that holds no data" });
  });

  test("fails if a critical volume opts out of prevent_destroy", () => {
    expect(() =>
      synthWith((s) => {
        new GlusterCsiVolume(s, "Key", { criticality: "critical", backup: NO_BACKUP, service: "matrix", type: "synapse_config", retain: { allowDestroy: "migrating to a new volume" } });
      }, nomad),
    ).toThrow(/test\/Key: a critical volume \(its data cannot be recreated\) cannot opt out of prevent_destroy/);
  });
});

describe("MartinibarNfsVolume and other plugins share the mechanism", () => {
  test("a martinibar volume is martinibar_prod_<service>_<type> on plugin martinibar, with its own plugin data source", () => {
    const stack = synthWith((s) => {
      new MartinibarNfsVolume(s, "Data", { criticality: "medium", backup: NO_BACKUP, service: "forgejo", type: "data" });
      new GlusterCsiVolume(s, "Other", { criticality: "medium", backup: NO_BACKUP, service: "x", type: "y" });
    }, nomad);
    const volumes = Object.values(resourcesOf(stack, "nomad_csi_volume")) as any[];
    const legacy = volumes.find((v) => v.plugin_id === "martinibar");
    expect(legacy).toMatchObject({ volume_id: "martinibar_prod_forgejo_data", lifecycle: { prevent_destroy: true } });
    expect(legacy.mount_options.mount_flags).toEqual([...NFS_MOUNT_OPTIONS]);
    expect(Object.values(stack.data.nomad_plugin).map((p: any) => p.plugin_id).sort()).toEqual(["glusterfs", "martinibar"]);
  });

  test("a bitcoin NFS volume lives in its namespace, depends on it, and uses the inventory's plugin", () => {
    const stack = synthWith((s) => {
      const ns = new NomadNamespace(s, "Ns", { name: "bitcoin" });
      new NomadCsiVolume(s, "Data", { criticality: "medium", backup: NO_BACKUP, plugin: "bitcoin-nfs", service: "bitcoin", type: "data", namespace: ns, accessMode: "multi-node-single-writer" });
    }, { cluster: "nomad-bitcoin" });
    const [v] = Object.values(resourcesOf(stack, "nomad_csi_volume")) as any[];
    expect(v).toMatchObject({ volume_id: "nfs_bitcoin_data", plugin_id: "nfs", namespace: "bitcoin" });
    expect(v.capability).toEqual([{ access_mode: "multi-node-single-writer", attachment_mode: "file-system" }]);
    expect(v.depends_on).toContain(`nomad_namespace.${Object.keys(resourcesOf(stack, "nomad_namespace"))[0]}`);
  });
});

describe("bad input fails with the construct path, the value and what is allowed", () => {
  const build = (props: Partial<ConstructorParameters<typeof GlusterCsiVolume>[2]>) => () =>
    synthWith((s) => new GlusterCsiVolume(s, "V", { criticality: "medium", backup: NO_BACKUP, service: "svc", type: "data", ...props }), nomad);

  test("fails if capacityMin exceeds capacityMax", () => {
    expect(build({ capacityMin: "20GiB", capacityMax: "10GiB" })).toThrow(/test\/V: capacityMin 20GiB is larger than capacityMax 10GiB/);
  });

  test("fails if a capacity has no unit", () => {
    expect(build({ capacityMin: "10" as never })).toThrow(/capacityMin "10" must be a positive size with a unit \(KiB, MiB, GiB/);
  });

  test("fails if the service has characters outside the naming rule (rejected, not rewritten)", () => {
    expect(build({ service: "Matrix-Synapse" })).toThrow(/test\/V: service "Matrix-Synapse" must be lowercase letters and digits joined by single underscores/);
  });

  test("fails if the type has a double underscore", () => {
    expect(build({ type: "synapse__config" })).toThrow(/type "synapse__config" must be lowercase/);
  });

  test("fails if the access mode is unknown", () => {
    expect(build({ accessMode: "read-write-many" as never })).toThrow(/accessMode "read-write-many" is unknown; allowed: single-node-reader-only, single-node-writer/);
  });

  test("fails if the attachment mode is unknown", () => {
    expect(build({ attachmentMode: "nfs" as never })).toThrow(/attachmentMode "nfs" is unknown; allowed: file-system, block-device/);
  });

  test("fails if allowDestroy gives no real reason", () => {
    expect(build({ retain: { allowDestroy: "ok" } })).toThrow(/retain.allowDestroy must give a reason of 10\+ characters/);
  });

  test("fails if used in a Kubernetes stack", () => {
    expect(() => synthWith((s) => new GlusterCsiVolume(s, "V", { criticality: "medium", backup: NO_BACKUP, service: "a", type: "b" }), { cluster: "kubernetes" })).toThrow(
      /a nomad provider cannot be used in a stack of cluster kubernetes/,
    );
  });
});

describe("backup choice", () => {
  const volume = (props: Record<string, unknown>, plugin: "glusterfs" | "martinibar" = "glusterfs") => () =>
    synthWith((s) => new NomadCsiVolume(s, "V", { criticality: "medium", service: "svc", type: "data", plugin, ...props } as never), nomad);

  test("fails if a volume declares no backup choice (a JavaScript caller, or a cast, escapes the compiler)", () => {
    expect(volume({})).toThrow(/test\/V: volume declares no backup choice; allowed: \{ plans: \[DAILY, WEEKLY, …\] \}.* or \{ none: "<reason of 10\+ characters>" \}/);
  });

  test("fails if none gives no real reason", () => {
    expect(volume({ backup: { none: "later" } })).toThrow(/test\/V: volume backup none must give a reason of 10\+ characters; got "later"/);
  });

  test("fails if it chooses both plans and none, or an empty list of plans", () => {
    expect(volume({ backup: { plans: [WEEKLY], none: "nothing to see here" } })).toThrow(/must choose exactly one/);
    expect(volume({ backup: { plans: [] } })).toThrow(/plans must list at least one plan; to back up nothing, say \{ none: "<reason>" \}/);
  });

  test("fails if a plan's schedule is not a cron expression Nomad accepts, naming the value and what is allowed", () => {
    expect(volume({ backup: { plans: [{ ...DAILY, cron: "0 25 * * *" }] } })).toThrow(
      /test\/V: volume plan daily: schedule "0 25 \* \* \*" is not a cron expression Nomad accepts \(syntax error in hour field: '25'\); allowed: 5 to 7 fields/,
    );
    expect(volume({ backup: { plans: [{ ...DAILY, cron: "every day" }] } })).toThrow(/schedule "every day" is not a cron expression Nomad accepts \(missing field\(s\)\)/);
  });

  test("fails if a plan keeps nothing, or a file going off-site leaves the volume", () => {
    expect(volume({ backup: { plans: [{ ...WEEKLY, keepDays: 0 }] } })).toThrow(/plan weekly: keepDays 0 must be a whole number of days from 1 to 3650/);
    expect(volume({ backup: { plans: [DAILY], offsite: ["../etc/shadow"] } })).toThrow(/offsite file "..\/etc\/shadow" must be a path relative to the volume/);
  });

  test("fails if a volume the backup jobs cannot read chooses plans (the legacy NFS server is not on the nodes' mount)", () => {
    expect(volume({ backup: { plans: [WEEKLY] } }, "martinibar")).toThrow(/volume backup plans weekly cannot run: the backup jobs read volumes from the nodes' GlusterFS mount, and martinibar volumes are not on it/);
    expect(volume({ backup: { none: "kept by the legacy NFS server itself" } }, "martinibar")).not.toThrow();
  });

  test("is recorded on the synthesized volume (Terraform ignores the comment) and in the catalog", () => {
    const stack = synthWith((s) => new GlusterCsiVolume(s, "V", { criticality: "high", service: "svc", type: "data", backup: { plans: [DAILY], offsite: ["key"] } }), nomad);
    const [v] = Object.values(resourcesOf(stack, "nomad_csi_volume")) as any[];
    expect(v["//"].homelab_backup).toEqual({ plans: [DAILY], offsite: ["key"] });
    const app = new HomelabApp({ outdir: tmpdir(), inventory: testInventory });
    const built = new GlusterCsiVolume(testStack(app, nomad), "V", { criticality: "high", service: "svc", type: "data", backup: { plans: [DAILY, WEEKLY] } });
    expect(catalogFactsOf(built.resource).backup).toBe("daily (0 2 * * *, 7 d); weekly (0 3 * * 0, 28 d)");
  });
});
