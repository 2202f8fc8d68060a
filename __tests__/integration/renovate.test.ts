/**
 * Renovate sees every pinned version: its own extraction (the pinned Renovate in
 * tools/renovate, offline) is compared with the images, charts and Traefik plugins the
 * synthesized estate pins, and its own rules (tools/renovate/plan-branches.js) are judged
 * over a made-up update of every dependency.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { defineEstate } from "../../main";
import { CONTRACT_GENERATORS } from "../../scripts/contracts/index";
import { canonicalChartRepository, canonicalImage, readEstatePins } from "../helpers/estate-pins";
import { synthApp } from "../helpers/synth";
import { extractedDeps, extractWithRenovate, planBranches, RenovateDep, RenovateExtraction, RenovatePlan, UpdateType, validateRenovateConfig } from "./helpers/renovate";
import { REPO } from "./helpers/workspace";

const CONFIG = join(REPO, "renovate.json");
// Synthesized at collection, so the test names say how many pins the estate has.
const estate = readEstatePins(synthApp(defineEstate).stacks);

const chartKey = (repository: string, chart: string, version: string) => `${canonicalChartRepository(repository)} ${chart}@${version}`;
const pluginKey = (module: string, version: string) => `${module}@${version}`;

/** A dependency Renovate found, in the estate's terms: an image reference, a chart (repository, chart, version) or a Traefik plugin. */
function pinOf(d: RenovateDep): { kind: "image" | "chart" | "plugin"; key: string } | undefined {
  const name = d.packageName ?? d.depName ?? "";
  if (d.currentValue === undefined && d.currentDigest === undefined) return undefined;
  if (d.depType === "helm-chart") {
    // An OCI chart is the artifact <registry path>/<chart>; an HTTP one is a chart of the repository Renovate was given.
    if (d.datasource !== "docker") return { kind: "chart", key: chartKey(d.registryUrls?.[0] ?? "", name, d.currentValue!) };
    const slash = name.lastIndexOf("/");
    return { kind: "chart", key: chartKey(`oci://${name.slice(0, slash)}`, name.slice(slash + 1), d.currentValue!) };
  }
  if (d.depType === "traefik-plugin") return { kind: "plugin", key: pluginKey(name, d.currentValue!) };
  if (d.datasource === "docker") return { kind: "image", key: canonicalImage(d.currentValue ? `${name}:${d.currentValue}` : `${name}@${d.currentDigest}`) };
  return undefined;
}

