/**
 * The bindings `npm run get` (cdktf get) generates into .gen/ from cdktf.json and modules/,
 * regenerated in a scratch directory (kept by their inputs, scripts/lib/generated-cache), and
 * the committed copy beside them: what the staleness test compares.
 */
import { spawnSync } from "child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, relative } from "path";
import { CONTRACTS_DIR } from "../../contracts/stored";
import { MODELS_DIR } from "../contracts/crd-models";
import { repoRoot } from "../repo-root";
import { filesUnder, GeneratedFiles, generatedOnce } from "./generated-cache";

/** Where cdktf.json's text says cdktf get writes the bindings. */
const codeMakerOutput = (cdktfJson: string) => (JSON.parse(cdktfJson) as { codeMakerOutput: string }).codeMakerOutput;

/** What `cdktf get` writes from the repository's cdktf.json and modules/, by path under .gen/. */
export function regeneratedBindings(root = repoRoot()): Promise<GeneratedFiles> {
  const cdktfJson = readFileSync(join(root, "cdktf.json"), "utf8");
  const modules = filesUnder(join(root, "modules"));
  const cli = JSON.parse(readFileSync(join(root, "node_modules", "cdktf-cli", "package.json"), "utf8")).version;
  const inputs = [cdktfJson, ...Object.keys(modules).sort().flatMap((rel) => [rel, modules[rel]])];
  return generatedOnce(`cdktf-cli@${cli} get`, inputs, () => {
    const scratch = mkdtempSync(join(tmpdir(), "homelab-gen-"));
    try {
      writeFileSync(join(scratch, "cdktf.json"), cdktfJson);
      cpSync(join(root, "modules"), join(scratch, "modules"), { recursive: true });
      symlinkSync(join(root, "node_modules"), join(scratch, "node_modules"));
      cpSync(join(root, "package.json"), join(scratch, "package.json"));
      const run = spawnSync(join(root, "node_modules", ".bin", "cdktf"), ["get"], {
        cwd: scratch,
        env: { ...process.env, CHECKPOINT_DISABLE: "1", CI: "1" },
        encoding: "utf8",
        timeout: 120_000,
      });
      if (run.status !== 0) throw new Error(`cdktf get failed (exit ${run.status}): ${run.stderr.trim()}`);
      return filesUnder(join(scratch, codeMakerOutput(cdktfJson)));
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });
}

/** The bindings committed in .gen/: the stored upstream contracts and the CRD models share it but are written by npm run contracts. */
export function committedBindings(root = repoRoot()): GeneratedFiles {
  const out = codeMakerOutput(readFileSync(join(root, "cdktf.json"), "utf8"));
  const notBindings = [CONTRACTS_DIR, MODELS_DIR].map((dir) => relative(out, dir));
  return Object.fromEntries(Object.entries(filesUnder(join(root, out))).filter(([rel]) => !notBindings.some((dir) => rel === dir || rel.startsWith(`${dir}/`))));
}
