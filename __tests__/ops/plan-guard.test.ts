import { AddressRecord } from "../../policy/address-record";
import { PlanJson, plannedDataLoss } from "../../scripts/lib/plan-guard";

const change = (address: string, ...actions: string[]) => ({ address, type: address.split(".")[0], change: { actions } });
const plan = (...changes: ReturnType<typeof change>[]): PlanJson => ({ resource_changes: changes });
const volume = (lifecycle?: Record<string, unknown>) => ({ "//": { metadata: { path: "matrix/Config/Resource" } }, volume_id: "glusterfs_matrix_synapse_config", ...(lifecycle ? { lifecycle } : {}) });
const record: AddressRecord = {
  matrix: { "nomad_csi_volume.Old_1": { kind: "nomad_csi_volume", identity: "glusterfs_matrix_old", path: "matrix/Old/Resource" } },
};

describe("a saved plan that loses data the code did not declare is refused", () => {
  test("destroying a recorded volume that left the code", () => {
    expect(plannedDataLoss(plan(change("nomad_csi_volume.Old_1", "delete")), "matrix", { resource: {} }, record)).toEqual([
      'the plan would destroy nomad_csi_volume.Old_1 (glusterfs_matrix_old), which holds data, and nothing in the code declares it: if it moved, declareMove; if it must go, declareRemoval(..., { reason, destroy: true }); if a changed attribute forces the replacement, change it back',
    ]);
  });

  test("replacing a stateful kind still in the code (a changed volume_id), recorded or not", () => {
    const json = { resource: { nomad_csi_volume: { Config_2: volume({ prevent_destroy: true }) } } };
    const [loss] = plannedDataLoss(plan(change("nomad_csi_volume.Config_2", "delete", "create")), "matrix", json, undefined);
    expect(loss).toMatch(/^the plan would replace \(destroy, then create empty\) nomad_csi_volume\.Config_2 \(glusterfs_matrix_synapse_config\)/);
    // create_before_destroy: the same replacement, in the other order
    expect(plannedDataLoss(plan(change("nomad_csi_volume.Config_2", "create", "delete")), "matrix", json, undefined)).toEqual([loss]);
  });

  test("a removal declared with destroy: true, or an acknowledged prevent_destroy = false, lets it through", () => {
    expect(plannedDataLoss(plan(change("nomad_csi_volume.Old_1", "delete")), "matrix", { removed: [{ from: "nomad_csi_volume.Old_1", lifecycle: { destroy: true } }] }, record)).toEqual([]);
    const optedOut = { resource: { nomad_csi_volume: { Config_2: volume({ prevent_destroy: false }) } } };
    expect(plannedDataLoss(plan(change("nomad_csi_volume.Config_2", "delete", "create")), "matrix", optedOut, undefined)).toEqual([]);
  });

  test("a removal that keeps the data is a forget, not a delete; creates, updates and stateless deletes pass", () => {
    expect(
      plannedDataLoss(
        plan(change("nomad_csi_volume.Old_1", "forget"), change("nomad_job.Job_3", "delete"), change("nomad_csi_volume.New_4", "create"), change("nomad_job.Job_5", "update")),
        "matrix",
        { resource: {} },
        record,
      ),
    ).toEqual([]);
  });

  test("another stack's record does not count", () => {
    expect(plannedDataLoss(plan(change("nomad_csi_volume.Old_1", "delete")), "media-centre", { resource: {} }, record)).toEqual([]);
  });
});
