// age-encryption (state encryption), as Node loads it: see load.js.
module.exports = require("./load")("age-encryption");
