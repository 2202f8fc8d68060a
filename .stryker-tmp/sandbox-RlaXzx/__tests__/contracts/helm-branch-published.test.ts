// @ts-nocheck
import { execFileSync } from "child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { MIRROR_ENV, UpstreamRepo } from "../../scripts/lib/upstream";
import { branchPublications } from "../../scripts/contracts/helm-charts";

describe("a chart pushed to an OCI registry on every change of its branch (no index, no tags)", () => {
  const mirror = mkdtempSync(join(tmpdir(), "branch-published-"));
  const work = join(mirror, "work");
  const git = (...args: string[]) => execFileSync("git", ["-C", work, "-c", "user.name=t", "-c", "user.email=t@example.org", ...args], { encoding: "utf8" }).trim();
  const commits: Record<string, string> = {};
  beforeAll(() => {
    mkdirSync(join(work, "charts", "c"), { recursive: true });
    git("init", "-q", "-b", "main");
    const commit = (name: string, files: Record<string, string>) => {
      for (const [path, text] of Object.entries(files)) writeFileSync(join(work, path), text);
      git("add", "-A");
      git("commit", "-q", "-m", name);
      commits[name] = git("rev-parse", "HEAD");
    };
    commit("first", { "charts/c/Chart.yaml": "name: c\nversion: 1.0.0\n" });
    commit("bump", { "charts/c/Chart.yaml": "name: c\nversion: 1.0.1\n" });
    commit("change without a bump", { "charts/c/values.yaml": "a: 1\n" });
    commit("outside the chart", { "README.md": "x\n" });
    execFileSync("git", ["clone", "-q", "--bare", work, join(mirror, "o+c", "repo")]);
  });
  afterAll(() => rmSync(mirror, { recursive: true, force: true }));

  test("publishes every version its Chart.yaml had, each at the newest commit that pushed it", () => {
    const repo = UpstreamRepo.open("o/c", { [MIRROR_ENV]: mirror });
    const source = { repository: "o/c", chartPath: "charts/c", publishedFromBranch: "main", publishedBy: "test" };
    expect([...branchPublications(repo, source)]).toEqual([
      ["1.0.1", commits["change without a bump"]],
      ["1.0.0", commits.first],
    ]);
  });
});
