import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { join } from "path";
import { Postgres, startPostgres } from "./helpers/postgres";
import { requireTools } from "./helpers/tools";
import { cleanEnv, encryptedState, keygen, newWorkspace, runScript, runTerraform, script, sha256, start, synthFixture, terraform, Workspace } from "./helpers/workspace";

/**
 * Faults injected into `npm run deploy` of the fixture's tier-0 stack (boot) and the tier-1
 * stack reading it (app), with the real Terraform, age and PostgreSQL: concurrent deploys in
 * one checkout, signals to the whole process group mid-apply, recipients that would lock the
 * operator out, keys that must never be printed, and what Terraform's environment holds.
 * After each, nothing applied may be missing from the encrypted state.
 */
describe("tier-0 state survives the operator's worst day", () => {
  let pg: Postgres;
  let ws: Workspace;
  let env: NodeJS.ProcessEnv;

  const deploy = (args: string[], extra: NodeJS.ProcessEnv = {}) => runScript("deploy", args, ws.root, { ...env, ...extra });
  const startDeploy = (args: string[], extra: NodeJS.ProcessEnv = {}) =>
    start(process.execPath, [script("deploy"), ...args], ws.root, { ...env, ...extra }, true);
  const leftovers = () => ["boot.tfstate", "boot.tfstate.backup", "boot.tfstate.lock"].filter((f) => existsSync(ws.stateFile(f)));
  const bootState = () => encryptedState(ws, "boot", env);
  const gateInState = (state: any): string => state.resources.find((r: any) => r.name === "Gate").instances[0].attributes.id;
  /** The id Terraform printed for the Gate it created in this output. */
  const gateCreated = (output: string) => /terraform_data\.Gate: Creation complete after \S+ \[id=([0-9a-f-]+)\]/.exec(output)?.[1];
  /** A deploy of boot, started and waited for until its Gate's provisioner is running (mid-apply). */
  const midApply = async (sleepSeconds: number) => {
    const run = startDeploy(["boot", "--auto-approve"], { TF_VAR_fixture_sleep_seconds: String(sleepSeconds) });
    await run.waitFor(/Provisioning with 'local-exec'/);
    return run;
  };
  const modeOf = (file: string) => statSync(ws.stateFile(file)).mode & 0o777;
  const interrupts = (output: string) => output.match(/Interrupt received/g)?.length ?? 0;

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

  test("a first deploy: the state Terraform creates itself is readable by the owner only from the start", async () => {
    const run = await midApply(4);
    expect(modeOf("boot.tfstate")).toBe(0o600);
    await run.exitsWith(0);
    expect(leftovers()).toEqual([]);
  });

  test("two deploys at once: the second is refused, naming the first, and the first's apply is all in the encrypted state", async () => {
    const before = bootState();
    const first = await midApply(6);
    const second = deploy(["boot", "--auto-approve"]);
    expect(second.status).toBe(1);
    expect(second.stderr).toMatch(new RegExp(`the tier-0 state of boot is in use by pid ${first.child.pid} on \\S+ \\(deploy boot, since `));
    expect(second.stdout).not.toMatch(/Initializing/);
    await first.exitsWith(0);
    const after = bootState();
    expect(after.lineage).toBe(before.lineage);
    expect(after.serial).toBeGreaterThan(before.serial);
    expect(gateInState(after)).toBe(gateCreated(first.output()));
    expect(leftovers()).toEqual([]);
  }, 120_000);

  test("with --lock-timeout the second waits, then applies on top of the first: both applies are kept", async () => {
    const first = await midApply(5);
    const second = startDeploy(["boot", "--auto-approve", "--lock-timeout=120"]);
    await second.waitFor(/waiting up to 120s for state\/boot.tfstate.lock, held by pid/);
    await first.exitsWith(0);
    await second.exitsWith(0);
    const firstGate = gateCreated(first.output());
    // The second planned against the first's state: it replaced the Gate the first created.
    expect(second.output()).toContain(`terraform_data.Gate: Destroying... [id=${firstGate}]`);
    expect(gateInState(bootState())).toBe(gateCreated(second.output()));
    expect(leftovers()).toEqual([]);
  }, 120_000);

  test("a tier-1 deploy reading the tier-0 state is refused while that state is being deployed; both states stay whole", async () => {
    const before = bootState();
    const boot = await midApply(6);
    const app = deploy(["app", "--auto-approve"]);
    expect(app.status).toBe(1);
    expect(app.stderr).toMatch(/the tier-0 state of boot is in use by pid/);
    await boot.exitsWith(0);
    expect(bootState().serial).toBeGreaterThan(before.serial);
    expect(deploy(["app", "--auto-approve"]).status).toBe(0);
    expect(leftovers()).toEqual([]);
  }, 120_000);

  test.each([
    ["SIGINT", 130],
    ["SIGTERM", 143],
    ["SIGHUP", 129],
  ] as const)("%s to the whole process group mid-apply: Terraform gets one interrupt, saves, and the state is re-encrypted", async (signal, code) => {
    const before = bootState();
    const run = await midApply(30);
    // Mid-apply the plaintext (and the backup Terraform wrote) are the owner's only.
    for (const f of ["boot.tfstate", "boot.tfstate.backup"].filter((f) => existsSync(ws.stateFile(f)))) expect(modeOf(f)).toBe(0o600);
    process.kill(-run.child.pid!, signal);
    await run.exitsWith(code);
    const out = run.output();
    expect(interrupts(out)).toBe(1);
    expect(out).not.toMatch(/Two interrupts received|data loss may have occurred/);
    expect(out).toMatch(/boot: encrypted to state\/boot.tfstate.age/);
    const after = bootState();
    expect(after.serial).toBeGreaterThan(before.serial); // the interrupted apply's progress was saved
    expect(after.resources.map((r: any) => r.name)).toEqual(expect.arrayContaining(["Seed", "Tier0StateGuard"]));
    expect(leftovers()).toEqual([]);
  }, 120_000);

  test("interrupted while piped into a log reader that dies with the group (deploy | tee): Terraform still stops cleanly and saves", async () => {
    const before = bootState();
    const run = await midApply(30);
    process.kill(-run.child.pid!, "SIGINT");
    // The reader is gone: every later write to the deploy's stdout or stderr hits a broken pipe.
    run.child.stdout!.destroy();
    run.child.stderr!.destroy();
    await run.exitsWith(130);
    // Terraform exited on its own terms: it released its lock, and its last state was saved and encrypted.
    expect(existsSync(ws.stateFile(".boot.tfstate.lock.info"))).toBe(false);
    expect(leftovers()).toEqual([]);
    expect(bootState().serial).toBeGreaterThan(before.serial);
  }, 120_000);

  test("a storm of signals, to the group and to the process, repeated: still exactly one interrupt", async () => {
    const run = await midApply(30);
    // One burst, as a runner that escalates would send it: the process is still there for all of it.
    for (const s of ["SIGTERM", "SIGINT", "SIGHUP", "SIGTERM", "SIGINT"] as const) {
      process.kill(-run.child.pid!, s);
      process.kill(run.child.pid!, s);
    }
    // Pending signals are delivered in signal-number order, so the first one seen decides the code.
    expect([129, 130, 143]).toContain(await run.exited);
    expect(run.output().match(/received: asking Terraform to stop/g)).toHaveLength(1);
    expect(interrupts(run.output())).toBe(1);
    expect(run.output()).not.toMatch(/Two interrupts received|data loss may have occurred/);
    expect(run.output()).toMatch(/received again: Terraform is already stopping/);
    expect(leftovers()).toEqual([]);
    bootState();
  }, 120_000);

  test("the process group killed outright: Terraform finishes on its own, the next deploy refuses to overwrite its plaintext, and state encrypt keeps it", async () => {
    const before = bootState();
    const run = await midApply(3);
    process.kill(-run.child.pid!, "SIGKILL");
    await run.exited;
    // Terraform, in its own session and writing to files, carries on alone; its lock goes when it is done.
    const terraformLock = ws.stateFile(".boot.tfstate.lock.info");
    for (const started = Date.now(); existsSync(terraformLock) && Date.now() - started < 60_000; ) await new Promise((r) => setTimeout(r, 200));
    expect(existsSync(terraformLock)).toBe(false);
    expect(existsSync(ws.stateFile("boot.tfstate.lock"))).toBe(true); // left by the killed process

    const next = deploy(["boot", "--auto-approve"]);
    expect(next.status).toBe(1);
    expect(next.stderr).toMatch(/state\/boot.tfstate.lock: removing a stale lock of pid \d+ .* which is no longer running/);
    expect(next.stderr).toMatch(/refusing to decrypt boot: the plaintext state is newer than the encrypted one/);
    expect(runScript("state", ["encrypt", "boot"], ws.root, env).status).toBe(0);
    const after = bootState();
    expect(after.serial).toBeGreaterThan(before.serial);
    expect(gateInState(after)).not.toBe(gateInState(before)); // the Gate the orphaned apply created
    expect(after.resources.find((r: any) => r.name === "Gate").instances[0].status).toBeUndefined(); // complete, not tainted
    expect(leftovers()).toEqual([]);
  }, 120_000);

  describe("recipients and identities are checked before Terraform runs", () => {
    let recipients: string;
    beforeEach(() => (recipients = readFileSync(ws.stateFile("recipients.txt"), "utf8")));
    afterEach(() => writeFileSync(ws.stateFile("recipients.txt"), recipients));

    /** Deploys and expects a refusal before Terraform ran, with every file as it was. */
    const refusedBeforeApply = (extra: NodeJS.ProcessEnv = {}) => {
      const encrypted = sha256(ws.stateFile("boot.tfstate.age"));
      const r = deploy(["boot", "--auto-approve"], extra);
      expect(r.status).toBe(1);
      expect(r.stdout).not.toMatch(/Initializing|synthesized/);
      expect(sha256(ws.stateFile("boot.tfstate.age"))).toBe(encrypted);
      expect(leftovers()).toEqual([]);
      return r.stderr;
    };

    test("a recipient set the operator's identity cannot decrypt (the committed placeholder) is refused", () => {
      writeFileSync(ws.stateFile("recipients.txt"), `# someone else only\n${keygen().recipient}\n`);
      expect(refusedBeforeApply()).toMatch(
        /refusing to encrypt to state\/recipients.txt: it does not list the public key of your identity .* Add your public key age1\S+ to state\/recipients.txt/s,
      );
    });

    test("a recipient with a bad checksum is refused by line, without echoing it", () => {
      const other = keygen().recipient;
      const typo = other.slice(0, 20) + (other[20] === "q" ? "p" : "q") + other.slice(21);
      writeFileSync(ws.stateFile("recipients.txt"), `${recipients}${typo}\n`);
      const err = refusedBeforeApply();
      expect(err).toMatch(/state\/recipients.txt line \d+: an age public key whose checksum does not match/);
      expect(err).not.toContain(typo.slice(10, 30));
    });

    test("an identity pasted into recipients.txt is refused and never printed", () => {
      const { key } = keygen();
      writeFileSync(ws.stateFile("recipients.txt"), `${recipients}${key}\n`);
      const err = refusedBeforeApply();
      expect(err).toMatch(/line \d+: an age identity \(a secret key\), not a public key/);
      expect(err).not.toContain(key.slice(20, 40));
    });

    test("a mistyped AGE_IDENTITY is refused and no part of it printed", () => {
      const key = readFileSync(ws.identityFile, "utf8").match(/^AGE-SECRET-KEY-1\S+$/m)![0];
      const typo = key.slice(0, 30) + (key[30] === "Q" ? "P" : "Q") + key.slice(31);
      const err = refusedBeforeApply({ AGE_IDENTITY_FILE: undefined, AGE_IDENTITY: typo });
      expect(err).toMatch(/AGE_IDENTITY line 1: an age identity whose checksum does not match/);
      for (let i = 0; i + 8 <= typo.length; i++) expect(err).not.toContain(typo.slice(i, i + 8));
    });
  });

  test("recipients broken during the apply: re-encrypting is refused, the plaintext is kept, and state encrypt recovers it", async () => {
    const recipients = readFileSync(ws.stateFile("recipients.txt"), "utf8");
    const encrypted = sha256(ws.stateFile("boot.tfstate.age"));
    const run = await midApply(3);
    writeFileSync(ws.stateFile("recipients.txt"), `${keygen().recipient}\n`);
    await run.exitsWith(1);
    expect(run.output()).toMatch(/state\/boot.tfstate was NOT re-encrypted and is kept as plaintext \(nothing is lost\)/);
    expect(sha256(ws.stateFile("boot.tfstate.age"))).toBe(encrypted);
    expect(existsSync(ws.stateFile("boot.tfstate.lock"))).toBe(false);
    writeFileSync(ws.stateFile("recipients.txt"), recipients);
    expect(runScript("state", ["encrypt", "boot"], ws.root, env).status).toBe(0);
    expect(gateInState(bootState())).toBe(gateCreated(run.output()));
  }, 120_000);

  test("Terraform and its provisioners get only the allow-listed environment", () => {
    const secrets = { GIT_PUSH_TOKEN: "push-secret-1", NOMAD_TOKEN: "nomad-secret-1", VAULT_TOKEN: "vault-secret-1", BITCOIN_NOMAD_TOKEN: "btc-secret-1" };
    const seen = (stack: string) => {
      const file = join(ws.root, `env-${stack}.txt`);
      const r = deploy([stack, "--auto-approve"], { ...secrets, TF_VAR_fixture_env_file: file });
      expect(r.status).toBe(0);
      return new Map(readFileSync(file, "utf8").split("\n").filter((l) => /^\w+=/.test(l)).map((l) => [l.split("=")[0], l.slice(l.indexOf("=") + 1)]));
    };
    for (const [stack, needsPg] of [["boot", false], ["app", true]] as const) {
      const names = seen(stack);
      expect(names.has("PATH")).toBe(true);
      expect(names.has("TF_VAR_fixture_env_file")).toBe(true);
      expect([...names.keys()].filter((n) => n.startsWith("AGE_") || n.endsWith("TOKEN"))).toEqual([]);
      expect(names.get("PG_CONN_STR")).toBe(needsPg ? pg.connStr : undefined);
    }
  }, 120_000);
});

