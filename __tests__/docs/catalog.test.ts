import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { ConfigEntryServiceIntentions } from "@cdktf/provider-consul/lib/config-entry-service-intentions";
import { IngressV1 } from "@cdktf/provider-kubernetes/lib/ingress-v1";
import { CsiVolume } from "@cdktf/provider-nomad/lib/csi-volume";
import { Job } from "@cdktf/provider-nomad/lib/job";
import { tmpdir } from "os";
import { join } from "path";
import { Mount } from "@cdktf/provider-vault/lib/mount";
import { Policy } from "@cdktf/provider-vault/lib/policy";
import { HomelabApp, HomelabStack } from "../../constructs";
import { AppDeployment } from "../../constructs/app-deployment";
import { EncryptedPvc } from "../../constructs/encrypted-pvc";
import { IngressFactory } from "../../constructs/ingress-factory";
import { Namespace } from "../../constructs/namespace";
import { recordCatalogFacts } from "../../constructs/catalog-facts";
import { ExternalDatabase } from "../../constructs/external-database";
import { DAILY } from "../../jobspecs/backup-plans";
import { acknowledge } from "../../policy/acknowledge";
import { catalogStacks, directEdges, renderCatalog, renderStackGraph } from "../../scripts/catalog";
import { providerOf } from "../helpers/rules";
import { testInventory, testStack } from "../helpers/synth";
import { renderDocs, staleDocs } from "../../scripts/docs";
import { repoRoot } from "../../scripts/repo-root";

function smallEstate() {
  const app = new HomelabApp({ outdir: join(tmpdir(), "unused"), inventory: testInventory });
  const storage = testStack(app, { id: "storage", cluster: "nomad-main" });
  const volume = new CsiVolume(storage, "Data", {
    provider: providerOf(storage, "nomad"),
    volumeId: "glusterfs_app_data",
    name: "glusterfs_app_data",
    pluginId: "glusterfs",
    capacityMin: "1GiB",
    capacityMax: "10GiB",
    capability: [{ accessMode: "single-node-writer", attachmentMode: "file-system" }],
    lifecycle: { preventDestroy: true },
  });
  recordCatalogFacts(volume, { criticality: "high", backup: "restic, nightly" });
  new ExternalDatabase(storage, "Db", { name: "app", backup: { plans: [DAILY] } });
  const job = new Job(storage, "Job", {
    provider: providerOf(storage, "nomad"),
    json: true,
    jobspec: JSON.stringify({
      Job: {
        ID: "app",
        TaskGroups: [
          {
            Name: "web",
            Services: [
              {
                Name: "web",
                Tags: ["traefik.enable=true", "traefik.http.routers.web-1.rule=Host(`app.example.org`) && PathPrefix(`/api`)"],
                Meta: { "auth-mode-web-1": "app", "auth-reason-web-1": "the app has its own login" },
              },
            ],
            Tasks: [
              {
                Name: "web",
                Config: { image: "tool:latest" },
                Templates: [{ EmbeddedTmpl: '{{ with secret "kv/data/app" }}X={{ .Data.data.password }}{{ end }}{{ with nomadVar "nomad/jobs/app" }}{{ end }}' }],
              },
            ],
          },
        ],
      },
    }),
  });
  acknowledge(job, "HL-IMAGE-1", "vendor publishes only latest");
  new ConfigEntryServiceIntentions(storage, "Allow", {
    provider: providerOf(storage, "consul"),
    name: "web",
    sources: [{ name: "traefik", action: "allow", description: "Traefik routes app.example.org to it" }],
  });
  const web = testStack(app, { id: "web", cluster: "kubernetes" });
  web.addDependency(storage);
  new IngressV1(web, "Ingress", {
    provider: providerOf(web, "kubernetes"),
    metadata: {
      name: "blog",
      annotations: {
        "homelab.auth/mode": "none",
        "homelab.auth/reason": "public blog behind Anubis",
        "external-dns.alpha.kubernetes.io/hostname": "blog.example.org",
        "external-dns.alpha.kubernetes.io/cloudflare-proxied": "true",
      },
    },
    spec: { rule: [{ host: "blog.example.org" }] },
  });
  return catalogStacks(app);
}

