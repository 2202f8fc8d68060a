/**
 * What a deterministic generator wrote (crd-generate, `cdktf get`), kept by the digest of
 * everything it reads: the generator's name and version and its inputs. The checks that
 * regenerate to compare with the committed files then pay the generator once per change of
 * its inputs, not on every test run; a hit is exactly what the generator would write.
 * Kept in node_modules/.cache/homelab-generated (gone with `npm ci`); HOMELAB_GENERATED_CACHE
 * names another directory, or `off` to always run the generator.
 */
import { createHash } from "crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "fs";
import { join } from "path";
import { repoRoot } from "../repo-root";

export const GENERATED_CACHE_ENV = "HOMELAB_GENERATED_CACHE";

/** Files by path, as a generator writes them. */
export type GeneratedFiles = Record<string, string>;

/** Every file under `dir`, by path relative to it. */
export function filesUnder(dir: string, prefix = ""): GeneratedFiles {
  const out: GeneratedFiles = {};
  for (const entry of readdirSync(join(dir, prefix), { withFileTypes: true })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) Object.assign(out, filesUnder(dir, rel));
    else out[rel] = readFileSync(join(dir, rel), "utf8");
  }
  return out;
}

/** `generate()`'s files, from the cache when the same generator ran on the same inputs before. */
export async function generatedOnce(generator: string, inputs: readonly string[], generate: () => GeneratedFiles | Promise<GeneratedFiles>): Promise<GeneratedFiles> {
  const setting = process.env[GENERATED_CACHE_ENV];
  if (setting === "off") return generate();
  const dir = setting || join(repoRoot(), "node_modules", ".cache", "homelab-generated");
  const hash = createHash("sha256").update(generator);
  for (const input of inputs) hash.update(`\0${input.length}\0`).update(input);
  const file = join(dir, `${hash.digest("hex").slice(0, 40)}.json`);
  if (existsSync(file)) {
    try {
      return JSON.parse(readFileSync(file, "utf8")) as GeneratedFiles;
    } catch {
      // A file cut short (a full disk): generated again below and replaced.
    }
  }
  const files = await generate();
  mkdirSync(dir, { recursive: true });
  // Written whole, then renamed into place: a reader never sees a partial file.
  const partial = `${file}.${process.pid}`;
  writeFileSync(partial, JSON.stringify(files));
  renameSync(partial, file);
  return files;
}
