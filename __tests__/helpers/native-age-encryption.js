/**
 * `age-encryption` for jest's own module system (jest.source.config.js, the configuration
 * mutation testing runs the TypeScript tests with): the package is ESM-only, which jest's
 * module registry cannot load, and Node's loader can (require of ESM, Node >= 20.19). Mapped
 * to Node's copy, nothing is faked: the state code encrypts with the same library as the CLI.
 * (`npm test` runs the compiled tests on Node's own loader and needs no mapping.)
 */
const Module = require("module");

module.exports = Module._load(Module.createRequire(__filename).resolve("age-encryption"), null, false);