const stacks = smallEstate();
const catalog = renderCatalog(stacks);

test("the catalog lists stacks in deploy order with tier, cluster, critical flag and dependencies", () => {
  expect(catalog).toContain("| 1 | [storage](#storage) | 1 | nomad-main | - | - | test stack |");
  expect(catalog).toContain("| 2 | [web](#web) | 1 | kubernetes | - | storage | test stack |");
});

test("a critical stack is marked in the deploy order and its section, and the catalog says what critical means", () => {
  const app = new HomelabApp({ outdir: join(tmpdir(), "unused"), inventory: testInventory });
  new HomelabStack(app, "alerts", { tier: 0, cluster: "kubernetes", description: "alerting", critical: true });
  const text = renderCatalog(catalogStacks(app));
  expect(text).toContain("| 1 | [alerts](#alerts) | 0 | kubernetes | yes | - | alerting |");
  expect(text).toContain("alerting. Tier 0, cluster kubernetes, critical, deploy order 1.");
  expect(text).toMatch(/Critical: it must keep working while the NFS server is down .*uses no NFS \(HL-K8S-2\)/);
});

test("secret paths show the names references resolve to, in the stack and across stacks, never a ${…} expression", () => {
  const app = new HomelabApp({ outdir: join(tmpdir(), "unused"), inventory: testInventory });
  const vault = testStack(app, { id: "secrets", cluster: "kubernetes" });
  const kv = new Mount(vault, "Kv", { provider: providerOf(vault, "vault"), path: "kv-main", type: "kv-v2" });
  new Policy(vault, "Reads", {
    provider: providerOf(vault, "vault"),
    name: "reads",
    policy: JSON.stringify({ path: { [`${kv.path}/data/app`]: { capabilities: ["read"] }, [`${kv.accessor}/data/odd`]: { capabilities: ["read"] } } }),
  });
  const reader = testStack(app, { id: "reader", cluster: "kubernetes" });
  new Policy(reader, "Reads", { provider: providerOf(reader, "vault"), name: "reader", policy: JSON.stringify({ path: { [`${kv.path}/data/other`]: { capabilities: ["read"] } } }) });
  const text = renderCatalog(catalogStacks(app));
  expect(text).toContain("- vault: kv-main/data/app\n- vault: {vault_mount.accessor}/data/odd");
  // reader reads kv.path through terraform_remote_state and the secrets stack's output
  expect(text).toContain("## reader");
  expect(text.slice(text.indexOf("## reader"))).toContain("- vault: kv-main/data/other");
  expect(text).not.toContain("${");
});

test("the catalog shows jobs with images, volumes with facts, ingresses, Nomad routes, mesh intentions, secret paths and acknowledgements", () => {
  expect(catalog).toContain("| Nomad service job | app/web | tool:latest |");
  expect(catalog).toContain("| glusterfs_app_data | 1GiB–10GiB | CSI plugin glusterfs | high | restic, nightly |");
  expect(catalog).toContain("| blog.example.org | none | public blog behind Anubis | proxied |");
  expect(catalog).toContain("- nomad variable: nomad/jobs/app\n- vault: kv/data/app");
  expect(catalog).toContain("| app.example.org (/api) | web | app | the app has its own login |");
  expect(catalog).toContain("| web | traefik (Traefik routes app.example.org to it) |");
  expect(catalog).toContain("| storage/Job | HL-IMAGE-1 | vendor publishes only latest |");
  expect(catalog).toContain("### Databases (external PostgreSQL)\n\n| database | backup |\n| --- | --- |\n| app | daily (0 2 * * *, 7 d) |");
  expect(catalog).not.toContain("password }}");
});

test("the catalog is stable: rendering twice gives the same text, with no timestamp", () => {
  expect(renderCatalog(smallEstate())).toBe(catalog);
  expect(catalog).not.toMatch(/\d{4}-\d{2}-\d{2}/);
});

