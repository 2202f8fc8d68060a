import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { projectCompilerOptions, transpileInto } from "../../scripts/lib/compiler-options";
import { forgetProjectModules, isSource } from "../../scripts/watch";
import { repoRoot } from "../../scripts/repo-root";

const ROOT = repoRoot();

test("a save of a project source starts the loop; output, dependencies, declarations and generated files do not", () => {
  for (const rel of ["main.ts", "stacks/forgejo.ts", "jobspecs/images.ts", "__tests__/stacks/forgejo.test.ts"]) expect([rel, isSource(rel)]).toEqual([rel, true]);
  for (const rel of ["dist/main.ts", "node_modules/cdktf/lib/index.ts", "constructs/types.d.ts", ".gen/models/x.ts", "cdktf.out/x.ts", "stacks/forgejo.js", "README.md"]) {
    expect([rel, isSource(rel)]).toEqual([rel, false]);
  }
});

test("a file transpiled alone is what tsc -b emitted for it (the project compiles with isolatedModules)", () => {
  const root = mkdtempSync(join(tmpdir(), "homelab-watch-"));
  try {
    for (const rel of ["constructs/terraform-literal.ts", "jobspecs/images.ts", "scripts/watch.ts"]) {
      mkdirSync(dirname(join(root, rel)), { recursive: true });
      copyFileSync(join(ROOT, rel), join(root, rel));
      const out = transpileInto(rel, { ...projectCompilerOptions(), rootDir: root, outDir: join(root, "dist") }, root);
      const js = rel.replace(/\.ts$/, ".js");
      expect({ rel, js: readFileSync(out, "utf8") }).toEqual({ rel, js: readFileSync(join(ROOT, "dist", js), "utf8") });
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test("forgetting the project's modules unloads only those under dist/, so the next run loads the edited code", () => {
  const dist = join(tmpdir(), "homelab-watch-dist");
  const cache: NodeJS.Dict<unknown> = { [join(dist, "stacks", "forgejo.js")]: {}, [`${dist}-other/x.js`]: {}, [join(ROOT, "node_modules", "cdktf", "lib", "index.js")]: {} };
  expect(forgetProjectModules(dist, cache)).toBe(1);
  expect(Object.keys(cache).sort()).toEqual([`${dist}-other/x.js`, join(ROOT, "node_modules", "cdktf", "lib", "index.js")].sort());
});
