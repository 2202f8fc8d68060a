import { spawnSync } from "child_process";
import { mkdtempSync, readdirSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { repoRoot } from "../../scripts/repo-root";

// The benchmark's scaled app must keep synthesizing cleanly (every rule passing) as the
// estate changes, or `npm run bench` breaks unnoticed. Runs the compiled app `npm test` built.
test("the benchmark app synthesizes the estate plus as many copies of a representative stack", () => {
  const root = repoRoot();
  const outdir = mkdtempSync(join(tmpdir(), "bench-app-"));
  try {
    const run = spawnSync(process.execPath, [join(root, "dist", "scripts", "bench-app.js")], {
      cwd: root,
      env: { ...process.env, BENCH_SCALE: "2", CDKTF_OUTDIR: outdir },
      encoding: "utf8",
    });
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const stacks = readdirSync(join(outdir, "stacks"));
    expect(stacks.filter((s) => s.startsWith("bench-copy-")).length).toBe(stacks.length / 2);
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
});
