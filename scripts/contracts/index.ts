import { ContractGenerator } from "./generator";
import { nomadApiGenerator } from "./nomad-api";

/** Every generator of stored contracts; `npm run contracts` runs them all. */
export const CONTRACT_GENERATORS: readonly ContractGenerator[] = [nomadApiGenerator];
