/**
 * Every resource that holds data leaves synth with lifecycle.prevent_destroy, whoever built it:
 * the kinds are decided by one list (policy/stateful-kinds.ts), not by each construct
 * remembering. A resource whose code says prevent_destroy = false keeps it, and HL-STATE-1
 * refuses it unless the construct acknowledges HL-STATE-1 with its reason (it shows in
 * `npm run check`): the only way out.
 */
// @ts-nocheck

import { readFileSync, writeFileSync } from "fs";
import { join } from "path";
import { PlacedAcknowledgement } from "../policy/engine";
import { SynthResource, SynthStack } from "../policy/rule";
import { statePreventDestroy } from "../policy/rules/state-prevent-destroy";
import { statefulKindOf } from "../policy/stateful-kinds";

function preventDestroyUnset(r: SynthResource): boolean {
  const lifecycle = r.attributes.lifecycle as { prevent_destroy?: unknown } | undefined;
  return lifecycle?.prevent_destroy === undefined;
}

function acknowledged(r: SynthResource, acknowledgements: readonly PlacedAcknowledgement[]): boolean {
  return acknowledgements.some(
    (a) => a.ruleId === statePreventDestroy.id && a.stackId === r.stackId && (r.path === a.path || r.path.startsWith(`${a.path}/`)),
  );
}

/**
 * Adds prevent_destroy to the stateful resources of the synthesized stacks in `outdir` that do not set it
 * (stacks/<id>/cdk.tf.json) and returns the stacks as the rules must now see them.
 */
export function protectStatefulResources(
  outdir: string,
  stacks: readonly SynthStack[],
  acknowledgements: readonly PlacedAcknowledgement[],
): SynthStack[] {
  const estate = stacks.flatMap((s) => s.resources);
  return stacks.map((stack) => {
    const unprotected = stack.resources.filter(
      (r) => statefulKindOf(r, estate) && preventDestroyUnset(r) && !acknowledged(r, acknowledgements),
    );
    if (!unprotected.length) return stack;
    const file = join(outdir, "stacks", stack.id, "cdk.tf.json");
    const json = JSON.parse(readFileSync(file, "utf8"));
    for (const r of unprotected) {
      const body = json.resource[r.type][r.logicalId!];
      body.lifecycle = { ...body.lifecycle, prevent_destroy: true };
    }
    writeFileSync(file, JSON.stringify(json, null, 2));
    const changed = new Set(unprotected);
    return {
      ...stack,
      resources: stack.resources.map((r) =>
        changed.has(r) ? { ...r, attributes: { ...r.attributes, lifecycle: { ...(r.attributes.lifecycle as object), prevent_destroy: true } } } : r,
      ),
    };
  });
}
