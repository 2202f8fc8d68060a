// @ts-nocheck
import { z } from "zod";
import { inventorySchema } from "../../inventory";

/** A value of the inventory, where it sits and what kind of value the schema wants there. */
export interface SchemaLeaf {
  /** Keys and, for lists, index 0: ["nomad", "main", "nodes", 0, "name"]. */
  readonly path: readonly (string | number)[];
  readonly kind: "string" | "enum" | "number" | "boolean";
}

/** Every leaf of a zod schema, read from the schema itself, so a field added later is covered too. */
export function schemaLeaves(schema: z.ZodType = inventorySchema, path: (string | number)[] = []): SchemaLeaf[] {
  const def = (schema as unknown as { _zod: { def: Record<string, any> } })._zod.def;
  switch (def.type) {
    case "object":
      return Object.entries(def.shape as Record<string, z.ZodType>).flatMap(([key, child]) => schemaLeaves(child, [...path, key]));
    case "array":
      return schemaLeaves(def.element, [...path, 0]);
    case "default":
    case "optional":
    case "nullable":
    case "prefault":
      return schemaLeaves(def.innerType, path);
    case "pipe":
      return schemaLeaves(def.in, path);
    case "string":
    case "enum":
    case "number":
    case "boolean":
      return [{ path, kind: def.type }];
    default:
      throw new Error(`schemaLeaves: unhandled zod type ${def.type} at ${path.join(".")}; teach this helper about it`);
  }
}

/** "nomad.main.nodes[0].name", as the inventory's errors spell a path. */
export function pathText(path: readonly (string | number)[]): string {
  return path.map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${part}`)).join("");
}

export function getAt(raw: any, path: readonly (string | number)[]): unknown {
  return path.reduce((node, key) => node?.[key], raw);
}

export function setAt(raw: any, path: readonly (string | number)[], value: unknown): void {
  const parent = path.slice(0, -1).reduce((node, key) => node[key], raw);
  parent[path[path.length - 1]] = value;
}
