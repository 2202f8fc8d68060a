/**
 * Transpiles the sources a base differs in, for the base tree `affected` and `diff` compile
 * from the working tree's dist/. Sucrase, not TypeScript: loading TypeScript's compiler costs
 * a quarter of a cold `affected` (a fifth of a second of CPU on a two-core machine where both
 * synths already use both cores), Sucrase a few hundredths. It compiles file by file, as the
 * project does (isolatedModules), and its CommonJS is tsc's with esModuleInterop: exports
 * assigned, a namespace import of a CommonJS module that module itself (cdktf-overheads patches
 * one; esbuild's copy behind getters cannot be patched, which the test below found).
 * __tests__/integration/base-transpiler.test.ts checks the estate transpiled by Sucrase
 * synthesizes byte for byte as tsc's build does.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import { transform } from "sucrase";

/** Writes `tree`/dist/<rel>.js from `tree`/<rel>; removes the old output first (never writes through a link). */
export type Transpile = (rel: string) => string;

interface TsconfigOptions {
  readonly module?: unknown;
  readonly target?: unknown;
  readonly esModuleInterop?: unknown;
  readonly isolatedModules?: unknown;
  readonly useDefineForClassFields?: unknown;
}

/**
 * Sucrase's transpiler for `tree`, or undefined when the tree's compiler options ask for what
 * Sucrase does not give as tsc does (anything but CommonJS with esModuleInterop, files not
 * isolated modules, a target before ES2022 that tsc would lower, a tsconfig.json that extends
 * another or is not plain JSON): the caller then uses TypeScript's.
 */
export function sucraseTranspiler(tree: string): Transpile | undefined {
  let config: { extends?: unknown; compilerOptions?: TsconfigOptions };
  try {
    config = JSON.parse(readFileSync(join(tree, "tsconfig.json"), "utf8")) as typeof config;
  } catch {
    return undefined;
  }
  const options = config.compilerOptions ?? {};
  const target = typeof options.target === "string" ? options.target.toLowerCase() : "";
  const standsForTsc =
    config.extends === undefined &&
    String(options.module).toLowerCase() === "commonjs" &&
    options.esModuleInterop === true &&
    options.isolatedModules === true &&
    options.useDefineForClassFields !== false &&
    // ES2022 and later: nothing tsc would lower (class fields stay native, as Sucrase leaves them).
    (/^es20\d\d$/.test(target) && target >= "es2022");
  if (!standsForTsc) return undefined;
  return (rel) => {
    const out = join(tree, "dist", rel.replace(/\.ts$/, ".js"));
    const { code } = transform(readFileSync(join(tree, rel), "utf8"), { transforms: ["typescript", "imports"], disableESTransforms: true, filePath: rel });
    mkdirSync(dirname(out), { recursive: true });
    for (const file of [out, `${out}.map`]) rmSync(file, { force: true });
    writeFileSync(out, code);
    return out;
  };
}
