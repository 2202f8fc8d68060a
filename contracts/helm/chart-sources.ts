/**
 * Where each chart repository the estate installs from publishes its index, and where the
 * chart's source lives: the one place `npm run contracts -- helm-charts` learns how to read
 * a pinned chart from its upstream git repository. Each entry was checked against the
 * upstream release workflow named in `publishedBy`.
 */

/** A file on a branch of a GitHub repository. */
export interface RepoFile {
  /** owner/name */
  readonly repository: string;
  readonly ref: string;
  readonly path: string;
}

/** CRDs a chart's packaging step copies into templates/ (absent from its git tree). */
export interface PackagedCrds {
  /** Directory of the CRD sources at the chart's tag. */
  readonly dir: string;
  /** Values path that guards every packaged CRD, e.g. "installCRDs". */
  readonly condition: string;
  /** Kinds whose CRD is also guarded by `crds.create<Kind>`, as the packaging script does. */
  readonly perKindCondition?: { readonly kinds: RegExp; readonly path: (kind: string) => string };
}

export interface ChartSource {
  /** The chart's source repository, owner/name. */
  readonly repository: string;
  /** The git tag of a chart version: "{version}" is replaced. */
  readonly tag: string;
  /** The chart's directory at that tag. */
  readonly chartPath: string;
  /** The repository's index.yaml (what `helm repo add` downloads). */
  readonly index: RepoFile;
  /**
   * When the index cannot be read (no network, no mirror of it), the release tags stand in:
   * only where the workflow that tags a version is the one that publishes it.
   */
  readonly tagsPublish?: boolean;
  /** The upstream file that shows this mapping (release workflow). */
  readonly publishedBy: string;
  readonly packagedCrds?: PackagedCrds;
}

/** Chart repository URL (as helm_release.repository) → chart name → its source. */
export const CHART_SOURCES: Readonly<Record<string, Readonly<Record<string, ChartSource>>>> = {
  "https://traefik.github.io/charts": {
    traefik: {
      repository: "traefik/traefik-helm-chart",
      tag: "v{version}",
      chartPath: "traefik",
      index: { repository: "traefik/charts", ref: "master", path: "index.yaml" },
      // The release job tags v<version> and, in the same run, pushes the package and index to traefik/charts.
      tagsPublish: true,
      publishedBy: "traefik/traefik-helm-chart .github/workflows/release.yaml (helm-gh-pages to traefik/charts master)",
    },
  },
  "https://kyverno.github.io/kyverno": {
    kyverno: {
      repository: "kyverno/kyverno",
      tag: "kyverno-chart-{version}",
      chartPath: "charts/kyverno",
      index: { repository: "kyverno/kyverno", ref: "gh-pages", path: "index.yaml" },
      publishedBy: "kyverno/kyverno .github/workflows/helm-release.yaml (helm-gh-pages to gh-pages)",
    },
  },
  "https://topolvm.github.io/pvc-autoresizer": {
    "pvc-autoresizer": {
      repository: "topolvm/pvc-autoresizer",
      tag: "pvc-autoresizer-chart-v{version}",
      chartPath: "charts/pvc-autoresizer",
      index: { repository: "topolvm/pvc-autoresizer", ref: "gh-pages", path: "index.yaml" },
      publishedBy: "topolvm/pvc-autoresizer .github/workflows/helm-release.yaml and .cr.yaml (chart-releaser to gh-pages)",
    },
  },
  "https://cloudnative-pg.github.io/charts": {
    "cloudnative-pg": {
      repository: "cloudnative-pg/charts",
      tag: "cloudnative-pg-v{version}",
      chartPath: "charts/cloudnative-pg",
      index: { repository: "cloudnative-pg/charts", ref: "gh-pages", path: "index.yaml" },
      publishedBy: "cloudnative-pg/charts .github/workflows/release-publish.yml (chart-releaser to gh-pages)",
    },
  },
  "https://charts.external-secrets.io": {
    "external-secrets": {
      repository: "external-secrets/external-secrets",
      tag: "helm-chart-{version}",
      chartPath: "deploy/charts/external-secrets",
      index: { repository: "external-secrets/external-secrets", ref: "gh-pages", path: "index.yaml" },
      publishedBy: "external-secrets/external-secrets .github/workflows/helm.yml (chart-releaser, charts_repo_url https://charts.external-secrets.io)",
      // hack/helm.generate.sh copies config/crds/bases into templates/crds when packaging.
      packagedCrds: {
        dir: "config/crds/bases",
        condition: "installCRDs",
        perKindCondition: { kinds: /Cluster|PushSecret/, path: (kind) => `crds.create${kind}` },
      },
    },
  },
};

/** The source of a chart, or undefined when the mapping has none. */
export function chartSource(repositoryUrl: string, chart: string): ChartSource | undefined {
  return CHART_SOURCES[repositoryUrl.replace(/\/+$/, "")]?.[chart];
}

/** The git tag of a chart version. */
export function chartTag(source: ChartSource, version: string): string {
  return source.tag.replace("{version}", version);
}

/** The stored contract names of a chart: its published versions and its pinned version's contents. */
export const helmIndexContract = (chart: string) => `helm-index-${chart}`;
export const helmChartContract = (chart: string) => `helm-chart-${chart}`;
