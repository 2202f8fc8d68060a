import { readdirSync, readFileSync } from "fs";
import { join, relative } from "path";
import { repoRoot } from "../../scripts/repo-root";

const ROOT = repoRoot();
const SKIP = new Set(["node_modules", "dist", "cdktf.out", ".git", ".gen"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name)) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

const files = sourceFiles(ROOT).map((path) => ({ path: relative(ROOT, path), text: readFileSync(path, "utf8") }));

test("provider packages are imported by deep path only: the root import costs seconds and hundreds of MB", () => {
  const rootImport = /(from\s+|require\(\s*|import\(\s*)["']@cdktf\/provider-[a-z]+["']/;
  expect(files.filter((f) => rootImport.test(f.text)).map((f) => f.path)).toEqual([]);
  expect(files.length).toBeGreaterThan(10);
});

test("stacks compose constructs: provider classes stay behind constructs/", () => {
  const providerImport = /["']@cdktf\/provider-[a-z]+/;
  const offenders = files.filter((f) => f.path.startsWith("stacks/") && providerImport.test(f.text)).map((f) => f.path);
  expect(offenders).toEqual([]);
});

test("jobspecs/ holds data: no Terraform resources or providers there", () => {
  const offenders = files.filter((f) => f.path.startsWith("jobspecs/") && /["'](cdktf|@cdktf\/provider-[a-z]+[^"']*)["']/.test(f.text));
  expect(offenders.map((f) => f.path)).toEqual([]);
});

test("the CRD models in .gen/models are imported as types only: their validators are not kept, so nothing can load them", () => {
  const imports = files.flatMap((f) =>
    [...f.text.matchAll(/^import\s+(type\s+)?[^;]*?from\s+"[./]*\.gen\/models\/[^"]+";/gms)].map((m) => ({ file: f.path, typeOnly: !!m[1] })),
  );
  expect(imports.length).toBeGreaterThan(0);
  expect(imports.filter((i) => !i.typeOnly)).toEqual([]);
});
