import { readdirSync, readFileSync, statSync } from "fs";
import { join } from "path";
import { Postgres, startPostgres } from "./helpers/postgres";
import { requireTools } from "./helpers/tools";
import { cleanEnv, newWorkspace, runTerraform, start, synthFixture, terraform, Workspace } from "./helpers/workspace";

/** Every file under a directory, recursively. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true })
    .map((rel) => join(dir, rel as string))
    .filter((p) => statSync(p).isFile());
}

describe("tier 1: state in PostgreSQL with only PG_CONN_STR", () => {
  let pg: Postgres;
  let ws: Workspace;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    requireTools();
    pg = await startPostgres();
    ws = newWorkspace();
    env = cleanEnv({ PG_CONN_STR: pg.connStr });
    synthFixture(ws.root);
  });
  afterAll(() => {
    pg?.stop();
    ws?.dispose();
  });

  test("init and apply a tier-1 stack against PostgreSQL", () => {
    const dir = ws.stackDir("producer");
    terraform(dir, ["init", "-input=false", "-no-color"], env);
    terraform(dir, ["apply", "-input=false", "-auto-approve", "-no-color"], env);
    expect(terraform(dir, ["state", "list"], env).split("\n").filter(Boolean).sort()).toEqual(["terraform_data.Gate", "terraform_data.Value"]);
    const state = JSON.parse(terraform(dir, ["state", "pull"], env));
    expect(state.resources.find((r: any) => r.name === "Value").instances[0].attributes.output.value).toEqual({ value: "producer-v1" });
  });

  test("a second, concurrent apply fails on the advisory lock and the state stays intact", async () => {
    const dir = ws.stackDir("producer");
    const before = JSON.parse(terraform(dir, ["state", "pull"], env));

    const slow = start("terraform", ["apply", "-input=false", "-auto-approve", "-no-color"], dir, { ...env, TF_VAR_fixture_sleep_seconds: "8" });
    await slow.waitFor(/Provisioning with 'local-exec'/);
    const second = runTerraform(dir, ["apply", "-input=false", "-auto-approve", "-no-color", "-lock-timeout=0s"], env);
    expect(second.status).not.toBe(0);
    expect(second.stderr + second.stdout).toMatch(/Error acquiring the state lock/);

    await slow.exitsWith(0);
    const after = JSON.parse(terraform(dir, ["state", "pull"], env));
    expect(after.lineage).toBe(before.lineage);
    expect(after.serial).toBeGreaterThan(before.serial);
    expect(after.resources.map((r: any) => r.name).sort()).toEqual(["Gate", "Value"]);
    // The lock is gone once the first apply has finished.
    terraform(dir, ["plan", "-input=false", "-no-color", "-lock-timeout=0s"], env);
  });

  test("a cross-stack reference between two tier-1 stacks resolves through remote state", () => {
    const dir = ws.stackDir("consumer");
    terraform(dir, ["init", "-input=false", "-no-color"], env);
    terraform(dir, ["apply", "-input=false", "-auto-approve", "-no-color"], env);
    expect(JSON.parse(terraform(dir, ["output", "-json", "copied"], env))).toBe("producer-v1");
  });

  test("no synthesized JSON carries conn_str, and the password is written nowhere in the output tree", () => {
    const password = new URL(pg.connStr).password;
    const files = filesUnder(join(ws.root, "cdktf.out"));
    const json = files.filter((f) => f.endsWith(".json"));
    expect(json.length).toBeGreaterThanOrEqual(4);
    for (const file of json) expect(readFileSync(file, "utf8")).not.toMatch(/conn_str"\s*:\s*"/);
    for (const file of files.filter((f) => f.endsWith("cdk.tf.json"))) expect(readFileSync(file, "utf8")).not.toContain("conn_str");
    for (const file of files) expect(readFileSync(file, "utf8")).not.toContain(password);
  });
});
