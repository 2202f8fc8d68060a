/**
 * Contracts stored in .gen/contracts/<name>/: data generated from an upstream project at a
 * pinned version by `npm run contracts`, with a PROVENANCE.json saying where it came from.
 * Checks read them at test time; nothing here touches the network.
 */
// @ts-nocheck

import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "fs";
import { join } from "path";
import { repoRoot } from "../scripts/repo-root";

/** Where a stored contract came from. */
export interface Provenance {
  /** Upstream project as findings name it, e.g. "nomad". */
  readonly project: string;
  /** The version the estate pins, e.g. "1.10.5". */
  readonly version: string;
  /** GitHub repository, owner/name. */
  readonly repository: string;
  /** Tag or branch read. */
  readonly ref: string;
  /** The commit that ref pointed at. */
  readonly commit: string;
  /** Upstream files the data was generated from. */
  readonly sources: readonly string[];
  /** The command that regenerates it. */
  readonly command: string;
}

export const CONTRACTS_DIR = join(".gen", "contracts");

function dirOf(name: string, root: string): string {
  if (!/^[a-z0-9][a-z0-9@._+-]*$/.test(name)) throw new Error(`stored contract name ${JSON.stringify(name)} is not a plain directory name`);
  return join(root, CONTRACTS_DIR, name);
}

/** Replaces the stored contract `name` with `files` (objects are written as JSON) and its provenance. */
export function writeStoredContract(name: string, provenance: Provenance, files: Record<string, unknown>, root = repoRoot()): void {
  const dir = dirOf(name, root);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "PROVENANCE.json"), `${JSON.stringify(provenance, null, 2)}\n`);
  for (const [file, content] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), typeof content === "string" ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
}

/** A stored contract's provenance; fails naming the command when it was never generated. */
export function readProvenance(name: string, root = repoRoot()): Provenance {
  return readStoredJson<Provenance>(name, "PROVENANCE.json", root);
}

/** A JSON file of a stored contract. */
export function readStoredJson<T>(name: string, file: string, root = repoRoot()): T {
  const path = join(dirOf(name, root), file);
  if (!existsSync(path)) throw new Error(`${join(CONTRACTS_DIR, name, file)} is missing: run npm run contracts`);
  return JSON.parse(readFileSync(path, "utf8")) as T;
}

/** "project@version file", the upstream a finding cites. */
export function upstreamLabel(provenance: Pick<Provenance, "project" | "version">, file: string): string {
  return `${provenance.project}@${provenance.version} ${file}`;
}
