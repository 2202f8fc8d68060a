/**
 * `npm run addresses`: rewrites state/addresses.json, the record of where every resource that
 * holds data lives, from the estate. Refuses while the estate fails its rules: a vanished
 * address must first be declared moved or removed (HL-STATE-3). Commit the result; a test
 * fails when it is stale.
 */
// @ts-nocheck

import { writeFileSync } from "fs";
import { join } from "path";
import { HomelabApp } from "../constructs";
import { defineEstate } from "../main";
import { ADDRESS_RECORD_FILE, readAddressRecord, recordOf, renderAddressRecord } from "../policy/address-record";
import { formatErrors } from "../policy/engine";
import { runMain } from "./lib/cli";
import { repoRoot } from "./repo-root";

runMain(async () => {
  const root = repoRoot();
  const app = new HomelabApp({ addresses: readAddressRecord(root) });
  defineEstate(app);
  const errors = formatErrors(app.check());
  if (errors.length) throw new Error(`the estate fails its rules; ${ADDRESS_RECORD_FILE} is left as it was:\n  ${errors.join("\n  ")}`);
  const record = recordOf(app.synthesized);
  writeFileSync(join(root, ADDRESS_RECORD_FILE), renderAddressRecord(record));
  const count = Object.values(record).reduce((n, byAddress) => n + Object.keys(byAddress).length, 0);
  process.stdout.write(`${ADDRESS_RECORD_FILE}: ${count} stateful resource(s) in ${Object.keys(record).length} stack(s)\n`);
});
