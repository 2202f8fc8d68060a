import { readdirSync, readFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import YAML from "yaml";
import { HomelabApp, HomelabStack } from "../../constructs";
import { NomadJob } from "../../constructs/nomad-job";
import { Inventory } from "../../inventory";
import { defineEstate } from "../../main";
import { runbookEstate } from "../../scripts/runbook-facts";
import { renderRunbooks } from "../../scripts/runbooks";
import { testInventory } from "../helpers/synth";
import { repoRoot } from "../../scripts/repo-root";

function estateApp(inventory: Inventory = testInventory): HomelabApp {
  const app = new HomelabApp({ outdir: join(tmpdir(), "homelab-unused"), inventory });
  defineEstate(app);
  return app;
}

const app = estateApp();
const runbooks = renderRunbooks(runbookEstate(app, testInventory));
const jobs = app.node.findAll().filter((c): c is NomadJob => c instanceof NomadJob);
const stackOf = (job: NomadJob) => HomelabStack.of(job);

test("docs/runbooks holds exactly what the estate generates (run npm run docs and commit when this fails)", () => {
  const dir = join(repoRoot(), "docs", "runbooks");
  const onDisk = Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), "utf8")]));
  expect(Object.keys(onDisk).sort()).toEqual(Object.keys(runbooks).sort());
  for (const [name, text] of Object.entries(runbooks)) expect([name, onDisk[name]]).toEqual([name, text]);
});

test("one runbook per Nomad stack that runs a job, and an index", () => {
  const nomadStacks = [...new Set(jobs.map((j) => stackOf(j).node.id))].sort();
  expect(Object.keys(runbooks).sort()).toEqual(["README.md", ...nomadStacks.map((id) => `${id}.md`)].sort());
  for (const id of nomadStacks) expect(runbooks["README.md"]).toContain(`[${id}](${id}.md)`);
});

test("every task's logs are read by its real name, as the operators' runbooks do", () => {
  for (const job of jobs) {
    const runbook = runbooks[`${stackOf(job).node.id}.md`];
    for (const task of job.job.TaskGroups.flatMap((g) => g.Tasks)) expect(runbook).toContain(`<alloc> ${task.Name}\n`);
  }
  expect(runbooks["matrix.md"]).toContain("nomad alloc logs -tail -n 50 <alloc> whatsapp-bridge");
  expect(runbooks["media-centre.md"]).toContain("nomad alloc logs <alloc> litestream   # job media-centre, group plex");
});

test("every Litestream database has its recovery from restic, with its bucket and prefix and the inventory's repository", () => {
  const { node, repository } = testInventory.backups.restic;
  const address = testInventory.nomad.main.nodes.find((n) => n.name === node)!.address;
  let seen = 0;
  for (const job of jobs) {
    for (const group of job.job.TaskGroups) {
      const config = group.Tasks.flatMap((t) => t.Templates ?? []).find((t) => t.DestPath.endsWith("litestream.yml"));
      if (!config) continue;
      for (const db of (YAML.parse(config.EmbeddedTmpl!) as { dbs: { path: string; replica: { bucket: string; path: string } }[] }).dbs) {
        seen++;
        const runbook = runbooks[`${stackOf(job).node.id}.md`];
        expect(runbook).toContain(`### A corrupted replica of \`${db.path}\`: recover it from restic`);
        expect(runbook).toContain(`restore <snapshot-id> --include /data/glusterfs_minio_data/${db.replica.bucket}/${db.replica.path}/ --target /restore`);
        expect(runbook).toContain(`ssh ${address} 'read -r RESTIC_PASSWORD && export RESTIC_PASSWORD && docker run --rm -v ${repository}:/repo`);
        expect(runbook).toContain("docker.io/restic/restic:0.18.1");
        expect(runbook).toContain(`nomad job start ${job.jobId}`);
      }
    }
  }
  expect(seen).toBeGreaterThanOrEqual(3); // plex, jellyfin, overseerr
  expect(Object.values(runbooks).join("\n")).not.toMatch(/RESTIC_PASSWORD='|restic-backup \| jq/);
});

test("the signing key: where it lives, where its copies are, how Synapse picks it up, and the off-site copy", () => {
  const matrix = runbooks["matrix.md"];
  const key = `/storage/v/glusterfs_matrix_synapse_config/${testInventory.domains.public}.signing.key`;
  expect(matrix).toContain(`It lives at \`${key}\``);
  expect(matrix).toContain(`${testInventory.backups.copies.path}/daily/<date>/glusterfs/glusterfs_matrix_synapse_config/${testInventory.domains.public}.signing.key`);
  expect(matrix).toContain("nomad job restart -group synapse matrix");
  expect(matrix).toContain(`restic -r s3:${testInventory.backups.offsite.endpoint}/${testInventory.backups.offsite.bucket} restore latest`);
});

test("stale NFS handles name the plugin's node job and every node of the cluster; the Bitcoin runbook forces a job version on its own cluster", () => {
  for (const [name, text] of Object.entries(runbooks)) {
    if (!text.includes("## Stale NFS file handles")) continue;
    expect([name, text.includes("nomad job eval -force-reschedule plugin-glusterfs-nodes")]).toEqual([name, true]);
    for (const n of testInventory.nomad.main.nodes) expect(text).toContain(`ssh ${n.address} "sudo sync && echo 3 | sudo tee /proc/sys/vm/drop_caches"   # ${n.name}`);
  }
  const bitcoin = runbooks["bitcoin.md"];
  expect(bitcoin).toContain(`export NOMAD_ADDR=${testInventory.nomad.bitcoin.address}`);
  expect(bitcoin).toContain("bump `JOB_VERSION` in `stacks/bitcoin.ts`");
  expect(bitcoin).toContain("nomad alloc stop -namespace=bitcoin <alloc>");
  expect(bitcoin).not.toContain("## Stale NFS file handles");
});

test("what is not backed up is said, with the reason, in the service's runbook", () => {
  expect(runbooks["forgejo.md"]).toMatch(/## Not backed up\n\n- volume `martinibar_prod_forgejo_data`: on the legacy martinibar NFS server/);
});

test("the inventory's names and addresses flow in: another estate's runbooks name its nodes and paths", () => {
  const other: Inventory = structuredClone(testInventory);
  (other.nomad.main.nodes[1] as { address: string }).address = "192.168.9.6";
  (other.backups.copies as { path: string }).path = "/srv/backups";
  (other.domains as { public: string }).public = "example.net";
  const text = Object.values(renderRunbooks(runbookEstate(estateApp(other), other))).join("\n");
  expect(text).toContain('ssh 192.168.9.6 "ls -1d /srv/backups/daily/[0-9]*/"');
  expect(text).toContain("glusterfs_matrix_synapse_config/example.net.signing.key");
  expect(text).not.toContain("192.168.1.6");
});

test("the runbooks are stable and carry no timestamp", () => {
  expect(renderRunbooks(runbookEstate(estateApp(), testInventory))).toEqual(runbooks);
  expect(Object.values(runbooks).join("\n")).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
});
