import { tmpdir } from "os";
import { HomelabApp } from "../../constructs";
import { catalogFactsOf } from "../../constructs/catalog-facts";
import { GlusterCsiVolume } from "../../constructs/gluster-csi-volume";
import { MartinibarNfsVolume } from "../../constructs/martinibar-nfs-volume";
import { capacityBytes, NomadCsiVolume } from "../../constructs/nomad-csi-volume";
import { NomadNamespace } from "../../constructs/nomad-namespace";
import { DAILY, WEEKLY } from "../../jobspecs/backup-plans";
import { resourcesOf, synthApp, synthWith, testInventory, testStack, NO_BACKUP } from "../helpers/synth";
import { lazy } from "../helpers/lazy";

const nomad = { cluster: "nomad-main" as const };
/** The mount options the GlusterFS migration plan (001) approved, in its order. */
const PLAN_MOUNT_OPTIONS = ["nfsvers=3", "noatime", "ac", "actimeo=60", "lookupcache=positive", "hard", "intr", "retrans=3", "timeo=600", "rsize=1048576", "wsize=1048576"];

describe("GlusterCsiVolume", () => {
  const stack = lazy(() => synthWith((s) => {
    new GlusterCsiVolume(s, "Config", { criticality: "medium", backup: NO_BACKUP, service: "matrix", type: "synapse_config", capacityMin: "1GiB", capacityMax: "10GiB" });
    new GlusterCsiVolume(s, "Media", { criticality: "medium", backup: NO_BACKUP, service: "matrix", type: "synapse_media" });
  }, nomad));
  const volumes = lazy(() => resourcesOf(stack(), "nomad_csi_volume"));
  const config = lazy(() => Object.values(volumes()).find((v: any) => v.volume_id === "glusterfs_matrix_synapse_config"));

  test("is named glusterfs_<service>_<type>, with name = volume_id, on the glusterfs plugin", () => {
    expect(config()).toMatchObject({ volume_id: "glusterfs_matrix_synapse_config", name: "glusterfs_matrix_synapse_config", plugin_id: "glusterfs" });
  });

  test("lives in Nomad's default namespace, created through the plugin with no parameters (democratic-csi reads its own config)", () => {
    expect(config().namespace).toBe("default");
    expect(config().parameters).toBeUndefined();
  });

  test("carries prevent_destroy by default", () => {
    for (const v of Object.values(volumes())) expect(v.lifecycle).toEqual({ prevent_destroy: true });
  });

  test("is single-node-writer, file-system by default", () => {
    expect(config().capability).toEqual([{ access_mode: "single-node-writer", attachment_mode: "file-system" }]);
  });

  test("mounts with the canonical NFS options, never soft", () => {
    expect(config().mount_options).toEqual({ fs_type: "nfs", mount_flags: PLAN_MOUNT_OPTIONS });
  });

  test("keeps the capacities with their units; capacityMax defaults to capacityMin", () => {
    expect(config()).toMatchObject({ capacity_min: "1GiB", capacity_max: "10GiB" });
    const media = Object.values(volumes()).find((v: any) => v.volume_id === "glusterfs_matrix_synapse_media");
    expect(media).toMatchObject({ capacity_min: "1GiB", capacity_max: "1GiB" });
  });

  test("every volume depends on one shared nomad_plugin data source that waits for health", () => {
    const plugins = stack().data.nomad_plugin;
    expect(Object.keys(plugins)).toHaveLength(1);
    const [[id, plugin]] = Object.entries(plugins) as [string, any][];
    expect(plugin).toMatchObject({ plugin_id: "glusterfs", wait_for_healthy: true });
    for (const v of Object.values(volumes())) expect(v.depends_on).toEqual([`data.nomad_plugin.${id}`]);
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
    expect(legacy.mount_options.mount_flags).toEqual(PLAN_MOUNT_OPTIONS);
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
    // csi-driver-nfs creates a directory on the inventory's export, and keeps it when the volume is deleted.
    expect(v.parameters).toEqual({ server: "nas.home.arpa", share: "/srv/nfs/bitcoin", onDelete: "retain" });
    expect(v.depends_on).toEqual([`data.nomad_plugin.${Object.keys(stack.data.nomad_plugin)[0]}`, `nomad_namespace.${Object.keys(resourcesOf(stack, "nomad_namespace"))[0]}`]);
  });
});

