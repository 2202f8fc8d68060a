// @ts-nocheck
import { redact } from "../../scripts/lib/redact";

describe("what the state and deploy scripts print never holds a secret", () => {
  const env = {
    PG_CONN_STR: "postgres://tfstate:pw-Zx81qq@db.home.arpa:5432/terraform_state",
    NOMAD_TOKEN: "3f1c0e22-aaaa-bbbb-cccc-1234567890ab",
    AGE_IDENTITY_FILE: "/home/op/.config/homelab/age.key",
    TF_IN_AUTOMATION: "1",
  };

  test("values of secret-bearing variables are replaced by their names, longest first", () => {
    expect(redact(`pq: connect ${env.PG_CONN_STR} failed; token ${env.NOMAD_TOKEN}`, env)).toBe(
      "pq: connect <PG_CONN_STR, not shown> failed; token <NOMAD_TOKEN, not shown>",
    );
  });

  test("a password in any connection string is hidden, a placeholder is kept", () => {
    expect(redact("dial postgres://admin:s3cret@192.0.2.5/x", {})).toBe("dial postgres://admin:<not shown>@192.0.2.5/x");
    expect(redact('export PG_CONN_STR="postgres://<user>:<password>@<host>:5432/terraform_state"', {})).toBe(
      'export PG_CONN_STR="postgres://<user>:<password>@<host>:5432/terraform_state"',
    );
  });

  test("an age identity is hidden even mistyped or in lower case; a hint naming the format is kept", () => {
    const key = "AGE-SECRET-KEY-1GFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPYYSJZGFPQ4EGAEX";
    expect(redact(`Invalid checksum in ${key}: expected "abc"`, {})).toBe('Invalid checksum in <an age identity, not shown>: expected "abc"');
    expect(redact(`bad ${key.toLowerCase()}`, {})).toBe("bad <an age identity, not shown>");
    expect(redact("expected AGE-SECRET-KEY-1… (as written by age-keygen)", {})).toBe("expected AGE-SECRET-KEY-1… (as written by age-keygen)");
  });

  test("paths named by *_FILE variables stay visible, so the operator can fix them", () => {
    expect(redact(`AGE_IDENTITY_FILE names ${env.AGE_IDENTITY_FILE}, which does not exist`, env)).toContain(env.AGE_IDENTITY_FILE);
  });
});
