/**
 * Every container image the Nomad jobs run, pinned by tag, with the CPU architectures it
 * is published for. The cluster mixes amd64 and arm64: an image missing one of the
 * cluster's architectures needs a `${attr.cpu.arch}` constraint (rule HL-NOMAD-8 reads
 * this catalog).
 */
import type { CpuArch } from "../inventory/schema";

export interface Image {
  /** Registry and repository, e.g. "ghcr.io/element-hq/synapse". */
  readonly repository: string;
  /** A version tag; never `latest`. */
  readonly tag: string;
  readonly archs: readonly CpuArch[];
}

const BOTH: readonly CpuArch[] = ["amd64", "arm64"];

/** Throws unless `tag` is a version tag (Docker's tag grammar), never `latest`. */
export function assertPinnedTag(repository: string, tag: string): void {
  if (tag === "latest" || !/^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$/.test(tag)) {
    throw new Error(`image ${repository}: tag ${JSON.stringify(tag)} must be a pinned version tag, not latest`);
  }
}

// Each entry is an image(repository, tag) call with two string literals: renovate.json's image manager reads that form.
function image(repository: string, tag: string, archs: readonly CpuArch[] = BOTH): Image {
  assertPinnedTag(repository, tag);
  return { repository, tag, archs };
}

export const IMAGES = {
  democraticCsi: image("docker.io/democraticcsi/democratic-csi", "v1.9.4"),
  // kubernetes-csi/csi-driver-nfs: the Bitcoin cluster's NFS CSI plugin.
  csiDriverNfs: image("registry.k8s.io/sig-storage/nfsplugin", "v4.12.1"),
  litestream: image("docker.io/litestream/litestream", "0.5.8"),
  restic: image("docker.io/restic/restic", "0.18.1"),
  minio: image("docker.io/minio/minio", "RELEASE.2025-09-07T16-13-09Z"),
  plex: image("docker.io/plexinc/pms-docker", "1.42.2.10156-f737b826c"),
  jellyfin: image("docker.io/jellyfin/jellyfin", "10.11.3"),
  synapse: image("ghcr.io/element-hq/synapse", "v1.144.0"),
  mautrixWhatsapp: image("dock.mau.dev/mautrix/whatsapp", "v0.2512.0"),
  mas: image("ghcr.io/element-hq/matrix-authentication-service", "1.8.0"),
  nginx: image("docker.io/library/nginx", "1.29.4-alpine"),
  cinny: image("ghcr.io/cinnyapp/cinny", "v4.10.2"),
  element: image("docker.io/vectorim/element-web", "v1.12.4"),
  // The version the Kubernetes Traefik chart (37.1.2) runs, so both ingresses behave alike.
  traefik: image("docker.io/library/traefik", "v3.5.3"),
  ollama: image("docker.io/ollama/ollama", "0.13.0"),
  searxng: image("docker.io/searxng/searxng", "2025.11.21-2a1c4f3"),
  openWebui: image("ghcr.io/open-webui/open-webui", "v0.6.36"),
  postgres: image("docker.io/library/postgres", "17.6-alpine"),
  // AppFlowy Cloud publishes amd64 only: its jobs carry an arch constraint.
  appflowyCloud: image("docker.io/appflowyinc/appflowy_cloud", "0.11.9", ["amd64"]),
  overseerr: image("docker.io/sctx/overseerr", "1.34.0"),
  forgejo: image("codeberg.org/forgejo/forgejo", "13.0.3"),
  bitcoin: image("docker.io/library/bitcoin", "30.2"),
  electrs: image("docker.io/getumbrel/electrs", "v0.10.10"),
  albyHub: image("ghcr.io/getalby/hub", "v1.21.4"),
} as const satisfies Record<string, Image>;

/** The reference a docker task runs: repository:tag. */
export function imageRef(img: Image): string {
  return `${img.repository}:${img.tag}`;
}

/** Splits "repo/name:tag" (or "@sha256:…") into repository and tag; repository alone when untagged. */
export function parseImageRef(ref: string): { repository: string; tag?: string } {
  const at = ref.indexOf("@");
  if (at >= 0) return { repository: ref.slice(0, at), tag: ref.slice(at + 1) };
  const slash = ref.lastIndexOf("/");
  const colon = ref.lastIndexOf(":");
  return colon > slash ? { repository: ref.slice(0, colon), tag: ref.slice(colon + 1) } : { repository: ref };
}

/** The architectures the catalog knows an image repository for, or undefined when it is not catalogued. */
export function catalogArchs(ref: string): readonly CpuArch[] | undefined {
  const { repository } = parseImageRef(ref);
  const normalized = normalizeRepository(repository);
  return Object.values(IMAGES).find((img) => normalizeRepository(img.repository) === normalized)?.archs;
}

/** A repository as the registry knows it: "postgres" and "library/postgres" are "docker.io/library/postgres". */
export function normalizeRepository(repository: string): string {
  const parts = repository.split("/");
  const hasRegistry = parts.length > 1 && /[.:]/.test(parts[0]);
  const path = hasRegistry ? parts : ["docker.io", ...(parts.length === 1 ? ["library", ...parts] : parts)];
  return path.join("/");
}