describe("bad input fails with the construct path, the value and what is allowed", () => {
  /** The volume as its constructor leaves it, without a synth. */
  const constructed = (props: Partial<ConstructorParameters<typeof GlusterCsiVolume>[2]>) => () =>
    new GlusterCsiVolume(testStack(new HomelabApp({ outdir: tmpdir(), inventory: testInventory }), nomad), "V", {
      criticality: "medium",
      backup: NO_BACKUP,
      service: "svc",
      type: "data",
      ...props,
    });

  test("fails if capacityMin exceeds capacityMax, comparing sizes across units", () => {
    expect(constructed({ capacityMin: "20GiB", capacityMax: "10GiB" })).toThrow(/^test\/V: capacityMin 20GiB is larger than capacityMax 10GiB$/);
    expect(constructed({ capacityMin: "1GiB", capacityMax: "1GB" })).toThrow("test/V: capacityMin 1GiB is larger than capacityMax 1GB");
    expect(constructed({ capacityMin: "1024MiB", capacityMax: "1GiB" })).not.toThrow();
  });

  test.each(["10", "0GiB", "0.0MiB", "1 GiB", "1gib", "GiB", "-1GiB", "x1GiB", "1GiBx", "1.GiB"])("fails if a capacity is not a positive size with a unit: %j", (capacity) => {
    expect(constructed({ capacityMin: capacity as never, capacityMax: "10GiB" })).toThrow(
      `test/V: capacityMin ${JSON.stringify(capacity)} must be a positive size with a unit (KiB, MiB, GiB, TiB, KB, MB, GB, TB)`,
    );
    expect(constructed({ capacityMax: capacity as never })).toThrow(`capacityMax ${JSON.stringify(capacity)} must be a positive size with a unit`);
  });

  test("fails if the service has characters outside the naming rule (rejected, not rewritten)", () => {
    expect(constructed({ service: "Matrix-Synapse" })).toThrow(/test\/V: service "Matrix-Synapse" must be lowercase letters and digits joined by single underscores/);
  });

  test("fails if the type has a double underscore", () => {
    expect(constructed({ type: "synapse__config" })).toThrow(/type "synapse__config" must be lowercase/);
  });

  test("every access mode Nomad's CSI volumes take is accepted, and recorded for the mounts to check", () => {
    const modes = ["single-node-reader-only", "single-node-writer", "multi-node-reader-only", "multi-node-single-writer", "multi-node-multi-writer"] as const;
    for (const accessMode of modes) expect(constructed({ accessMode })().accessMode).toBe(accessMode);
    expect(constructed({ accessMode: "read-write-many" as never })).toThrow(
      'test/V: accessMode "read-write-many" is unknown; allowed: single-node-reader-only, single-node-writer, multi-node-reader-only, multi-node-single-writer, multi-node-multi-writer',
    );
  });

  test("both attachment modes are accepted; another fails", () => {
    expect(["file-system", "block-device"].map((attachmentMode) => constructed({ attachmentMode: attachmentMode as never })().attachmentMode)).toEqual(["file-system", "block-device"]);
    expect(constructed({ attachmentMode: "nfs" as never })).toThrow('test/V: attachmentMode "nfs" is unknown; allowed: file-system, block-device');
  });

  test("every criticality of the domain brief is accepted; another fails", () => {
    for (const criticality of ["critical", "high", "medium", "low"] as const) expect(constructed({ criticality })).not.toThrow();
    expect(constructed({ criticality: "urgent" as never })).toThrow('test/V: criticality "urgent" is unknown; allowed: critical, high, medium, low');
  });

  test("allowDestroy of exactly ten characters is a reason", () => {
    expect(constructed({ retain: { allowDestroy: " 0123456789 " } })().resource.lifecycle).toEqual({ preventDestroy: false });
  });

  test.each([["ok"], ["  012345678  "], [" ".repeat(12)], [42]])("fails if allowDestroy gives no real reason: %j", (allowDestroy) => {
    expect(constructed({ retain: { allowDestroy: allowDestroy as never } })).toThrow("test/V: retain.allowDestroy must give a reason of 10+ characters for letting destroy delete the data");
  });

  test("every problem is reported at once", () => {
    expect(constructed({ service: "A", capacityMin: "5" as never })).toThrow(
      'test/V: service "A" must be lowercase letters and digits joined by single underscores (a volume id is never rewritten); capacityMin "5" must be a positive size with a unit',
    );
  });

  test("fails if used in a Kubernetes stack", () => {
    expect(() => synthWith((s) => new GlusterCsiVolume(s, "V", { criticality: "medium", backup: NO_BACKUP, service: "a", type: "b" }), { cluster: "kubernetes" })).toThrow(
      /a nomad provider cannot be used in a stack of cluster kubernetes/,
    );
  });
});

test("capacities are read with their unit's size: decimal (KB … TB) and binary (KiB … TiB), fractions allowed", () => {
  expect(["1KB", "1MB", "1GB", "1TB", "1KiB", "1MiB", "1GiB", "1TiB", "1.5GiB", "0.5KB", "1.25TB"].map(capacityBytes)).toEqual([
    1e3,
    1e6,
    1e9,
    1e12,
    1024,
    1024 ** 2,
    1024 ** 3,
    1024 ** 4,
    1.5 * 1024 ** 3,
    500,
    1.25e12,
  ]);
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
