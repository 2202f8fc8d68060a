import { ContractGenerator } from "./generator";

/** Every generator of stored contracts; `npm run contracts` runs them all. */
export const CONTRACT_GENERATORS: readonly ContractGenerator[] = [];
