import { SynthResource } from "../../policy/rule";
import { namesASecret, noSecretLiterals } from "../../policy/rules/no-secret-literals";
import { context, res } from "./k8s-rules.fixtures";
import { group, job, jobResource, task } from "./nomad-rules.fixtures";

/** HL-SECRET-1's findings for one resource (the rule never says "not-applicable"). */
const check = (resource: SynthResource) => noSecretLiterals.check(resource, context);
/** A Vault policy whose text is `text`: a place where no attribute name means a secret. */
const inPolicy = (text: string) => check(res("vault_policy", { name: "x", policy: text }));

describe("HL-SECRET-1 names that mean a secret", () => {
  test("each secret word, wherever it sits in the name and however the name is written", () => {
    for (const name of ["password", "DB_PASSWORD", "passwd", "ssh-passphrase", "client.secret", "secret", "API_TOKEN", "apikey", "credential", "aws credentials", "adminPassword"]) {
      expect([name, namesASecret(name)]).toEqual([name, true]);
    }
  });
  test("each pair of words that means a key, in that order", () => {
    for (const name of ["api_key", "apiKey", "ACCESS_KEY_ID", "accessKey", "secret-key", "privateKey", "private_key", "clientSecret", "encryption_key", "encryptionKey"]) {
      expect([name, namesASecret(name)]).toEqual([name, true]);
    }
    for (const name of ["key", "key_api", "key_access", "key_private", "key_encryption", "api_version", "access_mode", "private_network", "encryption_enabled", "public_key", "keyboard", "monkey"]) {
      expect([name, namesASecret(name)]).toEqual([name, false]);
    }
  });
  test("a name about a secret (its name, where it lives, how long it lasts …) is not one", () => {
    const about = ["name", "names", "namespace", "ref", "path", "file", "type", "ttl", "policy", "policies", "mount", "field", "version", "length", "period", "store", "template", "hook"];
    for (const ending of about) expect([ending, namesASecret(`password_${ending}`)]).toEqual([ending, false]);
    expect(namesASecret("existingSecret")).toBe(false);
    expect(namesASecret("existing_password")).toBe(false);
    // "existing" only as the first word: a name that merely contains it still means a secret.
    expect(namesASecret("non_existing_password")).toBe(true);
  });
  test("separators alone, and a trailing separator, do not hide or invent a secret", () => {
    expect(namesASecret("")).toBe(false);
    expect(namesASecret("__")).toBe(false);
    expect(namesASecret("password_name_")).toBe(false);
    expect(namesASecret("_existing_password")).toBe(false);
  });
});

describe("HL-SECRET-1 literal values under secret names", () => {
  test("an env entry {name, value} whose name means a secret, reported once with its place", () => {
    const env = [{ name: "LOG_LEVEL", value: "info" }, { name: "DB_PASSWORD", value: "hunter22" }];
    expect(check(res("kubernetes_deployment_v1", { spec: { env } }))).toEqual(["spec.env[1] sets DB_PASSWORD to a literal"]);
  });
  test("an attribute whose name means a secret, at the top, nested, and inside lists", () => {
    expect(check(res("kubernetes_secret_v1", { password: "hunter22" }))).toEqual(["password is a literal"]);
    expect(check(res("kubernetes_secret_v1", { data: { api_token: "abc" } }))).toEqual(["data.api_token is a literal"]);
    expect(check(res("kubernetes_secret_v1", { items: [{ a: 1 }, { token: "abc" }] }))).toEqual(["items[1].token is a literal"]);
    expect(check(res("kubernetes_secret_v1", { data: [["x", { secret: "abc" }]] }))).toEqual(["data[0][1].secret is a literal"]);
  });
  test("not a literal: a Terraform reference, a template rendered at run time, an empty value", () => {
    for (const value of ["${var.db_password}", "prefix-${var.x}", '{{ with nomadVar "x" }}{{ .token }}{{ end }}', ""]) {
      expect(check(res("kubernetes_secret_v1", { password: value, env: [{ name: "API_TOKEN", value }] }))).toEqual([]);
    }
  });
  test("not a secret: other names, values that are not strings, a value read from elsewhere", () => {
    expect(check(res("kubernetes_config_map_v1", { data: { log_level: "info" }, env: [{ name: "MODE", value: "prod" }] }))).toEqual([]);
    expect(check(res("kubernetes_secret_v1", { password: 5, token: null, secret: true, env: [{ name: "API_TOKEN", value: 5 }] }))).toEqual([]);
    const fromSecret = [{ name: "DB_PASSWORD", value_from: [{ secret_key_ref: [{ name: "db", key: "password" }] }] }];
    expect(check(res("kubernetes_deployment_v1", { env: fromSecret }))).toEqual([]);
  });
  test("an External Secrets mapping names a remote key and a Secret key, both names, in either spelling", () => {
    const mappings = [
      { secretKey: "password", remoteRef: { key: "db", property: "password" } },
      { secret_key: "password", remote_ref: { key: "db", property: "password" } },
    ];
    expect(check(res("kubernetes_manifest", { manifest: { spec: { data: mappings } } }))).toEqual([]);
    // The same key outside a mapping is a literal.
    expect(check(res("kubernetes_manifest", { manifest: { spec: { data: [{ secretKey: "password" }] } } }))).toEqual(["manifest.spec.data[0].secretKey is a literal"]);
  });
});

