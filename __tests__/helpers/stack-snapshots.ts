/**
 * One snapshot file per stack (`__tests__/stacks/snapshots/<stack>.json`), so a change to one
 * stack changes one file in a pull request, and the file is plain, diffable JSON. Follows
 * jest's snapshot modes: `-u` rewrites (and removes the files of stacks that are gone), the
 * default writes missing ones, `--ci` writes nothing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { snapshotView } from "./snapshot";
import { repoRoot } from "../../scripts/repo-root";

export const STACK_SNAPSHOT_DIR = join(repoRoot(), "__tests__", "stacks", "snapshots");

type Mode = "all" | "new" | "none";

/** jest's snapshot update mode for this run (-u: all, --ci: none, else new). */
function updateMode(): Mode {
  const state = expect.getState().snapshotState as unknown as { _updateSnapshot?: Mode } | undefined;
  return state?._updateSnapshot ?? "new";
}

export function stackSnapshotFile(id: string): string {
  return join(STACK_SNAPSHOT_DIR, `${id}.json`);
}

export function renderStackSnapshot(json: unknown): string {
  return `${JSON.stringify(snapshotView(json), null, 2)}\n`;
}

/** Asserts one stack's snapshot, writing it as the mode allows. */
export function expectStackSnapshot(id: string, json: unknown): void {
  const file = stackSnapshotFile(id);
  const rendered = renderStackSnapshot(json);
  const mode = updateMode();
  if (!existsSync(file)) {
    if (mode === "none") {
      throw new Error(`no snapshot for stack ${id} (__tests__/stacks/snapshots/${id}.json): run \`npm test -- -u stacks/snapshots\` and commit it`);
    }
    mkdirSync(STACK_SNAPSHOT_DIR, { recursive: true });
    writeFileSync(file, rendered);
    return;
  }
  const committed = readFileSync(file, "utf8");
  if (committed === rendered) return;
  if (mode === "all") {
    writeFileSync(file, rendered);
    return;
  }
  // The diff a reviewer would see; `-u` accepts it.
  expect({ stack: id, snapshot: rendered.split("\n") }).toEqual({ stack: id, snapshot: committed.split("\n") });
}

/** Snapshot files of stacks the estate no longer has: removed under -u, else reported. */
export function obsoleteStackSnapshots(ids: readonly string[]): string[] {
  if (!existsSync(STACK_SNAPSHOT_DIR)) return [];
  const obsolete = readdirSync(STACK_SNAPSHOT_DIR)
    .filter((f) => f.endsWith(".json") && !ids.includes(f.slice(0, -".json".length)))
    .sort();
  if (updateMode() === "all") {
    for (const f of obsolete) rmSync(join(STACK_SNAPSHOT_DIR, f));
    return [];
  }
  return obsolete;
}
