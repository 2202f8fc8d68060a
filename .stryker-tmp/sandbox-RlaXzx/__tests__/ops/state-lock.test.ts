// @ts-nocheck
import { spawnSync } from "child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from "fs";
import { hostname, tmpdir } from "os";
import { join } from "path";
import { lockFile, LockHeldError, LockOwner, StateLocks } from "../../scripts/lib/state-lock";

describe("the lock on tier-0 state within one checkout", () => {
  let root: string;
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), "homelab-lock-"));
    mkdirSync(join(root, "state"));
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const options = { command: "deploy boot", timeoutSeconds: 0 };
  const holder = (over: Partial<LockOwner> = {}): LockOwner => ({
    pid: process.pid,
    host: hostname(),
    started: "2025-01-01T00:00:00.000Z",
    command: "deploy boot --plan",
    token: "someone-else",
    ...over,
  });
  const plant = (stack: string, owner: LockOwner | string) =>
    writeFileSync(lockFile(root, stack), typeof owner === "string" ? owner : JSON.stringify(owner));
  /** The pid of a process that has exited. */
  const deadPid = () => spawnSync(process.execPath, ["-e", "0"]).pid!;

  test("is a file beside the state, ignored by git, naming who holds it; release removes it", async () => {
    const locks = await StateLocks.acquire(root, ["boot"], options);
    const owner = JSON.parse(readFileSync(join(root, "state", "boot.tfstate.lock"), "utf8"));
    expect(owner).toMatchObject({ pid: process.pid, host: hostname(), command: "deploy boot" });
    locks.release();
    expect(existsSync(lockFile(root, "boot"))).toBe(false);
  });

  test("fails if another process holds it, naming the holder, what it runs and how to wait", async () => {
    plant("boot", holder());
    await expect(StateLocks.acquire(root, ["boot"], options)).rejects.toThrow(
      `the tier-0 state of boot is in use by pid ${process.pid} on ${hostname()} (deploy boot --plan, since 2025-01-01T00:00:00.000Z): ` +
        "wait for it to finish, or pass --lock-timeout=<seconds> to wait; if that process is gone (e.g. it ran on another machine), remove state/boot.tfstate.lock",
    );
    expect(JSON.parse(readFileSync(lockFile(root, "boot"), "utf8")).token).toBe("someone-else");
  });

  test("takes over a lock whose process is no longer running on this host", async () => {
    plant("boot", holder({ pid: deadPid() }));
    const locks = await StateLocks.acquire(root, ["boot"], options);
    expect(JSON.parse(readFileSync(lockFile(root, "boot"), "utf8")).pid).toBe(process.pid);
    locks.release();
  });

  test("never takes over a lock from another host: it cannot know whether that process runs", async () => {
    plant("boot", holder({ pid: deadPid(), host: "another-host" }));
    await expect(StateLocks.acquire(root, ["boot"], options)).rejects.toThrow(LockHeldError);
  });

  test("an empty lock file is being written: held while fresh, stale once old", async () => {
    plant("boot", "");
    await expect(StateLocks.acquire(root, ["boot"], options)).rejects.toThrow(/in use by a process that has not written its name yet/);
    const old = new Date(Date.now() - 60_000);
    utimesSync(lockFile(root, "boot"), old, old);
    (await StateLocks.acquire(root, ["boot"], options)).release();
  });

  test("with a timeout, waits for the holder to finish", async () => {
    plant("boot", holder());
    setTimeout(() => rmSync(lockFile(root, "boot")), 400);
    const locks = await StateLocks.acquire(root, ["boot"], { ...options, timeoutSeconds: 10 });
    locks.release();
  });

  test("an interrupt while waiting stops the wait and changes nothing", async () => {
    plant("boot", holder());
    await expect(StateLocks.acquire(root, ["boot"], { ...options, timeoutSeconds: 10, cancelled: () => true })).rejects.toThrow(
      /interrupted while waiting for state\/boot.tfstate.lock; nothing was changed/,
    );
    expect(JSON.parse(readFileSync(lockFile(root, "boot"), "utf8")).token).toBe("someone-else");
  });

  test("several stacks are all taken or none: a held one releases those already taken", async () => {
    plant("vault", holder());
    await expect(StateLocks.acquire(root, ["platform", "vault", "cnpg"], options)).rejects.toThrow(/tier-0 state of vault is in use/);
    expect(["platform", "cnpg"].filter((s) => existsSync(lockFile(root, s)))).toEqual([]);
  });

  test("a process only ever removes its own lock, and knows when it no longer holds one", async () => {
    const locks = await StateLocks.acquire(root, ["boot"], options);
    locks.assertHeld();
    plant("boot", holder());
    expect(() => locks.assertHeld()).toThrow(/the lock on the tier-0 state of boot \(state\/boot.tfstate.lock\) is no longer this process's/);
    locks.release();
    expect(JSON.parse(readFileSync(lockFile(root, "boot"), "utf8")).token).toBe("someone-else");
  });
});
