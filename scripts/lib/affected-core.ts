import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { OrderedStack, withDependents } from "../../constructs/stack-graph";
import { AddressChange, addressChanges, recordOf, synthStackOf } from "../../policy/address-record";

/** A synthesized stack's files (cdk.tf.json, jobspec files …) by path relative to its directory. */
export type StackFiles = ReadonlyMap<string, string>;

/** Every stack directory under `<outdir>/stacks`, with its files; Terraform's working files are skipped. */
export function readSynth(outdir: string): Map<string, StackFiles> {
  const stacksDir = join(outdir, "stacks");
  const result = new Map<string, StackFiles>();
  if (!existsSync(stacksDir)) return result;
  for (const id of readdirSync(stacksDir)) {
    const files = new Map<string, string>();
    const walk = (rel: string) => {
      for (const entry of readdirSync(join(stacksDir, id, rel), { withFileTypes: true })) {
        if (entry.name.startsWith(".terraform")) continue;
        const path = rel ? `${rel}/${entry.name}` : entry.name;
        if (entry.isDirectory()) walk(path);
        else files.set(path, readFileSync(join(stacksDir, id, path), "utf8"));
      }
    };
    walk("");
    result.set(id, files);
  }
  return result;
}

function sameFiles(a: StackFiles, b: StackFiles): boolean {
  if (a.size !== b.size) return false;
  for (const [path, text] of a) if (b.get(path) !== text) return false;
  return true;
}

/** Stacks present in `after` whose files differ from `before` (new stacks included). */
export function changedStacks(before: ReadonlyMap<string, StackFiles>, after: ReadonlyMap<string, StackFiles>): Set<string> {
  const changed = new Set<string>();
  for (const [id, files] of after) {
    const old = before.get(id);
    if (!old || !sameFiles(old, files)) changed.add(id);
  }
  return changed;
}

/** Stacks that existed at the ref and are no longer synthesized. */
export function removedStacks(before: ReadonlyMap<string, StackFiles>, after: ReadonlyMap<string, StackFiles>): string[] {
  return [...before.keys()].filter((id) => !after.has(id)).sort();
}

/** The changed stacks plus everything that depends on them, in deploy order. */
export function affectedInOrder(stacks: readonly OrderedStack[], changed: ReadonlySet<string>): OrderedStack[] {
  const affected = withDependents(stacks, changed);
  return [...stacks].sort((a, b) => a.order - b.order).filter((s) => affected.has(s.id));
}

/**
 * What happens to the resources that hold data between two synths, in words for the
 * operator: destroys first (and loud), then orphans, moves and removals that keep the data.
 */
export function statefulChanges(before: ReadonlyMap<string, StackFiles>, after: ReadonlyMap<string, StackFiles>): string[] {
  const stacks = (synth: ReadonlyMap<string, StackFiles>) =>
    [...synth].filter(([, files]) => files.has("cdk.tf.json")).map(([id, files]) => synthStackOf(id, JSON.parse(files.get("cdk.tf.json")!)));
  const what = (c: AddressChange) => `${c.stackId}/${c.address} (${c.recorded.kind} ${JSON.stringify(c.recorded.identity)})`;
  const lines = addressChanges(recordOf(stacks(before)), stacks(after)).map((c): [number, string] => {
    switch (c.change) {
      case "destroyed":
        return c.declared
          ? [0, `DESTROYS DATA: ${what(c)}: removal declared with destroy: true`]
          : [0, `DESTROYS DATA: ${what(c)}: no longer synthesized, no move or removal declared${c.successor ? `; it reappears as ${c.successor.type}.${c.successor.logicalId}: declare the move` : ""}`];
      case "stack-gone":
        return [1, `ORPHANED: ${what(c)}: its stack is no longer synthesized; the resource stays in that stack's state, unmanaged and unprotected`];
      case "moved":
        return [2, `moved: ${what(c)} -> ${c.to}`];
      case "forgotten":
        return [2, `forgotten, data kept: ${what(c)}`];
    }
  });
  return lines.sort(([a], [b]) => a - b).map(([, line]) => line);
}
