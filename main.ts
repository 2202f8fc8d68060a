import { HomelabApp } from "./constructs";
import { readAddressRecord } from "./policy/address-record";
import { repoRoot } from "./scripts/repo-root";
import { CnpgStack } from "./stacks/cnpg";
import { DbaasStack } from "./stacks/dbaas";
import { ExternalSecretsStack, PROXMOX_CSI_SECRETS } from "./stacks/external-secrets";
import { PlatformStack } from "./stacks/platform";
import { VaultStack } from "./stacks/vault";
import { VAULTWARDEN_SECRETS, VaultwardenStack } from "./stacks/vaultwarden";
import { BLOG_SECRETS, BlogStack } from "./stacks/blog";
import { GaiaGoStack } from "./stacks/gaia-go";
import { ProwlarrStack } from "./stacks/prowlarr";
// Nomad stacks.
import { AppflowyStack } from "./stacks/appflowy";
import { BitcoinStack } from "./stacks/bitcoin";
import { ForgejoStack } from "./stacks/forgejo";
import { MatrixStack } from "./stacks/matrix";
import { MediaCentreStack } from "./stacks/media-centre";
import { MinioStack } from "./stacks/minio";
import { NomadClusterStack } from "./stacks/nomad-cluster";
import { OllamaStack } from "./stacks/ollama";
import { OverseerrStack } from "./stacks/overseerr";
import { PluginCsiGlusterfsStack } from "./stacks/plugin-csi-glusterfs";

/** Wires the estate's stacks together; every resource lives in stacks/ and constructs/. */
export function defineEstate(app: HomelabApp): void {
  // Kubernetes, tier 0: must come up while PostgreSQL is down. Explicit dependencies are
  // the ones no reference expresses: CRDs and controllers a stack's resources need.
  const platform = new PlatformStack(app);
  const cnpg = new CnpgStack(app);
  new DbaasStack(app).addDependency(cnpg); // the pg-cluster is a CNPG Cluster
  const vault = new VaultStack(app, { services: [PROXMOX_CSI_SECRETS, VAULTWARDEN_SECRETS, BLOG_SECRETS] });
  const externalSecrets = new ExternalSecretsStack(app, {
    kv: vault.kv,
    databaseMountPath: vault.database.path,
    kvNamespaces: vault.kubernetesNamespaces(),
    proxmoxCsiSecrets: vault.secretsFor("proxmox-csi"),
  });

  // Kubernetes, tier 1: ingresses need Traefik's middlewares, ExternalSecrets need ESO.
  const vaultwarden = new VaultwardenStack(app, { secrets: vault.secretsFor("vaultwarden") });
  const blog = new BlogStack(app, { secrets: vault.secretsFor("blog") });
  for (const stack of [vaultwarden, blog]) stack.addDependency(externalSecrets);
  for (const stack of [vaultwarden, blog, new ProwlarrStack(app), new GaiaGoStack(app)]) {
    stack.addDependency(platform);
  }

  // Nomad (main cluster and the Bitcoin cluster), tier 1.
  // Dependencies set the deploy order: cluster settings and the CSI plugin before the
  // services, MinIO before the stacks that replicate to it.
  const nomadCluster = new NomadClusterStack(app);
  const glusterPlugin = new PluginCsiGlusterfsStack(app);
  const minio = new MinioStack(app);
  const mediaCentre = new MediaCentreStack(app);
  const overseerr = new OverseerrStack(app);
  const onGluster = [minio, mediaCentre, new MatrixStack(app), new OllamaStack(app), new AppflowyStack(app), overseerr];
  for (const stack of onGluster) {
    stack.addDependency(nomadCluster);
    stack.addDependency(glusterPlugin);
  }
  for (const stack of [mediaCentre, overseerr]) stack.addDependency(minio);
  new ForgejoStack(app).addDependency(nomadCluster);
  new BitcoinStack(app);

  // Each Nomad job may read from Vault exactly what its templates read, nothing more.
  vault.grantNomadJobsIn(app);
}

// The estate is held to its committed record of where its data lives (state/addresses.json).
if (require.main === module) HomelabApp.run(defineEstate, { addresses: readAddressRecord(repoRoot()) });
