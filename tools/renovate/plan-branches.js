#!/usr/bin/env node
/**
 * What Renovate would do with this repository's pins, offline: its own config resolution,
 * package rules and branching (the code a real run goes through after its lookups), over an
 * extraction report and one hypothetical update of each dependency.
 *
 *   node tools/renovate/plan-branches.js <renovate.json> <extraction report>
 *
 * Prints JSON: { deps: [{ manager, packageFile, depName, packageName, currentValue, versioning,
 * versionValid, skipReason }], branches: { <update type>: [{ branchName, groupName,
 * automerge, labels, addLabels, upgrades: [{ depName, packageName, depType, datasource,
 * registryUrls, currentValue, updateType, automerge, minimumReleaseAge, prBodyNotes,
 * postUpgradeTasks }] }] } }. A real run looks the new versions up; here every dependency
 * gets one made-up update of each type in turn (patch, minor, major, digest), so the rules
 * are judged for every dependency and every kind of update.
 * It reads Renovate's internals from tools/renovate/node_modules (the version package.json pins).
 */
"use strict";
const { readFileSync } = require("fs");
const { join } = require("path");

const dist = join(__dirname, "node_modules", "renovate", "dist");
const need = (module) => require(join(dist, module));
const { getConfig } = need("config/defaults");
const { resolveConfigPresets } = need("config/presets");
const { getManagerConfig, mergeChildConfig } = need("config");
const { GlobalConfig } = need("config/global");
const { getDefaultConfig } = need("modules/datasource");
const { getDefaultVersioning } = need("modules/datasource/common");
const allVersioning = need("modules/versioning");
const { applyPackageRules } = need("util/package-rules");
const { branchifyUpgrades } = need("workers/repository/updates/branchify");

const UPDATE_TYPES = ["patch", "minor", "major", "digest"];

/** One made-up update of the given type: new values that cannot be mistaken for real ones. */
function madeUpUpdate(dep, updateType) {
  const next = `${dep.currentValue}-renovate-test-${updateType}`;
  return updateType === "digest"
    ? { updateType, newValue: dep.currentValue, newDigest: "sha256:0000000000000000000000000000000000000000000000000000000000000000" }
    : { updateType, newValue: next, newVersion: next, newMajor: updateType === "major" ? 99 : 1, newMinor: 1, newPatch: 1 };
}

/** The dependency's config as a lookup sees it (workers/repository/process/fetch), and whether its versioning reads its value. */
async function lookupView(packageFileConfig, dep) {
  let config = mergeChildConfig(packageFileConfig, dep);
  config = mergeChildConfig(config, await getDefaultConfig(config.datasource));
  config.versioning ??= getDefaultVersioning(config.datasource);
  config = await applyPackageRules(config, "pre-lookup");
  // As lookupUpdates compares it: the version part, when versionCompatibility splits off a suffix.
  let compareValue = dep.currentValue;
  if (typeof compareValue === "string" && typeof config.versionCompatibility === "string") {
    compareValue = new RegExp(config.versionCompatibility).exec(compareValue)?.groups?.version ?? compareValue;
  }
  const versioning = allVersioning.get(config.versioning);
  return {
    enabled: config.enabled !== false && !config.ignoreDeps.includes(dep.depName),
    versioning: config.versioning,
    versionValid: typeof compareValue === "string" && versioning.isValid(compareValue),
  };
}

/** The branches Renovate makes when every dependency it can look up has one update of `updateType`. */
async function branchesFor(config, packageFiles, lookups, updateType) {
  const files = JSON.parse(JSON.stringify(packageFiles));
  for (const list of Object.values(files)) {
    for (const file of list) {
      for (const dep of file.deps) dep.updates = lookups.get(`${file.packageFile}\0${dep.depName}`) ? [madeUpUpdate(dep, updateType)] : [];
    }
  }
  const { branches } = await branchifyUpgrades(config, files);
  return branches.map((b) => ({
    branchName: b.branchName,
    groupName: b.groupName,
    automerge: b.automerge,
    labels: b.labels ?? [],
    addLabels: b.addLabels ?? [],
    upgrades: b.upgrades.map((u) => ({
      manager: u.manager,
      packageFile: u.packageFile,
      depName: u.depName,
      packageName: u.packageName,
      depType: u.depType,
      datasource: u.datasource,
      registryUrls: u.registryUrls,
      currentValue: u.currentValue,
      currentDigest: u.currentDigest,
      updateType: u.updateType,
      automerge: u.automerge,
      minimumReleaseAge: u.minimumReleaseAge,
      prBodyNotes: u.prBodyNotes ?? [],
      postUpgradeTasks: u.postUpgradeTasks,
    })),
  }));
}

async function main([configFile, reportFile]) {
  if (!configFile || !reportFile) throw new Error("usage: plan-branches.js <renovate.json> <extraction report>");
  GlobalConfig.set({});
  let config = getConfig();
  config = mergeChildConfig(config, await resolveConfigPresets(JSON.parse(readFileSync(configFile, "utf8")), config));
  config = await resolveConfigPresets(config, config);
  // Commit-message style needs the repository's git history; the rules judged here do not.
  Object.assign(config, { semanticCommits: "disabled", repoIsOnboarded: true, errors: [], warnings: [] });

  const report = JSON.parse(readFileSync(reportFile, "utf8"));
  const repositories = Object.values(report.repositories ?? {});
  if (repositories.length !== 1) throw new Error(`${reportFile}: expected the report of one repository, found ${repositories.length}`);
  const packageFiles = repositories[0].packageFiles;

  const deps = [];
  // Which dependencies a lookup would look up: enabled, not skipped, a value its versioning reads.
  const lookups = new Map();
  for (const [manager, files] of Object.entries(packageFiles)) {
    const managerConfig = getManagerConfig(config, manager);
    for (const file of files) {
      const fileConfig = mergeChildConfig(managerConfig, file);
      for (const dep of file.deps) {
        dep.packageName ??= dep.depName;
        const view = dep.skipReason ? undefined : await lookupView(fileConfig, dep);
        deps.push({ manager, packageFile: file.packageFile, depName: dep.depName, packageName: dep.packageName, depType: dep.depType, currentValue: dep.currentValue, skipReason: dep.skipReason, ...(view ?? {}) });
        lookups.set(`${file.packageFile}\0${dep.depName}`, Boolean(view?.enabled && view.versionValid));
      }
    }
  }
  const branches = {};
  for (const updateType of UPDATE_TYPES) branches[updateType] = await branchesFor(config, packageFiles, lookups, updateType);
  return { deps, branches };
}

main(process.argv.slice(2)).then(
  (plan) => process.stdout.write(`${JSON.stringify(plan)}\n`),
  (error) => {
    process.stderr.write(`plan-branches: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
