/**
 * Synthesizes the estate of one source tree and describes its stacks, for `affected` and `diff`.
 *
 *   node -r ts-node/register/transpile-only describe-estate.js <tree> <app module> <outdir> <json out> [--wait-for-tree]
 *
 * Everything is loaded from <tree> (a checkout of some git ref, or the working tree), so the
 * HomelabApp class is the one that tree's stacks extend. Writes the synthesized stacks into
 * <outdir> and, as JSON into <json out>, every stack in deploy order with its tree facts
 * (tree-facts: read by shape, so this checkout's code can describe an older tree).
 * With --wait-for-tree it is started before <tree> is written: it loads the packages the
 * estate's code requires (most of a synth's loading, and the same in any tree: they come from
 * this checkout's node_modules), then waits for standard input to close. It synthesizes
 * without the house rules' judgement (HomelabApp's `judge`): they never change what is
 * synthesized, synth itself gives their verdict, and a base, judged when it was made, may be
 * refused by today's rules or inventory.
 */
import { readdirSync, readFileSync, writeFileSync } from "fs";
import Module, { builtinModules } from "module";
import { join } from "path";
import { IConstruct } from "constructs";
import { OrderedStack } from "../../constructs/stack-graph";
import { DIST_ROOT } from "./app-module";
import { DESCRIBE_ESTATE_USAGE, WAIT_FOR_TREE } from "./describe-estate-args";
import { describeWithFacts } from "./tree-facts";

/** The HomelabApp of the tree: its props (a tree older than `judge` ignores it, and judges). */
interface AppProps {
  outdir: string;
  judge?: boolean;
}

interface AppLike extends IConstruct {
  describeStacks(): OrderedStack[];
  synth(): void;
}

/** The comment that ends a compiled module with its whole source map inlined, base64. */
const INLINE_SOURCE_MAP = "\n//# sourceMappingURL=data:";

/**
 * Packages are compiled without their inline source maps: the providers' modules carry
 * 15 MB of them, which V8 scans at every load (a tenth of a synth), and nothing this process
 * prints is mapped back to their sources. Only the comment is dropped; the code is theirs.
 */
function loadPackagesWithoutSourceMaps(): void {
  const extensions = (Module as unknown as { _extensions: Record<string, (module: NodeJS.Module, filename: string) => void> })._extensions;
  const loadJs = extensions[".js"];
  extensions[".js"] = (module, filename) => {
    if (!filename.includes("/node_modules/")) return loadJs(module, filename);
    const code = readFileSync(filename, "utf8");
    const map = code.lastIndexOf(INLINE_SOURCE_MAP);
    (module as unknown as { _compile(code: string, filename: string): void })._compile(map < 0 ? code : code.slice(0, map), filename);
  };
}

/** Directories of the compiled tree that no synth loads. */
const NOT_THE_ESTATE = new Set(["__tests__", "scripts"]);

/**
 * The packages the estate's compiled code requires by name (cdktf, the providers' modules, …),
 * found in the files under `dist`: what a synth loads from node_modules.
 */
export function estateDependencies(dist: string, rel = ""): Set<string> {
  const found = new Set<string>();
  for (const entry of readdirSync(join(dist, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!(rel === "" && NOT_THE_ESTATE.has(entry.name))) estateDependencies(dist, path).forEach((d) => found.add(d));
    } else if (entry.name.endsWith(".js")) {
      for (const [, name] of readFileSync(join(dist, path), "utf8").matchAll(/\brequire\("([^".][^"]*)"\)/g)) {
        if (!builtinModules.includes(name.replace(/^node:/, "").split("/")[0])) found.add(name);
      }
    }
  }
  return found;
}

/** Loads the estate's dependencies, then waits for standard input to close. */
async function preloadThenWait(): Promise<void> {
  for (const name of estateDependencies(DIST_ROOT)) {
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(name);
    } catch {
      // The tree's own require of it reports the problem, if the tree needs it.
    }
  }
  await new Promise<void>((closed) => process.stdin.on("end", closed).resume());
}

async function main(): Promise<void> {
  const [tree, appName, outdir, jsonOut, ...options] = process.argv.slice(2);
  if (!jsonOut || options.some((o) => o !== WAIT_FOR_TREE)) throw new Error(DESCRIBE_ESTATE_USAGE);
  loadPackagesWithoutSourceMaps();
  if (options.length) await preloadThenWait();
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { HomelabApp } = require(join(tree, "constructs")) as { HomelabApp?: new (props: AppProps) => AppLike };
  if (!HomelabApp) throw new Error(`${tree}/constructs exports no HomelabApp: this tree predates the estate's app`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(tree, appName)) as { defineEstate?: (app: AppLike) => void };
  if (typeof mod.defineEstate !== "function") throw new Error(`${appName} in ${tree} does not export defineEstate(app)`);
  const app = new HomelabApp({ outdir, judge: false });
  mod.defineEstate(app);
  // Synthesized first: its preparation of the stacks is the one describeStacks() needs (a tree
  // whose HomelabApp predates that prepares them again).
  app.synth();
  writeFileSync(jsonOut, JSON.stringify(describeWithFacts(app)));
}

if (require.main === module) {
  main().catch((err: Error) => {
    process.stderr.write(`${err.message}\n`);
    process.exit(1);
  });
}
