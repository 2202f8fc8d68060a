import { spawnSync } from "child_process";
import { existsSync, mkdtempSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";

/**
 * What the backup scripts need to run as the jobs run them: restic, and busybox's shell and
 * tools (the jobs' alpine images have busybox, not coreutils). A missing program fails the
 * suite with what to install, never skips it.
 */
export interface BackupTools {
  readonly restic: string;
  readonly busybox: string;
  /** A directory of busybox applet links, to put first on PATH. */
  readonly applets: string;
}

function onPath(program: string, path: string): string | undefined {
  return path.split(":").filter(Boolean).map((d) => join(d, program)).find((p) => existsSync(p));
}

export function requireBackupTools(path: string = process.env.PATH ?? ""): BackupTools {
  const restic = onPath("restic", path);
  const busybox = onPath("busybox", path);
  const missing = [
    ...(restic ? [] : ["restic (`apt-get install restic`)"]),
    ...(busybox ? [] : ["busybox (`apt-get install busybox`: the shell and tools of the jobs' alpine images)"]),
  ];
  if (missing.length) throw new Error(`the backup script tests need real tools that are missing: ${missing.join("; ")}`);
  const applets = mkdtempSync(join(tmpdir(), "homelab-busybox-"));
  const install = spawnSync(busybox!, ["--install", "-s", applets], { encoding: "utf8" });
  if (install.status !== 0) throw new Error(`busybox --install failed: ${install.stderr}`);
  return { restic: restic!, busybox: busybox!, applets };
}
