// @hpcc-js/wasm-graphviz (the docs' stack graph), as Node loads it: see load.js.
module.exports = require("./load")("@hpcc-js/wasm-graphviz");
