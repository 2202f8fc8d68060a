import { HomelabApp } from "./constructs";
import { readAddressRecord } from "./policy/address-record";
import { repoRoot } from "./scripts/repo-root";
import { AUTHENTIK_APP_DATABASE, AUTHENTIK_SECRETS, AuthentikStack } from "./stacks/authentik";
import { CnpgStack } from "./stacks/cnpg";
import { CROWDSEC_APP_DATABASE, CROWDSEC_BOUNCER_SECRETS, CROWDSEC_SECRETS, CrowdsecStack } from "./stacks/crowdsec";
import { dbaasSecrets, DbaasStack } from "./stacks/dbaas";
import { EXTERNAL_DNS_SECRETS, ExternalDnsStack } from "./stacks/external-dns";
import { ExternalSecretsStack, PROXMOX_CSI_SECRETS } from "./stacks/external-secrets";
import { MetallbStack } from "./stacks/metallb";
import { PlatformStack } from "./stacks/platform";
import { PROXMOX_CSI_API_SECRETS, ProxmoxCsiStack } from "./stacks/proxmox-csi";
import { VaultStack } from "./stacks/vault";
import { VAULTWARDEN_SECRETS, VaultwardenStack } from "./stacks/vaultwarden";
import { BLOG_SECRETS, BlogStack } from "./stacks/blog";
import { GaiaGoStack } from "./stacks/gaia-go";
import { MONITORING_SECRETS, MonitoringStack } from "./stacks/monitoring";
import { ProwlarrStack } from "./stacks/prowlarr";
import { UPTIME_KUMA_SECRETS, UptimeKumaStack } from "./stacks/uptime-kuma";
// Nomad stacks.
import { AppflowyStack } from "./stacks/appflowy";
import { BitcoinStack } from "./stacks/bitcoin";
import { BitcoinClusterStack } from "./stacks/bitcoin-cluster";
import { ConsulMeshStack } from "./stacks/consul-mesh";
import { ForgejoStack } from "./stacks/forgejo";
import { MatrixStack } from "./stacks/matrix";
import { MediaCentreStack } from "./stacks/media-centre";
import { MinioStack } from "./stacks/minio";
import { NomadBackupsStack } from "./stacks/nomad-backups";
import { NomadClusterStack } from "./stacks/nomad-cluster";
import { NomadIngressStack } from "./stacks/nomad-ingress";
import { OllamaStack } from "./stacks/ollama";
import { OverseerrStack } from "./stacks/overseerr";
import { PluginCsiGlusterfsStack } from "./stacks/plugin-csi-glusterfs";
import { PluginCsiNfsStack } from "./stacks/plugin-csi-nfs";

