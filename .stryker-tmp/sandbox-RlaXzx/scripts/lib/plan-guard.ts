/**
 * The last net before an apply: a saved plan that would destroy or replace a resource that
 * holds data is refused unless the code said so. Stateful addresses are the committed record
 * (state/addresses.json) and the stateful kinds in the synthesized stack; what the code may say
 * is a `removed` block with destroy = true, or prevent_destroy = false on the resource (an
 * acknowledged opt-out of HL-STATE-1).
 */
// @ts-nocheck

import { AddressRecord, synthStackOf } from "../../policy/address-record";
import { statefulKindOf } from "../../policy/stateful-kinds";

/** The parts of `terraform show -json <plan>` read here. */
export interface PlanJson {
  readonly resource_changes?: ReadonlyArray<{
    readonly address: string;
    readonly type: string;
    readonly change: { readonly actions: readonly string[] };
  }>;
}

/** One sentence per planned destroy or replacement of data the code did not declare. */
export function plannedDataLoss(plan: PlanJson, stackId: string, stackJson: Readonly<Record<string, any>>, record: AddressRecord | undefined): string[] {
  const stack = synthStackOf(stackId, stackJson);
  const recorded = record?.[stackId] ?? {};
  const inConfig = new Map(stack.resources.map((r) => [`${r.type}.${r.logicalId}`, r]));
  const declaredDestroy = new Set((stack.removed ?? []).filter((r) => r.destroy).map((r) => r.from));
  return (plan.resource_changes ?? []).flatMap((change) => {
    const actions = change.change.actions;
    if (!actions.includes("delete")) return [];
    const current = inConfig.get(change.address);
    const kind = current ? statefulKindOf(current, stack.resources) : undefined;
    const was = recorded[change.address];
    if (!kind && !was) return [];
    if (declaredDestroy.has(change.address)) return [];
    const lifecycle = current?.attributes.lifecycle as { prevent_destroy?: unknown } | undefined;
    if (lifecycle?.prevent_destroy === false) return []; // an acknowledged opt-out (HL-STATE-1)
    const what = `${change.address} (${was?.identity ?? (kind && current ? kind.identity(current) : change.type)})`;
    const how = actions.includes("create") ? "replace (destroy, then create empty)" : "destroy";
    return [
      `the plan would ${how} ${what}, which holds data, and nothing in the code declares it: ` +
        "if it moved, declareMove; if it must go, declareRemoval(..., { reason, destroy: true }); if a changed attribute forces the replacement, change it back",
    ];
  });
}
