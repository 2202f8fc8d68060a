import { mkdirSync, readFileSync, writeFileSync } from "fs";
import { dirname, join } from "path";
import ts from "typescript";
import { repoRoot } from "../repo-root";

/** The project's compiler options, as `tsc -b` reads them from tsconfig.json. */
export function projectCompilerOptions(root = repoRoot()): ts.CompilerOptions {
  return ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!.options;
}

/** Transpiles one source into dist/ as tsc would, with its source map. */
export function transpileInto(rel: string, options: ts.CompilerOptions, root = repoRoot()): string {
  const out = join(root, "dist", rel.replace(/\.ts$/, ".js"));
  const { outputText, sourceMapText } = ts.transpileModule(readFileSync(join(root, rel), "utf8"), {
    compilerOptions: { ...options, sourceMap: true },
    fileName: join(root, rel),
  });
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(`${out}.map`, sourceMapText ?? "");
  writeFileSync(out, outputText);
  return out;
}
