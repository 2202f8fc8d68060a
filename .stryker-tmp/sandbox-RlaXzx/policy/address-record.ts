/**
 * The record of where every resource that holds data lives: state/addresses.json, committed
 * and reviewed. Terraform knows a resource only by its address (`type.logical_id`), which
 * cdktf derives from the construct path: renaming a construct id moves the address, and
 * Terraform then destroys the old resource and creates an empty one, prevent_destroy
 * notwithstanding (it leaves with the old block). HL-STATE-3 compares the estate with this
 * record; `npm run addresses` rewrites it from the estate, and a test fails when it is stale.
 */
// @ts-nocheck

import { existsSync, readFileSync } from "fs";
import { join } from "path";
import { SynthResource, SynthStack } from "./rule";
import { statefulKindOf } from "./stateful-kinds";

/** One stateful resource as recorded. */
export interface RecordedResource {
  /** The stateful kind (its Terraform type). */
  readonly kind: string;
  /** What it is, whatever its address: a volume id, a namespace/name, a mount path. */
  readonly identity: string;
  /** The construct path it was built at. */
  readonly path: string;
}

/** Stack id → address → what lives there. */
export type AddressRecord = Readonly<Record<string, Readonly<Record<string, RecordedResource>>>>;

export const ADDRESS_RECORD_FILE = join("state", "addresses.json");

/** Every stateful resource of the estate, by stack and address: what the record should say. */
export function recordOf(stacks: readonly SynthStack[]): AddressRecord {
  const estate = stacks.flatMap((s) => s.resources);
  const record: Record<string, Record<string, RecordedResource>> = {};
  for (const stack of [...stacks].sort((a, b) => a.id.localeCompare(b.id))) {
    const entries: Array<[string, RecordedResource]> = [];
    for (const r of stack.resources) {
      const kind = statefulKindOf(r, estate);
      if (kind) entries.push([`${r.type}.${r.logicalId}`, { kind: r.type, identity: kind.identity(r), path: r.path }]);
    }
    if (entries.length) record[stack.id] = Object.fromEntries(entries.sort(([a], [b]) => a.localeCompare(b)));
  }
  return record;
}

/** The committed record under `root`, or undefined when the repository has none. */
export function readAddressRecord(root: string): AddressRecord | undefined {
  const file = join(root, ADDRESS_RECORD_FILE);
  if (!existsSync(file)) return undefined;
  try {
    const { "//": _comment, ...record } = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    return record as AddressRecord;
  } catch (err) {
    throw new Error(`${ADDRESS_RECORD_FILE} is not valid JSON (${(err as Error).message}); restore it from git`);
  }
}

/** The record as the file holds it. */
export function renderAddressRecord(record: AddressRecord): string {
  const comment =
    "Where every resource that holds data lives (policy/stateful-kinds.ts). Rewritten by `npm run addresses`; " +
    "review every change: an address that disappears is a resource Terraform would destroy.";
  return `${JSON.stringify({ "//": comment, ...record }, null, 2)}\n`;
}

/** What became of a recorded address in the estate now. */
export type AddressChange = {
  readonly stackId: string;
  readonly address: string;
  readonly recorded: RecordedResource;
} & (
  | { readonly change: "moved"; readonly to: string }
  | { readonly change: "forgotten" }
  | { readonly change: "destroyed"; readonly declared: true }
  | { readonly change: "destroyed"; readonly declared: false; readonly successor?: SynthResource }
  | { readonly change: "stack-gone" }
);

/**
 * Every recorded address that is not where it was: moved (a moved block), forgotten or
 * destroyed on purpose (a removed block), destroyed without a word (gone, perhaps under a new
 * address: the successor of the same kind and identity), or left behind by a stack that is gone.
 */
export function addressChanges(record: AddressRecord, stacks: readonly SynthStack[]): AddressChange[] {
  const estate = stacks.flatMap((s) => s.resources);
  const changes: AddressChange[] = [];
  for (const [stackId, byAddress] of Object.entries(record)) {
    const stack = stacks.find((s) => s.id === stackId);
    const present = new Set(stack?.resources.map((r) => `${r.type}.${r.logicalId}`));
    for (const [address, recorded] of Object.entries(byAddress)) {
      const base = { stackId, address, recorded };
      if (!stack) {
        changes.push({ ...base, change: "stack-gone" });
        continue;
      }
      if (present.has(address)) continue;
      const moved = stack.moved?.find((m) => m.from === address && present.has(m.to));
      const removed = stack.removed?.find((r) => r.from === address);
      if (moved) changes.push({ ...base, change: "moved", to: moved.to });
      else if (removed) changes.push(removed.destroy ? { ...base, change: "destroyed", declared: true } : { ...base, change: "forgotten" });
      else {
        const successor = stack.resources.find(
          (r) => r.type === recorded.kind && !(`${r.type}.${r.logicalId}` in byAddress) && statefulKindOf(r, estate)?.identity(r) === recorded.identity,
        );
        changes.push({ ...base, change: "destroyed", declared: false, successor });
      }
    }
  }
  return changes;
}

/** A synthesized stack's JSON (cdk.tf.json) as the rules see a stack. */
export function synthStackOf(id: string, json: Readonly<Record<string, any>>): SynthStack {
  const resources: SynthResource[] = Object.entries<Record<string, any>>(json.resource ?? {}).flatMap(([type, byName]) =>
    Object.entries(byName).map(([logicalId, attributes]) => ({
      type,
      logicalId,
      stackId: id,
      path: String(attributes["//"]?.metadata?.path ?? `${id}/${logicalId}`),
      attributes,
    })),
  );
  return {
    id,
    resources,
    moved: (json.moved ?? []).map(({ from, to }: { from: string; to: string }) => ({ from, to })),
    removed: (json.removed ?? []).map((r: { from: string; lifecycle?: { destroy?: boolean } }) => ({ from: r.from, destroy: r.lifecycle?.destroy !== false })),
  };
}
