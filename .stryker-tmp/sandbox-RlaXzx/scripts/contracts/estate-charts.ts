/** The Helm charts the estate installs, read from a fresh synth of it (never from a list kept by hand). */
// @ts-nocheck

import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { readSynthesizedStacks, resourcesOfType } from "../../contracts/synthesized";
import { loadEstate } from "../lib/estate";

export interface PinnedChart {
  readonly repository: string;
  readonly chart: string;
  readonly version: string;
  /** Where the estate pins it: "<stack>/<address>". */
  readonly where: string;
}

/** Every helm_release's chart; fails when two releases pin different versions of one chart. */
export function estateCharts(): PinnedChart[] {
  const outdir = mkdtempSync(join(tmpdir(), "homelab-contracts-"));
  try {
    const { app } = loadEstate(outdir);
    app.synth();
    const found = new Map<string, PinnedChart>();
    for (const r of resourcesOfType(readSynthesizedStacks(outdir), "helm_release")) {
      const pinned = { repository: String(r.body.repository), chart: String(r.body.chart), version: String(r.body.version), where: `${r.stack}/${r.address}` };
      const key = `${pinned.repository} ${pinned.chart}`;
      const before = found.get(key);
      if (before && before.version !== pinned.version) {
        throw new Error(`${pinned.where} pins ${pinned.chart} ${pinned.version} but ${before.where} pins ${before.version}: the stored contract holds one version per chart`);
      }
      found.set(key, pinned);
    }
    return [...found.values()].sort((a, b) => a.chart.localeCompare(b.chart));
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
