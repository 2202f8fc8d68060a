/**
 * The tests from their TypeScript sources under jest's default runner (ts-jest, a fresh module
 * registry per test file): what mutation testing (stryker.config.json) runs, since Stryker's
 * per-test coverage needs jest's own environment. `npm test` is jest.config.js.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": "ts-jest" },
  testPathIgnorePatterns: ["/node_modules/", "<rootDir>/__tests__/integration/"],
  // ESM-only packages, handed over as Node loads them (__tests__/helpers/native-esm).
  moduleNameMapper: {
    "^age-encryption$": "<rootDir>/__tests__/helpers/native-esm/age-encryption.js",
    "^@hpcc-js/wasm-graphviz$": "<rootDir>/__tests__/helpers/native-esm/wasm-graphviz.js",
  },
  globalSetup: "<rootDir>/__tests__/helpers/global-setup.ts",
  globalTeardown: "<rootDir>/__tests__/helpers/global-teardown.ts",
};
