import { execFileSync, spawnSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import YAML from "yaml";
import { formatFinding } from "../../contracts/contract";
import { readProvenance, readStoredJson } from "../../contracts/stored";
import { checkCloneHistory } from "../../contracts/woodpecker-clone-history";
import { repoRoot } from "../../scripts/repo-root";

const FILE = ".woodpecker/bad.yaml";
const PLUGIN = `woodpeckerci/plugin-git:${readProvenance("woodpecker-plugin-git").version}`;

interface Shape {
  event?: string | string[];
  clone?: unknown;
  skip_clone?: boolean;
  commands?: string[];
}

/** A workflow that runs affected after the given clone. */
function workflow({ event = "push", clone, skip_clone, commands = ['npm run --silent affected -- --since "$${CI_PREV_COMMIT_SHA:-HEAD~1}"'] }: Shape): string {
  return YAML.stringify({
    when: [{ event }],
    ...(skip_clone === undefined ? {} : { skip_clone }),
    ...(clone === undefined ? {} : { clone }),
    steps: [
      { name: "install", image: "node:20.20-bookworm", commands: ["npm ci"] },
      { name: "affected", image: "node:20.20-bookworm", commands },
    ],
  });
}
const cloneWith = (settings: Record<string, unknown>, image = PLUGIN) => [{ name: "clone", image, settings }];
const findings = (shape: Shape) => checkCloneHistory(FILE, workflow(shape));
const lines = (shape: Shape) => findings(shape).map(formatFinding);

const PR_AFFECTED = ['base="$$(git merge-base "origin/$${CI_COMMIT_TARGET_BRANCH}" HEAD)"', 'npm run --silent affected -- --since "$${base}"'];
const TARGET_CLONE = { name: "target-branch", image: PLUGIN, settings: { ref: "refs/heads/${CI_COMMIT_TARGET_BRANCH}", partial: false, depth: 0 } };
const FULL = { partial: false, depth: 0 };

describe("the clone holds the history affected compares with (plugin-git at the pinned version)", () => {
  test("depth 0 alone is not enough: partial is on by default and forces a one-commit clone", () => {
    const [f, ...rest] = findings({ clone: cloneWith({ depth: 0 }) });
    expect(rest).toEqual([]);
    expect(f.where).toBe(`${FILE}:clone[0].settings`);
    expect(f.problem).toMatch(/^partial is unset and plugin-git defaults it to true, which fetches --depth=1 --filter=tree:0 whatever depth says \(on push events\)/);
    expect(f.problem).toMatch(/affected \(steps\[1\]\.commands\[0\]\) compares with an earlier commit; set partial: false and depth: 0/);
    expect(f.upstream).toMatch(/^plugin-git@2\.\d+\.\d+ defaults\.go$/);
  });

  test("partial: true is reported at the setting", () => {
    expect(findings({ clone: cloneWith({ partial: true, depth: 0 }) })[0].where).toBe(`${FILE}:clone[0].settings.partial`);
  });

  test("a depth other than 0 keeps only that many commits", () => {
    const [f] = findings({ clone: cloneWith({ partial: false, depth: 1 }) });
    expect(f.where).toBe(`${FILE}:clone[0].settings.depth`);
    expect(f.problem).toMatch(/^depth 1 fetches --depth=1 \(on push events\): the clone holds only the last 1 commit\(s\).*set depth: 0/);
    expect(f.upstream).toMatch(/^plugin-git@2\.\d+\.\d+ plugin\.go$/);
  });

  test("partial: false with no depth is full history: the plugin's depth defaults to 0", () => {
    expect(lines({ clone: cloneWith({ partial: false }) })).toEqual([]);
  });

  test("fetching tags turns partial off, as plugin-git does; so does a tag event when tags are left unset", () => {
    expect(lines({ clone: cloneWith({ tags: true }) })).toEqual([]);
    expect(lines({ event: "tag", clone: cloneWith({}) })).toEqual([]);
    // …but not an explicit tags: false
    expect(findings({ event: "tag", clone: cloneWith({ tags: false }) }).map((f) => [f.where, f.problem])).toEqual([
      [`${FILE}:clone[0].settings`, expect.stringMatching(/^partial is unset and plugin-git defaults it to true, which fetches --depth=1 --filter=tree:0 whatever depth says \(on tag events\)/)],
    ]);
  });

  test("string settings are read as the plugin reads its environment", () => {
    expect(lines({ clone: cloneWith({ partial: "false", depth: "0" }) })).toEqual([]);
    const [f] = findings({ clone: cloneWith({ partial: false, depth: "zero" }) });
    expect(f.where).toBe(`${FILE}:clone[0].settings.depth`);
    expect(f.problem).toBe('"zero" is not an integer, which plugin-git\'s depth flag needs');
  });

  test("a misspelt setting is one the plugin never reads", () => {
    const [f] = findings({ clone: cloneWith({ partial: false, dept: 1 }) });
    expect(f.where).toBe(`${FILE}:clone[0].settings.dept`);
    expect(f.problem).toMatch(/reads no PLUGIN_DEPT, so setting "dept" is ignored; known settings: .*\bdepth\b.*\bpartial\b/);
  });

  test("no clone section: the server's default clone sets only depth, and partial stays on", () => {
    const [f] = findings({});
    expect(f.where).toBe(`${FILE}:clone`);
    expect(f.problem).toMatch(/^no clone steps: Woodpecker clones with docker\.io\/woodpeckerci\/plugin-git:\S+ and settings \{"depth":"0"\} only/);
    expect(f.upstream).toMatch(/^woodpecker@3\.\d+\.\d+ pipeline\/frontend\/yaml\/compiler\/compiler\.go$/);
  });

  test("skip_clone leaves nothing to compare with", () => {
    expect(findings({ skip_clone: true, clone: cloneWith(FULL) })[0].where).toBe(`${FILE}:skip_clone`);
  });

  test("another clone image, or another plugin-git version, is not one whose behaviour is known", () => {
    expect(findings({ clone: cloneWith(FULL, "alpine/git:2.47.2") })[0].problem).toMatch(/is not woodpeckerci\/plugin-git/);
    const [f] = findings({ clone: cloneWith(FULL, "docker.io/woodpeckerci/plugin-git:9.9.9") });
    expect(f.where).toBe(`${FILE}:clone[0].image`);
    expect(f.problem).toMatch(/plugin-git:9\.9\.9 is not the version whose clone behaviour is stored.*npm run contracts -- woodpecker-plugin-git/);
  });

  test("a workflow that does not run affected needs no history", () => {
    expect(lines({ clone: cloneWith({ depth: 1 }), commands: ["npm test"] })).toEqual([]);
  });
});

describe("a base read from a remote-tracking branch is fetched first", () => {
  const DEPLOYED_AFFECTED = ['base="$$(git merge-base origin/deployed HEAD)"', 'npm run --silent affected -- --since "$${base}"'];
  const DEPLOYED_CLONE = { name: "deployed-branch", image: PLUGIN, settings: { ref: "refs/heads/deployed", partial: false, depth: 0 } };

  test("a deploy comparing with origin/deployed needs a clone step of that branch before the pipeline's commit", () => {
    const [f, ...rest] = findings({ clone: cloneWith(FULL), commands: DEPLOYED_AFFECTED });
    expect(rest).toEqual([]);
    expect(f.where).toBe(`${FILE}:steps[1].commands[0]`);
    expect(f.problem).toMatch(/^reads origin\/deployed, which nothing fetches before it: plugin-git fetches only \+<pipeline commit>: /);
    expect(f.problem).toMatch(/clone step with settings ref: refs\/heads\/deployed, partial: false, depth: 0$/);
    expect(f.upstream).toMatch(/^plugin-git@2\.\d+\.\d+ plugin\.go$/);
  });

  test("cloned first, or fetched by a command before, the branch is there", () => {
    expect(lines({ clone: [DEPLOYED_CLONE, ...cloneWith(FULL)], commands: DEPLOYED_AFFECTED })).toEqual([]);
    expect(lines({ clone: cloneWith(FULL), commands: ["git fetch origin deployed:refs/remotes/origin/deployed", ...DEPLOYED_AFFECTED] })).toEqual([]);
  });
});

describe("pull requests also hold their target branch", () => {
  test("a full clone of the pipeline's commit alone does not: plugin-git fetches only that commit", () => {
    const [f, ...rest] = findings({ event: "pull_request", clone: cloneWith(FULL), commands: PR_AFFECTED });
    expect(rest).toEqual([]);
    expect(f.where).toBe(`${FILE}:steps[1].commands[1]`);
    expect(f.problem).toMatch(/^a pull request compares with its target branch, which the clone does not hold \(plugin-git fetches only \+<pipeline commit>: with --no-tags\)/);
    expect(f.problem).toMatch(/ref: refs\/heads\/\$\{CI_COMMIT_TARGET_BRANCH\}, partial: false, depth: 0/);
  });

  test("a full clone of the target branch before the pipeline's commit does", () => {
    expect(lines({ event: "pull_request", clone: [TARGET_CLONE, ...cloneWith(FULL)], commands: PR_AFFECTED })).toEqual([]);
  });

  test("the target-branch clone is held to full history too", () => {
    const shallowTarget = { ...TARGET_CLONE, settings: { ref: TARGET_CLONE.settings.ref } };
    expect(findings({ event: "pull_request", clone: [shallowTarget, ...cloneWith(FULL)], commands: PR_AFFECTED })[0].where).toBe(`${FILE}:clone[0].settings`);
  });

  test("cloned last, the target branch is what the pipeline would run on", () => {
    const [f] = findings({ event: "pull_request", clone: [...cloneWith(FULL), TARGET_CLONE], commands: PR_AFFECTED });
    expect(f.where).toBe(`${FILE}:clone[1].settings.ref`);
    expect(f.problem).toMatch(/check out that ref \(git checkout FETCH_HEAD\) instead of the pipeline's commit.*put the clone of the pipeline's commit \(no ref\) last/);
  });

  test("a git fetch of the target branch before affected does too, unless it is shallow", () => {
    const fetch = 'git fetch --no-tags origin "$${CI_COMMIT_TARGET_BRANCH}"';
    expect(lines({ event: "pull_request", clone: cloneWith(FULL), commands: [fetch, ...PR_AFFECTED] })).toEqual([]);
    const [f] = findings({ event: "pull_request", clone: cloneWith(FULL), commands: [`${fetch} --depth=1`, ...PR_AFFECTED] });
    expect(f.where).toBe(`${FILE}:steps[1].commands[0]`);
    expect(f.problem).toMatch(/fetches the target branch shallow or filtered/);
  });

  test("the variables those commands read are ones Woodpecker sets for the workflow's events", () => {
    const pushing = findings({ event: ["pull_request", "push"], clone: [TARGET_CLONE, ...cloneWith(FULL)], commands: PR_AFFECTED });
    expect(pushing.map((f) => f.problem)).toContain("CI_COMMIT_TARGET_BRANCH is set only for pull-request events, but the workflow also runs on push");
    const [typo] = findings({ clone: cloneWith(FULL), commands: ['npm run --silent affected -- --since "$${CI_PREV_COMMIT}"'] });
    expect(typo.problem).toBe("CI_PREV_COMMIT is not a variable Woodpecker sets: it expands to an empty string");
    expect(typo.upstream).toMatch(/^woodpecker@3\.\d+\.\d+ pipeline\/frontend\/metadata\/environment\.go$/);
  });
});

/**
 * The workflows rely on what git does with the commands plugin-git runs (plugin.go): `git
 * remote add origin`, then `git fetch <tags option> [--depth=N] origin <refspec>` per clone
 * step, checking out FETCH_HEAD for a ref or resetting to the commit. Run with the stored
 * refspec and options against a local repository: the real git, offline.
 */
describe("the clone plugin's git commands, run for real", () => {
  const { fetch } = readStoredJson<{ fetch: { refspec: string; tagsOption: string } }>("woodpecker-plugin-git", "clone.json");
  let dir: string;
  const git = (cwd: string, ...args: string[]) =>
    execFileSync("git", ["-c", "user.email=ci@example.org", "-c", "user.name=ci", "-c", "protocol.file.allow=always", ...args], { cwd, encoding: "utf8" }).trim();
  const commit = (cwd: string, text: string) => {
    writeFileSync(join(cwd, "f"), text);
    git(cwd, "add", "f");
    git(cwd, "commit", "-qm", text);
    return git(cwd, "rev-parse", "HEAD");
  };
  /** What one plugin-git clone step does, with --depth only when depth is not 0. */
  const cloneStep = (workspace: string, ref: string, depth: number, checkout: string[]) => {
    if (spawnSync("git", ["rev-parse", "--git-dir"], { cwd: workspace }).status !== 0) {
      git(workspace, "init", "-q");
      git(workspace, "remote", "add", "origin", `file://${join(dir, "upstream")}`);
    }
    git(workspace, "fetch", "-q", fetch.tagsOption, ...(depth ? [`--depth=${depth}`] : []), "origin", fetch.refspec.replace("%s", ref));
    git(workspace, ...checkout);
  };
  let main: string;
  let pr: string;
  let base: string;

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "homelab-clone-"));
    const upstream = join(dir, "upstream");
    mkdirSync(upstream);
    git(upstream, "init", "-q", "-b", "main");
    base = commit(upstream, "base");
    git(upstream, "checkout", "-qb", "feature");
    pr = commit(upstream, "feature");
    git(upstream, "checkout", "-q", "main");
    main = commit(upstream, "main moved on");
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test("target branch first, then the pull request's commit: origin/<target> exists, the merge base is found, the commit is checked out", () => {
    const ws = join(dir, "full");
    mkdirSync(ws);
    cloneStep(ws, "refs/heads/main", 0, ["checkout", "-qf", "FETCH_HEAD"]);
    cloneStep(ws, pr, 0, ["reset", "--hard", "-q", pr]);
    expect(git(ws, "rev-parse", "origin/main")).toBe(main);
    expect(git(ws, "rev-parse", "HEAD")).toBe(pr);
    expect(git(ws, "merge-base", "origin/main", "HEAD")).toBe(base);
  });

  test("in a depth-1 clone of the commit alone, affected says the clone is shallow and what to set, instead of a git error", () => {
    const ws = join(dir, "shallow");
    mkdirSync(join(ws, "node_modules"), { recursive: true });
    cloneStep(ws, pr, 1, ["reset", "--hard", "-q", pr]);
    const root = repoRoot();
    // The compiled script `npm test` built, run in the clone as the pipeline runs it.
    const r = spawnSync(process.execPath, [join(root, "dist", "scripts", "affected.js"), "--since", "HEAD~1"], { cwd: ws, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(
      "error: --since HEAD~1: not a commit in this clone: the clone is shallow (1 commit(s) of history), so the commit to compare with is missing; " +
        "clone the full history: in the Woodpecker clone step set partial: false and depth: 0 (plugin-git's partial, on by default, forces --depth=1), or run git fetch --unshallow\n",
    );
  });
});
