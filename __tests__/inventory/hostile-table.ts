import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import YAML from "yaml";
import { defaultInventory, Inventory, InventoryError, loadInventory } from "../../inventory";

/**
 * One hostile inventory and what must become of it: every row goes through the real loader
 * (HOMELAB_INVENTORY naming a file), so each is read, parsed and validated as an operator's would be.
 */
export interface HostileRow {
  readonly name: string;
  readonly input:
    | { readonly text: string | Buffer; readonly ext?: "yaml" | "json" }
    /** The embedded default, changed, written as YAML. */
    | { readonly mutate: (raw: any) => void }
    /** Makes the path to load inside `dir` (a directory, a FIFO, a link…). */
    | { readonly make: (dir: string) => string };
  /** Every pattern must match one line of the error, or `accepted` checks the loaded inventory. */
  readonly expect: { readonly error: readonly (RegExp | string)[] } | { readonly accepted: (inventory: Inventory) => void };
}

/** The embedded default as an operator would write it, to be changed by a row. */
export function defaultRaw(): any {
  return JSON.parse(JSON.stringify(defaultInventory));
}

export function asYaml(mutate: (raw: any) => void): string {
  const raw = defaultRaw();
  mutate(raw);
  return YAML.stringify(raw);
}

/** What loading a row gives: the inventory, or the InventoryError (anything else fails the test). */
export function loadRow(row: HostileRow): { file: string; inventory?: Inventory; error?: InventoryError } {
  const dir = mkdtempSync(join(tmpdir(), "hostile-inventory-"));
  try {
    let file: string;
    if ("make" in row.input) {
      file = row.input.make(dir);
    } else {
      file = join(dir, `inventory.${"ext" in row.input && row.input.ext ? row.input.ext : "yaml"}`);
      writeFileSync(file, "text" in row.input ? row.input.text : asYaml(row.input.mutate));
    }
    try {
      return { file, inventory: loadInventory({ HOMELAB_INVENTORY: file }) };
    } catch (err) {
      if (!(err instanceof InventoryError)) throw err;
      return { file, error: err };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs one row and checks its outcome; errors must name the file, stay short and carry no stack trace. */
export function checkRow(row: HostileRow): void {
  const { file, inventory, error } = loadRow(row);
  if ("accepted" in row.expect) {
    expect(error?.message).toBeUndefined();
    row.expect.accepted(inventory!);
    return;
  }
  expect(inventory).toBeUndefined();
  const message = error!.message;
  expect(message.startsWith(`invalid inventory (${file}):\n`)).toBe(true);
  expect(message).not.toMatch(/\n\s+at /);
  // Each finding names the file: the bound is on the message, wherever the temporary directory is.
  expect(message.split(file).join("inventory.yaml").length).toBeLessThan(8000);
  const lines = message.split("\n").slice(1).map((line) => line.trim());
  for (const pattern of row.expect.error) {
    const matches = (line: string) => (typeof pattern === "string" ? line.includes(pattern) : pattern.test(line));
    if (!lines.some(matches)) throw new Error(`no line of the error matches ${pattern}:\n${message}`);
  }
}