describe("HL-SECRET-1 inside a Nomad job and Helm values", () => {
  const nomadJob = (env: Record<string, string>, type = "nomad_job"): SynthResource => ({ ...jobResource(job([group({ Tasks: [task("app", { Env: env })] })])), type });
  test("a Nomad task's Env literal, with its place in the jobspec", () => {
    expect(check(nomadJob({ API_TOKEN: "abc123" }))).toEqual(["jobspec.TaskGroups[0].Tasks[0].Env.API_TOKEN is a literal"]);
    expect(check(nomadJob({ API_TOKEN: '{{ with nomadVar "nomad/jobs/web" }}{{ .token }}{{ end }}' }))).toEqual([]);
  });
  test("only a nomad_job's jobspec is read as a job; one that does not parse is HL-JOB-1's to report", () => {
    expect(check(nomadJob({ API_TOKEN: "abc123" }, "terraform_data"))).toEqual([]);
    expect(check(res("nomad_job", { json: false, jobspec: 'job "web" { }' }))).toEqual([]);
  });

  const release = (values: unknown, type = "helm_release") => res(type, { name: "x", chart: "x", version: "1.0.0", values });
  test("a Helm release's values documents are read as YAML, each with its index", () => {
    expect(check(release(["replicas: 1\n", "auth:\n  adminPassword: hunter22\n"]))).toEqual(["values[1].auth.adminPassword is a literal"]);
    expect(check(release(["env:\n  - name: API_TOKEN\n    value: abc123\n"]))).toEqual(["values[0].env[0] sets API_TOKEN to a literal"]);
    expect(check(release(["auth:\n  existingSecret: db-credentials\n  adminPassword: ${var.admin_password}\n"]))).toEqual([]);
  });
  test("a values document that is not YAML cannot be checked, and says so", () => {
    expect(check(release(["replicas: 1\n", "auth: [unclosed\n"]))).toEqual(["values[1] is not YAML, so it cannot be checked for secrets"]);
  });
  test("values are read only on a helm_release, and only string documents", () => {
    expect(check(release(["auth:\n  adminPassword: hunter22\n"], "kubernetes_manifest"))).toEqual([]);
    expect(check(release("auth:\n  adminPassword: hunter22\n"))).toEqual([]);
    expect(check(release([{ replicas: 1 }]))).toEqual([]);
  });
});

