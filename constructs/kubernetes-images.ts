/**
 * Every container image the estate pins on Kubernetes, by tag: its workloads, its backup and
 * sync CronJobs, the CNPG cluster and pooler, the Anubis module and the image tags it sets in
 * Helm values. One place to read and bump them, like jobspecs/images.ts for the Nomad jobs;
 * renovate.json's image manager reads both catalogues' entries, each an image(repository, tag)
 * call with two string literals.
 * The images a chart runs at its own defaults follow the chart's version instead.
 */
import { assertPinnedTag } from "../jobspecs/images";

export interface PinnedImage {
  /** Registry and repository, e.g. "docker.io/vaultwarden/server". */
  readonly repository: string;
  /** A version tag; never `latest`. */
  readonly tag: string;
  /** What a container runs: repository:tag. */
  readonly ref: string;
}

function image(repository: string, tag: string): PinnedImage {
  assertPinnedTag(repository, tag);
  return { repository, tag, ref: `${repository}:${tag}` };
}

export const KUBERNETES_IMAGES = {
  // pg-cluster's PostgreSQL, and its pg_dump CronJob: the dump must be the server's major version.
  cnpgPostgresql: image("ghcr.io/cloudnative-pg/postgresql", "17.6"),
  // Authentik's PgBouncer: the image CNPG 1.27.1 (cnpg stack) defaults to (pkg/specs/pgbouncer/deployments.go).
  cnpgPgbouncer: image("ghcr.io/cloudnative-pg/pgbouncer", "1.24.1"),
  // The public outpost: must be the Authentik chart's version (stacks/authentik.ts checks it).
  authentikProxy: image("ghcr.io/goauthentik/proxy", "2026.2.2"),
  // A tag over the CrowdSec chart's image (its repository): the chart's appVersion v1.7.3 fails Central API authentication.
  crowdsec: image("docker.io/crowdsecurity/crowdsec", "v1.7.8"),
  vaultwarden: image("docker.io/vaultwarden/server", "1.34.3"),
  prowlarr: image("lscr.io/linuxserver/prowlarr", "2.0.5"),
  uptimeKuma: image("docker.io/louislam/uptime-kuma", "2.0.2"),
  anubis: image("ghcr.io/techarohq/anubis", "v1.21.3"),
  // The operator's own images (the organisation is a placeholder).
  blog: image("ghcr.io/example-org/blog", "2025.11.2"),
  gaiaGo: image("ghcr.io/example-org/gaia-go", "1.4.2"),
  // The CLI the Raft snapshot CronJob runs: the same minor as the Vault servers.
  vault: image("docker.io/hashicorp/vault", "1.20.4"),
  // The claim backups: busybox tar and find, SQLite's shell from Alpine's packages.
  alpine: image("docker.io/library/alpine", "3.22.2"),
  // The uptime monitor sync's Python.
  python: image("docker.io/library/python", "3.12.12-alpine3.22"),
} as const satisfies Record<string, PinnedImage>;
