/**
 * `npm test` (after `tsc -b`, which type-checks the tests and compiles them into dist/): the
 * compiled tests under jest-light-runner. It runs test files on Node's own loader, sharing the
 * modules they load (cdktf and the providers are loaded once, not once per test file as jest's
 * default runner does in a fresh vm context each time), so tests must not rely on per-file
 * module isolation: no jest.mock, no process-wide state left changed. A test finds the
 * repository through scripts/repo-root (dist/__tests__ is not __tests__).
 *
 * Mutation testing runs the same tests from their TypeScript sources: jest.source.config.js.
 */
const { existsSync, readdirSync } = require("fs");
const { join } = require("path");

/** Compiled tests whose source was deleted since (tsc -b leaves their output behind): never run. */
function orphanedTests(dir = join(__dirname, "dist", "__tests__"), source = join(__dirname, "__tests__")) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.isDirectory()) return orphanedTests(join(dir, entry.name), join(source, entry.name));
    const ts = entry.name.replace(/\.test\.js$/, ".test.ts");
    return entry.name.endsWith(".test.js") && !existsSync(join(source, ts)) ? [join(dir, entry.name)] : [];
  });
}

module.exports = {
  testEnvironment: "node",
  runner: "jest-light-runner",
  roots: ["<rootDir>/dist/__tests__"],
  testMatch: ["**/*.test.js"],
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/dist/__tests__/integration/", ...orphanedTests().map((f) => `^${f.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`)],
  globalSetup: "<rootDir>/dist/__tests__/helpers/global-setup.js",
  globalTeardown: "<rootDir>/dist/__tests__/helpers/global-teardown.js",
};
