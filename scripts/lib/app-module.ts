/**
 * Which module defines the estate, and where the compiled tree is: apart from estate.ts so a
 * command that only names the app (affected, diff) does not load the constructs to start.
 */
import { resolve } from "path";

/**
 * Environment variable naming the module that defines the estate, relative to the
 * repository root and without extension (it must export `defineEstate(app)`).
 * Tests point it at fixture estates.
 */
export const APP_ENV = "HOMELAB_APP";
export const DEFAULT_APP = "main";

/** The app module's name, from HOMELAB_APP or main. */
export function appModuleName(env: NodeJS.ProcessEnv = process.env): string {
  const name = env[APP_ENV] ?? DEFAULT_APP;
  if (name.startsWith("/") || name.split("/").includes("..")) {
    throw new Error(`${APP_ENV}=${name}: must be a module path inside the repository, e.g. main`);
  }
  return name.replace(/\.(ts|js)$/, "");
}

/** The compiled root this script runs from (dist/; the repository itself when run from its sources). */
export const DIST_ROOT = resolve(__dirname, "..", "..");

