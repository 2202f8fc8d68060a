import { execFileSync, spawnSync } from "child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { baseTranspiler } from "../../scripts/lib/base-transpiler";
import { unreadBySynth } from "../../scripts/lib/compiled-base";
import { cleanEnv, DIST, REPO } from "./helpers/workspace";

/**
 * `affected` and `diff` transpile the files a base differs in with Sucrase (base-transpiler),
 * beside the files tsc compiled. Here every file a synth reads is transpiled by Sucrase, and
 * the real estate synthesized from that tree must be the estate tsc's build synthesizes: the
 * same files, byte for byte, and the same description of every stack.
 */
describe("the estate transpiled by Sucrase", () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "homelab-sucrase-estate-"));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** describe-estate on a compiled tree: its synthesized files by path, and its stacks described. */
  const describe = (dist: string, name: string) => {
    const out = join(work, name);
    const r = spawnSync(process.execPath, [join(DIST, "scripts", "lib", "describe-estate.js"), dist, "main", out, `${out}.json`], {
      cwd: REPO,
      env: cleanEnv({ CDKTF_OUTDIR: out }),
      encoding: "utf8",
    });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const files = new Map<string, string>();
    for (const rel of readdirSync(out, { recursive: true }) as string[]) {
      if (statSync(join(out, rel)).isFile()) files.set(rel, readFileSync(join(out, rel), "utf8"));
    }
    return { files, stacks: JSON.parse(readFileSync(`${out}.json`, "utf8")) as unknown };
  };

  test("synthesizes byte for byte as the estate tsc compiled", () => {
    const tree = join(work, "tree");
    cpSync(DIST, join(tree, "dist"), { recursive: true });
    symlinkSync(join(REPO, "node_modules"), join(tree, "node_modules"), "dir");
    // What the base tree holds: every file a synth may read (sources, generated contracts, the app's config).
    const read = execFileSync("git", ["ls-files", "-z"], { cwd: REPO, encoding: "utf8" })
      .split("\0")
      .filter((rel) => rel && !unreadBySynth(rel, "main"));
    for (const rel of read) cpSync(join(REPO, rel), join(tree, rel));
    const sources = read.filter((rel) => rel.endsWith(".ts") && !rel.endsWith(".d.ts"));
    const transpile = baseTranspiler(tree);
    const compiled = sources.map((rel) => readFileSync(transpile(rel), "utf8"));
    // Every module the synth loads is Sucrase's now: none is tsc's (which writes `{ value: true }` with spaces).
    expect(compiled.filter((js) => js.includes('Object.defineProperty(exports, "__esModule", { value: true })'))).toEqual([]);
    expect(sources.length).toBeGreaterThan(100);
    expect(statSync(join(tree, "dist", "main.js")).isFile()).toBe(true);

    const byTsc = describe(DIST, "tsc");
    const bySucrase = describe(join(tree, "dist"), "sucrase");
    expect(byTsc.files.size).toBeGreaterThan(30);
    expect([...bySucrase.files.keys()].sort()).toEqual([...byTsc.files.keys()].sort());
    const differing = [...byTsc.files].filter(([path, text]) => bySucrase.files.get(path) !== text).map(([path]) => path);
    expect(differing).toEqual([]);
    expect(bySucrase.stacks).toEqual(byTsc.stacks);
  });
});
