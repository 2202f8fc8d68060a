/**
 * Type-checks files against the whole program they import, under the project's compiler
 * options: the problems, one line each. Compiled (npm test), it runs in a worker thread, so
 * a test file can go on with other work on the machine's other core while TypeScript parses
 * the program (a second and a half: the providers' declarations alone are 150 000 lines);
 * from sources (ts-jest, mutation testing), in the calling thread.
 */
import { basename } from "path";
import { isMainThread, parentPort, Worker, workerData } from "worker_threads";
import ts from "typescript";
import { projectCompilerOptions } from "../../scripts/lib/compiler-options";

interface Request {
  /** The program's root files; absolute. */
  readonly roots: readonly string[];
  /** The files whose problems are reported (the roots' own files, not the project's: `tsc -b` checked those). */
  readonly checked: readonly string[];
  /** The repository whose tsconfig.json gives the compiler options. */
  readonly root: string;
}

function problemsOf({ roots, checked, root }: Request): string[] {
  const program = ts.createProgram([...roots], { ...projectCompilerOptions(root), noEmit: true, incremental: false });
  const files = checked.map((f) => {
    const file = program.getSourceFile(f);
    if (!file) throw new Error(`${f} is not part of the program of ${roots.join(", ")}`);
    return file;
  });
  return [
    ...program.getOptionsDiagnostics(),
    ...program.getGlobalDiagnostics(),
    ...files.flatMap((f) => [...program.getSyntacticDiagnostics(f), ...program.getSemanticDiagnostics(f)]),
  ].map((d) => `${d.file ? basename(d.file.fileName) : ""}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
}

/** The problems TypeScript finds in `checked`, each "file: message"; none is an empty list. */
export function typeCheck(request: Request): Promise<string[]> {
  if (!__filename.endsWith(".js")) return Promise.resolve(problemsOf(request));
  return new Promise((done, fail) => {
    const worker = new Worker(__filename, { workerData: request });
    worker.once("message", done);
    worker.once("error", fail);
    worker.once("exit", (code) => (code === 0 ? undefined : fail(new Error(`the type-check worker exited with ${code}`))));
  });
}

if (!isMainThread && workerData && (workerData as Partial<Request>).roots) {
  parentPort!.postMessage(problemsOf(workerData as Request));
}
