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

interface ChartSourceBase {
  /** The chart's source repository, owner/name. */
  readonly repository: string;
  /** The chart's directory at the version's commit. */
  readonly chartPath: string;
  /** The upstream file that shows this mapping (release workflow). */
  readonly publishedBy: string;
  readonly packagedCrds?: PackagedCrds;
}

/** A chart repository with an index.yaml, each version released from a git tag. */
export interface IndexedChartSource extends ChartSourceBase {
  /** The git tag of a chart version: "{version}" is replaced. */
  readonly tag: string;
  /** The repository's index.yaml (what `helm repo add` downloads). */
  readonly index: RepoFile;
  /**
   * When the index cannot be read (no network, no mirror of it), the release tags stand in:
   * only where the workflow that tags a version is the one that publishes it.
   */
  readonly tagsPublish?: boolean;
}

/**
 * An OCI chart repository without index or tags: every push to `publishedFromBranch` that
 * touches the chart pushes it at the version its Chart.yaml then says, overwriting that
 * version. The published versions are the versions Chart.yaml has had on the branch; a
 * version's content is the newest commit on the branch that published it.
 */
export interface BranchChartSource extends ChartSourceBase {
  readonly publishedFromBranch: string;
}

export type ChartSource = IndexedChartSource | BranchChartSource;

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
  "https://charts.goauthentik.io": {
    authentik: {
      repository: "goauthentik/helm",
      tag: "authentik-{version}",
      chartPath: "charts/authentik",
      index: { repository: "goauthentik/helm", ref: "gh-pages", path: "index.yaml" },
      publishedBy: "goauthentik/helm .github/workflows/release.yaml (chart-releaser to gh-pages)",
    },
  },
  "https://metallb.github.io/metallb": {
    metallb: {
      repository: "metallb/metallb",
      // The release job rewrites Chart.yaml's 0.0.0 for the v<version> tag it runs on and
      // packages that; the metallb-chart-<version> release tags point at the unrewritten tree.
      tag: "v{version}",
      chartPath: "charts/metallb",
      index: { repository: "metallb/metallb", ref: "gh-pages", path: "index.yaml" },
      publishedBy: "metallb/metallb .github/workflows/publish.yaml (release-charts: chart-releaser on v* tags, index pushed to gh-pages)",
    },
  },
  "https://kubernetes-sigs.github.io/external-dns": {
    "external-dns": {
      repository: "kubernetes-sigs/external-dns",
      tag: "external-dns-helm-chart-{version}",
      chartPath: "charts/external-dns",
      index: { repository: "kubernetes-sigs/external-dns", ref: "gh-pages", path: "index.yaml" },
      publishedBy: "kubernetes-sigs/external-dns .github/workflows/release-chart.yaml (chart-releaser to gh-pages)",
    },
  },
  "https://crowdsecurity.github.io/helm-charts": {
    crowdsec: {
      repository: "crowdsecurity/helm-charts",
      tag: "crowdsec-{version}",
      chartPath: "charts/crowdsec",
      index: { repository: "crowdsecurity/helm-charts", ref: "gh-pages", path: "index.yaml" },
      publishedBy: "crowdsecurity/helm-charts .github/workflows/release.yaml (chart-releaser to gh-pages)",
    },
  },
  "oci://ghcr.io/sergelogvinov/charts": {
    "proxmox-csi-plugin": {
      repository: "sergelogvinov/proxmox-csi-plugin",
      chartPath: "charts/proxmox-csi-plugin",
      publishedFromBranch: "main",
      publishedBy:
        "sergelogvinov/proxmox-csi-plugin .github/workflows/release-charts.yaml (every push to main under charts/: make helm-release, helm push to oci://ghcr.io/sergelogvinov/charts)",
    },
  },
  "https://prometheus-community.github.io/helm-charts": Object.fromEntries(
    ["kube-prometheus-stack", "kube-state-metrics", "prometheus-node-exporter", "prometheus-blackbox-exporter"].map((chart) => [
      chart,
      {
        repository: "prometheus-community/helm-charts",
        tag: `${chart}-{version}`,
        chartPath: `charts/${chart}`,
        index: { repository: "prometheus-community/helm-charts", ref: "gh-pages", path: "index.yaml" },
        // chart-releaser tags <chart>-<version> and, in the same run, adds it to the gh-pages index.
        tagsPublish: true,
        publishedBy: "prometheus-community/helm-charts .github/workflows/release.yaml (helm/chart-releaser-action to gh-pages)",
      } satisfies ChartSource,
    ]),
  ),
};

/** The source of a chart, or undefined when the mapping has none. */
export function chartSource(repositoryUrl: string, chart: string): ChartSource | undefined {
  return CHART_SOURCES[repositoryUrl.replace(/\/+$/, "")]?.[chart];
}

/** The git tag of a chart version. */
export function chartTag(source: IndexedChartSource, version: string): string {
  return source.tag.replace("{version}", version);
}

/** The stored contract names of a chart: its published versions and its pinned version's contents. */
export const helmIndexContract = (chart: string) => `helm-index-${chart}`;
export const helmChartContract = (chart: string) => `helm-chart-${chart}`;
