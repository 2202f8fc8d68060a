import { mkdirSync, rmSync, writeFileSync } from "fs";
import { dirname, join } from "path";

/**
 * Writes the compiled form of the source `rel` into `root`/dist (and its source map, if any),
 * returning its path. The old output and source map are removed first, so a hard link (the
 * base tree's dist/ links the working tree's) is replaced, never written through.
 */
export function writeDistFile(root: string, rel: string, code: string, sourceMap?: string): string {
  const out = join(root, "dist", rel.replace(/\.ts$/, ".js"));
  mkdirSync(dirname(out), { recursive: true });
  for (const file of [out, `${out}.map`]) rmSync(file, { force: true });
  if (sourceMap !== undefined) writeFileSync(`${out}.map`, sourceMap);
  writeFileSync(out, code);
  return out;
}
