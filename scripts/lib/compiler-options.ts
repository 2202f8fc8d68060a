import { readFileSync } from "fs";
import { join } from "path";
import ts from "typescript";
import { repoRoot } from "../repo-root";
import { writeDistFile } from "./dist-file";

/** The project's compiler options, as `tsc -b` reads them from tsconfig.json. */
export function projectCompilerOptions(root = repoRoot()): ts.CompilerOptions {
  return ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!.options;
}

/**
 * Transpiles one source into dist/ as tsc would, with its source map unless `options` turn
 * source maps off (written as writeDistFile writes: never through a link).
 */
export function transpileInto(rel: string, options: ts.CompilerOptions, root = repoRoot()): string {
  const { outputText, sourceMapText } = ts.transpileModule(readFileSync(join(root, rel), "utf8"), {
    compilerOptions: { sourceMap: true, ...options },
    fileName: join(root, rel),
  });
  return writeDistFile(root, rel, outputText, sourceMapText);
}
