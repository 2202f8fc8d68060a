/**
 * Runs a command and samples the resident memory of its whole process tree (jest's workers,
 * the processes tests start), which a preloaded probe cannot see: a child's peak is not the
 * run's peak when several live at once. Linux only (/proc); elsewhere the peak reads 0.
 */
import { spawn, SpawnOptions } from "child_process";
import { existsSync, readdirSync, readFileSync } from "fs";

export interface TreeRun {
  readonly status: number | null;
  readonly seconds: number;
  /** The largest sum of VmRSS over the process and its descendants, sampled every 100 ms. */
  readonly peakMiB: number;
  readonly output: string;
}

function read(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch {
    return ""; // the process ended between listing and reading
  }
}

/** Resident KiB of `root` and every process below it. */
function treeRssKiB(root: number): number {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = read(`/proc/${entry}/stat`);
    const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  let total = 0;
  const queue = [root];
  while (queue.length) {
    const pid = queue.pop()!;
    total += Number(/^VmRSS:\s+(\d+)/m.exec(read(`/proc/${pid}/status`))?.[1] ?? 0);
    queue.push(...(children.get(pid) ?? []));
  }
  return total;
}

export function runTree(command: string, args: readonly string[], options: SpawnOptions): Promise<TreeRun> {
  const sampling = existsSync("/proc/self/status");
  const start = process.hrtime.bigint();
  const child = spawn(command, args, { ...options, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout!.on("data", (d) => (output += d));
  child.stderr!.on("data", (d) => (output += d));
  let peak = 0;
  const timer = setInterval(() => {
    if (sampling && child.pid) peak = Math.max(peak, treeRssKiB(child.pid));
  }, 100);
  return new Promise((done, fail) => {
    child.on("error", (err) => {
      clearInterval(timer);
      fail(err);
    });
    child.on("close", (status) => {
      clearInterval(timer);
      done({ status, seconds: Number(process.hrtime.bigint() - start) / 1e9, peakMiB: peak / 1024, output });
    });
  });
}
