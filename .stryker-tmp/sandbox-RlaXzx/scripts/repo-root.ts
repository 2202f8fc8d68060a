// @ts-nocheck
import { existsSync } from "fs";
import { dirname, join } from "path";

/** The repository root: the nearest directory above this file holding cdktf.json (works from dist/ and from sources). */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, "cdktf.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no cdktf.json above ${from}`);
    dir = parent;
  }
  return dir;
}
