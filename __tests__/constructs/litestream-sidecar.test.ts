import { tmpdir } from "os";
import YAML from "yaml";
import { HomelabApp } from "../../constructs";
import { GlusterCsiVolume } from "../../constructs/gluster-csi-volume";
import { LitestreamSidecar, LitestreamSidecarProps } from "../../constructs/litestream-sidecar";
import { NomadJob } from "../../constructs/nomad-job";
import { Job } from "../../jobspecs/model";
import { onlyResource, synthApp, synthWith, testInventory, testStack, NO_BACKUP } from "../helpers/synth";
import { grantVault } from "../helpers/vault-grants";

const nomad = { cluster: "nomad-main" as const };
type Group = Job["TaskGroups"][number];
const app = (count?: number, group: Partial<Group> = {}): Job => ({
  ID: "app",
  Type: "service",
  Datacenters: ["dc1"],
  TaskGroups: [{ Name: "app", Count: count, Tasks: [{ Name: "app", Driver: "docker", Config: { image: "docker.io/sctx/overseerr:1.34.0" }, Resources: { MemoryMB: 256 } }], ...group }],
});
type Extra = Partial<Omit<LitestreamSidecarProps, "group">>;
type Options = { count?: number; mountAt?: string; group?: Partial<Group> };

/** The app's job with Litestream added to its group (a volume mounted first at mountAt). */
function withSidecar(a: HomelabApp, extra: Extra, opts: Options): NomadJob {
  const s = testStack(a, nomad);
  const job = new NomadJob(s, "Job", { job: app(opts.count, opts.group) });
  if (opts.mountAt) job.group("app").mount(new GlusterCsiVolume(s, "Config", { criticality: "medium", backup: NO_BACKUP, service: "app", type: "config" }), { destination: opts.mountAt });
  new LitestreamSidecar(s, "Litestream", {
    group: job.group("app"),
    databases: ["/alloc/data/app/db.sqlite3"],
    replica: { bucket: "litestream", path: "app" },
    credentials: { source: "vault", path: "secret/data/app/litestream" },
    ...extra,
  });
  return job;
}

/** The synthesized stack. */
function build(extra: Extra = {}, opts: Options = {}) {
  return synthApp((a) => {
    withSidecar(a, extra, opts);
    grantVault(a);
  }).stacks.test;
}

