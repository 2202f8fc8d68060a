import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { OrderedStack, withDependents } from "../../constructs/stack-graph";

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
