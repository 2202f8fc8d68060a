/**
 * ESM-only packages for jest's own module system (jest.source.config.js, the configuration
 * mutation testing runs the TypeScript tests with), which cannot load them; Node's loader can
 * (require of ESM, Node >= 20.19). jest.source.config.js maps each such package to a file here
 * that hands over Node's copy: nothing is faked. (`npm test` runs the compiled tests on Node's
 * own loader and needs no mapping.)
 */
const Module = require("module");

module.exports = (name) => Module._load(Module.createRequire(__filename).resolve(name), null, false);
