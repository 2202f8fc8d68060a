import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import ts from "typescript";
import { HomelabApp } from "../../constructs";
import { defineEstate } from "../../main";
import { ADDRESS_RECORD_FILE, AddressRecord, readAddressRecord, recordOf, renderAddressRecord } from "../../policy/address-record";
import { stateAddressStable } from "../../policy/rules/state-address-stable";
import { synthApp } from "../helpers/synth";
import { repoRoot } from "../../scripts/repo-root";

const REPO = repoRoot();

describe("the committed record", () => {
  test("state/addresses.json records every stateful resource of the estate where it is now (else: npm run addresses)", () => {
    const app = new HomelabApp({ outdir: join(tmpdir(), "unused"), addresses: readAddressRecord(REPO), rules: [stateAddressStable] });
    defineEstate(app);
    const report = app.check();
    expect(report.findings.filter((f) => f.ruleId === "HL-STATE-3")).toEqual([]);
    expect(readFileSync(join(REPO, ADDRESS_RECORD_FILE), "utf8")).toBe(renderAddressRecord(recordOf(app.synthesized)));
  });
});

/**
 * The estate with stacks/matrix.ts edited by `edit`: the edited copy is compiled in place of the
 * real module, so the test changes the code exactly as an operator would.
 */
function synthEditedEstate(edit: (source: string) => string, addresses: AddressRecord) {
  const dir = mkdtempSync(join(tmpdir(), "homelab-rename-"));
  // Where the modules this test loads live: dist/ when it runs compiled (npm test), else the sources.
  const tree = dirname(require.resolve("../../main"));
  try {
    const source = readFileSync(join(REPO, "stacks", "matrix.ts"), "utf8");
    expect(edit(source)).not.toBe(source);
    // Compiled outside stacks/: its imports of the project point where the project is loaded from.
    const edited = edit(source).replace(/from "\.\.\//g, `from "${tree}/`);
    let result: ReturnType<typeof synthApp> | undefined;
    let error: Error | undefined;
    const synth = (defineEstate: typeof import("../../main").defineEstate, synthWith = synthApp) => {
      try {
        // Only the rule these tests are about: the others are not what a rename breaks.
        result = synthWith(defineEstate, { addresses, rules: [stateAddressStable] });
      } catch (err) {
        error = err as Error;
      }
    };
    if (typeof jest.isolateModules === "function") {
      // jest's own module registry (ts-jest, mutation testing): swap the module in an isolated registry.
      writeFileSync(join(dir, "matrix.ts"), edited);
      jest.isolateModules(() => {
        jest.doMock(join(tree, "stacks", "matrix"), () => require(join(dir, "matrix.ts")));
        const isolated = require("../helpers/synth") as typeof import("../helpers/synth");
        synth((require("../../main") as typeof import("../../main")).defineEstate, isolated.synthApp);
      });
    } else {
      // Node's loader (npm test): the edited module in require's cache, main loaded afresh, both restored after.
      writeFileSync(join(dir, "matrix.js"), ts.transpileModule(edited, { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022, esModuleInterop: true } }).outputText);
      withModules({ [require.resolve("../../stacks/matrix")]: require(join(dir, "matrix.js")) }, [require.resolve("../../main")], () =>
        synth((require("../../main") as typeof import("../../main")).defineEstate),
      );
    }
    return { result, error };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs `fn` with `replaced` modules in require's cache and `fresh` ones unloaded; the cache as it was afterwards. */
function withModules(replaced: Record<string, unknown>, fresh: string[], fn: () => void): void {
  const saved = new Map([...Object.keys(replaced), ...fresh].map((file) => [file, require.cache[file]]));
  try {
    for (const file of fresh) delete require.cache[file];
    for (const [file, exports] of Object.entries(replaced)) {
      require.cache[file] = { id: file, filename: file, loaded: true, exports, children: [], paths: [] } as unknown as NodeJS.Module;
    }
    fn();
  } finally {
    for (const [file, module] of saved) {
      if (module) require.cache[file] = module;
      else delete require.cache[file];
    }
  }
}

describe("renaming the Synapse config volume's construct id", () => {
  // The record as the estate is now: what main's committed file says.
  const record = readAddressRecord(REPO)!;
  const [oldAddress] = Object.entries(record.matrix).find(([, r]) => r.identity === "glusterfs_matrix_synapse_config")!;
  const rename = (source: string) => source.replace('new GlusterCsiVolume(this, "SynapseConfig", {', 'new GlusterCsiVolume(this, "SynapseConfigVolume", {');

  test("fails synth naming the old and the new address and how to declare the move", () => {
    const { error } = synthEditedEstate(rename, record);
    expect(error?.message).toMatch(/^synth failed, nothing was written/);
    const line = error!.message.split("\n").find((l) => l.includes("[HL-STATE-3]"))!;
    expect(line).toContain(`${oldAddress} (matrix/SynapseConfig/Resource, "glusterfs_matrix_synapse_config")`);
    expect(line).toMatch(/it reappears as nomad_csi_volume\.SynapseConfigVolume_[0-9A-F]{8} \(matrix\/SynapseConfigVolume\/Resource\)/);
    expect(line).toContain(`declareMove(<the construct at matrix/SynapseConfigVolume>, "${oldAddress}")`);
  });

  test("with the move declared, synth passes and the output holds the moved block", () => {
    const { result, error } = synthEditedEstate(
      (source) =>
        rename(source)
          .replace("    const synapseMedia =", `    declareMove(synapseConfig, ${JSON.stringify(oldAddress)});\n    const synapseMedia =`)
          .replace(/^/, `import { declareMove } from "../constructs/declare-move";\n`),
      record,
    );
    expect(error).toBeUndefined();
    const matrix = result!.stacks.matrix;
    const newAddress = Object.keys(matrix.resource.nomad_csi_volume)
      .map((id) => `nomad_csi_volume.${id}`)
      .find((a) => a.startsWith("nomad_csi_volume.SynapseConfigVolume_"));
    expect(matrix.moved).toEqual([{ from: oldAddress, to: newAddress }]);
    expect(matrix.resource.nomad_csi_volume[newAddress!.split(".")[1]].lifecycle.prevent_destroy).toBe(true);
  });
});
