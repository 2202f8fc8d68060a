/**
 * Preloaded (`node -r`) into every process the benchmark runs: appends the process's
 * peak resident memory to the file named by BENCH_RSS_FILE when it exits.
 */
// @ts-nocheck

import { appendFileSync } from "fs";

const file = process.env.BENCH_RSS_FILE;
if (file) {
  process.on("exit", () => appendFileSync(file, `${process.resourceUsage().maxRSS}\n`));
}
