/**
 * Synthesizes the estate of one source tree and describes its stacks, for `affected` and `diff`.
 *
 *   node -r ts-node/register/transpile-only describe-estate.js <tree> <app module> <outdir> <json out>
 *
 * Everything is loaded from <tree> (a checkout of some git ref, or the working tree), so the
 * HomelabApp class is the one that tree's stacks extend. Writes the synthesized stacks into
 * <outdir> and, as JSON into <json out>, every stack in deploy order with its tree facts
 * (tree-facts: read by shape, so this checkout's code can describe an older tree).
 */
import { writeFileSync } from "fs";
import { join } from "path";
import { IConstruct } from "constructs";
import { OrderedStack } from "../../constructs/stack-graph";
import { describeWithFacts } from "./tree-facts";

interface AppLike extends IConstruct {
  describeStacks(): OrderedStack[];
  synth(): void;
}

function main(): void {
  const [tree, appName, outdir, jsonOut] = process.argv.slice(2);
  if (!jsonOut) throw new Error("usage: describe-estate <tree> <app module> <outdir> <json out>");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { HomelabApp } = require(join(tree, "constructs")) as { HomelabApp?: new (props: { outdir: string }) => AppLike };
  if (!HomelabApp) throw new Error(`${tree}/constructs exports no HomelabApp: this tree predates the estate's app`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(join(tree, appName)) as { defineEstate?: (app: AppLike) => void };
  if (typeof mod.defineEstate !== "function") throw new Error(`${appName} in ${tree} does not export defineEstate(app)`);
  const app = new HomelabApp({ outdir });
  mod.defineEstate(app);
  const stacks = describeWithFacts(app);
  app.synth();
  writeFileSync(jsonOut, JSON.stringify(stacks));
}

try {
  main();
} catch (err) {
  process.stderr.write(`${(err as Error).message}\n`);
  process.exit(1);
}
