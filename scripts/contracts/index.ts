import { cronexprGenerator } from "./cronexpr";
import { democraticCsiOptionsGenerator } from "./democratic-csi-options";
import { crdModelsGenerator } from "./crd-models";
import { csiDriverNfsGenerator } from "./csi-driver-nfs";
import { ContractGenerator } from "./generator";
import { helmChartsGenerator } from "./helm-charts";
import { kubernetesApisGenerator } from "./kubernetes-apis";
import { litestreamConfigGenerator } from "./litestream-config";
import { nomadApiGenerator } from "./nomad-api";
import { nomadDockerDriverGenerator } from "./nomad-docker-driver";
import { traefikConfigGenerator } from "./traefik-config";
import { woodpeckerGenerator } from "./woodpecker";
import { pluginGitGenerator } from "./woodpecker-plugin-git";

/** Every generator of stored contracts; `npm run contracts` runs them all. */
export const CONTRACT_GENERATORS: readonly ContractGenerator[] = [
  nomadApiGenerator,
  nomadDockerDriverGenerator,
  cronexprGenerator,
  litestreamConfigGenerator,
  traefikConfigGenerator,
  democraticCsiOptionsGenerator,
  csiDriverNfsGenerator,
  kubernetesApisGenerator,
  helmChartsGenerator,
  woodpeckerGenerator,
  pluginGitGenerator,
  // reads the CRDs the two generators above store
  crdModelsGenerator,
];
