/**
 * Transpiles the sources a base differs in, for the base tree `affected` and `diff` compile
 * from the working tree's dist/. Sucrase where it gives what tsc gives, not TypeScript: loading
 * TypeScript's compiler costs a quarter of a cold `affected` (a fifth of a second of CPU on a
 * two-core machine where both synths already use both cores), Sucrase a few hundredths. It
 * compiles file by file, as the project does (isolatedModules), and its CommonJS is tsc's with
 * esModuleInterop: exports assigned, a namespace import of a CommonJS module that module itself
 * (cdktf-overheads patches one; esbuild's copy behind getters cannot be patched, which the test
 * below found). __tests__/integration/base-transpiler.test.ts checks the estate transpiled by
 * Sucrase synthesizes byte for byte as tsc's build does.
 */
import { readFileSync } from "fs";
import { join } from "path";
import { Script } from "vm";
import type * as Sucrase from "sucrase";
import type * as CompilerOptions from "./compiler-options";
import { writeDistFile } from "./dist-file";

/** Writes `tree`/dist/<rel>.js from `tree`/<rel> (writeDistFile), returning its path. */
export type Transpile = (rel: string) => string;

interface TsconfigOptions {
  readonly module?: unknown;
  readonly target?: unknown;
  readonly esModuleInterop?: unknown;
  readonly isolatedModules?: unknown;
  readonly useDefineForClassFields?: unknown;
}

/** A TypeScript namespace or module with a body: Sucrase drops those without a word (tsc emits them). */
const NAMESPACE = /^[ \t]*(?:export[ \t]+)?(?:namespace|module)[ \t]+[A-Za-z_$][\w$.]*[ \t]*\{/m;

/**
 * Whether Sucrase gives what tsc gives for the tree's compiler options: CommonJS with
 * esModuleInterop, isolated modules, class fields defined, a target of ES2022 or later, in a
 * tsconfig.json of its own in plain JSON.
 */
function sucraseStandsForTsc(tree: string): boolean {
  let config: { extends?: unknown; compilerOptions?: TsconfigOptions };
  try {
    config = JSON.parse(readFileSync(join(tree, "tsconfig.json"), "utf8")) as typeof config;
  } catch {
    return false;
  }
  const options = config.compilerOptions ?? {};
  return (
    config.extends === undefined &&
    String(options.module).toLowerCase() === "commonjs" &&
    options.esModuleInterop === true &&
    options.isolatedModules === true &&
    options.useDefineForClassFields !== false &&
    NATIVE_TARGETS.has(String(options.target).toLowerCase())
  );
}

/** Targets tsc lowers nothing of what the estate's code is written in (class fields stay native, as Sucrase leaves them). */
const NATIVE_TARGETS = new Set(["es2022", "es2023", "es2024", "esnext"]);

/**
 * Sucrase's JavaScript for a source, or undefined where it would not be tsc's (a namespace),
 * it cannot read the source, or Node cannot run what it leaves as written (decorators, which
 * tsc lowers and Sucrase passes through).
 */
function sucrase(source: string, rel: string): string | undefined {
  if (NAMESPACE.test(source)) return undefined;
  try {
    // Loaded here: affected's parent starts both synths before it needs a transpiler.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { code } = (require("sucrase") as typeof Sucrase).transform(source, { transforms: ["typescript", "imports"], disableESTransforms: true, filePath: rel });
    new Script(`(function (exports, require, module, __filename, __dirname) {${code}\n})`, { filename: rel }); // parsed, not run
    return code;
  } catch {
    return undefined;
  }
}

/**
 * The base tree's transpiler: each file by Sucrase where it gives what tsc gives, else by
 * TypeScript (loaded then, once), without source maps (nothing reads the base's stack traces).
 */
export function baseTranspiler(tree: string): Transpile {
  const fast = sucraseStandsForTsc(tree);
  let typescript: Transpile | undefined;
  const loadTypeScript = (): Transpile => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { projectCompilerOptions, transpileInto } = require("./compiler-options") as typeof CompilerOptions;
    const options = { ...projectCompilerOptions(tree), sourceMap: false };
    return (rel) => transpileInto(rel, options, tree);
  };
  return (rel) => {
    const code = fast ? sucrase(readFileSync(join(tree, rel), "utf8"), rel) : undefined;
    return code === undefined ? (typescript ??= loadTypeScript())(rel) : writeDistFile(tree, rel, code);
  };
}
