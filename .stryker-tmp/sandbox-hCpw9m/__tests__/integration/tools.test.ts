// @ts-nocheck
import { mkdtempSync, rmSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
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
});
