import { linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { sucraseTranspiler } from "../../scripts/lib/base-transpiler";
import { projectCompilerOptions, transpileInto } from "../../scripts/lib/compiler-options";
import { repoRoot } from "../../scripts/repo-root";

/** A tree with the project's tsconfig.json (or the one given) and these sources. */
function treeWith(files: Record<string, string>, tsconfig = readFileSync(join(repoRoot(), "tsconfig.json"), "utf8")): string {
  const tree = mkdtempSync(join(tmpdir(), "homelab-transpile-"));
  for (const [rel, text] of Object.entries({ "tsconfig.json": tsconfig, ...files })) {
    mkdirSync(dirname(join(tree, rel)), { recursive: true });
    writeFileSync(join(tree, rel), text);
  }
  return tree;
}

const trees: string[] = [];
afterAll(() => trees.forEach((t) => rmSync(t, { recursive: true, force: true })));

/** What the estate's code relies on of the compiled form: exports, default and namespace imports of CommonJS packages, classes, enums. */
const SOURCE = [
  'import YAML from "yaml";',
  'import * as path from "path";',
  'import childProcess = require("child_process");',
  'import type { Inventory } from "../inventory";',
  "export enum Tier { Zero, One }",
  "export class Stack { readonly kind = \"stack\"; constructor(readonly id: string, private readonly tier: Tier = Tier.One) {} get level(): Tier { return this.tier; } get label(): string { return `${this.kind}:${this.id}`; } }",
  "export const yaml = YAML.stringify({ a: 1 });",
  'export const joined = path.posix.join("a", "b");',
  'export const spawns = typeof childProcess.spawnSync;',
  "export let inventory: Inventory | undefined;",
  "export default new Stack(\"web\");",
  "",
].join("\n");

test("a source transpiled by Sucrase behaves as tsc's transpile of it does", () => {
  const tree = treeWith({ "stacks/web.ts": SOURCE });
  trees.push(tree);
  const transpile = sucraseTranspiler(tree);
  expect(transpile).toBeDefined();
  const viaSucrase = join(tree, "dist", "stacks", "web-sucrase.js");
  expect(transpile!("stacks/web.ts")).toBe(join(tree, "dist", "stacks", "web.js"));
  renameSync(join(tree, "dist", "stacks", "web.js"), viaSucrase);
  expect(readFileSync(viaSucrase, "utf8")).toMatch(/^"use strict";/);
  const viaTsc = transpileInto("stacks/web.ts", { ...projectCompilerOptions(tree), rootDir: tree, outDir: join(tree, "dist") }, tree);
  // Both resolve their imports from the tree: node_modules is this checkout's.
  symlinkSync(join(repoRoot(), "node_modules"), join(tree, "node_modules"), "dir");
  const shape = (file: string) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const m = require(file) as Record<string, unknown> & { Stack: new (id: string) => { label: string; level: number }; default: { id: string; label: string; level: number } };
    return {
      // tsc declares `export let inventory;` at once (undefined), Sucrase when it is first assigned: the same values.
      exports: Object.keys(m).filter((k) => k !== "__esModule" && m[k] !== undefined).sort(),
      esModule: m.__esModule,
      Tier: m.Tier,
      made: { label: new m.Stack("x").label, level: new m.Stack("x").level },
      default: { id: m.default.id, label: m.default.label, level: m.default.level },
      yaml: m.yaml,
      joined: m.joined,
      spawns: m.spawns,
      inventory: m.inventory,
    };
  };
  expect(shape(viaSucrase)).toEqual(shape(viaTsc));
  expect(shape(viaSucrase).made).toEqual({ label: "stack:x", level: 1 });
  expect(shape(viaSucrase).yaml).toBe("a: 1\n");
});

test("it removes the old output before writing: a hard link to the working tree's compiled file is replaced, never written through", () => {
  const tree = treeWith({ "stacks/web.ts": 'export const tag = "v1";\n' });
  const working = treeWith({});
  trees.push(tree, working);
  mkdirSync(join(tree, "dist", "stacks"), { recursive: true });
  writeFileSync(join(working, "web.js"), 'exports.tag = "v2";\n');
  linkSync(join(working, "web.js"), join(tree, "dist", "stacks", "web.js"));
  writeFileSync(join(tree, "dist", "stacks", "web.js.map"), "{}");
  sucraseTranspiler(tree)!("stacks/web.ts");
  expect(readFileSync(join(working, "web.js"), "utf8")).toBe('exports.tag = "v2";\n');
  expect(readFileSync(join(tree, "dist", "stacks", "web.js"), "utf8")).toContain('"v1"');
});

test.each([
  ["CommonJS not asked for", { module: "esnext" }],
  ["without esModuleInterop (default imports differ)", { esModuleInterop: false }],
  ["files not isolated modules", { isolatedModules: false }],
  ["a target tsc lowers class fields for", { target: "ES2020" }],
  ["class fields assigned, not defined", { useDefineForClassFields: false }],
])("no Sucrase transpiler where it would not give what tsc gives: %s", (_what, change) => {
  const project = JSON.parse(readFileSync(join(repoRoot(), "tsconfig.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
  const tree = treeWith({}, JSON.stringify({ ...project, compilerOptions: { ...project.compilerOptions, ...change } }));
  trees.push(tree);
  expect(sucraseTranspiler(tree)).toBeUndefined();
});

test.each([
  ["extends another file", (text: string) => JSON.stringify({ extends: "./base.json", ...JSON.parse(text) })],
  ["is not plain JSON (a comment)", (text: string) => `// options\n${text}`],
  ["is missing", () => undefined],
])("no Sucrase transpiler when tsconfig.json %s: TypeScript reads it", (_what, change) => {
  const tree = treeWith({});
  trees.push(tree);
  const text = change(readFileSync(join(tree, "tsconfig.json"), "utf8"));
  if (text === undefined) rmSync(join(tree, "tsconfig.json"));
  else writeFileSync(join(tree, "tsconfig.json"), text);
  expect(sucraseTranspiler(tree)).toBeUndefined();
});
