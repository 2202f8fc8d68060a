import YAML from "yaml";
import { GlusterCsiVolume } from "../../constructs/gluster-csi-volume";
import { LitestreamSidecar, LitestreamSidecarProps } from "../../constructs/litestream-sidecar";
import { NomadJob } from "../../constructs/nomad-job";
import { Job } from "../../jobspecs/model";
import { onlyResource, synthApp, synthWith, testStack, NO_BACKUP } from "../helpers/synth";
import { grantVault } from "../helpers/vault-grants";

const nomad = { cluster: "nomad-main" as const };
const app = (count?: number): Job => ({
  ID: "app",
  Type: "service",
  Datacenters: ["dc1"],
  TaskGroups: [{ Name: "app", Count: count, Tasks: [{ Name: "app", Driver: "docker", Config: { image: "docker.io/sctx/overseerr:1.34.0" }, Resources: { MemoryMB: 256 } }] }],
});
type Extra = Partial<Omit<LitestreamSidecarProps, "group">>;

function build(extra: Extra = {}, opts: { count?: number; mountAt?: string } = {}) {
  return synthApp((a) => {
    const s = testStack(a, nomad);
    const job = new NomadJob(s, "Job", { job: app(opts.count) });
    if (opts.mountAt) job.group("app").mount(new GlusterCsiVolume(s, "Config", { criticality: "medium", backup: NO_BACKUP, service: "app", type: "config" }), { destination: opts.mountAt });
    new LitestreamSidecar(s, "Litestream", {
      group: job.group("app"),
      databases: ["/alloc/data/app/db.sqlite3"],
      replica: { bucket: "litestream", path: "app" },
      credentials: { source: "vault", path: "secret/data/app/litestream" },
      ...extra,
    });
    grantVault(a);
  }).stacks.test;
}
const groupOf = (stack: any) => JSON.parse(onlyResource(stack, "nomad_job").jobspec.replace(/\$\$\{/g, "${")).Job.TaskGroups[0];

describe("LitestreamSidecar", () => {
  // overseerr's own config directory (jobspecs/image-data-paths.ts, HL-NOMAD-11).
  const group = groupOf(build({}, { mountAt: "/app/config" }));
  const restore = group.Tasks.find((t: any) => t.Name === "litestream-restore");
  const replicate = group.Tasks.find((t: any) => t.Name === "litestream");

  test("gives the group a sticky, migrating ephemeral disk and count 1", () => {
    expect(group.EphemeralDisk).toEqual({ Sticky: true, Migrate: true, SizeMB: 1024 });
    expect(group.Count).toBe(1);
  });

  test("adds a prestart, non-sidecar restore that is a no-op when the db or no replica exists", () => {
    expect(restore.Lifecycle).toEqual({ Hook: "prestart", Sidecar: false });
    expect(restore.Config.args).toEqual(["restore", "-if-db-not-exists", "-if-replica-exists", "-config", "/local/litestream.yml", "/alloc/data/app/db.sqlite3"]);
  });

  test("adds a replicating sidecar that starts after the restore (poststart)", () => {
    expect(replicate.Lifecycle).toEqual({ Hook: "poststart", Sidecar: true });
    expect(replicate.Config.args).toEqual(["replicate", "-config", "/local/litestream.yml"]);
  });

  test("runs a pinned litestream image", () => {
    expect(restore.Config.image).toMatch(/^docker\.io\/litestream\/litestream:\d+\.\d+\.\d+$/);
    expect(replicate.Config.image).toBe(restore.Config.image);
  });

  test("renders litestream.yml from an object: s3 replica on MinIO, path-style, per-database path", () => {
    const tmpl = replicate.Templates.find((t: any) => t.DestPath === "local/litestream.yml");
    expect(YAML.parse(tmpl.EmbeddedTmpl)).toEqual({
      dbs: [
        {
          path: "/alloc/data/app/db.sqlite3",
          replica: { type: "s3", bucket: "litestream", path: "app/db.sqlite3", endpoint: "http://minio.service.consul:9000", "force-path-style": true },
        },
      ],
    });
  });

  test("credentials are rendered by Nomad from Vault at run time, never written into Terraform", () => {
    const creds = replicate.Templates.find((t: any) => t.Envvars);
    expect(creds.EmbeddedTmpl).toContain('{{ with secret "secret/data/app/litestream" }}');
    expect(creds.EmbeddedTmpl).toContain("LITESTREAM_ACCESS_KEY_ID={{ .Data.data.access_key_id }}");
    expect(creds.DestPath).toMatch(/^secrets\//);
    expect(replicate.Vault).toEqual({ ChangeMode: "restart", Role: "nomad-app" });
  });

  test("credentials can come from a Nomad variable instead", () => {
    const g = groupOf(build({ credentials: { source: "nomad-variable", path: "nomad/jobs/app" } }));
    const creds = g.Tasks.find((t: any) => t.Name === "litestream").Templates.find((t: any) => t.Envvars);
    expect(creds.EmbeddedTmpl).toContain('{{ with nomadVar "nomad/jobs/app" }}');
    expect(creds.EmbeddedTmpl).toContain("LITESTREAM_SECRET_ACCESS_KEY={{ .litestream_secret_access_key }}");
  });

  test("several databases get one restore task each and one replicating sidecar", () => {
    const g = groupOf(build({ databases: ["/alloc/data/a.db", "/alloc/data/b.db"] }));
    expect(g.Tasks.map((t: any) => t.Name)).toEqual(["app", "litestream-restore-1", "litestream-restore-2", "litestream"]);
  });
});

describe("bad input fails with the construct path and why", () => {
  test("fails if the database is on a mounted volume, saying SQLite breaks on network storage", () => {
    expect(() => build({ databases: ["/config/db.sqlite3"] }, { mountAt: "/config" })).toThrow(
      /test\/Litestream: SQLite database \/config\/db.sqlite3 .* would live on CSI volume glusterfs_app_config mounted at \/config: network file locking on GlusterFS\/NFS corrupts SQLite/,
    );
  });

  test("fails if the database is outside /alloc/data", () => {
    expect(() => build({ databases: ["/var/lib/app/db.sqlite3"] })).toThrow(/database path \/var\/lib\/app\/db.sqlite3 is not under \/alloc\/data/);
  });

  test("fails if the path is not absolute", () => {
    expect(() => build({ databases: ["db.sqlite3"] })).toThrow(/database path "db.sqlite3" must be an absolute, normalized file path/);
  });

  test("fails if the group count is not 1", () => {
    expect(() => build({}, { count: 2 })).toThrow(/group app has count 2; a group with Litestream must have count 1/);
  });

  test("a second LitestreamSidecar on a group that already has one names its tasks and says to list every database in one", () => {
    const twice = () =>
      synthApp((a) => {
        const s = testStack(a, nomad);
        const group = new NomadJob(s, "Job", { job: app() }).group("app");
        const props = { group, replica: { bucket: "litestream", path: "app" }, credentials: { source: "vault" as const, path: "secret/data/app/litestream" } };
        new LitestreamSidecar(s, "Litestream", { ...props, databases: ["/alloc/data/app.db"] });
        new LitestreamSidecar(s, "More", { ...props, databases: ["/alloc/data/other.db"] });
      });
    expect(twice).toThrow(
      "test/More: group app already runs Litestream tasks (litestream-restore, litestream); one LitestreamSidecar per group replicates all its databases: list every database in one LitestreamSidecar's databases and remove the other Litestream (a second LitestreamSidecar or hand-written tasks)",
    );
  });

  test("fails if credentials are given as literals", () => {
    const literal = { source: "vault", path: "secret/data/x/y", accessKeyId: "AKIA123", secretAccessKey: "s3cr3t" } as never;
    expect(() => build({ credentials: literal })).toThrow(/credentials must not be literals \(got accessKeyId, secretAccessKey\)/);
  });

  test("fails if the endpoint carries credentials", () => {
    expect(() => build({ replica: { bucket: "litestream", path: "app", endpoint: "http://key:secret@minio:9000" } })).toThrow(
      /replica endpoint carries credentials in its URL/,
    );
  });

  test("fails if the bucket is not an S3 bucket name", () => {
    expect(() => build({ replica: { bucket: "Lite_Stream", path: "app" } })).toThrow(/replica bucket "Lite_Stream" must be an S3 bucket name/);
  });

  test("fails if the credential path is not a path", () => {
    expect(() => build({ credentials: { source: "vault", path: "litestream" } })).toThrow(/credentials.path "litestream" must be a Vault path/);
  });

  test("fails if a later mount would cover the database: /alloc is reserved for Nomad", () => {
    expect(() =>
      synthWith((s) => {
        const job = new NomadJob(s, "Job", { job: app() });
        new LitestreamSidecar(s, "Litestream", {
          group: job.group("app"),
          databases: ["/alloc/data/db.sqlite3"],
          replica: { bucket: "litestream", path: "app" },
          credentials: { source: "vault", path: "secret/data/app/litestream" },
        });
        job.group("app").mount(new GlusterCsiVolume(s, "Data", { criticality: "medium", backup: NO_BACKUP, service: "app", type: "data" }), { destination: "/srv" });
        job.group("app").mount(new GlusterCsiVolume(s, "Bad", { criticality: "medium", backup: NO_BACKUP, service: "app", type: "bad" }), { destination: "/alloc" });
      }, nomad),
    ).toThrow(/destination \/alloc is inside Nomad's task directories/);
  });
});