/** The group as the construct leaves it, without a synth: for what the constructor accepts or refuses. */
const constructed = (extra: Extra = {}, opts: Options = {}) => withSidecar(new HomelabApp({ outdir: tmpdir(), inventory: testInventory }), extra, opts).group("app").spec;
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
  /** A group whose task mounts a host volume by itself, not through mount(). */
  const hostMounted = (volume: string, source: string, destination: string): Partial<Group> =>
    ({
      Volumes: { [volume]: { Name: volume, Type: "host", Source: source } },
      Tasks: [{ Name: "app", Driver: "docker", Config: { image: "docker.io/sctx/overseerr:1.34.0" }, VolumeMounts: [{ Volume: volume, Destination: destination }] }],
    }) as never;

  test("fails if the database is on a mounted volume, saying SQLite breaks on network storage, once", () => {
    // The whole message: a volume mounted through mount() is reported by the group alone, not again as a task's mount.
    expect(() => constructed({ databases: ["/config/db.sqlite3"] }, { mountAt: "/config" })).toThrow(
      new Error(
        "test/Litestream: SQLite database /config/db.sqlite3 (Litestream test/Litestream) would live on CSI volume glusterfs_app_config mounted at /config: " +
          "network file locking on GlusterFS/NFS corrupts SQLite even with Litestream; keep the database under /alloc/data (ephemeral disk) and let Litestream replicate it",
      ),
    );
  });

  test("fails if the database is under a volume the job mounts by itself, beside a volume mounted through mount()", () => {
    const group = hostMounted("data", "app-data", "/alloc/data/app");
    expect(() => constructed({}, { group, mountAt: "/app/config" })).toThrow(
      new Error(
        "test/Litestream: SQLite database /alloc/data/app/db.sqlite3 would live on volume data mounted at /alloc/data/app in task app: network file locking corrupts SQLite; keep it under /alloc/data",
      ),
    );
  });

  test("a volume the job mounts by itself elsewhere leaves a database under /alloc/data alone", () => {
    const group = hostMounted("media", "media", "/media");
    expect(constructed({}, { group }).Tasks.map((t) => t.Name)).toEqual(["app", "litestream-restore", "litestream"]);
  });

  test("fails if the database is under a volume the job mounts by itself (not through mount())", () => {
    const group = hostMounted("data", "app-data", "/alloc/data/app");
    expect(() => constructed({}, { group })).toThrow(
      "test/Litestream: SQLite database /alloc/data/app/db.sqlite3 would live on volume data mounted at /alloc/data/app in task app: network file locking corrupts SQLite; keep it under /alloc/data",
    );
  });

  test.each([
    ["outside /alloc/data", "/var/lib/app/db.sqlite3"],
    ["the data directory itself", "/alloc/data"],
    ["beside it, sharing its prefix", "/alloc/database.sqlite3"],
  ])("fails if the database is %s", (_, db) => {
    expect(() => constructed({ databases: [db] })).toThrow(
      `test/Litestream: database path ${db} is not under /alloc/data: SQLite must live on the allocation's ephemeral disk (sticky, migrated), never on GlusterFS or NFS`,
    );
  });

  test.each([
    ["relative", "db.sqlite3"],
    ["not normalized", "/alloc/data/../data/db.sqlite3"],
    ["a directory", "/alloc/data/app/"],
  ])("fails if the path is %s", (_, db) => {
    expect(() => constructed({ databases: [db] })).toThrow(`test/Litestream: database path ${JSON.stringify(db)} must be an absolute, normalized file path under /alloc/data`);
  });

  test("fails if no database is listed", () => {
    expect(() => constructed({ databases: [] })).toThrow("test/Litestream: databases must list at least one SQLite file under /alloc/data");
  });

  test("fails if two databases share a file name: both would replicate to one path", () => {
    expect(() => constructed({ databases: ["/alloc/data/a/db.sqlite3", "/alloc/data/b/db.sqlite3"] })).toThrow(
      "test/Litestream: databases /alloc/data/b/db.sqlite3 repeat a file name; each replicates to <path>/<file name>",
    );
  });

  test("fails naming every database that repeats a file name", () => {
    expect(() => constructed({ databases: ["/alloc/data/a/db.sqlite3", "/alloc/data/b/db.sqlite3", "/alloc/data/c/db.sqlite3"] })).toThrow(
      "test/Litestream: databases /alloc/data/b/db.sqlite3, /alloc/data/c/db.sqlite3 repeat a file name; each replicates to <path>/<file name>",
    );
  });

  test("fails if the group count is not 1", () => {
    expect(() => constructed({}, { count: 2 })).toThrow(/group app has count 2; a group with Litestream must have count 1/);
    expect(() => constructed({}, { count: 0 })).toThrow(/group app has count 0; a group with Litestream must have count 1/);
    expect(constructed({}, { count: 1 }).Count).toBe(1);
  });

  test.each(["litestream", "litestream-restore"])("fails if the group already runs a Litestream task (%s)", (name) => {
    const group: Partial<Group> = {
      Tasks: [
        { Name: "app", Driver: "docker", Config: { image: "docker.io/sctx/overseerr:1.34.0" }, Resources: { MemoryMB: 256 } },
        { Name: name, Driver: "docker", Config: { image: "docker.io/litestream/litestream:0.5.8" }, Resources: { MemoryMB: 64 } },
      ],
    };
    expect(() => constructed({}, { group })).toThrow(
      `test/Litestream: group app already runs Litestream tasks (${name}); one LitestreamSidecar per group replicates all its databases: list every database in one LitestreamSidecar's databases and remove the other Litestream (a second LitestreamSidecar or hand-written tasks)`,
    );
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

  test.each(["accessKeyId", "secretAccessKey", "accessKey", "secretKey", "key", "secret", "password", "value"])(
    "fails if credentials are given as literals (%s)",
    (field) => {
      const literal = { source: "vault", path: "secret/data/x/y", [field]: "s3cr3t" } as never;
      expect(() => constructed({ credentials: literal })).toThrow(
        `test/Litestream: credentials must not be literals (got ${field}); give a Vault path ({ source: "vault", path }) or a Nomad variable ({ source: "nomad-variable", path })`,
      );
    },
  );

  test("fails naming every literal given, and never their values", () => {
    const literal = { source: "vault", path: "secret/data/x/y", accessKeyId: "AKIA123", secretAccessKey: "s3cr3t" } as never;
    expect(() => constructed({ credentials: literal })).toThrow(/credentials must not be literals \(got accessKeyId, secretAccessKey\)/);
    expect(() => constructed({ credentials: literal })).not.toThrow(/AKIA123|s3cr3t/);
  });

  test("fails if the credentials name an unknown source", () => {
    expect(() => constructed({ credentials: { source: "env", path: "secret/data/x/y" } as never })).toThrow(
      'test/Litestream: credentials.source "env" is unknown; allowed: vault, nomad-variable',
    );
  });

  test.each([
    ["a user and a password", "http://key:secret@minio:9000"],
    ["a key as the user alone", "http://AKIAIOSFODNN7EXAMPLE@minio:9000"],
    ["a password alone", "http://:secret@minio:9000"],
  ])("fails if the endpoint carries credentials: %s", (_, endpoint) => {
    expect(() => constructed({ replica: { bucket: "litestream", path: "app", endpoint } })).toThrow(
      "test/Litestream: replica endpoint carries credentials in its URL; credentials come from Vault or a Nomad variable at run time, never literals",
    );
  });

  test("fails if the endpoint is not an http(s) URL", () => {
    expect(() => constructed({ replica: { bucket: "litestream", path: "app", endpoint: "minio.service.consul" } })).toThrow(
      'test/Litestream: replica endpoint "minio.service.consul" must be an http:// or https:// URL',
    );
    expect(() => constructed({ replica: { bucket: "litestream", path: "app", endpoint: "s3://minio:9000" } })).toThrow(
      "test/Litestream: replica endpoint s3://minio:9000 must be an http:// or https:// URL",
    );
  });

  test("an https endpoint is taken as given", () => {
    const g = constructed({ replica: { bucket: "litestream", path: "app", endpoint: "https://minio.home.arpa" } });
    const tmpl = g.Tasks.find((t) => t.Name === "litestream")!.Templates!.find((t) => t.DestPath === "local/litestream.yml")!;
    expect(YAML.parse(tmpl.EmbeddedTmpl!).dbs[0].replica.endpoint).toBe("https://minio.home.arpa");
  });

  // S3's bucket naming rules: 3 to 63 characters; lowercase letters, digits, dots and hyphens; a letter or digit at each end.
  test.each(["abc", "a.b-c", "a".repeat(63), "0litestream9"])("accepts the bucket name %s", (bucket) => {
    expect(() => constructed({ replica: { bucket, path: "app" } })).not.toThrow();
  });

  test.each(["ab", "a".repeat(64), "Lite_Stream", "-litestream", "litestream-", "lite stream"])("fails if the bucket is not an S3 bucket name: %s", (bucket) => {
    expect(() => constructed({ replica: { bucket, path: "app" } })).toThrow(
      `test/Litestream: replica bucket ${JSON.stringify(bucket)} must be an S3 bucket name (lowercase, digits, . and -, 3–63)`,
    );
  });

  test("a nested prefix is a path", () => {
    expect(() => constructed({ replica: { bucket: "litestream", path: "media-centre/plex_1.db" } })).not.toThrow();
  });

  test.each(["/app", "app/", "a//b", "App", "-app", "app/.x", ""])("fails if the replica path is not a relative prefix: %j", (path) => {
    expect(() => constructed({ replica: { bucket: "litestream", path } })).toThrow(`test/Litestream: replica path ${JSON.stringify(path)} must be a relative prefix such as media-centre/plex`);
  });

  test.each([
    [{ source: "vault", path: "litestream" }, 'credentials.path "litestream" must be a Vault path such as secret/data/plex/litestream'],
    [{ source: "vault", path: "Secret/data/x" }, 'credentials.path "Secret/data/x" must be a Vault path'],
    [{ source: "vault", path: "secret//x" }, 'credentials.path "secret//x" must be a Vault path'],
    [{ source: "vault", path: "secret/data/x/" }, 'credentials.path "secret/data/x/" must be a Vault path'],
    [{ source: "nomad-variable", path: "/nomad/jobs/app" }, 'credentials.path "/nomad/jobs/app" must be a Nomad variable path such as nomad/jobs/plex'],
  ] as const)("fails if the credential path is not a path: %j", (credentials, message) => {
    expect(() => constructed({ credentials })).toThrow(`test/Litestream: ${message}`);
  });

  test("fails if a credential field is not a lowercase identifier; a custom one is read", () => {
    expect(() => constructed({ credentials: { source: "vault", path: "secret/data/app/litestream", accessKeyField: "Access-Key", secretKeyField: "9secret" } })).toThrow(
      'test/Litestream: credentials field "Access-Key" must be a lowercase identifier; credentials field "9secret" must be a lowercase identifier',
    );
    // A valid start is not enough: the whole name must be an identifier (Nomad's template reads .Data.data.<field>).
    expect(() => constructed({ credentials: { source: "vault", path: "secret/data/app/litestream", accessKeyField: "access-key" } })).toThrow(
      'test/Litestream: credentials field "access-key" must be a lowercase identifier',
    );
    const g = constructed({ credentials: { source: "vault", path: "secret/data/app/litestream", accessKeyField: "_key_1", secretKeyField: "sk" } });
    const creds = g.Tasks.find((t) => t.Name === "litestream")!.Templates!.find((t) => t.Envvars)!;
    expect(creds.EmbeddedTmpl).toContain("LITESTREAM_ACCESS_KEY_ID={{ .Data.data._key_1 }}");
  });

  test.each([99, 100.5, Number.NaN])("fails if the ephemeral disk is %d MiB", (ephemeralDiskMiB) => {
    expect(() => constructed({ ephemeralDiskMiB })).toThrow(`test/Litestream: ephemeralDiskMiB ${ephemeralDiskMiB} must be an integer of at least 100`);
  });

  test("the ephemeral disk is the larger of the group's own and the one asked for", () => {
    expect(constructed({ ephemeralDiskMiB: 100 }).EphemeralDisk).toEqual({ Sticky: true, Migrate: true, SizeMB: 100 });
    expect(constructed({ ephemeralDiskMiB: 300 }, { group: { EphemeralDisk: { SizeMB: 200 } } }).EphemeralDisk).toEqual({ Sticky: true, Migrate: true, SizeMB: 300 });
    expect(constructed({}, { group: { EphemeralDisk: { SizeMB: 2048 } } }).EphemeralDisk).toEqual({ Sticky: true, Migrate: true, SizeMB: 2048 });
  });

  test("every problem is reported at once", () => {
    expect(() => constructed({ databases: [], replica: { bucket: "Bad", path: "/abs" } })).toThrow(
      'test/Litestream: databases must list at least one SQLite file under /alloc/data; replica bucket "Bad" must be an S3 bucket name (lowercase, digits, . and -, 3–63); replica path "/abs" must be a relative prefix such as media-centre/plex',
    );
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
