import { join } from "path";
import { HomelabApp, OrderedStack } from "../../constructs";
import { readAddressRecord } from "../../policy/address-record";
import { repoRoot } from "../repo-root";
import { appModuleName, DEFAULT_APP, DIST_ROOT } from "./app-module";

export { APP_ENV, appModuleName, DEFAULT_APP, DIST_ROOT } from "./app-module";

export interface Estate {
  readonly app: HomelabApp;
  /** Every stack in deploy order. */
  readonly stacks: readonly OrderedStack[];
}

/** Builds the estate (no synth yet) into an app that writes to `outdir`. */
export function loadEstate(outdir: string, env: NodeJS.ProcessEnv = process.env): Estate {
  const name = appModuleName(env);
  // Resolved without its extension: dist/<name>.js when compiled, <name>.ts under ts-jest.
  let file: string;
  try {
    file = require.resolve(join(DIST_ROOT, name));
  } catch {
    throw new Error(`app module ${name} not found at ${join(DIST_ROOT, `${name}.js`)}; run npm run build first`);
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const mod = require(file) as { defineEstate?: (app: HomelabApp) => void };
  if (typeof mod.defineEstate !== "function") throw new Error(`app module ${name} does not export defineEstate(app)`);
  // The real estate is held to its committed record of stateful addresses; fixture estates are not.
  const addresses = name === DEFAULT_APP ? readAddressRecord(repoRoot()) : undefined;
  const app = new HomelabApp({ outdir, addresses });
  mod.defineEstate(app);
  return { app, stacks: app.describeStacks() };
}

/** The stack of that id; fails listing the estate's stacks. */
export function findStack(stacks: readonly OrderedStack[], id: string): OrderedStack {
  const stack = stacks.find((s) => s.id === id);
  if (!stack) throw new Error(`no stack ${JSON.stringify(id)} in the estate; stacks: ${stacks.map((s) => s.id).join(", ")}`);
  return stack;
}

/** Every stack `id` depends on, directly or not, in deploy order. */
export function ancestors(stacks: readonly OrderedStack[], id: string): OrderedStack[] {
  const byId = new Map(stacks.map((s) => [s.id, s]));
  const found = new Set<string>();
  const visit = (sid: string) => {
    for (const dep of byId.get(sid)?.dependencies ?? []) {
      if (!found.has(dep)) {
        found.add(dep);
        visit(dep);
      }
    }
  };
  visit(id);
  return stacks.filter((s) => found.has(s.id));
}
