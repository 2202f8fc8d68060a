import { ContractCheck, ContractFinding, ValidateInput } from "./contract";
import { democraticCsiConfig } from "./democratic-csi-config";
import { litestreamConfig } from "./litestream-config";
import { nomadApi } from "./nomad-api";
import { nomadDockerDriver } from "./nomad-docker-driver";
import { terraformStrings } from "./terraform-strings";

/** Every contract check `npm run validate` and the tests run, in the order they report. */
export const CONTRACT_CHECKS: readonly ContractCheck[] = [terraformStrings, nomadApi, nomadDockerDriver, litestreamConfig, democraticCsiConfig];

/** Runs every check; findings in check order. */
export function validateAll(input: ValidateInput, checks: readonly ContractCheck[] = CONTRACT_CHECKS): ContractFinding[] {
  return checks.flatMap((c) => c.check(input));
}
