import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { OrderedStack } from "../../constructs/stack-graph";
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

/** The affected stacks, in deploy order. */
export function inDeployOrder(stacks: readonly OrderedStack[], affected: ReadonlySet<string>): OrderedStack[] {
  return [...stacks].sort((a, b) => a.order - b.order).filter((s) => affected.has(s.id));
}

/** Stacks no longer synthesized, in the order to destroy them: the reverse of the old deploy order. */
export function removedInDestroyOrder(old: readonly OrderedStack[], removed: readonly string[]): string[] {
  return inDeployOrder(old, new Set(removed))
    .reverse()
    .map((s) => s.id);
}

/** Every resource that holds data and is not where it was: destroyed, orphaned, moved or forgotten. */
export function statefulChangeList(before: ReadonlyMap<string, StackFiles>, after: ReadonlyMap<string, StackFiles>): AddressChange[] {
  const stacks = (synth: ReadonlyMap<string, StackFiles>) =>
    [...synth].filter(([, files]) => files.has("cdk.tf.json")).map(([id, files]) => synthStackOf(id, JSON.parse(files.get("cdk.tf.json")!)));
  return addressChanges(recordOf(stacks(before)), stacks(after));
}

/** How loud a change is: 0 loses data, 1 leaves it unmanaged, 2 keeps it. */
export function statefulChangeRank(c: AddressChange): 0 | 1 | 2 {
  return c.change === "destroyed" ? 0 : c.change === "stack-gone" ? 1 : 2;
}

/** One change to a resource that holds data, in words for the operator. */
export function describeStatefulChange(c: AddressChange): string {
  const what = `${c.stackId}/${c.address} (${c.recorded.kind} ${JSON.stringify(c.recorded.identity)})`;
  switch (c.change) {
    case "destroyed":
      return c.declared
        ? `DESTROYS DATA: ${what}: removal declared with destroy: true`
        : `DESTROYS DATA: ${what}: no longer synthesized, no move or removal declared${c.successor ? `; it reappears as ${c.successor.type}.${c.successor.logicalId}: declare the move` : ""}`;
    case "stack-gone":
      return `ORPHANED: ${what}: its stack is no longer synthesized; the resource stays in that stack's state, unmanaged and unprotected`;
    case "moved":
      return `moved: ${what} -> ${c.to}`;
    case "forgotten":
      return `forgotten, data kept: ${what}`;
  }
}

/**
 * What happens to the resources that hold data between two synths, in words for the
 * operator: destroys first (and loud), then orphans, moves and removals that keep the data.
 */
export function statefulChanges(before: ReadonlyMap<string, StackFiles>, after: ReadonlyMap<string, StackFiles>): string[] {
  return statefulChangeList(before, after)
    .map((c): [number, string] => [statefulChangeRank(c), describeStatefulChange(c)])
    .sort(([a], [b]) => a - b)
    .map(([, line]) => line);
}

type StackJson = Readonly<Record<string, any>>;

const REMOTE_OUTPUT = /\bdata\.terraform_remote_state\.([A-Za-z0-9_-]+)\.outputs\.([A-Za-z0-9_-]+)/g;
/** `${type.name…}` or `${data.type.name…}`: a resource or a data source an expression reads. */
const BLOCK_REF = /\$\{(data\.)?([a-z][a-z0-9_]*)\.([A-Za-z0-9_-]+)/g;

function parse(files: StackFiles | undefined): StackJson | undefined {
  const text = files?.get("cdk.tf.json");
  return text === undefined ? undefined : JSON.parse(text);
}

/** The stack a terraform_remote_state block reads: by its backend's schema or state path. */
export function producerOf(block: StackJson): string | undefined {
  const config = block.config ?? {};
  if (typeof config.schema_name === "string") return config.schema_name;
  return /(?:^|\/)([^/]+)\.tfstate$/.exec(String(config.path ?? ""))?.[1];
}

/** What a stack reads from other stacks: producer id → the output names it reads. */
export function consumedOutputs(json: StackJson): Map<string, Set<string>> {
  const producers = new Map<string, string>();
  for (const [name, block] of Object.entries<StackJson>(json.data?.terraform_remote_state ?? {})) {
    const producer = producerOf(block);
    if (producer) producers.set(name, producer);
  }
  const consumed = new Map<string, Set<string>>();
  for (const [, input, output] of JSON.stringify(json).matchAll(REMOTE_OUTPUT)) {
    const producer = producers.get(input);
    if (producer) consumed.set(producer, (consumed.get(producer) ?? new Set()).add(output));
  }
  return consumed;
}

/** A resource's or data source's configuration without cdktf's metadata, to compare two synths. */
function blockConfig(json: StackJson | undefined, kind: "resource" | "data", type: string, name: string): string | undefined {
  const body = json?.[kind]?.[type]?.[name];
  if (body === undefined) return undefined;
  const { "//": _metadata, ...config } = body;
  return JSON.stringify(config);
}

/**
 * Whether an output's value may differ: its expression, or a resource or data source it
 * reads, changed; or it passes on an output of another stack (a terraform_remote_state)
 * that is affected.
 */
function outputChanged(before: StackJson | undefined, after: StackJson, name: string, affected: ReadonlySet<string>): boolean {
  const was = before?.output?.[name];
  const now = after.output?.[name];
  if (JSON.stringify(was?.value) !== JSON.stringify(now?.value)) return true;
  return [...JSON.stringify(now?.value ?? "").matchAll(BLOCK_REF)].some(([, data, type, block]) => {
    const kind = data ? "data" : "resource";
    if (blockConfig(before, kind, type, block) !== blockConfig(after, kind, type, block)) return true;
    if (kind !== "data" || type !== "terraform_remote_state") return false;
    const producer = producerOf(after.data?.terraform_remote_state?.[block] ?? {});
    return producer === undefined || affected.has(producer);
  });
}

/**
 * The stacks a change affects, precisely: those whose synthesized files changed, and those
 * that read an output of an affected stack whose value may have changed (its expression, or
 * a resource it reads, changed; or the producer is affected only through what it reads
 * itself, so any of its outputs may). A dependency for order alone (CRDs before their users,
 * a Vault role before the job that logs in with it) carries no data: a change there does not
 * make the dependent's plan differ.
 */
export function affectedStacks(before: ReadonlyMap<string, StackFiles>, after: ReadonlyMap<string, StackFiles>): Set<string> {
  const changed = changedStacks(before, after);
  const affected = new Set(changed);
  const readers = [...after.keys()].map((id) => ({ id, json: parse(after.get(id))! })).filter((s) => s.json);
  let grew = true;
  while (grew) {
    grew = false;
    for (const reader of readers) {
      if (affected.has(reader.id)) continue;
      for (const [producer, outputs] of consumedOutputs(reader.json)) {
        if (!affected.has(producer)) continue;
        const producerAfter = parse(after.get(producer));
        const valuesMayDiffer =
          !changed.has(producer) || !producerAfter || [...outputs].some((o) => outputChanged(parse(before.get(producer)), producerAfter, o, affected));
        if (valuesMayDiffer) {
          affected.add(reader.id);
          grew = true;
          break;
        }
      }
    }
  }
  return affected;
}
