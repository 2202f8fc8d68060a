import { execFileSync } from "child_process";
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readlinkSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { dirname, join } from "path";
import { baseTreeFromWorkingTree, compileBaseFromDist, synthInputsDiffer, unreadBySynth } from "../../scripts/lib/compiled-base";
import { projectCompilerOptions, transpileInto } from "../../scripts/lib/compiler-options";
import { repoRoot } from "../../scripts/repo-root";

/** A small repository compiled as the project is (its tsconfig.json), with a committed base. */
describe("the base tree compiled from the working tree's dist/", () => {
  let root: string;
  let tree: string;
  const write = (dir: string, rel: string, text: string) => {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), text);
  };
  const git = (...args: string[]) => execFileSync("git", ["-c", "user.email=ci@example.org", "-c", "user.name=ci", ...args], { cwd: root, encoding: "utf8" });
  const build = () => {
    const options = projectCompilerOptions(root);
    for (const rel of ["main.ts", "stacks/web.ts", "stacks/new.ts"]) if (existsSync(join(root, rel))) transpileInto(rel, options, root);
  };
  /** The base's files as `git archive` exports them. */
  const exportBase = () => {
    tree = mkdtempSync(join(tmpdir(), "homelab-base-tree-"));
    execFileSync("sh", ["-c", `git archive HEAD | tar -x -C "${tree}"`], { cwd: root });
  };

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "homelab-compiled-base-"));
    write(root, "tsconfig.json", readFileSync(join(repoRoot(), "tsconfig.json"), "utf8"));
    write(root, "package.json", '{"name":"fixture"}\n');
    write(root, "package-lock.json", "{}\n");
    write(root, "main.ts", 'import { tag } from "./stacks/web";\nexport const image = `web:${tag}`;\n');
    write(root, "stacks/web.ts", 'export const tag: string = "v1";\n');
    write(root, ".gitignore", "dist\n");
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "base");
  });
  afterEach(() => {
    rmSync(root, { recursive: true, force: true });
    if (tree) rmSync(tree, { recursive: true, force: true });
  });

  test("a file changed since the base is transpiled from the base; the others are the working tree's compiled files", () => {
    write(root, "stacks/web.ts", 'export const tag: string = "v2";\n');
    write(root, "stacks/new.ts", "export const added = 1;\n");
    build();
    exportBase();
    expect(compileBaseFromDist(root, "HEAD", tree, "main")).toBe(true);
    // Transpiled by Sucrase (its one-line form, where tsc writes `exports.tag = "v1"`), from the base's source.
    expect(readFileSync(join(tree, "dist", "stacks", "web.js"), "utf8")).toContain('const tag = "v1"; exports.tag = tag;');
    expect(readFileSync(join(root, "dist", "stacks", "web.js"), "utf8")).toContain('exports.tag = "v2"');
    expect(readFileSync(join(tree, "dist", "main.js"), "utf8")).toBe(readFileSync(join(root, "dist", "main.js"), "utf8"));
    // Only the working tree has it: the base's dist/ does not.
    expect(existsSync(join(tree, "dist", "stacks", "new.js"))).toBe(false);
    // And what it compiled runs as the base did.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require(join(tree, "dist", "main.js")) as { image: string }).image).toBe("web:v1");
  });

  test("a file the working tree deleted is compiled from the base", () => {
    rmSync(join(root, "stacks", "web.ts"));
    write(root, "main.ts", "export const image = `web:none`;\n");
    build();
    exportBase();
    expect(existsSync(join(root, "dist", "stacks", "web.js"))).toBe(false);
    expect(compileBaseFromDist(root, "HEAD", tree, "main")).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require(join(tree, "dist", "main.js")) as { image: string }).image).toBe("web:v1");
  });

  test("the base's tree without a whole export: the working tree linked, the base's own files where they differ, none where it has none", () => {
    write(root, "stacks/web.ts", 'export const tag: string = "v2";\n');
    write(root, "stacks/new.ts", "export const added = 1;\n");
    write(root, "notes/untracked.md", "not at the base\n");
    rmSync(join(root, "main.ts"));
    build();
    tree = mkdtempSync(join(tmpdir(), "homelab-base-tree-"));
    expect(baseTreeFromWorkingTree(root, "HEAD", tree, "main")).toBe(true);
    // Changed: the base's content, a file of its own. Deleted here: the base's, back. Added or untracked here: absent.
    expect(readFileSync(join(tree, "stacks", "web.ts"), "utf8")).toContain('"v1"');
    expect(lstatSync(join(tree, "stacks", "web.ts")).isSymbolicLink()).toBe(false);
    expect(readFileSync(join(tree, "main.ts"), "utf8")).toContain("web:${tag}");
    expect(existsSync(join(tree, "stacks", "new.ts"))).toBe(false);
    expect(existsSync(join(tree, "notes"))).toBe(false);
    // The same on both sides: a link to the working tree's file, nothing copied.
    expect(readlinkSync(join(tree, "tsconfig.json"))).toBe(join(root, "tsconfig.json"));
    // Its dist/ is its own (written by compileBaseFromDist), and git's directory is not linked.
    expect(lstatSync(join(tree, "dist")).isDirectory()).toBe(true);
    expect(existsSync(join(tree, ".git"))).toBe(false);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require(join(tree, "dist", "main.js")) as { image: string }).image).toBe("web:v1");
    // The working tree is as it was.
    expect(readFileSync(join(root, "stacks", "web.ts"), "utf8")).toContain('"v2"');
    expect(existsSync(join(root, "main.ts"))).toBe(false);
  });

  test("nothing differs: every entry is a link, and no file of the base is exported", () => {
    write(root, "__tests__/web.test.ts", "test.todo('web');\n");
    git("add", "-A");
    git("commit", "-qm", "a test");
    build();
    tree = mkdtempSync(join(tmpdir(), "homelab-base-tree-"));
    expect(baseTreeFromWorkingTree(root, "HEAD", tree, "main")).toBe(true);
    for (const entry of ["main.ts", "stacks", "tsconfig.json"]) expect(lstatSync(join(tree, entry)).isSymbolicLink()).toBe(true);
    // No synth reads a test: the base tree has none.
    expect(existsSync(join(tree, "__tests__"))).toBe(false);
  });

  test("the base's dist/ links the working tree's compiled files, and replaces what differs without writing through the link", () => {
    write(root, "stacks/ports.json", '{"web": 80}\n');
    write(root, "main.ts", 'import ports from "./stacks/ports.json";\nimport { tag } from "./stacks/web";\nexport const image = `web:${tag}:${ports.web}`;\n');
    git("add", "-A");
    git("commit", "-qm", "ports");
    write(root, "stacks/ports.json", '{"web": 8080}\n');
    write(root, "stacks/web.ts", 'export const tag: string = "v2";\n');
    build();
    write(root, "dist/stacks/ports.json", readFileSync(join(root, "stacks/ports.json"), "utf8")); // as tsc copies it
    tree = mkdtempSync(join(tmpdir(), "homelab-base-tree-"));
    expect(baseTreeFromWorkingTree(root, "HEAD", tree, "main")).toBe(true);
    // Unchanged: the same file, not a copy.
    expect(lstatSync(join(tree, "dist", "main.js")).ino).toBe(lstatSync(join(root, "dist", "main.js")).ino);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require(join(tree, "dist", "main.js")) as { image: string }).image).toBe("web:v1:80");
    // The working tree's compiled files are as they were.
    expect(readFileSync(join(root, "dist", "stacks", "web.js"), "utf8")).toContain('exports.tag = "v2"');
    expect(readFileSync(join(root, "dist", "stacks", "ports.json"), "utf8")).toContain("8080");
    // No source map is written for the base (nothing reads its stack traces).
    expect(existsSync(join(tree, "dist", "stacks", "web.js.map"))).toBe(false);
  });

  test("where Sucrase cannot stand for tsc (a tsconfig.json with comments, on both sides), TypeScript transpiles what differs", () => {
    write(root, "tsconfig.json", `// the project's options\n${readFileSync(join(root, "tsconfig.json"), "utf8")}`);
    git("commit", "-qam", "commented tsconfig");
    write(root, "stacks/web.ts", 'export const tag: string = "v2";\n');
    build();
    exportBase();
    expect(compileBaseFromDist(root, "HEAD", tree, "main")).toBe(true);
    expect(readFileSync(join(tree, "dist", "stacks", "web.js"), "utf8")).toContain('exports.tag = "v1"');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    expect((require(join(tree, "dist", "main.js")) as { image: string }).image).toBe("web:v1");
  });

  test.each(["tsconfig.json", "package-lock.json", "package.json"])("with %s changed nothing of dist/ stands for the base: nothing is written", (file) => {
    build();
    write(root, file, `${readFileSync(join(root, file), "utf8")}\n`);
    exportBase();
    expect(compileBaseFromDist(root, "HEAD", tree, "main")).toBe(false);
    expect(existsSync(join(tree, "dist"))).toBe(false);
  });
});

describe("what no synth reads", () => {
  test.each([
    ["dist/main.js", "main", true],
    [".git/HEAD", "main", true],
    ["__tests__/stacks/web.test.ts", "main", true],
    ["__tests__/integration/fixtures/estate.ts", "__tests__/integration/fixtures/estate", false],
    ["stacks/web.ts", "main", false],
    ["README.md", "main", false],
    ["distribution/notes.md", "main", false],
  ])("%s, for the app %s: %s", (rel, app, unread) => {
    expect(unreadBySynth(rel, app)).toBe(unread);
  });

  test("a base differs for a synth when anything it may read differs, not only tests", () => {
    expect(synthInputsDiffer(new Set(["__tests__/ops/x.test.ts"]), "main")).toBe(false);
    expect(synthInputsDiffer(new Set(["__tests__/ops/x.test.ts", "jobspecs/images.ts"]), "main")).toBe(true);
    expect(synthInputsDiffer(new Set(["__tests__/integration/fixtures/estate.ts"]), "__tests__/integration/fixtures/estate")).toBe(true);
    expect(synthInputsDiffer(new Set(), "main")).toBe(false);
  });
});
