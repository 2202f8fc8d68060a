import { existsSync, linkSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { baseTranspiler } from "../../scripts/lib/base-transpiler";
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
  // A field over an inherited setter: defined (tsc for ES2022), the setter is never called; assigned, it would be.
  "class Recorded { readonly seen: unknown[] = []; set tag(value: unknown) { this.seen.push(value); } }",
  "class Tagged extends Recorded { tag = \"v1\"; }",
  "export const setterCalls = new Tagged().seen.length;",
  "",
].join("\n");

test("a source transpiled by Sucrase behaves as tsc's transpile of it does", () => {
  const tree = treeWith({ "stacks/web.ts": SOURCE });
  trees.push(tree);
  const transpile = baseTranspiler(tree);
  const viaSucrase = join(tree, "dist", "stacks", "web-sucrase.js");
  expect(transpile("stacks/web.ts")).toBe(join(tree, "dist", "stacks", "web.js"));
  renameSync(join(tree, "dist", "stacks", "web.js"), viaSucrase);
  expect(readFileSync(viaSucrase, "utf8")).toMatch(SUCRASE);
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
      setterCalls: m.setterCalls,
    };
  };
  expect(shape(viaSucrase)).toEqual(shape(viaTsc));
  expect(shape(viaSucrase).made).toEqual({ label: "stack:x", level: 1 });
  expect(shape(viaSucrase).yaml).toBe("a: 1\n");
  expect(shape(viaSucrase).setterCalls).toBe(0);
});

test("it removes the old output before writing: a hard link to the working tree's compiled file is replaced, never written through", () => {
  const tree = treeWith({ "stacks/web.ts": 'export const tag = "v1";\n' });
  const working = treeWith({});
  trees.push(tree, working);
  mkdirSync(join(tree, "dist", "stacks"), { recursive: true });
  writeFileSync(join(working, "web.js"), 'exports.tag = "v2";\n');
  linkSync(join(working, "web.js"), join(tree, "dist", "stacks", "web.js"));
  writeFileSync(join(tree, "dist", "stacks", "web.js.map"), "{}");
  baseTranspiler(tree)("stacks/web.ts");
  expect(readFileSync(join(working, "web.js"), "utf8")).toBe('exports.tag = "v2";\n');
  expect(readFileSync(join(tree, "dist", "stacks", "web.js"), "utf8")).toContain('"v1"');
  // The working tree's source map is not the base's file's: gone with it.
  expect(existsSync(join(tree, "dist", "stacks", "web.js.map"))).toBe(false);
});

/** How each marks a module: Sucrase on its first line without spaces in the braces, tsc on a line of its own with them. */
const SUCRASE = /^"use strict";Object\.defineProperty\(exports, "__esModule", \{value: true\}\);/;
const TSC = /\nObject\.defineProperty\(exports, "__esModule", \{ value: true \}\);\n/;

/** The project's tsconfig.json with these compiler options changed. */
function tsconfigWith(change: Record<string, unknown>): string {
  const project = JSON.parse(readFileSync(join(repoRoot(), "tsconfig.json"), "utf8")) as { compilerOptions: Record<string, unknown> };
  return JSON.stringify({ ...project, compilerOptions: { ...project.compilerOptions, ...change } });
}

test("TypeScript transpiles where the project asks for ES modules: Sucrase would write CommonJS", () => {
  const tree = treeWith({ "stacks/web.ts": 'export const tag: string = "v1";\n' }, tsconfigWith({ module: "esnext" }));
  trees.push(tree);
  const js = readFileSync(baseTranspiler(tree)("stacks/web.ts"), "utf8");
  expect(js).toContain('export const tag = "v1";');
  expect(js).not.toMatch(/exports/);
});

test.each([
  ["without esModuleInterop (default imports differ)", tsconfigWith({ esModuleInterop: false })],
  ["files not isolated modules", tsconfigWith({ isolatedModules: false })],
  ["a target tsc lowers class fields for", tsconfigWith({ target: "ES2020" })],
  ["class fields assigned, not defined", tsconfigWith({ useDefineForClassFields: false })],
  ["a tsconfig.json that extends another", JSON.stringify({ extends: "./base.json", ...JSON.parse(tsconfigWith({})) })],
  ["a tsconfig.json that is not plain JSON (a comment)", `// the project's options\n${tsconfigWith({})}`],
])("TypeScript transpiles where Sucrase would not give what tsc gives: %s", (_what, tsconfig) => {
  const tree = treeWith({ "stacks/web.ts": 'export const tag: string = "v1";\n' }, tsconfig);
  trees.push(tree);
  const js = readFileSync(baseTranspiler(tree)("stacks/web.ts"), "utf8");
  expect(js).toMatch(TSC);
  expect(js).not.toMatch(/sourceMappingURL/);
});

test.each([
  ["a namespace, not exported, indented, its brace against its name", "  namespace Ports{ export const web = 80; }\nexport const tag = `v${Ports.web}`;\n"],
  ["a module with a body, spaced with tabs", "module \t Ports \t{ export const web = 80; }\nexport const tag = `v${Ports.web}`;\n"],
  ["a namespace with a body (Sucrase would drop it)", 'export  namespace Ports { export const web = 80; }\nexport const tag = `v${Ports.web}`;\n'],
  ["a decorator (Sucrase leaves it as written, which Node 20 cannot run)", "function sealed(target: unknown, _context: unknown) { return target; }\n@sealed\nexport class Web { readonly tag = \"v80\"; }\nexport const tag = new Web().tag;\n"],
])("TypeScript transpiles a file Sucrase would get wrong: %s", (_what, source) => {
  const tree = treeWith({ "stacks/web.ts": source, "stacks/other.ts": "export const other = 1;\n" });
  trees.push(tree);
  symlinkSync(join(repoRoot(), "node_modules"), join(tree, "node_modules"), "dir");
  const transpile = baseTranspiler(tree);
  const web = transpile("stacks/web.ts");
  expect(readFileSync(web, "utf8")).toMatch(TSC);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  expect((require(web) as { tag: string }).tag).toBe("v80");
  // The other files of the tree are still Sucrase's.
  expect(readFileSync(transpile("stacks/other.ts"), "utf8")).toMatch(SUCRASE);
});

test("a namespace named in the code's text, not declared (a Kubernetes namespace, say), leaves the file to Sucrase", () => {
  const tree = treeWith({ "stacks/web.ts": 'export const note = "each app gets a namespace web { isolated }";\nexport const tag = "v1";\n' });
  trees.push(tree);
  expect(readFileSync(baseTranspiler(tree)("stacks/web.ts"), "utf8")).toMatch(SUCRASE);
});

test.each(["ES2022", "ES2023", "ES2024", "ESNext"])("Sucrase transpiles for a target of %s (tsc lowers nothing the code is written in)", (target) => {
  const tree = treeWith({ "stacks/web.ts": 'export const tag: string = "v1";\n' }, tsconfigWith({ target }));
  trees.push(tree);
  expect(readFileSync(baseTranspiler(tree)("stacks/web.ts"), "utf8")).toMatch(SUCRASE);
});