describe("cdktf deploy <tier-0 stack> never plans against an empty state", () => {
  let ws: Workspace;
  beforeAll(() => {
    requireTools();
    ws = newWorkspace();
    synthFixture(ws.root);
    terraform(ws.stackDir("boot"), ["init", "-input=false", "-no-color"], cleanEnv());
  });
  afterAll(() => ws?.dispose());
  const plan = () => runTerraform(ws.stackDir("boot"), ["plan", "-input=false", "-no-color"], cleanEnv());

  test("a first deploy (no state at all) plans", () => {
    expect(plan().status).toBe(0);
  });

  test("with only the encrypted state present, the plan fails with the command to run instead", () => {
    writeFileSync(ws.stateFile("boot.tfstate.age"), "age-encryption.org/v1\n");
    const r = plan();
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/Resource precondition failed/);
    expect(r.stderr.replace(/\s+/g, " ")).toMatch(/Run "npm run deploy -- boot" instead/);
    expect(existsSync(ws.stateFile("boot.tfstate"))).toBe(false); // Terraform's empty lock-time file is gone again
  });

  test("with the plaintext decrypted beside it, the plan runs", () => {
    rmSync(ws.stateFile("boot.tfstate.age"));
    terraform(ws.stackDir("boot"), ["apply", "-input=false", "-auto-approve", "-no-color"], cleanEnv());
    writeFileSync(ws.stateFile("boot.tfstate.age"), "age-encryption.org/v1\n");
    expect(plan().status).toBe(0);
  });
});
