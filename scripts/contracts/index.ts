import { democraticCsiOptionsGenerator } from "./democratic-csi-options";
import { ContractGenerator } from "./generator";
import { nomadApiGenerator } from "./nomad-api";
import { nomadDockerDriverGenerator } from "./nomad-docker-driver";
import { litestreamConfigGenerator } from "./litestream-config";

/** Every generator of stored contracts; `npm run contracts` runs them all. */
export const CONTRACT_GENERATORS: readonly ContractGenerator[] = [nomadApiGenerator, nomadDockerDriverGenerator, litestreamConfigGenerator, democraticCsiOptionsGenerator];