/** The Terraform provider a prebuilt cdktf provider package (as installed) generates: its provider class's generator metadata. */
function prebuiltProvider(pkg: string): { name: string; version: string; packageVersion: string } | undefined {
  const dir = join(REPO, "node_modules", ...pkg.split("/"));
  const metadata = /providerName: '([^']+)',\s*providerVersion: '([^']+)'/.exec(readFileSync(join(dir, "lib", "provider", "index.js"), "utf8"));
  if (!metadata) return undefined;
  return { name: metadata[1], version: metadata[2], packageVersion: JSON.parse(readFileSync(join(dir, "package.json"), "utf8")).version };
}

/** What Renovate found, by kind. */
function renovateFound(extraction: RenovateExtraction) {
  const deps = extractedDeps(extraction);
  const keys = (kind: string, filter: (d: RenovateDep) => boolean = () => true) =>
    new Set(deps.filter(filter).flatMap((d) => (pinOf(d)?.kind === kind ? [pinOf(d)!.key] : [])));
  return {
    images: keys("image"),
    /** The image catalogues' entries: every one must be something the estate runs. */
    catalogued: keys("image", (d) => d.depType === "image"),
    charts: keys("chart"),
    plugins: keys("plugin"),
  };
}

describe("Renovate sees every pinned version", () => {
  let extraction: RenovateExtraction;
  let found: ReturnType<typeof renovateFound>;
  let plan: RenovatePlan;

  beforeAll(() => {
    extraction = extractWithRenovate();
    found = renovateFound(extraction);
    plan = planBranches(extraction, CONFIG);
  });

  test("renovate.json passes Renovate's own validator (strict: no deprecated option either)", () => {
    expect(() => validateRenovateConfig(CONFIG)).not.toThrow();
  });

  test("the extraction logs no warning or error (an invalid registryUrl, a template that does not compile, a lookup that would need a token)", () => {
    expect(extraction.problems).toEqual([]);
  });

  test(`every one of the ${estate.images.length} images the synthesized estate runs is extracted`, () => {
    const missing = estate.images.filter((i) => !found.images.has(i.ref)).map((i) => `${i.ref} (${i.where.join("; ")})`);
    expect(missing).toEqual([]);
    const outside = [...found.images].filter((ref) => !estate.images.some((i) => i.ref === ref));
    console.log(`Renovate extracts ${estate.images.length} of the estate's ${estate.images.length} images, and ${outside.length} outside it (CI's: ${outside.join(", ")})`);
  });

  test(`every one of the ${estate.charts.length} Helm charts the estate installs is extracted with its repository`, () => {
    const missing = estate.charts.filter((c) => !found.charts.has(chartKey(c.repository, c.chart, c.version))).map((c) => `${chartKey(c.repository, c.chart, c.version)} (${c.where.join("; ")})`);
    expect(missing).toEqual([]);
    console.log(`Renovate extracts ${estate.charts.length - missing.length} of the estate's ${estate.charts.length} charts`);
  });

  test(`every one of the ${estate.plugins.length} Traefik plugins the estate loads is extracted`, () => {
    expect(estate.plugins.filter((p) => !found.plugins.has(pluginKey(p.module, p.version))).map((p) => `${pluginKey(p.module, p.version)} (${p.where.join("; ")})`)).toEqual([]);
    console.log(`Renovate extracts ${estate.plugins.length} of the estate's ${estate.plugins.length} Traefik plugins`);
  });

  test(`every one of the ${estate.providers.length} Terraform provider versions the stacks require comes from a prebuilt provider package Renovate extracts from package.json`, () => {
    const packages = extractedDeps(extraction)
      .filter((d) => d.manager === "npm" && d.packageFile === "package.json" && d.depName?.startsWith("@cdktf/provider-"))
      .map((d) => ({ dep: d, provider: prebuiltProvider(d.depName!) }));
    // Renovate reads the version that is installed (the lockfile's), so bumping it bumps what synth writes.
    expect(packages.filter(({ dep, provider }) => dep.currentValue !== provider?.packageVersion).map(({ dep }) => `${dep.depName} ${dep.currentValue}`)).toEqual([]);
    const missing = estate.providers.filter((p) => !packages.some(({ provider }) => provider?.name === p.name && provider.version === p.version));
    expect(missing.map((p) => `${p.source} ${p.version} (${p.stacks.join(", ")})`)).toEqual([]);
    console.log(`Renovate extracts the packages of ${estate.providers.length - missing.length} of the estate's ${estate.providers.length} provider versions`);
  });

  test("every image the catalogues pin, every chart and every Traefik plugin pinned is one the estate runs: no stale pin for Renovate to bump", () => {
    const running = new Set(estate.images.map((i) => i.ref));
    const installed = new Set(estate.charts.map((c) => chartKey(c.repository, c.chart, c.version)));
    const loaded = new Set(estate.plugins.map((p) => pluginKey(p.module, p.version)));
    expect([...found.catalogued].filter((ref) => !running.has(ref))).toEqual([]);
    expect([...found.charts].filter((key) => !installed.has(key))).toEqual([]);
    expect([...found.plugins].filter((key) => !loaded.has(key))).toEqual([]);
  });

  test("Renovate can read every version it extracted (a value its versioning rejects is skipped as invalid-value)", () => {
    const deps = plan.deps;
    expect(deps.filter((d) => !d.skipReason && !d.versionValid).map((d) => `${d.packageFile}: ${d.depName} ${d.currentValue} (versioning ${d.versioning})`)).toEqual([]);
    // Only the HCL module's own references are skipped: its image and provider version are the caller's.
    expect(deps.filter((d) => d.skipReason && !d.packageFile.startsWith("modules/")).map((d) => `${d.packageFile}: ${d.depName} (${d.skipReason})`)).toEqual([]);
  });

  test("the versions the contracts hold the estate to (Nomad, Kubernetes, the Woodpecker server) are not proposed: they follow the running clusters", () => {
    expect(extractedDeps(extraction).filter((d) => /^(scripts\/)?contracts\//.test(d.packageFile)).map((d) => `${d.packageFile}: ${d.depName}`)).toEqual([]);
  });

  describe("the rules an operator would choose", () => {
    const UPDATE_TYPES = ["patch", "minor", "major", "digest"] as const;
    const upgrades = (type: UpdateType) => plan.branches[type].flatMap((branch) => branch.upgrades.map((upgrade) => ({ branch, upgrade, key: pinOf(upgrade)?.key })));
    const databases = () => new Set([...estate.images.filter((i) => i.database).map((i) => i.ref), ...estate.charts.filter((c) => c.database).map((c) => chartKey(c.repository, c.chart, c.version))]);
    // The Raft service: what the gaia-go stack runs.
    const raft = () => new Set(estate.images.filter((i) => i.stacks.includes("gaia-go")).map((i) => i.ref));
    const guarded = () => new Set([...databases(), ...raft()]);

    test("the estate's databases (PostgreSQL servers, pg_dump, CloudNativePG's images and operator) and the Raft service are never merged unattended, whatever the update", () => {
      expect(databases().size).toBeGreaterThan(0);
      expect(raft().size).toBe(1);
      for (const type of UPDATE_TYPES) {
        const seen = upgrades(type).filter(({ key }) => guarded().has(key ?? ""));
        expect(new Set(seen.map(({ key }) => key))).toEqual(guarded());
        expect(seen.filter(({ branch, upgrade }) => branch.automerge || upgrade.automerge).map(({ branch }) => `${type}: ${branch.branchName}`)).toEqual([]);
        expect(seen.filter(({ branch, key }) => !branch.addLabels.includes(databases().has(key!) ? "database" : "raft")).map(({ branch }) => branch.branchName)).toEqual([]);
      }
    });

    test("every other patch and digest update, the estate's pins included, merges itself, but only after a minimum release age", () => {
      const pins = [...estate.images.map((i) => i.ref), ...estate.charts.map((c) => chartKey(c.repository, c.chart, c.version))].filter((k) => !guarded().has(k));
      for (const type of ["patch", "digest"] as const) {
        const others = upgrades(type).filter(({ branch }) => !branch.upgrades.some((u) => guarded().has(pinOf(u)?.key ?? "")));
        expect(pins.filter((k) => !others.some(({ key }) => key === k))).toEqual([]);
        expect(others.filter(({ branch }) => !branch.automerge).map(({ branch }) => `${type}: ${branch.branchName}`)).toEqual([]);
        expect(others.filter(({ upgrade }) => !/^\d+ days?$/.test(upgrade.minimumReleaseAge ?? "")).map(({ upgrade }) => `${type}: ${upgrade.depName}`)).toEqual([]);
      }
    });

    test("majors need review: none merges itself, each branch is labelled major", () => {
      const majors = plan.branches.major;
      expect(majors.filter((b) => b.automerge).map((b) => b.branchName)).toEqual([]);
      expect(majors.filter((b) => !b.addLabels.includes("major")).map((b) => b.branchName)).toEqual([]);
    });

    test("the prebuilt cdktf providers (whose versions make cdk.tf.json's required_providers) move in one branch", () => {
      const providers = Object.keys(JSON.parse(readFileSync(join(REPO, "package.json"), "utf8")).dependencies).filter((p) => p.startsWith("@cdktf/provider-"));
      expect(providers.length).toBeGreaterThanOrEqual(5);
      for (const type of UPDATE_TYPES) {
        const branches = new Set(upgrades(type).filter(({ upgrade }) => providers.includes(upgrade.depName)).map(({ branch }) => branch.branchName));
        expect([...branches]).toHaveLength(1);
      }
    });

    test("a chart bump is labelled contracts, says how to regenerate them, and regenerates them where the Renovate host allows the commands", () => {
      const generators = new Set(CONTRACT_GENERATORS.map((g) => g.name));
      const charts = upgrades("patch").filter(({ upgrade }) => upgrade.depType === "helm-chart");
      expect(charts).toHaveLength(estate.charts.length);
      for (const { branch, upgrade } of charts) {
        expect(branch.addLabels).toContain("contracts");
        expect(upgrade.prBodyNotes.join("\n")).toContain("npm run contracts -- helm-charts crd-models");
        expect(upgrade.postUpgradeTasks?.commands).toContain("npm run contracts -- helm-charts crd-models");
      }
      // Every regeneration the rules run names generators that exist.
      const named = upgrades("patch").flatMap(({ upgrade }) => (upgrade.postUpgradeTasks?.commands ?? []).flatMap((c) => /^npm run contracts -- (.+)$/.exec(c)?.[1].split(" ") ?? []));
      expect(named.filter((n) => !generators.has(n))).toEqual([]);
    });
  });
});
