/**
 * `npm run watch -- <test path pattern>...`: the edit loop. Each time a .ts file is saved, it
 * is transpiled into dist/ (the project compiles with isolatedModules, so file by file gives
 * what `tsc -b` gives) and the tests matching the patterns run again in this process, where
 * cdktf and the providers stay loaded: only the project's own modules are loaded afresh.
 * The whole project is type-checked in the background after each save (incrementally, without
 * writing dist/) and what it finds is printed; `npm test` remains the full check. Prints each
 * loop's time.
 *
 *   npm run watch -- stacks/forgejo          # edit jobspecs/images.ts: forgejo's tests rerun
 */
import { spawn, ChildProcess } from "child_process";
import { existsSync, readdirSync, watch } from "fs";
import { constants } from "os";
import { join } from "path";
import { runMain, UsageError } from "./lib/cli";
import { projectCompilerOptions, transpileInto } from "./lib/compiler-options";
import { repoRoot } from "./repo-root";

const USAGE = "npm run watch -- <test path pattern>... (e.g. stacks/forgejo)";
const ROOT = repoRoot();
const DIST = join(ROOT, "dist");

/** Whether a path is in the project's source tree: not its output, dependencies, reports or dot-directories. */
function inSourceTree(rel: string): boolean {
  return !/^(dist|node_modules|cdktf\.out|reports|stryker-tmp|tools)(\/|$)/.test(rel) && !rel.startsWith(".");
}

/** Whether a saved file is one of the project's sources (not its output, dependencies or declarations). */
export function isSource(rel: string): boolean {
  return rel.endsWith(".ts") && !rel.endsWith(".d.ts") && inSourceTree(rel);
}

/** The repository's directories that hold sources ("" for the root), relative to it. */
function sourceDirectories(dir = ""): string[] {
  const below = readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => (dir ? `${dir}/${e.name}` : e.name))
    .filter(inSourceTree);
  return [dir, ...below.flatMap((sub) => sourceDirectories(sub))];
}

/** Forgets the project's compiled modules (dist/), so the next run loads the edited code; dependencies stay loaded. */
export function forgetProjectModules(dist = DIST, cache: NodeJS.Dict<unknown> = require.cache): number {
  let forgotten = 0;
  for (const file of Object.keys(cache)) {
    if (file.startsWith(`${dist}/`)) {
      delete cache[file];
      forgotten++;
    }
  }
  return forgotten;
}

/** Runs the tests matching `patterns` in this process; true when they passed. */
async function runTests(patterns: readonly string[]): Promise<boolean> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { runCLI } = require("jest") as typeof import("jest");
  const { results } = await runCLI({ _: [...patterns], $0: "watch", runInBand: true, ci: false, silent: false } as never, [ROOT]);
  return results.success;
}

/** Runs the loop until interrupted. */
async function main(): Promise<number> {
  const patterns = process.argv.slice(2);
  if (patterns.length === 0 || patterns.some((p) => p.startsWith("--"))) throw new UsageError("which tests?", USAGE);
  if (!existsSync(join(DIST, ".tsbuildinfo"))) throw new Error("dist/ is not built: run npm run build first");
  const options = projectCompilerOptions();
  let typeCheck: ChildProcess | undefined;
  const checkTypes = () => {
    typeCheck?.kill();
    // Checks without writing dist/ (only this loop writes there while it runs), incrementally from its own build info.
    const buildInfo = join(ROOT, "node_modules", ".cache", "homelab-watch", "tsbuildinfo");
    typeCheck = spawn(process.execPath, [join(ROOT, "node_modules", "typescript", "bin", "tsc"), "-p", "tsconfig.json", "--noEmit", "--tsBuildInfoFile", buildInfo], {
      cwd: ROOT,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    typeCheck.stdout!.on("data", (d) => (out += d));
    typeCheck.on("close", (code) => {
      if (code !== null) process.stdout.write(code === 0 ? "type check: no errors\n" : `type check found errors:\n${out}`);
    });
  };
  // This process is the host: it ends on an interrupt (the synths' staging directories go
  // with the exit), whoever else listens (jest and cdktf defer to another listener).
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) {
    process.on(signal, () => {
      typeCheck?.kill();
      process.exit(128 + constants.signals[signal]);
    });
  }
  await runTests(patterns);
  const pending = new Set<string>();
  let running: Promise<void> | undefined;
  const loop = async () => {
    while (pending.size) {
      const files = [...pending];
      pending.clear();
      const start = process.hrtime.bigint();
      for (const rel of files) if (existsSync(join(ROOT, rel))) transpileInto(rel, options);
      forgetProjectModules();
      const ok = await runTests(patterns);
      const seconds = Number(process.hrtime.bigint() - start) / 1e9;
      process.stdout.write(`\n${files.join(", ")}: ${ok ? "passed" : "FAILED"} in ${seconds.toFixed(2)} s (transpile and tests); type check running\n`);
      checkTypes();
    }
    running = undefined;
  };
  // Each source directory is watched itself: a watch on a file (what Node's recursive watch
  // does on Linux) is lost when an editor saves by replacing the file.
  for (const dir of sourceDirectories()) {
    watch(join(ROOT, dir), (_event, name) => {
      const rel = dir ? `${dir}/${name}` : `${name}`;
      if (!name || !isSource(rel)) return;
      pending.add(rel);
      // A save is often two events (truncate, write): the loop starts once they are in.
      setTimeout(() => (running ??= loop()), 30);
    });
  }
  // Said once every directory is watched: a save from now on is seen.
  process.stdout.write(`\nwatching; save a .ts file to run ${patterns.join(" ")} again (Ctrl-C ends)\n`);
  return new Promise<number>(() => undefined);
}

if (require.main === module) runMain(main);
