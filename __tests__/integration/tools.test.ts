import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { requireRenovate } from "./helpers/renovate";
import { requireTools } from "./helpers/tools";

describe("the suite's real tools", () => {
  test("Terraform >= 1.11 and the PostgreSQL server programs are present", () => {
    const tools = requireTools();
    expect(tools.terraform).toMatch(/terraform$/);
    expect(tools.pgBin).toMatch(/bin$/);
  });

  test("fails if they are missing, saying what to install", () => {
    const empty = mkdtempSync(join(tmpdir(), "homelab-nopath-"));
    try {
      expect(() => requireTools(empty, join(empty, "no-postgresql"))).toThrow(
        /the integration suite needs real tools that are missing: Terraform 1.11 .*; PostgreSQL 15 server programs \(initdb, pg_ctl, postgres: `apt-get install postgresql`/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test("fails if Renovate is not installed, saying how to install the pinned one", () => {
    const empty = mkdtempSync(join(tmpdir(), "homelab-norenovate-"));
    try {
      expect(() => requireRenovate(empty)).toThrow(/Renovate is not installed \(tools\/renovate\/node_modules\): run `npm ci --prefix tools\/renovate`/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  test("fails if the installed Renovate is not the one the lockfile pins (a Renovate bump merged, node_modules not reinstalled)", () => {
    const dir = mkdtempSync(join(tmpdir(), "homelab-oldrenovate-"));
    try {
      mkdirSync(join(dir, "node_modules", ".bin"), { recursive: true });
      mkdirSync(join(dir, "node_modules", "renovate"));
      for (const bin of ["renovate", "renovate-config-validator"]) writeFileSync(join(dir, "node_modules", ".bin", bin), "");
      writeFileSync(join(dir, "node_modules", "renovate", "package.json"), JSON.stringify({ name: "renovate", version: "39.264.0" }));
      writeFileSync(join(dir, "package-lock.json"), JSON.stringify({ packages: { "node_modules/renovate": { version: "39.264.1" } } }));
      expect(() => requireRenovate(dir)).toThrow("Renovate 39.264.0 is installed in tools/renovate but its package-lock.json pins 39.264.1: run `npm ci --prefix tools/renovate`");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