describe("HL-SECRET-1 credential formats anywhere, whatever the attribute is called", () => {
  // Fakes of the published shapes, built here so that no credential-shaped literal is in the tree.
  const upper = "AZ09".repeat(4); // 16 of [0-9A-Z], both ends of each range
  const alnum = (n: number) => "aAzZ09".repeat(Math.ceil(n / 6)).slice(0, n);
  const word = (n: number) => "aAzZ09_-".repeat(Math.ceil(n / 8)).slice(0, n);
  const age = (n: number) => `AGE-SECRET-KEY-1${upper.repeat(4).slice(0, n)}`;
  const found = (what: string) => [`contains what looks like ${what}`];

  test.each([
    ["a PEM private key", "-----BEGIN PRIVATE KEY-----"],
    ["a PEM private key", "-----BEGIN RSA PRIVATE KEY-----"],
    ["a PEM private key", "-----BEGIN OPENSSH PRIVATE KEY-----"],
    ["a PEM private key", "-----BEGIN ENCRYPTED EC2 PRIVATE KEY-----"],
    ["an AWS access key id", `AKIA${upper}`],
    ["an AWS access key id", `key=ASIA${upper};`],
    ["a GitHub token", `ghp_${alnum(36)}`],
    ["a GitHub token", `gho_${alnum(37)}`],
    ["a GitHub token", `ghu_${alnum(36)}`],
    ["a GitHub token", `ghs_${alnum(36)}`],
    ["a GitHub token", `ghr_${alnum(36)}`],
    ["a GitHub token", `github_pat_${alnum(20)}_${alnum(19)}`],
    ["a GitHub token", `github_pat_${alnum(41)}`],
    ["a Slack token", `xoxa-${alnum(9)}-`],
    ["a Slack token", `xoxb-${alnum(10)}`],
    ["a Slack token", `xoxp-${alnum(4)}-${alnum(4)}-`],
    ["a Slack token", `xoxr-${alnum(10)}`],
    ["a Slack token", `xoxs-${alnum(10)}`],
    ["a Vault token", `hvs.${word(20)}`],
    ["a Vault token", `hvb.${word(24)}`],
    ["a Vault token", `hvr.${word(20)}`],
    ["an age identity", age(58)],
    ["a JSON web token", `eyJ${word(8)}.eyJ${word(8)}.${word(1)}`],
    ["a JSON web token", `eyJ${word(12)}.eyJ${word(9)}.${word(43)}`],
    ["a connection string with a password", "postgres://terraform:hunter2@db:5432/state"],
    ["a connection string with a password", "mongodb+srv://app:pw@cluster0"],
    ["a connection string with a password", "redis0://u:pw@cache"],
  ])("%s: %s", (what, text) => {
    expect(inPolicy(`# ${text}`)).toEqual(found(what));
  });

  test.each([
    ["a PEM public key or certificate", "-----BEGIN PUBLIC KEY----- -----BEGIN CERTIFICATE-----"],
    ["a PEM header in lower case", "-----BEGIN rsa PRIVATE KEY-----"],
    ["an AWS key id one character short", `AKIA${upper.slice(1)}`],
    ["an AWS key id one character long", `AKIA${upper}Z`],
    ["an AWS key id inside a word", `xAKIA${upper}`],
    ["an AWS key id in lower case", `AKIA${upper.toLowerCase().slice(0, 12)}abcd`],
    ["an AWS prefix that is not one", `AKIB${upper}`],
    ["a GitHub token one character short", `ghp_${alnum(35)}`],
    ["a GitHub token with another letter", `ghx_${alnum(36)}`],
    ["a GitHub token inside a word", `xghp_${alnum(36)}`],
    ["a fine-grained GitHub token one character short", `github_pat_${alnum(39)}`],
    ["a Slack token one character short", `xoxb-${alnum(9)}`],
    ["a Slack token of another kind", `xoxc-${alnum(10)}`],
    ["a Slack token inside a word", `axoxb-${alnum(10)}`],
    ["a Vault token one character short", `hvs.${word(19)}`],
    ["a Vault prefix that is not one", `hva.${word(20)}`],
    ["a Vault token inside a word", `ahvs.${word(20)}`],
    ["an age identity one character short", age(57)],
    ["an age identity in lower case", `AGE-SECRET-KEY-1${age(58).slice(16).toLowerCase()}`],
    ["a JWT whose parts are too short", `eyJ${word(7)}.eyJ${word(8)}.x eyJ${word(8)}.eyJ${word(7)}.x`],
    ["a JWT without a signature", `eyJ${word(8)}.eyJ${word(8)}.`],
    ["a JWT inside a word", `aeyJ${word(8)}.eyJ${word(8)}.x`],
    ["a connection string without a password", "postgres://terraform@db:5432/state"],
    ["a URL with a port and no user", "https://db.home.arpa:8443/path"],
    ["a connection string whose user and password are references", "postgres://${var.user}:${var.password}@db/state"],
    ["a connection string whose password is a template", "postgres://app:{{ .pw }}@db/state"],
    ["a URL whose path holds a colon and an @", "https://host/a:b@c"],
    ["a scheme in upper case", "POSTGRES://terraform:hunter2@db"],
    ["a scheme that starts with a digit", "1db://terraform:hunter2@db"],
    ["quoted fields, not a URL", `"user://a":"b@c" 'user://a':'b@c'`],
    ["a URL spanning white space", "postgres://a b:c@d postgres://a:b c@d"],
  ])("not a credential: %s", (_what, text) => {
    expect(inPolicy(`# ${text}`)).toEqual([]);
  });

  test("every format found in one resource is reported, each once", () => {
    expect(inPolicy(`AKIA${upper} postgres://a:b@c AKIA${upper}`)).toEqual([...found("an AWS access key id"), ...found("a connection string with a password")]);
  });
});
