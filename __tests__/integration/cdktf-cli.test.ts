import { spawnSync } from "child_process";
import { writeFileSync } from "fs";
import { join } from "path";
import { Postgres, startPostgres } from "./helpers/postgres";
import { requireTools } from "./helpers/tools";
import { cleanEnv, DIST, FIXTURE_APP, newWorkspace, REPO, terraform, Workspace } from "./helpers/workspace";

/** `npx cdktf deploy <stack>` keeps working for tier-1 stacks: the CLI, the app, PG_CONN_STR. */
describe("cdktf deploy of a tier-1 stack", () => {
  let pg: Postgres;
  let ws: Workspace;
  beforeAll(async () => {
    requireTools();
    pg = await startPostgres();
    ws = newWorkspace();
    // The repository's cdktf.json runs `node dist/main.js`; here the compiled fixture estate.
    writeFileSync(
      join(ws.root, "cdktf.json"),
      JSON.stringify({ language: "typescript", app: `node ${join(DIST, `${FIXTURE_APP}.js`)}`, projectId: "fixture", sendCrashReports: "false", output: "cdktf.out", context: {} }),
    );
  });
  afterAll(() => {
    pg?.stop();
    ws?.dispose();
  });

  // Without CHECKPOINT_DISABLE the CLI's usage report fails offline: [ERROR] getaddrinfo ENOTFOUND checkpoint-api.hashicorp.com.
  test.each([["synth"], ["list"]])("cdktf %s offline, as the README sets it up (CHECKPOINT_DISABLE), prints no error", (command) => {
    const env = cleanEnv({ PG_CONN_STR: pg.connStr });
    const r = spawnSync(join(REPO, "node_modules", ".bin", "cdktf"), [command], { cwd: ws.root, env, encoding: "utf8", timeout: 170_000 });
    expect({ status: r.status, errors: `${r.stdout}${r.stderr}`.split("\n").filter((line) => /\bERROR\b|rror:/.test(line)) }).toEqual({ status: 0, errors: [] });
    expect(r.stdout).toContain(command === "list" ? "producer" : "Generated Terraform code for the stacks");
  });

  test("deploys with only PG_CONN_STR set", () => {
    const env = cleanEnv({ PG_CONN_STR: pg.connStr, CI: "1" });
    const r = spawnSync(join(REPO, "node_modules", ".bin", "cdktf"), ["deploy", "producer", "--auto-approve"], { cwd: ws.root, env, encoding: "utf8", timeout: 170_000 });
    expect({ status: r.status, output: r.status === 0 ? "" : r.stdout + r.stderr }).toEqual({ status: 0, output: "" });
    expect(terraform(ws.stackDir("producer"), ["state", "list"], env).split("\n").filter(Boolean).sort()).toEqual(["terraform_data.Gate", "terraform_data.Value"]);
  });
});
