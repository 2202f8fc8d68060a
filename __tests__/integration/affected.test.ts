import { execFileSync, spawnSync } from "child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { projectCompilerOptions, transpileInto } from "../../scripts/lib/compiler-options";
import { cleanEnv, DIST, FIXTURE_APP, REPO, runScript } from "./helpers/workspace";

/**
 * `npm run affected` end to end: a throwaway git repository holding this project's files,
 * with commits that change one fixture stack. The real repository is never written to.
 */
describe("npm run affected", () => {
  let repo: string;
  const fixture = () => join(repo, `${FIXTURE_APP}.ts`);
  const git = (...args: string[]) =>
    execFileSync("git", ["-c", "user.email=ci@example.org", "-c", "user.name=ci", ...args], { cwd: repo, encoding: "utf8" });
  const edit = (from: string, to: string) => writeFileSync(fixture(), readFileSync(fixture(), "utf8").replace(from, to));
  const affected = (...args: string[]) => runScript("affected", args, repo, cleanEnv());

  beforeAll(() => {
    repo = mkdtempSync(join(tmpdir(), "homelab-affected-it-"));
    const files = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: REPO })
      .toString()
      .split("\0")
      .filter((f) => f && !f.startsWith("node_modules"));
    execFileSync("tar", ["-cf", join(repo, "..", `${repo.split("/").pop()}.tar`), "--null", "-T", "-"], { cwd: REPO, input: files.join("\0") });
    execFileSync("tar", ["-xf", join(repo, "..", `${repo.split("/").pop()}.tar`), "-C", repo]);
    rmSync(join(repo, "..", `${repo.split("/").pop()}.tar`));
    symlinkSync(join(REPO, "node_modules"), join(repo, "node_modules"), "dir");
    git("init", "-q");
    writeFileSync(join(repo, ".git", "info", "exclude"), "node_modules\n");
    git("add", "-A");
    git("commit", "-qm", "base");
  });
  afterAll(() => rmSync(repo, { recursive: true, force: true }));

  test("nothing changed since a ref: prints nothing", () => {
    const r = affected("--since", "HEAD");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("");
  });

  test("a committed change to one stack prints that stack and its dependents, in deploy order, and nothing else", () => {
    edit('producer: "producer-v1"', 'producer: "producer-v2"');
    git("commit", "-qam", "bump producer");
    const r = affected("--since", "HEAD~1");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toBe("producer\nconsumer\n");
  });

  test("uncommitted changes in the working tree count", () => {
    edit('boot: "boot-v1"', 'boot: "boot-v2"');
    expect(affected("--since", "HEAD").stdout).toBe("boot\napp\n");
    expect(affected("--since", "HEAD~1").stdout).toBe("boot\napp\nproducer\nconsumer\n");
    git("checkout", "-q", "--", FIXTURE_APP + ".ts");
  });

  test("a side that fails fails the command, and leaves no temporary directory behind", () => {
    const tmp = mkdtempSync(join(tmpdir(), "homelab-affected-tmp-"));
    const original = readFileSync(fixture(), "utf8");
    try {
      writeFileSync(fixture(), `${original}\nthrow new Error("the fixture fails on purpose");\n`);
      const r = runScript("affected", ["--since", "HEAD"], repo, cleanEnv({ TMPDIR: tmp }));
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/cannot synthesize the working tree: [\s\S]*the fixture fails on purpose/);
      // The base's synth, still running when the working tree's failed, loses its tree with the directory and ends writing nothing.
      spawnSync("sleep", ["3"]);
      expect(readdirSync(tmp)).toEqual([]);
    } finally {
      writeFileSync(fixture(), original);
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  test("fails if the ref is not a commit", () => {
    const r = affected("--since", "no-such-ref");
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--since no-such-ref: not a commit/);
  });

  test("fails if --since is missing, with the usage", () => {
    const r = affected();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/--since <git-ref> is required\nusage: npm run affected -- --since <git-ref>/);
  });

  describe("from a current dist/, as npm run affected runs after tsc -b: the base from the working tree's compiled files", () => {
    let cache: string;
    const compiledFixture = () => join(repo, "dist", `${FIXTURE_APP}.js`);
    const compiledAffected = (...args: string[]) =>
      spawnSync(process.execPath, [join(repo, "dist", "scripts", "affected.js"), ...args], { cwd: repo, env: cleanEnv({ HOMELAB_AFFECTED_CACHE: cache }), encoding: "utf8", timeout: 180_000 });
    /** What `tsc -b` leaves: the fixture compiled as it is now, and its build info newer than every source. */
    const build = () => {
      transpileInto(`${FIXTURE_APP}.ts`, { ...projectCompilerOptions(repo), rootDir: repo, outDir: join(repo, "dist") }, repo);
      const later = new Date(Date.now() + 1000);
      utimesSync(join(repo, "dist", ".tsbuildinfo"), later, later);
    };
    beforeAll(() => {
      cpSync(DIST, join(repo, "dist"), { recursive: true, filter: (src) => !src.endsWith(".map") });
      build();
    });
    beforeEach(() => (cache = mkdtempSync(join(tmpdir(), "homelab-affected-cache-"))));
    afterEach(() => rmSync(cache, { recursive: true, force: true }));

    test("a committed change: the stack and its reader, the base synthesized once and kept, the working tree's dist/ untouched", () => {
      edit('producer: "producer-v2"', 'producer: "producer-v3"');
      git("commit", "-qam", "bump producer again");
      build();
      const first = compiledAffected("--since", "HEAD~1");
      expect({ status: first.status, stderr: first.stderr, stdout: first.stdout }).toEqual({ status: 0, stderr: "", stdout: "producer\nconsumer\n" });
      expect(readdirSync(cache)).toHaveLength(1);
      // The base's fixture was transpiled from the base into its own tree, never through a link into this one.
      expect(readFileSync(compiledFixture(), "utf8")).toContain("producer-v3");
      const kept = compiledAffected("--since", "HEAD~1");
      expect({ status: kept.status, stdout: kept.stdout }).toEqual({ status: 0, stdout: "producer\nconsumer\n" });
    });

    test("nothing differs from the base: nothing is synthesized for it, and nothing is affected", () => {
      const r = compiledAffected("--since", "HEAD");
      expect({ status: r.status, stderr: r.stderr, stdout: r.stdout }).toEqual({ status: 0, stderr: "", stdout: "" });
      expect(readdirSync(cache)).toEqual([]);
    });
  });

  describe("npm run diff: the same comparison, in the operator's terms", () => {
    const diff = (...args: string[]) => runScript("diff", args, repo, cleanEnv());

    test("nothing changed: says so", () => {
      const r = diff("--since", "HEAD");
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
      expect(r.stdout).toMatch(/^## What this change does \(compared with [0-9a-f]{12}\)\n\nNo stack changes\.\n$/);
    });

    test("a committed change: the stack that changed and the one reading its output, in deploy order, with what Terraform will do", () => {
      const r = diff("--since", "HEAD~1");
      expect({ status: r.status, stderr: r.stderr }).toEqual({ status: 0, stderr: "" });
      expect(r.stdout).toContain("Affected stacks, in deploy order: `producer`, `consumer`.");
      expect(r.stdout).toMatch(/### producer · kubernetes, tier 1\n\nTerraform resources: 1 to change \(terraform_data\.Value\)\./);
      expect(r.stdout).toContain("### consumer (reads a changed output) · kubernetes, tier 1\n\nIts own files are unchanged; it reads outputs of `producer`");
    });

    test("fails if --since is missing, with the usage", () => {
      const r = diff();
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/--since <git-ref> is required\nusage: npm run diff -- --since <git-ref>/);
    });
  });
});