test("the graph groups stacks by tier and cluster and draws dependencies", () => {
  const dot = renderStackGraph(stacks);
  expect(dot).toContain('label="  tier 1 · kubernetes  "');
  expect(dot).toContain('label="  tier 1 · nomad-main  "');
  expect(dot).toContain('"storage" -> "web";');
});

test("the estate's catalog names what references point at: no ${…} expression, no placeholder for a name the estate holds", () => {
  const text = readFileSync(join(repoRoot(), "docs", "catalog.md"), "utf8");
  expect(text).not.toContain("${");
  // a namespace's name is written as a nested block (metadata[0].name) in cdk.tf.json
  expect(text).not.toMatch(/\{kubernetes_namespace_v1\.|\{vault_mount\.path\}/);
  expect(text).toMatch(/\| vault-vault-backup \| 50Gi \| NFS /);
});

describe("docs/ is what `npm run docs` generates", () => {
  let files: Record<string, string>;
  beforeAll(async () => (files = await renderDocs()));

  test("the committed docs/ (run npm run docs and commit when this fails)", () => {
    expect(staleDocs(files)).toEqual([]);
  });

  test("a missing or edited file, and a runbook no stack generates, are each named with what to run", () => {
    const root = mkdtempSync(join(tmpdir(), "homelab-docs-"));
    try {
      cpSync(join(repoRoot(), "docs"), join(root, "docs"), { recursive: true });
      rmSync(join(root, "docs", "stacks.svg"));
      writeFileSync(join(root, "docs", "catalog.md"), "edited\n");
      writeFileSync(join(root, "docs", "runbooks", "gone.md"), "# gone\n");
      expect(staleDocs(files, root)).toEqual([
        "docs/catalog.md is stale: run npm run docs and commit the result",
        "docs/stacks.svg is stale: run npm run docs and commit the result",
        "docs/runbooks/gone.md is no longer generated: run npm run docs and commit the result",
      ]);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

test("the graph leaves out arrows implied by a longer path", () => {
  const s = (id: string, ...dependencies: string[]) => ({ id, tier: 1 as const, dependencies, order: 0 });
  expect(directEdges([s("cluster"), s("minio", "cluster"), s("plex", "minio", "cluster"), s("forgejo", "cluster")])).toEqual([
    ["cluster", "minio"],
    ["minio", "plex"],
    ["cluster", "forgejo"],
  ]);
});

test("the services table shows each stack's route, auth, DNS, scrape, uptime monitor and backup", () => {
  const app = new HomelabApp({ outdir: join(tmpdir(), "unused"), inventory: testInventory });
  const stack = testStack(app, { id: "notes", cluster: "kubernetes" });
  const namespace = new Namespace(stack, "Ns", { name: "notes" });
  const data = new EncryptedPvc(stack, "Data", { namespace, app: "notes", name: "notes-data-encrypted", backup: { cronjob: { sqliteDatabases: ["notes.db"] } } });
  const notes = new AppDeployment(stack, "App", {
    namespace,
    name: "notes",
    containers: [{ name: "notes", image: "ghcr.io/example-org/notes:1.0.0", cpuMillis: 10, memoryMiB: 64, ports: { http: 8080, metrics: 9100 }, readinessProbe: { path: "/ready", port: 8080 }, mounts: [{ volume: data, path: "/data" }] }],
    service: { port: 80, targetPort: "http" },
    metrics: { port: "metrics" },
  });
  new IngressFactory(stack, "Ingress", { name: "notes", backend: notes.backend, dns: "proxied", auth: { mode: "app", reason: "notes has its own login page" } });
  const { kubernetes: { nfs }, domains } = testInventory;
  const row = renderCatalog(catalogStacks(app)).split("\n").find((l) => l.startsWith("| [notes](#notes) |"));
  expect(row).toBe(
    `| [notes](#notes) | notes.${domains.public} | app | proxied | notes: ServiceMonitor port metrics /metrics | internal notes: HTTP /ready<br>external https://notes.${domains.public}/ | ` +
      `SQLite snapshots (notes.db, integrity-checked) and files, 30 3 * * *, 14 days, to NFS ${nfs.server}:${nfs.backupRoot}/notes-backup |`,
  );
});