/** Wires the estate's stacks together; every resource lives in stacks/ and constructs/. */
export function defineEstate(app: HomelabApp): void {
  // Kubernetes, tier 0: must come up while PostgreSQL is down. Explicit dependencies are
  // the ones no reference expresses: CRDs and controllers a stack's resources need.
  const platform = new PlatformStack(app);
  platform.addDependency(new MetallbStack(app)); // Traefik's Service waits for its load-balancer address
  const cnpg = new CnpgStack(app);
  // The apps' databases on the pg-cluster: dbaas creates their owners and databases.
  const appDatabases = [AUTHENTIK_APP_DATABASE, CROWDSEC_APP_DATABASE];
  const vault = new VaultStack(app, {
    services: [
      PROXMOX_CSI_SECRETS,
      PROXMOX_CSI_API_SECRETS,
      VAULTWARDEN_SECRETS,
      EXTERNAL_DNS_SECRETS,
      CROWDSEC_SECRETS,
      CROWDSEC_BOUNCER_SECRETS,
      AUTHENTIK_SECRETS,
      BLOG_SECRETS,
      MONITORING_SECRETS,
      UPTIME_KUMA_SECRETS,
      dbaasSecrets(appDatabases),
    ],
  });
  const dbaas = new DbaasStack(app, { databases: appDatabases, secrets: vault.secretsFor("dbaas") });
  dbaas.addDependency(cnpg); // the pg-cluster is a CNPG Cluster
  const externalSecrets = new ExternalSecretsStack(app, {
    kv: vault.kv,
    databaseMountPath: vault.database.path,
    kvNamespaces: vault.kubernetesNamespaces(),
    proxmoxCsiSecrets: vault.secretsFor("proxmox-csi"),
  });
  const proxmoxCsi = new ProxmoxCsiStack(app, {
    apiSecrets: vault.secretsFor("proxmox-csi-api"),
    encryptionSecret: externalSecrets.proxmoxCsiEncryption,
  });
  proxmoxCsi.addDependency(externalSecrets); // its config is an ExternalSecret
  dbaas.addDependency(proxmoxCsi); // the pg-cluster's claims are proxmox-lvm-encrypted
  // Monitoring installs the Prometheus operator's CRDs, which every stack's scrape targets and rules need.
  const monitoring = new MonitoringStack(app, { secrets: vault.secretsFor("monitoring") });
  monitoring.addDependency(externalSecrets);
  monitoring.addDependency(proxmoxCsi); // Prometheus' and Alertmanager's claims are proxmox-lvm(-encrypted)

  // Kubernetes, tier 1: ingresses need Traefik's middlewares, ExternalSecrets need ESO.
  const vaultwarden = new VaultwardenStack(app, { secrets: vault.secretsFor("vaultwarden") });
  const uptimeKuma = new UptimeKumaStack(app, { secrets: vault.secretsFor("uptime-kuma") });
  for (const stack of [vaultwarden, uptimeKuma]) stack.addDependency(externalSecrets);
  const gaiaGo = new GaiaGoStack(app);
  const authentik = new AuthentikStack(app, { secrets: vault.secretsFor("authentik") });
  authentik.addDependency(dbaas); // its PgBouncer is a CNPG Pooler of the pg-cluster, its database made there
  const crowdsec = new CrowdsecStack(app, { secrets: vault.secretsFor("crowdsec"), bouncerSecrets: vault.secretsFor("crowdsec-bouncer") });
  crowdsec.addDependency(dbaas); // LAPI's database is made there
  const externalDns = new ExternalDnsStack(app, { secrets: vault.secretsFor("external-dns") });
  const blog = new BlogStack(app, { secrets: vault.secretsFor("blog") });
  for (const stack of [authentik, crowdsec, externalDns, blog]) stack.addDependency(externalSecrets);
  const prowlarr = new ProwlarrStack(app);
  for (const stack of [vaultwarden, uptimeKuma, authentik, crowdsec, blog, prowlarr, gaiaGo]) {
    stack.addDependency(platform);
  }
  // Every ingress starts with CrowdSec's bouncer, which the crowdsec stack makes (HL-K8S-16).
  for (const stack of [vaultwarden, uptimeKuma, authentik, blog, prowlarr]) stack.addDependency(crowdsec);
  // Their ServiceMonitors need the Prometheus operator's CRDs.
  for (const stack of [gaiaGo, authentik]) stack.addDependency(monitoring);

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
  // The Bitcoin cluster: its scheduler, and the NFS plugin its volumes wait on, first.
  const bitcoin = new BitcoinStack(app);
  bitcoin.addDependency(new BitcoinClusterStack(app));
  bitcoin.addDependency(new PluginCsiNfsStack(app));
  // Last: the backup jobs save what the volumes and databases defined above chose.
  new NomadBackupsStack(app, { estate: app }).addDependency(nomadCluster);

  // Traefik serves the routes the services declare, through the mesh: the intentions (default
  // deny, the declared edges, Traefik to each routed service) go first.
  const mesh = new ConsulMeshStack(app);
  const ingress = new NomadIngressStack(app);
  ingress.addDependency(nomadCluster);
  ingress.addDependency(mesh);
  mesh.intentionsFor(app);

  // Each Nomad job may read from Vault exactly what its templates read, nothing more.
  vault.grantNomadJobsIn(app);
  // Every route kept out of Authentik is probed for a redirect to it.
  monitoring.guardUnwalledRoutes(app);
}

// The estate is held to its committed record of where its data lives (state/addresses.json).
if (require.main === module) HomelabApp.run(defineEstate, { addresses: readAddressRecord(repoRoot()) });
