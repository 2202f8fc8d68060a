import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { estateDependencies } from "../../scripts/lib/describe-estate";
import { repoRoot } from "../../scripts/repo-root";

/** What a base's synth loads while its tree is being written: the estate's packages, by name. */
describe("the estate's dependencies, read from its compiled files", () => {
  let dist: string;
  const write = (rel: string, text: string) => {
    mkdirSync(dirname(join(dist, rel)), { recursive: true });
    writeFileSync(join(dist, rel), text);
  };
  beforeEach(() => (dist = mkdtempSync(join(tmpdir(), "homelab-dist-"))));
  afterEach(() => rmSync(dist, { recursive: true, force: true }));

  test("the packages the estate requires, deep paths included; not its own modules, Node's, nor what only scripts and tests load", () => {
    write("main.js", 'const cdktf_1 = require("cdktf");\nconst stacks_1 = require("./stacks");\nconst fs_1 = require("fs");\nconst p = require("node:path");\n');
    write("stacks/index.js", 'const job_1 = require("@cdktf/provider-nomad/lib/job");\nconst cp = require("child_process");\nconst y = require("yaml");\n');
    write("constructs/app.json", '{"require(\\"not-code\\")": 1}\n');
    write("scripts/lib/compile.js", 'const ts = require("typescript");\n');
    write("__tests__/web.test.js", 'const jest = require("@jest/globals");\n');
    expect([...estateDependencies(dist)].sort()).toEqual(["@cdktf/provider-nomad/lib/job", "cdktf", "yaml"]);
  });

  test("the real estate's: cdktf, the constructs library and the providers' modules it uses", () => {
    const real = join(repoRoot(), "dist");
    if (!existsSync(join(real, "main.js"))) throw new Error(`${real} is not built: run tsc -b first`);
    const found = estateDependencies(real);
    expect(found).toContain("cdktf");
    expect(found).toContain("constructs");
    expect([...found].filter((d) => d.startsWith("@cdktf/provider-nomad/lib/")).length).toBeGreaterThan(0);
    expect([...found].filter((d) => d.startsWith(".") || d === "typescript")).toEqual([]);
  });
});
