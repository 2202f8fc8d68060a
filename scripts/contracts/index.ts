import { ContractGenerator } from "./generator";
import { helmChartsGenerator } from "./helm-charts";
import { kubernetesApisGenerator } from "./kubernetes-apis";
import { woodpeckerGenerator } from "./woodpecker";
import { pluginGitGenerator } from "./woodpecker-plugin-git";

/** Every generator of stored contracts; `npm run contracts` runs them all. */
export const CONTRACT_GENERATORS: readonly ContractGenerator[] = [kubernetesApisGenerator, helmChartsGenerator, woodpeckerGenerator, pluginGitGenerator];
