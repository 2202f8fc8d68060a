/**
 * `npm run contracts [-- <generator>...]`: regenerates the stored upstream contracts in
 * .gen/contracts from the upstream repositories at the versions the estate pins. Run it
 * after bumping a chart, an image or a tool version, and review the diff. Needs the network
 * (or HOMELAB_UPSTREAM_MIRROR pointing at local bare clones); the checks never do.
 */
// @ts-nocheck

import { CONTRACTS_DIR } from "../contracts/stored";
import { CONTRACT_GENERATORS } from "./contracts/index";
import { parseArgs, runMain, UsageError } from "./lib/cli";

const USAGE = `npm run contracts [-- <generator>...]; generators: ${CONTRACT_GENERATORS.map((g) => g.name).join(", ")}`;

runMain(async () => {
  const { positional } = parseArgs(process.argv.slice(2), [], USAGE);
  const unknown = positional.filter((name) => !CONTRACT_GENERATORS.some((g) => g.name === name));
  if (unknown.length) throw new UsageError(`unknown generator(s) ${unknown.join(", ")}`, USAGE);
  const chosen = positional.length ? CONTRACT_GENERATORS.filter((g) => positional.includes(g.name)) : CONTRACT_GENERATORS;
  for (const generator of chosen) {
    const written = await generator.generate();
    process.stdout.write(`${generator.name}: wrote ${written.map((w) => `${generator.outputDir ?? CONTRACTS_DIR}/${w}`).join(", ")}\n`);
  }
});
