import { parseInventory } from "../../inventory";
import { dbaasSecrets, DbaasStack } from "../../stacks/dbaas";
import { VaultStack } from "../../stacks/vault";
import { onlyResource, resourcesOf, synthApp, testInventory } from "../helpers/synth";

describe("dbaas stack", () => {
  const { stacks, report } = synthApp((app) => new DbaasStack(app));
  const cluster = onlyResource(stacks.dbaas, "kubernetes_manifest").manifest;

  test("the CNPG pg-cluster with the terraform_state database, tier 0", () => {
    expect([cluster.kind, cluster.metadata.name]).toEqual(["Cluster", "pg-cluster"]);
    expect(cluster.spec.bootstrap.initdb).toEqual({ database: "terraform_state", owner: "terraform_state" });
    expect(stacks.dbaas.terraform.backend.local).toBeDefined();
    expect(report.findings.filter((f) => f.stackId === "dbaas")).toEqual([]);
  });

  test("its claims are encrypted and carry the autoresizer annotations with a limit", () => {
    expect(cluster.spec.storage.storageClass).toBe("proxmox-lvm-encrypted");
    expect(cluster.spec.inheritedMetadata.annotations["resize.topolvm.io/storage_limit"]).toBe("20Gi");
  });

  test("tuned as the operator runs it: 2Gi pods, shared_buffers 512MB, work_mem 16MB, wal_compression on, effective_cache_size 1536MB", () => {
    expect(cluster.spec.postgresql.parameters).toEqual({ shared_buffers: "512MB", work_mem: "16MB", wal_compression: "on", effective_cache_size: "1536MB" });
    expect(cluster.spec.resources).toEqual({ requests: { cpu: "250m", memory: "2048Mi" }, limits: { memory: "2048Mi" } });
  });

  test("a nightly dump of the whole cluster and of each database to the Proxmox host's NFS, /srv/nfs/dbaas-backup, credentials from the operator's Secret", () => {
    const cron = onlyResource(stacks.dbaas, "kubernetes_cron_job_v1");
    const pod = cron.spec.job_template.spec.template.spec;
    expect(pod.container[0].env_from).toEqual([{ secret_ref: { name: "pg-cluster-superuser" } }]);
    const script = pod.container[0].args[0];
    expect(script).toContain('export PGHOST="$host" PGPORT="$port" PGUSER="$username" PGPASSWORD="$password"');
    expect(script).toContain("pg_dumpall --database=postgres");
    // One custom-format dump per database, for single-database restores (seed: postgresql-backup-per-db).
    expect(script).toContain('pg_dump --dbname="$db" -Fc');
    const pv = onlyResource(stacks.dbaas, "kubernetes_persistent_volume_v1");
    expect(pv.spec[0].persistent_volume_source.nfs.path).toBe("/srv/nfs/dbaas-backup");
    expect(pv.spec[0].persistent_volume_source.nfs.server).toBe(testInventory.kubernetes.nfs.server);
  });

  test("fails if the inventory's state backend is not this cluster", () => {
    const other = parseInventory(
      { ...testInventory, stateBackend: { pg: { host: "db.home.arpa", port: 5432, database: "terraform_state" } } },
      "test",
    );
    expect(() => synthApp((app) => new DbaasStack(app), { inventory: other })).toThrow(
      /dbaas: inventory stateBackend\.pg\.host "db\.home\.arpa" is not this stack's pg-cluster/,
    );
  });
});

describe("dbaas makes the apps' databases: their owners (managed roles, password from Vault) and the databases", () => {
  const databases = [
    { name: "authentik", owner: "authentik", password: { path: "authentik/database", property: "password" } },
    { name: "crowdsec", owner: "crowdsec", password: { path: "crowdsec/database", property: "password" } },
  ];
  const { stacks, report } = synthApp((app) => {
    const vault = new VaultStack(app, { services: [dbaasSecrets(databases)] });
    new DbaasStack(app, { databases, secrets: vault.secretsFor("dbaas") });
  });
  const manifests = (Object.values(resourcesOf(stacks.dbaas, "kubernetes_manifest")) as any[]).map((m) => m.manifest);
  const byKind = (kind: string) => manifests.filter((m) => m.kind === kind);

  test("each owner logs in with the password the app reads, synced from Vault into a username/password Secret", () => {
    expect(byKind("ExternalSecret").map((e) => [e.metadata.name, e.spec.target.template.data, e.spec.data])).toEqual([
      ["authentik-db-credentials", { username: "authentik", password: "{{ .password }}" }, [{ secretKey: "password", remoteRef: { key: "authentik/database", property: "password" } }]],
      ["crowdsec-db-credentials", { username: "crowdsec", password: "{{ .password }}" }, [{ secretKey: "password", remoteRef: { key: "crowdsec/database", property: "password" } }]],
    ]);
    const [cluster] = byKind("Cluster");
    expect(cluster.spec.managed.roles).toEqual([
      { name: "authentik", ensure: "present", login: true, passwordSecret: { name: "authentik-db-credentials" } },
      { name: "crowdsec", ensure: "present", login: true, passwordSecret: { name: "crowdsec-db-credentials" } },
    ]);
    expect(report.findings.filter((f) => f.stackId === "dbaas" && f.level === "error")).toEqual([]);
  });

  test("the databases are kept when their objects go (reclaim policy retain): only a person drops data", () => {
    expect(byKind("Database").map((d) => d.spec)).toEqual([
      { name: "authentik", owner: "authentik", cluster: { name: "pg-cluster" }, ensure: "present", databaseReclaimPolicy: "retain" },
      { name: "crowdsec", owner: "crowdsec", cluster: { name: "pg-cluster" }, ensure: "present", databaseReclaimPolicy: "retain" },
    ]);
  });

  test("the stack reads exactly the owners' password paths", () => {
    expect(dbaasSecrets(databases)).toEqual({ service: "dbaas", reads: ["authentik/database", "crowdsec/database"], runsOn: "kubernetes", namespace: "dbaas" });
  });

  test("fails when databases are given without the secrets to read their passwords", () => {
    expect(() => synthApp((app) => new DbaasStack(app, { databases }))).toThrow(/^dbaas: databases authentik, crowdsec need secrets: the vault stack's secretsFor\("dbaas"\)/);
  });
});
