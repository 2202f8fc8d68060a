import { readFileSync } from "fs";
import YAML from "yaml";
import { z } from "zod";
import { defaultInventory } from "./default";
import { Inventory, inventorySchema } from "./schema";

/** The environment variable naming the operator's inventory file (YAML or JSON). */
export const INVENTORY_ENV = "HOMELAB_INVENTORY";

/** Raised for an inventory that does not match the schema; lists every problem at once. */
export class InventoryError extends Error {
  constructor(
    readonly source: string,
    readonly problems: readonly string[],
  ) {
    super(`invalid inventory (${source}):\n  ${problems.join("\n  ")}`);
    this.name = "InventoryError";
  }
}

/** Loads the operator's inventory named by HOMELAB_INVENTORY, or the embedded default. */
export function loadInventory(env: NodeJS.ProcessEnv = process.env): Inventory {
  const file = env[INVENTORY_ENV];
  if (!file) return parseInventory(defaultInventory, "embedded default");
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new InventoryError(`${INVENTORY_ENV}=${file}`, [`cannot read the file: ${(err as Error).message}`]);
  }
  let raw: unknown;
  try {
    raw = YAML.parse(text);
  } catch (err) {
    throw new InventoryError(file, [`not YAML or JSON: ${(err as Error).message}`]);
  }
  return parseInventory(raw, file);
}

/** Validates raw data against the schema; errors name the field, the bad value and what is allowed. */
export function parseInventory(raw: unknown, source: string): Inventory {
  const result = inventorySchema.safeParse(raw);
  if (result.success) return result.data;
  throw new InventoryError(source, result.error.issues.map((issue) => describeIssue(raw, issue)));
}

function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const path = formatPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    const where = path || "top level";
    return `${where}: unknown field(s) ${issue.keys.map((k) => JSON.stringify(k)).join(", ")}; check the spelling against inventory/schema.ts`;
  }
  const value = valueAt(raw, issue.path);
  const json = JSON.stringify(value);
  const shown = value === undefined ? "is missing" : `= ${json.length > 80 ? `${json.slice(0, 77)}...` : json}`;
  return `${path || "inventory"} ${shown}: ${issue.message}`;
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = raw;
  for (const part of path) {
    if (current === null || typeof current !== "object") return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}
