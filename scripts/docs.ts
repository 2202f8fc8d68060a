/**
 * `npm run docs [-- --check]`: writes docs/catalog.md, docs/stacks.svg and the runbooks
 * (docs/runbooks/<stack>.md) from the construct tree; with --check, writes nothing and
 * fails when docs/ is stale.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { HomelabApp } from "../constructs";
import { defineEstate } from "../main";
import { catalogStacks, renderCatalog, renderStackGraph } from "./catalog";
import { repoRoot } from "./repo-root";
import { runbookEstate } from "./runbook-facts";
import { renderRunbooks } from "./runbooks";

const RUNBOOKS = "runbooks";

/** What docs/ should hold, by path under it, from the estate of main.ts. */
export async function renderDocs(): Promise<Record<string, string>> {
  const app = new HomelabApp();
  defineEstate(app);
  const stacks = catalogStacks(app);
  // ESM-only package: loaded on use, so modules that import this file stay loadable by jest.
  const { Graphviz } = await import("@hpcc-js/wasm-graphviz");
  const graphviz = await Graphviz.load();
  return {
    "catalog.md": renderCatalog(stacks),
    "stacks.svg": graphviz.dot(renderStackGraph(stacks)),
    ...Object.fromEntries(Object.entries(renderRunbooks(runbookEstate(app, app.inventory))).map(([name, text]) => [`${RUNBOOKS}/${name}`, text])),
  };
}

/** Runbooks in docs/ that `files` no longer holds: a runbook of a stack that left the estate is stale too. */
function leftoverRunbooks(dir: string, files: Record<string, string>): string[] {
  const runbooksDir = join(dir, RUNBOOKS);
  return existsSync(runbooksDir) ? readdirSync(runbooksDir).map((f) => `${RUNBOOKS}/${f}`).filter((f) => !(f in files)) : [];
}

/** How docs/ under `root` differs from `files` (what the estate generates), a line each; none when current. */
export function staleDocs(files: Record<string, string>, root = repoRoot()): string[] {
  const dir = join(root, "docs");
  const stale = Object.entries(files).filter(([name, text]) => {
    const path = join(dir, name);
    return !existsSync(path) || readFileSync(path, "utf8") !== text;
  });
  return [
    ...stale.map(([name]) => `docs/${name} is stale: run npm run docs and commit the result`),
    ...leftoverRunbooks(dir, files).map((name) => `docs/${name} is no longer generated: run npm run docs and commit the result`),
  ];
}

async function main(): Promise<number> {
  if (process.argv.includes("--check")) {
    const problems = staleDocs(await renderDocs());
    for (const problem of problems) console.error(problem);
    return problems.length ? 1 : 0;
  }
  const files = await renderDocs();
  const dir = join(repoRoot(), "docs");
  mkdirSync(join(dir, RUNBOOKS), { recursive: true });
  for (const name of leftoverRunbooks(dir, files)) rmSync(join(dir, name));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  console.log(`wrote ${Object.keys(files).map((f) => `docs/${f}`).join(", ")} (${Object.keys(files).length} files)`);
  return 0;
}

if (require.main === module) {
  main().then(
    (code) => (process.exitCode = code),
    (err) => {
      console.error((err as Error).message);
      process.exitCode = 1;
    },
  );
}
