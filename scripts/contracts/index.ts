import { ContractGenerator } from "./generator";
import { woodpeckerGenerator } from "./woodpecker";
import { pluginGitGenerator } from "./woodpecker-plugin-git";

/** Every generator of stored contracts; `npm run contracts` runs them all. */
export const CONTRACT_GENERATORS: readonly ContractGenerator[] = [woodpeckerGenerator, pluginGitGenerator];
