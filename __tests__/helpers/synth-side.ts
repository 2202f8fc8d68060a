import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { HomelabApp } from "../../constructs";
import { Report } from "../../policy/engine";
import { readSynth } from "../../scripts/lib/affected-core";
import { SynthSide } from "../../scripts/lib/synth-since";
import { describeWithFacts } from "../../scripts/lib/tree-facts";
import { SynthOptions, testInventory } from "./synth";

/**
 * One side of `npm run diff`, built in the test process: the app synthesized through the real
 * path into a temporary directory, described as describe-estate describes a git ref's tree.
 */
export function synthSide(define: (app: HomelabApp) => void, options: SynthOptions = {}): SynthSide & { readonly report: Report } {
  const outdir = mkdtempSync(join(tmpdir(), "homelab-test-side-"));
  try {
    const app = new HomelabApp({ outdir, inventory: options.inventory ?? testInventory, rules: options.rules, addresses: options.addresses });
    define(app);
    // Synthesized first, as describe-estate does: its preparation of the stacks is the one describing them needs.
    app.synth();
    return { stacks: describeWithFacts(app), files: readSynth(outdir), report: app.check() };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}
