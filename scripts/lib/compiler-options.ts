import { mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import ts from "typescript";
import { repoRoot } from "../repo-root";

/** The project's compiler options, as `tsc -b` reads them from tsconfig.json. */
export function projectCompilerOptions(root = repoRoot()): ts.CompilerOptions {
  return ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!.options;
}

/**
 * Transpiles one source into dist/ as tsc would, with its source map unless `options` turn
 * source maps off. The old output is removed first, so a hard link (the base tree's dist/
 * links the working tree's) is replaced, never written through.
 */
export function transpileInto(rel: string, options: ts.CompilerOptions, root = repoRoot()): string {
  const out = join(root, "dist", rel.replace(/\.ts$/, ".js"));
  const { outputText, sourceMapText } = ts.transpileModule(readFileSync(join(root, rel), "utf8"), {
    compilerOptions: { sourceMap: true, ...options },
    fileName: join(root, rel),
  });
  mkdirSync(dirname(out), { recursive: true });
  for (const file of [out, `${out}.map`]) rmSync(file, { force: true });
  if (sourceMapText !== undefined) writeFileSync(`${out}.map`, sourceMapText);
  writeFileSync(out, outputText);
  return out;
}
