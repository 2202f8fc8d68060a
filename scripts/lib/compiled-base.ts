/**
 * A base tree compiled from this checkout's dist/, for `affected` and `diff`: a file the base
 * holds as the working tree holds it is already compiled there, so only the files that differ
 * are transpiled, one by one (the project compiles with isolatedModules: a test checks that a
 * file transpiled alone is what `tsc -b` emits). Far cheaper than running the base through
 * ts-node, which transpiles every file. Only when the compiler's inputs are the same on both
 * sides (tsconfig.json, the dependencies) and dist/ is the working tree, compiled.
 */
import { spawnSync } from "child_process";
import { cpSync, existsSync, rmSync } from "fs";
import { join } from "path";
import type * as CompilerOptions from "./compiler-options";

/** Files whose change alters what every file compiles to: with one of them changed, nothing of dist/ is reused. */
const COMPILER_INPUTS = ["tsconfig.json", "package-lock.json", "package.json"];

function gitPaths(root: string, args: string[]): string[] {
  const r = spawnSync("git", args, { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr.trim()}`);
  return r.stdout.split("\0").filter(Boolean);
}

/**
 * Writes `tree`/dist from `root`/dist for the base `commit` exported into `tree`; returns false
 * (and writes nothing) when dist/ cannot stand for the base: then the caller transpiles it all.
 */
export function compileBaseFromDist(root: string, commit: string, tree: string): boolean {
  // Tracked files that differ between the base and the working tree (either side), and files the base does not track.
  const differing = new Set([
    ...gitPaths(root, ["diff", "--name-only", "--no-renames", "-z", commit, "--"]),
    ...gitPaths(root, ["ls-files", "--others", "--exclude-standard", "-z"]),
  ]);
  if (COMPILER_INPUTS.some((f) => differing.has(f))) return false;
  const dist = join(tree, "dist");
  cpSync(join(root, "dist"), dist, { recursive: true, filter: (src) => !src.startsWith(join(root, "dist", "__tests__")) });
  // The compiler is loaded only when a source is to be transpiled (half a second).
  let compiler: { options: ReturnType<typeof CompilerOptions.projectCompilerOptions>; transpileInto: typeof CompilerOptions.transpileInto } | undefined;
  const loadCompiler = () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { projectCompilerOptions, transpileInto } = require("./compiler-options") as typeof CompilerOptions;
    return { options: { ...projectCompilerOptions(tree), rootDir: tree, outDir: dist }, transpileInto };
  };
  for (const rel of differing) {
    if (!/\.ts$/.test(rel) || rel.endsWith(".d.ts") || rel.startsWith("__tests__/")) {
      // A JSON module tsc copied into dist/ is the base's own.
      if (rel.endsWith(".json") && existsSync(join(dist, rel))) {
        if (existsSync(join(tree, rel))) cpSync(join(tree, rel), join(dist, rel));
        else rmSync(join(dist, rel));
      }
      continue;
    }
    if (existsSync(join(tree, rel))) {
      compiler ??= loadCompiler();
      compiler.transpileInto(rel, compiler.options, tree);
    } else {
      rmSync(join(dist, rel.replace(/\.ts$/, ".js")), { force: true }); // a file only the working tree has: the base never loads it
    }
  }
  return true;
}
