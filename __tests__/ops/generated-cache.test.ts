import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { GENERATED_CACHE_ENV, generatedOnce } from "../../scripts/lib/generated-cache";

describe("a generator's output kept by its inputs", () => {
  let dir: string;
  const saved = process.env[GENERATED_CACHE_ENV];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "homelab-generated-"));
    process.env[GENERATED_CACHE_ENV] = dir;
  });
  afterEach(() => {
    if (saved === undefined) delete process.env[GENERATED_CACHE_ENV];
    else process.env[GENERATED_CACHE_ENV] = saved;
    rmSync(dir, { recursive: true, force: true });
  });
  const counting = () => {
    let runs = 0;
    return { generate: () => ({ "a.ts": `run ${++runs}` }), runs: () => runs };
  };

  test("the same generator on the same inputs runs once; what it wrote comes back whole", async () => {
    const g = counting();
    expect(await generatedOnce("gen@1", ["x", "y"], g.generate)).toEqual({ "a.ts": "run 1" });
    expect(await generatedOnce("gen@1", ["x", "y"], g.generate)).toEqual({ "a.ts": "run 1" });
    expect(g.runs()).toBe(1);
  });

  test("another input, another version of the generator, or inputs split differently run it again", async () => {
    const g = counting();
    await generatedOnce("gen@1", ["x", "y"], g.generate);
    await generatedOnce("gen@1", ["x", "z"], g.generate);
    await generatedOnce("gen@2", ["x", "y"], g.generate);
    await generatedOnce("gen@1", ["xy"], g.generate);
    await generatedOnce("gen@1", ["x", "y", ""], g.generate);
    expect(g.runs()).toBe(5);
  });

  test("a kept file cut short is generated again and replaced; `off` always runs the generator", async () => {
    const g = counting();
    await generatedOnce("gen@1", ["x"], g.generate);
    const [kept] = readdirSync(dir);
    writeFileSync(join(dir, kept), '{"a.ts": "ru');
    expect(await generatedOnce("gen@1", ["x"], g.generate)).toEqual({ "a.ts": "run 2" });
    expect(await generatedOnce("gen@1", ["x"], g.generate)).toEqual({ "a.ts": "run 2" });
    process.env[GENERATED_CACHE_ENV] = "off";
    expect(await generatedOnce("gen@1", ["x"], g.generate)).toEqual({ "a.ts": "run 3" });
    expect(readdirSync(dir)).toEqual([kept]);
  });
});
