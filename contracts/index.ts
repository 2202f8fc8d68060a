import { ContractCheck, ContractFinding, ValidateInput } from "./contract";
import { csiDriverNfs } from "./csi-driver-nfs";
import { customResources } from "./custom-resources";
import { democraticCsiConfig } from "./democratic-csi-config";
import { helmReleases } from "./helm-releases";
import { litestreamConfig } from "./litestream-config";
import { nomadApi } from "./nomad-api";
import { nomadDockerDriver } from "./nomad-docker-driver";
import { nomadPeriodic } from "./nomad-periodic";
import { terraformStrings } from "./terraform-strings";
import { traefikConfig } from "./traefik-config";
import { woodpeckerCloneHistory } from "./woodpecker-clone-history";
import { woodpeckerSchema } from "./woodpecker-schema";

/** Every contract check `npm run validate` and the tests run, in the order they report. */
export const CONTRACT_CHECKS: readonly ContractCheck[] = [
  terraformStrings,
  nomadApi,
  nomadDockerDriver,
  nomadPeriodic,
  litestreamConfig,
  traefikConfig,
  democraticCsiConfig,
  csiDriverNfs,
  helmReleases,
  customResources,
  woodpeckerSchema,
  woodpeckerCloneHistory,
];

/** Runs every check; findings in check order. */
export function validateAll(input: ValidateInput, checks: readonly ContractCheck[] = CONTRACT_CHECKS): ContractFinding[] {
  return checks.flatMap((c) => c.check(input));
}
