import { existsSync, rmSync, writeFileSync } from "fs";
import { Postgres, startPostgres } from "./helpers/postgres";
import { requireTools } from "./helpers/tools";
import { cleanEnv, encryptedState, newWorkspace, runScript, script, sha256, start, terraform, Workspace } from "./helpers/workspace";

/** `npm run deploy` driven end to end on the fixture estate (boot ◄ app, producer ◄ consumer). */
describe("npm run deploy", () => {
  let pg: Postgres;
  let ws: Workspace;
  let env: NodeJS.ProcessEnv;

  beforeAll(async () => {
    requireTools();
    pg = await startPostgres();
    ws = newWorkspace();
    env = cleanEnv({ PG_CONN_STR: pg.connStr, AGE_IDENTITY_FILE: ws.identityFile });
  });
  afterAll(() => {
    pg?.stop();
    ws?.dispose();
  });

  const deploy = (args: string[], extra: NodeJS.ProcessEnv = {}) => runScript("deploy", args, ws.root, { ...env, ...extra });
  const plaintextLeft = () => ["boot.tfstate", "boot.tfstate.backup"].filter((f) => existsSync(ws.stateFile(f)));
  const bootState = () => encryptedState(ws, "boot", env);

  test("fails if the stack is unknown, listing the stacks", () => {
    const r = deploy(["nope"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/no stack "nope" in the estate; stacks: boot, app, producer, consumer\n/);
  });

  test("refuses the embedded placeholder inventory: a deploy names the operator's", () => {
    const r = deploy(["boot", "--auto-approve"], { HOMELAB_INVENTORY: undefined });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/HOMELAB_INVENTORY is not set: deploy acts on the real estate, and the embedded default inventory holds placeholders/);
    expect(existsSync(ws.stackDir("boot"))).toBe(false); // refused before synth
  });

  test("fails if terraform is not on PATH, saying what to install", () => {
    const r = deploy(["boot", "--auto-approve"], { PATH: "/nonexistent" });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/terraform is not on PATH: install Terraform 1.11/);
  });

  test("a tier-1 stack without PG_CONN_STR is refused, saying what to set", () => {
    const r = deploy(["producer", "--auto-approve"], { PG_CONN_STR: undefined });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/PG_CONN_STR is not set: stack producer keeps state in PostgreSQL \(tier 1\)\. Export it first/);
  });

  test("a stack whose dependencies are not applied is refused with the order to use", () => {
    const r = deploy(["app", "--auto-approve"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("refusing to deploy app: it depends on boot, not applied yet. Deploy in this order:\n  npm run deploy -- boot\n  npm run deploy -- app");
    const consumer = deploy(["consumer", "--plan"]);
    expect(consumer.status).toBe(1);
    expect(consumer.stderr).toMatch(/refusing to deploy consumer: it depends on producer, not applied yet/);
  });

  test("tier 0 applies, then leaves only encrypted state", () => {
    const r = deploy(["boot", "--auto-approve"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Apply complete! Resources: 3 added/); // Seed, Gate and the Tier0StateGuard
    expect(r.stdout).toMatch(/boot: encrypted to state\/boot.tfstate.age/);
    expect(existsSync(ws.stateFile("boot.tfstate.age"))).toBe(true);
    expect(plaintextLeft()).toEqual([]);
  });

  test("an apply whose plan would replace a resource that holds data, undeclared, is refused and applies nothing", () => {
    // Gate is replaced on every apply (triggers_replace = timestamp()): recorded as stateful, that replacement loses data.
    const record = ws.stateFile("addresses.json");
    writeFileSync(record, JSON.stringify({ boot: { "terraform_data.Gate": { kind: "terraform_data", identity: "the gate", path: "boot/Gate" } } }));
    try {
      const before = bootState();
      const r = deploy(["boot", "--auto-approve"]);
      expect(r.status).toBe(1);
      expect(r.stderr).toMatch(/REFUSED, nothing applied to boot: this plan loses data\.\n  the plan would replace \(destroy, then create empty\) terraform_data\.Gate \(the gate\), which holds data, and nothing in the code declares it/);
      expect(r.stdout).not.toMatch(/Apply complete/);
      expect(bootState().serial).toBe(before.serial);
      expect(plaintextLeft()).toEqual([]);
    } finally {
      rmSync(record);
    }
  });

  test("a failing tier-0 apply is still re-encrypted, and its partial state kept", () => {
    const before = sha256(ws.stateFile("boot.tfstate.age"));
    const r = deploy(["boot", "--auto-approve"], { TF_VAR_fixture_fail_apply: "true" });
    expect(r.status).not.toBe(0);
    expect(r.stdout).toMatch(/fixture apply failed on purpose/);
    expect(r.stderr).toMatch(/terraform apply of boot failed \(exit 1\); state re-encrypted/);
    expect(plaintextLeft()).toEqual([]);
    expect(sha256(ws.stateFile("boot.tfstate.age"))).not.toBe(before);
    const gate = bootState().resources.find((res: any) => res.name === "Gate");
    expect(gate.instances[0].status).toBe("tainted");
  });

  test("an interrupted tier-0 deploy waits for Terraform and re-encrypts", async () => {
    const run = start(process.execPath, [script("deploy"), "boot", "--auto-approve"], ws.root, { ...env, TF_VAR_fixture_sleep_seconds: "30" });
    await run.waitFor(/Provisioning with 'local-exec'/);
    run.child.kill("SIGTERM");
    await run.exitsWith(143);
    expect(run.output()).toMatch(/SIGTERM received: asking Terraform to stop \(one interrupt\), then cleaning up/);
    expect(run.output()).toMatch(/boot: encrypted to state\/boot.tfstate.age/);
    expect(plaintextLeft()).toEqual([]);
    expect(bootState().resources.map((res: any) => res.name)).toContain("Seed");
  }, 120_000);

  test("refuses to decrypt over unsaved work in a newer plaintext, and leaves both files as they were", () => {
    writeFileSync(ws.stateFile("boot.tfstate"), '{"version":4,"unsaved":true}\n');
    const [enc, plain] = [sha256(ws.stateFile("boot.tfstate.age")), sha256(ws.stateFile("boot.tfstate"))];
    const r = deploy(["boot", "--auto-approve"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/refusing to decrypt boot: the plaintext state is newer than the encrypted one/);
    expect([sha256(ws.stateFile("boot.tfstate.age")), sha256(ws.stateFile("boot.tfstate"))]).toEqual([enc, plain]);
    rmSync(ws.stateFile("boot.tfstate"));
  });

  test("a tier-1 stack reads tier-0 state through the decrypted file, which is removed afterwards", () => {
    const r = deploy(["app", "--auto-approve"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(plaintextLeft()).toEqual([]);
    const out = terraform(ws.stackDir("app"), ["output", "-json", "from_boot"], env);
    expect(JSON.parse(out)).toBe("boot-v1");
  });

  test("--plan plans without applying; with --detailed-exitcode a plan with changes exits 2 (what the drift check reads)", () => {
    const r = deploy(["producer", "--plan"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Plan: 2 to add/);
    const drift = deploy(["producer", "--plan", "--detailed-exitcode"]);
    expect(drift.status).toBe(2);
    expect(drift.stdout).toMatch(/producer: the plan has changes \(terraform plan -detailed-exitcode exit 2\)/);
    expect(deploy(["producer", "--detailed-exitcode"]).stderr).toMatch(/--detailed-exitcode goes with --plan/);
    expect(deploy(["consumer", "--plan"]).stderr).toMatch(/depends on producer, not applied yet/);
  });

  test("once its dependency is applied, a tier-1 consumer deploys", () => {
    expect(deploy(["producer", "--auto-approve"]).status).toBe(0);
    const r = deploy(["consumer", "--auto-approve"]);
    expect(r.status).toBe(0);
    expect(JSON.parse(terraform(ws.stackDir("consumer"), ["output", "-json", "copied"], env))).toBe("producer-v1");
  });
});
