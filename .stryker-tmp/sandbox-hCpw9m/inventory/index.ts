// @ts-nocheck
export * from "./schema";
export * from "./load";
export { defaultInventory } from "./default";
export { MAX_INVENTORY_BYTES } from "./read-file";
