import { canonicalImage, readEstatePins } from "../helpers/estate-pins";

/** A nomad_job as synthesized: the API job as a JSON string. */
function nomadJob(id: string, tasks: Array<Record<string, unknown>>) {
  return { jobspec: JSON.stringify({ Job: { ID: id, TaskGroups: [{ Name: id, Tasks: tasks.map((t, i) => ({ Name: `t${i}`, Driver: "docker", ...t })) }] } }) };
}

const pod = (containers: Array<Record<string, unknown>>, initContainers: Array<Record<string, unknown>> = []) => ({
  spec: [{ template: [{ spec: [{ container: containers, init_container: initContainers }] }] }],
});

const release = (chart: string, repository: string, values: string) => ({ name: chart, namespace: chart, repository, chart, version: "1.0.0", values: [values] });

describe("readEstatePins: what the synthesized estate pins, as Terraform would apply it", () => {
  const pins = readEstatePins({
    nomad: {
      terraform: { required_providers: { nomad: { source: "nomad", version: "2.5.2" } } },
      resource: {
        nomad_job: {
          Db: nomadJob("db", [{ Config: { image: "postgres:17.6-alpine" }, Env: { POSTGRES_USER: "app" } }]),
          Backup: nomadJob("backup", [{ Config: { image: "docker.io/library/postgres:17.6-alpine", args: ["pg_dump --dbname=app"] } }, { Config: { image: "docker.io/restic/restic:0.18.1" } }]),
        },
      },
    },
    k8s: {
      terraform: { required_providers: { kubernetes: { source: "kubernetes", version: "2.38.0" }, nomad: { source: "nomad", version: "2.5.2" } } },
      resource: {
        kubernetes_deployment_v1: { App: pod([{ name: "app", image: "ghcr.io/example-org/app:1.2.3" }], [{ name: "init", image: "docker.io/library/busybox:1.37" }]) },
        kubernetes_cron_job_v1: {
          Dump: { spec: [{ job_template: [{ spec: [{ template: [{ spec: [{ container: [{ name: "dump", image: "ghcr.io/cloudnative-pg/postgresql:17.6", command: ["sh", "-c", "pg_dumpall > x"] }] }] }] }] }] }] },
        },
        kubernetes_manifest: {
          Cluster: { manifest: { apiVersion: "postgresql.cnpg.io/v1", kind: "Cluster", spec: { imageName: "ghcr.io/cloudnative-pg/postgresql:17.6" } } },
          Pooler: { manifest: { apiVersion: "postgresql.cnpg.io/v1", kind: "Pooler", spec: { template: { spec: { containers: [{ name: "pgbouncer", image: "ghcr.io/cloudnative-pg/pgbouncer:1.24.1" }] } } } } },
          Policy: { manifest: { apiVersion: "kyverno.io/v1", kind: "ClusterPolicy", spec: { rules: [{ validate: { pattern: { spec: { containers: [{ image: "docker.io/* | ghcr.io/*" }] } } } }] } } },
        },
      },
      module: { Site_Anubis: { source: "../../../modules/anubis", image: "ghcr.io/techarohq/anubis:v1.21.3" } },
    },
    charts: {
      resource: {
        helm_release: {
          Crowdsec: release("crowdsec", "https://crowdsecurity.github.io/helm-charts/", "image:\n  tag: v9.9.9\n"),
          Cnpg: release("cloudnative-pg", "https://cloudnative-pg.github.io/charts", "{}\n"),
          Traefik: release("traefik", "https://traefik.github.io/charts", "experimental:\n  plugins:\n    bouncer:\n      moduleName: github.com/example/plugin\n      version: v1.4.2\n"),
        },
      },
    },
  });
  const image = (ref: string) => pins.images.find((i) => i.ref === ref);

  test("Nomad tasks' images, named as their registry names them, each once with every place it runs", () => {
    expect([...image("docker.io/library/postgres:17.6-alpine")!.where].sort()).toEqual(["nomad/nomad_job.Backup group backup, task t0", "nomad/nomad_job.Db group db, task t0"]);
    expect(image("docker.io/restic/restic:0.18.1")).toMatchObject({ stacks: ["nomad"] });
  });

  test("Kubernetes containers, init containers and CronJobs; CloudNativePG's imageName and Pooler; a module's image input", () => {
    for (const ref of ["ghcr.io/example-org/app:1.2.3", "docker.io/library/busybox:1.37", "ghcr.io/cloudnative-pg/postgresql:17.6", "ghcr.io/cloudnative-pg/pgbouncer:1.24.1", "ghcr.io/techarohq/anubis:v1.21.3"]) {
      expect(image(ref)?.ref).toBe(ref);
    }
    expect(image("ghcr.io/cloudnative-pg/postgresql:17.6")?.where).toEqual([
      "k8s/kubernetes_cron_job_v1.Dump spec[0].job_template[0].spec[0].template[0].spec[0].container[0] dump",
      "k8s/kubernetes_manifest.Cluster spec.imageName",
    ]);
  });

  test("a Kyverno policy's image patterns are no image", () => {
    expect(pins.images.filter((i) => i.ref.includes("*"))).toEqual([]);
  });

  test("an image tag set in Helm values is pinned over the chart's own repository (crowdsec's default: crowdsecurity/crowdsec)", () => {
    expect(image("docker.io/crowdsecurity/crowdsec:v9.9.9")?.where).toEqual(["charts/helm_release.Crowdsec.values.image"]);
  });

  test("databases are told by what runs: a PostgreSQL server's environment, pg_dump, a CloudNativePG resource, the chart installing CloudNativePG", () => {
    expect(pins.images.filter((i) => i.database).map((i) => i.ref)).toEqual([
      "docker.io/library/postgres:17.6-alpine",
      "ghcr.io/cloudnative-pg/pgbouncer:1.24.1",
      "ghcr.io/cloudnative-pg/postgresql:17.6",
    ]);
    expect(pins.charts.filter((c) => c.database).map((c) => c.chart)).toEqual(["cloudnative-pg"]);
  });

  test("charts with their repository as written, less a trailing slash; Traefik plugins from experimental.plugins", () => {
    expect(pins.charts.map((c) => `${c.repository} ${c.chart}@${c.version}`)).toEqual([
      "https://crowdsecurity.github.io/helm-charts crowdsec@1.0.0",
      "https://cloudnative-pg.github.io/charts cloudnative-pg@1.0.0",
      "https://traefik.github.io/charts traefik@1.0.0",
    ]);
    expect(pins.plugins).toEqual([{ module: "github.com/example/plugin", version: "v1.4.2", where: ["charts/helm_release.Traefik.values.experimental.plugins.bouncer"] }]);
  });

  test("provider versions from each stack's required_providers, each once with the stacks requiring it", () => {
    expect(pins.providers).toEqual([
      { name: "kubernetes", source: "kubernetes", version: "2.38.0", stacks: ["k8s"] },
      { name: "nomad", source: "nomad", version: "2.5.2", stacks: ["k8s", "nomad"] },
    ]);
  });

  test("fails if a Nomad job's jobspec cannot be read, naming it (its images would go unlisted)", () => {
    expect(() => readEstatePins({ s: { resource: { nomad_job: { Broken: { jobspec: "{" } } } } })).toThrow(/^s\/nomad_job\.Broken: its jobspec cannot be read/);
  });

  test("fails if Helm values set an image tag with no repository in them or in the chart's defaults, naming where", () => {
    expect(() => readEstatePins({ s: { resource: { helm_release: { R: release("crowdsec", "https://crowdsecurity.github.io/helm-charts", "lapi:\n  image:\n    tag: v1\n") } } } })).toThrow(
      "s/helm_release.R.values.lapi.image: sets tag v1 but neither it nor chart crowdsec's defaults name a repository",
    );
  });

  test("canonicalImage: Docker Hub's short names and digests", () => {
    expect(canonicalImage("postgres:17")).toBe("docker.io/library/postgres:17");
    expect(canonicalImage("woodpeckerci/plugin-git:2.6.5")).toBe("docker.io/woodpeckerci/plugin-git:2.6.5");
    expect(canonicalImage(`ghcr.io/a/b@sha256:${"0".repeat(64)}`)).toBe(`ghcr.io/a/b@sha256:${"0".repeat(64)}`);
  });
});
