// @ts-nocheck
import { z } from "zod";
import { defaultInventory } from "./default";
import { at, InventoryError, showValue, SourcePosition } from "./errors";
import { readInventoryText } from "./read-file";
import { Inventory, inventorySchema } from "./schema";
import { parseInventoryText } from "./yaml-data";

export { InventoryError } from "./errors";

/** The environment variable naming the operator's inventory file (YAML or JSON). */
export const INVENTORY_ENV = "HOMELAB_INVENTORY";

/** Loads the operator's inventory named by HOMELAB_INVENTORY, or the embedded default. */
export function loadInventory(env: NodeJS.ProcessEnv = process.env): Inventory {
  const file = env[INVENTORY_ENV];
  if (!file) return parseInventory(defaultInventory, "embedded default");
  const parsed = parseInventoryText(readInventoryText(file), file);
  return parseInventory(parsed.data, file, (path, part) => parsed.position(path, part));
}

/**
 * Validates raw data against the schema; every problem names the field, the bad value and
 * what is allowed, prefixed with file:line:col when `position` knows where the field is written.
 */
export function parseInventory(
  raw: unknown,
  source: string,
  position?: (path: readonly PropertyKey[], part: "value" | "key") => SourcePosition | undefined,
): Inventory {
  const result = inventorySchema.safeParse(raw);
  if (result.success) return result.data;
  // An unknown field is pointed at by its (first) key, any other problem by its value.
  const where = (issue: z.core.$ZodIssue) => (issue.code === "unrecognized_keys" ? position?.([...issue.path, issue.keys[0]], "key") : position?.(issue.path, "value"));
  throw new InventoryError(source, result.error.issues.map((issue) => `${at(source, where(issue))}${describeIssue(raw, issue)}`));
}

function describeIssue(raw: unknown, issue: z.core.$ZodIssue): string {
  const path = formatPath(issue.path);
  if (issue.code === "unrecognized_keys") {
    const where = path || "top level";
    const keys = issue.keys.slice(0, 10).map((k) => showValue(k));
    const more = issue.keys.length > 10 ? ` and ${issue.keys.length - 10} more` : "";
    return `${where}: unknown field(s) ${keys.join(", ")}${more}; check the spelling against inventory/schema.ts`;
  }
  const value = valueAt(raw, issue.path);
  const shown = value === undefined ? "is missing" : `= ${showValue(value)}`;
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
    if (current === null || typeof current !== "object" || !Object.prototype.hasOwnProperty.call(current, part)) return undefined;
    current = (current as Record<PropertyKey, unknown>)[part];
  }
  return current;
}
