import { join } from "path";
import ts from "typescript";
import { repoRoot } from "../repo-root";

/** The project's compiler options, as `tsc -b` reads them from tsconfig.json. */
export function projectCompilerOptions(root = repoRoot()): ts.CompilerOptions {
  return ts.getParsedCommandLineOfConfigFile(join(root, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!.options;
}
