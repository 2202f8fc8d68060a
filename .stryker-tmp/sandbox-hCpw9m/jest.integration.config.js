/**
 * The integration suite (`npm run test:integration`): real PostgreSQL, real Terraform,
 * real age. One file at a time (each starts its own PostgreSQL), generous timeouts.
 * `npm test` (package.json "jest") ignores __tests__/integration.
 */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/__tests__/integration"],
  testMatch: ["**/*.test.ts"],
  transform: { "^.+\\.ts$": ["ts-jest", { diagnostics: false }] },
  testTimeout: 180000,
  maxWorkers: 1,
};
