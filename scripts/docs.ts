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

async function main(): Promise<number> {
  const app = new HomelabApp();
  defineEstate(app);
  const stacks = catalogStacks(app);
  // ESM-only package: loaded on use, so modules that import this file stay loadable by jest.
  const { Graphviz } = await import("@hpcc-js/wasm-graphviz");
  const graphviz = await Graphviz.load();
  const files: Record<string, string> = {
    "catalog.md": renderCatalog(stacks),
    "stacks.svg": graphviz.dot(renderStackGraph(stacks)),
    ...Object.fromEntries(Object.entries(renderRunbooks(runbookEstate(app, app.inventory))).map(([name, text]) => [`${RUNBOOKS}/${name}`, text])),
  };
  const dir = join(repoRoot(), "docs");
  // A runbook of a stack that left the estate is stale too.
  const runbooksDir = join(dir, RUNBOOKS);
  const leftover = existsSync(runbooksDir) ? readdirSync(runbooksDir).map((f) => `${RUNBOOKS}/${f}`).filter((f) => !(f in files)) : [];
  if (process.argv.includes("--check")) {
    const stale = Object.entries(files).filter(([name, text]) => {
      const path = join(dir, name);
      return !existsSync(path) || readFileSync(path, "utf8") !== text;
    });
    for (const [name] of stale) console.error(`docs/${name} is stale: run npm run docs and commit the result`);
    for (const name of leftover) console.error(`docs/${name} is no longer generated: run npm run docs and commit the result`);
    return stale.length || leftover.length ? 1 : 0;
  }
  mkdirSync(runbooksDir, { recursive: true });
  for (const name of leftover) rmSync(join(dir, name));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  console.log(`wrote ${Object.keys(files).map((f) => `docs/${f}`).join(", ")} (${stacks.length} stacks)`);
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
