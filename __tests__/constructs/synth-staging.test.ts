import { spawn } from "child_process";
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Lazy, TerraformOutput } from "cdktf";
import { HomelabApp } from "../../constructs";
import { stagingPrefix } from "../../constructs/synth-staging";
import { checkApp, synthApp, testInventory, testStack } from "../helpers/synth";
import { repoRoot } from "../../scripts/repo-root";

const REPO = repoRoot();
const stagingOf = (pid: number, dir = tmpdir()) => readdirSync(dir).filter((name) => name.startsWith(stagingPrefix(pid)));

describe("a synth leaves no staging directory behind", () => {
  const before = stagingOf(process.pid);

  test("after a synth, a check and an app that never synthesizes", () => {
    synthApp((app) => testStack(app));
    checkApp((app) => testStack(app));
    const app = new HomelabApp({ outdir: join(tmpdir(), "homelab-unused"), inventory: testInventory });
    testStack(app);
    app.describeStacks();
    expect(stagingOf(process.pid)).toEqual(before);
  });

  test("after a synth that fails while synthesizing", () => {
    expect(() =>
      synthApp((app) => {
        new TerraformOutput(testStack(app), "Broken", {
          value: Lazy.stringValue({
            produce: () => {
              throw new Error("cannot resolve");
            },
          }),
        });
      }),
    ).toThrow(/cannot resolve/);
    expect(stagingOf(process.pid)).toEqual(before);
  });

  test("after a synth refused by a rule", () => {
    const app = new HomelabApp({ outdir: join(tmpdir(), "homelab-unused"), inventory: testInventory });
    const apps = testStack(app, { id: "apps", tier: 1 });
    testStack(app, { id: "bootstrap", tier: 0 }).addDependency(apps);
    expect(() => app.synth()).toThrow(/nothing was written/);
    expect(stagingOf(process.pid)).toEqual(before);
  });
});

/**
 * A compiled synth (dist/, which `npm test` builds first) that waits inside staging, in a
 * token whose value is produced only once the file named by argv[3] exists (the rules may
 * resolve it before staging exists: those calls do not wait).
 */
const SLOW_SYNTH = `
const { existsSync, readdirSync } = require("fs");
const { tmpdir } = require("os");
const { HomelabApp, HomelabStack } = require(${JSON.stringify(join(REPO, "dist", "constructs"))});
const { Lazy, TerraformOutput } = require(${JSON.stringify(require.resolve("cdktf"))});
const app = new HomelabApp({ outdir: process.argv[2] });
const stack = new HomelabStack(app, "slow", { tier: 1, cluster: "kubernetes", description: "a slow synth" });
const pause = () => {
  if (!readdirSync(tmpdir()).some((name) => name.startsWith("homelab-synth-" + process.pid + "-"))) return "early";
  const until = Date.now() + 60000;
  while (!existsSync(process.argv[3]) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
  return "done";
};
new TerraformOutput(stack, "Slow", { value: Lazy.stringValue({ produce: pause }) });
app.synth();
`;

describe.each(["SIGINT", "SIGTERM"] as const)("a synth interrupted by %s", (signal) => {
  test("removes its staging directory, then ends as the signal asks", async () => {
    const dir = mkdtempSync(join(tmpdir(), "homelab-interrupt-"));
    let child: ReturnType<typeof spawn> | undefined;
    try {
      writeFileSync(join(dir, "slow.js"), SLOW_SYNTH);
      const go = join(dir, "go");
      const proc = spawn(process.execPath, [join(dir, "slow.js"), join(dir, "out"), go], { env: { ...process.env, TMPDIR: dir }, stdio: ["ignore", "ignore", "pipe"] });
      child = proc;
      let stderr = "";
      proc.stderr.on("data", (d) => (stderr += d));
      const exited = new Promise<NodeJS.Signals | number | null>((done) => proc.on("exit", (code, sig) => done(sig ?? code)));
      while (stagingOf(proc.pid!, dir).length === 0) {
        if (proc.exitCode !== null) throw new Error(`the synth ended before it was interrupted: ${stderr}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      proc.kill(signal);
      writeFileSync(go, "");
      expect(await exited).toBe(signal);
      expect(stagingOf(proc.pid!, dir)).toEqual([]);
      // The interrupt takes effect once the synth returns: the output is the whole synth or nothing.
      expect(existsSync(join(dir, "out", "manifest.json"))).toBe(true);
    } finally {
      if (child?.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
