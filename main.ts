import { HomelabApp } from "./constructs";
import { CnpgStack } from "./stacks/cnpg";
import { DbaasStack } from "./stacks/dbaas";
import { ExternalSecretsStack } from "./stacks/external-secrets";
import { PlatformStack } from "./stacks/platform";
import { VaultStack } from "./stacks/vault";
import { VaultwardenStack } from "./stacks/vaultwarden";

/** Wires the estate's stacks together; every resource lives in stacks/ and constructs/. */
export function defineEstate(app: HomelabApp): void {
  // Kubernetes, tier 0: must come up while PostgreSQL is down.
  new PlatformStack(app);
  new CnpgStack(app);
  new DbaasStack(app);
  const vault = new VaultStack(app);
  new ExternalSecretsStack(app);

  // Kubernetes, tier 1.
  new VaultwardenStack(app, { kv: vault.kv });

  // Nomad (main cluster and the Bitcoin cluster), tier 1.
}

if (require.main === module) {
  try {
    const app = new HomelabApp();
    defineEstate(app);
    app.synth();
  } catch (err) {
    console.error((err as Error).message);
    process.exit(1);
  }
}
