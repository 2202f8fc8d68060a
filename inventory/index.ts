export * from "./schema";
export * from "./load";
export { defaultInventory } from "./default";
