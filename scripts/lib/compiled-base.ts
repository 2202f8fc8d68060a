/**
 * A base tree built from this checkout, for `affected` and `diff`: the working tree's files
 * linked where the base holds them as they are, the base's own where they differ; and its
 * dist/ from this checkout's: a file the base holds as the working tree holds it is already
 * compiled there, so only the files that differ are transpiled, one by one (the project
 * compiles with isolatedModules; see base-transpiler). Far cheaper than running the base through
 * ts-node, which transpiles every file. Only when the compiler's inputs are the same on both
 * sides (tsconfig.json, the dependencies) and dist/ is the working tree, compiled.
 */
import { spawnSync } from "child_process";
import { copyFileSync, cpSync, existsSync, linkSync, mkdirSync, readdirSync, rmdirSync, rmSync, statSync, symlinkSync } from "fs";
import { join } from "path";
import { baseTranspiler, Transpile } from "./base-transpiler";

/** Files whose change alters what every file compiles to: with one of them changed, nothing of dist/ is reused. */
const COMPILER_INPUTS = ["tsconfig.json", "package-lock.json", "package.json"];

function gitPaths(root: string, args: string[]): string[] {
  const r = spawnSync("git", args, { cwd: root, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${r.stderr.trim()}`);
  return r.stdout.split("\0").filter(Boolean);
}

/**
 * Whether a path of the working tree is one no synth of the app `appName` reads: dist/ (a
 * base tree has its own), git's directory, and the tests, unless the app is itself among them
 * (the integration tests' fixture estate).
 */
export function unreadBySynth(rel: string, appName: string): boolean {
  const top = rel.split("/")[0];
  return top === "dist" || top === ".git" || (top === "__tests__" && !appName.startsWith("__tests__/"));
}

/** The paths among `differing` that a synth of `appName` may read. */
function synthReadPaths(differing: ReadonlySet<string>, appName: string): string[] {
  return [...differing].filter((rel) => !unreadBySynth(rel, appName));
}

/** Tracked files that differ between the base and the working tree (either side), and files the base does not track. */
export function differingPaths(root: string, commit: string): ReadonlySet<string> {
  return new Set([
    ...gitPaths(root, ["diff", "--name-only", "--no-renames", "-z", commit, "--"]),
    ...gitPaths(root, ["ls-files", "--others", "--exclude-standard", "-z"]),
  ]);
}

/**
 * The base `commit`'s tree in `tree` without exporting it whole (the export is most of a cold
 * `affected`: 14 MB, mostly .gen/ and tests no synth reads): every entry of the working tree
 * is linked, except the paths that differ, which hold the base's version, or nothing where
 * the base has none, and the directories above them, made real to hold them. What no synth
 * of `appName` reads is left out (unreadBySynth; compileBaseFromDist writes dist/).
 */
export function overlayBaseTree(root: string, commit: string, tree: string, differing: ReadonlySet<string>, appName: string): void {
  const wanted = synthReadPaths(differing, appName);
  const dirty = new Set(wanted.flatMap((rel) => rel.split("/").slice(0, -1).map((_, i, parts) => parts.slice(0, i + 1).join("/"))));
  const mirror = (rel: string) => {
    for (const name of readdirSync(join(root, rel))) {
      const path = rel ? `${rel}/${name}` : name;
      if (!rel && unreadBySynth(name, appName)) continue;
      if (differing.has(path)) continue;
      if (dirty.has(path) && statSync(join(root, path)).isDirectory()) {
        mkdirSync(join(tree, path));
        mirror(path);
      } else symlinkSync(join(root, path), join(tree, path));
    }
  };
  mirror("");
  if (wanted.length === 0) return;
  // Literal pathspecs: a file name is never read as a glob (and with no path, ls-tree would list the whole tree).
  const atBase = gitPaths(root, ["--literal-pathspecs", "ls-tree", "-r", "-z", "--name-only", commit, "--", ...wanted]);
  if (atBase.length) {
    const tar = spawnSync("git", ["--literal-pathspecs", "archive", "--format=tar", commit, "--", ...atBase], { cwd: root, maxBuffer: 1 << 30 });
    if (tar.status !== 0) throw new Error(`git archive of the files that differ failed: ${tar.stderr.toString().trim()}`);
    const untar = spawnSync("tar", ["-x", "-C", tree], { input: tar.stdout });
    if (untar.status !== 0) throw new Error(`cannot unpack the base's files: ${untar.stderr.toString().trim()}`);
  }
  // A directory made only for files the base does not have is not the base's (git keeps no empty directory).
  for (const dir of [...dirty].sort((a, b) => b.length - a.length)) {
    if (existsSync(join(tree, dir)) && readdirSync(join(tree, dir)).length === 0) rmdirSync(join(tree, dir));
  }
}

/**
 * `to` made to hold `from`'s files (those `keep` takes, by path relative to `from`) as hard
 * links: a tenth of the time of copying them (what differs at the base is then removed and
 * written anew, so the working tree's files are never written through a link); copied where
 * links cannot be made (another file system).
 */
function linkTree(from: string, to: string, keep: (rel: string) => boolean, rel = ""): void {
  mkdirSync(join(to, rel), { recursive: true });
  for (const entry of readdirSync(join(from, rel), { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (!keep(path)) continue;
    if (entry.isDirectory()) linkTree(from, to, keep, path);
    else {
      try {
        linkSync(join(from, path), join(to, path));
      } catch {
        copyFileSync(join(from, path), join(to, path));
      }
    }
  }
}

/** Whether the working tree's dist/ can stand for the base's: the compiler's inputs are the same on both sides. */
export function distStandsForBase(differing: ReadonlySet<string>): boolean {
  return !COMPILER_INPUTS.some((f) => differing.has(f));
}

/**
 * Whether a synth of the base can differ from the working tree's: some file that differs is
 * one a synth may read (not a test). When none is, the base's tree is the working tree.
 */
export function synthInputsDiffer(differing: ReadonlySet<string>, appName: string): boolean {
  return synthReadPaths(differing, appName).length > 0;
}

/**
 * The base's tree and its dist/ from the working tree, when dist/ can stand for the base
 * (the compiler's inputs are the same on both sides); false, writing nothing, when not: the
 * caller then exports the base whole and transpiles it all.
 */
export function baseTreeFromWorkingTree(root: string, commit: string, tree: string, appName: string, differing = differingPaths(root, commit)): boolean {
  if (!distStandsForBase(differing)) return false;
  overlayBaseTree(root, commit, tree, differing, appName);
  return compileBaseFromDist(root, commit, tree, appName, differing);
}

/**
 * Writes `tree`/dist from `root`/dist for the base `commit` whose files are in `tree`; returns
 * false (and writes nothing) when dist/ cannot stand for the base: then the caller transpiles it all.
 */
export function compileBaseFromDist(root: string, commit: string, tree: string, appName: string, differing: ReadonlySet<string> = differingPaths(root, commit)): boolean {
  if (!distStandsForBase(differing)) return false;
  const dist = join(tree, "dist");
  // What runs: the compiled modules and the JSON tsc copied; not what no synth reads, nor the source maps (half the files).
  linkTree(join(root, "dist"), dist, (rel) => !unreadBySynth(rel, appName) && !/\.(map|tsbuildinfo)$/.test(rel));
  // Loaded only when a source is to be transpiled.
  let transpile: Transpile | undefined;
  for (const rel of differing) {
    if (!/\.ts$/.test(rel) || rel.endsWith(".d.ts") || unreadBySynth(rel, appName)) {
      // A JSON module tsc copied into dist/ is the base's own.
      if (rel.endsWith(".json") && existsSync(join(dist, rel))) {
        rmSync(join(dist, rel)); // a link to the working tree's file: replaced, never written through
        if (existsSync(join(tree, rel))) cpSync(join(tree, rel), join(dist, rel));
      }
      continue;
    }
    if (existsSync(join(tree, rel))) {
      transpile ??= baseTranspiler(tree);
      transpile(rel);
    } else {
      rmSync(join(dist, rel.replace(/\.ts$/, ".js")), { force: true }); // a file only the working tree has: the base never loads it
    }
  }
  return true;
}
