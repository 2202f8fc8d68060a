/**
 * Upstream sources for the stored contracts: a public repository read with git at a tag,
 * never a hand copy. The repository is a bare clone, either from a local mirror
 * (HOMELAB_UPSTREAM_MIRROR=<dir> holding <owner>+<name>/repo, as fetched here) or cloned
 * once from GitHub into ~/.cache/homelab-upstream (blobs fetched on demand).
 */
// @ts-nocheck

import { spawnSync } from "child_process";
import { existsSync, mkdirSync } from "fs";
import { homedir } from "os";
import { join } from "path";

export const MIRROR_ENV = "HOMELAB_UPSTREAM_MIRROR";

function run(args: string[], what: string): string {
  const r = spawnSync("git", args, { encoding: "utf8", maxBuffer: 1 << 30 });
  if (r.error) throw new Error(`git is not available: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${what}: ${r.stderr.trim() || `git exited ${r.status}`}`);
  return r.stdout;
}

/** A public GitHub repository, read-only, at any of its tags or commits. */
export class UpstreamRepo {
  /** Opens `owner/name` from the mirror or the cache, cloning it into the cache when missing. */
  static open(slug: string, env: NodeJS.ProcessEnv = process.env): UpstreamRepo {
    if (!/^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/.test(slug)) throw new Error(`upstream ${JSON.stringify(slug)} is not owner/name`);
    const local = slug.replace("/", "+");
    const mirror = env[MIRROR_ENV];
    if (mirror) {
      const dir = join(mirror, local, "repo");
      if (!existsSync(dir)) throw new Error(`${MIRROR_ENV}=${mirror} has no ${local}/repo: fetch ${slug} there first`);
      return new UpstreamRepo(slug, dir);
    }
    const cache = join(env.XDG_CACHE_HOME ?? join(homedir(), ".cache"), "homelab-upstream");
    const dir = join(cache, `${local}.git`);
    if (!existsSync(dir)) {
      mkdirSync(cache, { recursive: true });
      run(["clone", "--bare", "--filter=blob:none", `https://github.com/${slug}.git`, dir], `cloning ${slug}`);
    } else {
      run(["--git-dir", dir, "fetch", "--tags", "--force", "origin", "+refs/heads/*:refs/heads/*"], `updating ${slug}`);
    }
    return new UpstreamRepo(slug, dir);
  }

  private constructor(
    readonly slug: string,
    private readonly gitDir: string,
  ) {}

  private git(args: string[], what: string): string {
    return run(["--git-dir", this.gitDir, ...args], `${this.slug}: ${what}`);
  }

  /** The commit a tag or branch points at. */
  commit(ref: string): string {
    return this.git(["rev-parse", `${ref}^{commit}`], `no ref ${ref}`).trim();
  }

  /** A file's text at `ref`. */
  show(ref: string, path: string): string {
    return this.git(["show", `${ref}:${path}`], `no ${path} at ${ref}`);
  }

  /** Whether `path` exists at `ref`. */
  has(ref: string, path: string): boolean {
    return spawnSync("git", ["--git-dir", this.gitDir, "cat-file", "-e", `${ref}:${path}`]).status === 0;
  }

  /** Every file under `dir` at `ref`, as repository paths. */
  list(ref: string, dir: string): string[] {
    return this.git(["ls-tree", "-r", "--name-only", ref, "--", dir], `no ${dir} at ${ref}`).split("\n").filter(Boolean);
  }

  /** The commits reachable from `ref` that changed something under `path`, newest first. */
  commitsTouching(ref: string, path: string): string[] {
    return this.git(["log", "--format=%H", ref, "--", path], `no history of ${path} at ${ref}`).split("\n").filter(Boolean);
  }

  /** Every tag of the repository. */
  tags(): string[] {
    return this.git(["tag", "--list"], "listing tags").split("\n").filter(Boolean);
  }
}
