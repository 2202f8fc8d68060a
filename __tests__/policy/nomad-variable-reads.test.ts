import { AclPolicy } from "@cdktf/provider-nomad/lib/acl-policy";
import { Variable } from "@cdktf/provider-nomad/lib/variable";
import { Mount } from "@cdktf/provider-vault/lib/mount";
import { HomelabStack } from "../../constructs";
import { NomadJob } from "../../constructs/nomad-job";
import { NomadJobVariableReader } from "../../constructs/nomad-job-variable-reader";
import { Job, Task } from "../../jobspecs/model";
import { variableGrants, workloadMay, WorkloadClaim } from "../../policy/rules/nomad-acl-policy";
import { templateVariableReads } from "../../policy/rules/nomad-variable-reads";
import { findingsOf, providerOf } from "../helpers/rules";

const RULE = "HL-NOMAD-12";

describe("the Nomad variables a template reads", () => {
  test("literal reads and listings, consul-template's four functions, a namespace after @, escapes", () => {
    const text = [
      '{{ with nomadVar "nomad/jobs/app" }}{{ .password }}{{ end }}',
      '{{ if nomadVarExists "shared/flags@ops" }}on{{ end }}',
      '{{ range nomadVarList "backups/daily/" }}{{ .Path }}{{ end }}',
      '{{ range nomadVarListSafe "odd/\\"quoted\\"/" }}{{ end }}',
    ].join("\n");
    expect(templateVariableReads(text)).toEqual([
      { kind: "read", path: "nomad/jobs/app", readsItems: undefined },
      { kind: "read", path: "shared/flags", namespace: "ops", readsItems: undefined },
      { kind: "list", path: "backups/daily/", readsItems: false },
      { kind: "list", path: 'odd/"quoted"/', readsItems: false },
    ]);
  });

  test("spaces between the function and its path, and a path that is only a namespace", () => {
    expect(templateVariableReads('{{ with nomadVar  "nomad/jobs/app" }}{{ end }}{{ range nomadVarList  "x/" }}{{ with nomadVar  .Path }}{{ end }}{{ end }}')).toEqual([
      { kind: "read", path: "nomad/jobs/app", readsItems: undefined },
      { kind: "list", path: "x/", readsItems: true },
    ]);
    expect(templateVariableReads('{{ with nomadVar "@ops" }}{{ end }}')).toEqual([{ kind: "read", path: "", namespace: "ops", readsItems: undefined }]);
  });

  test("a listing whose items are read by expression (nomadVar .Path) reads them too; a template without Nomad variables reads none", () => {
    expect(templateVariableReads('{{ range nomadVarList "backups/x/" }}{{ with nomadVar .Path }}{{ .items }}{{ end }}{{ end }}')).toEqual([
      { kind: "list", path: "backups/x/", readsItems: true },
    ]);
    expect(templateVariableReads('{{ with secret "secret/data/app" }}{{ .Data.data.x }}{{ end }} nomadVariable "x"')).toEqual([]);
  });
});

describe("what a Nomad ACL policy grants on variables (Nomad 1.10.5 acl/policy.go)", () => {
  test("the rules NomadJobVariableReader writes; read brings list, deny stands alone; comments and other blocks are skipped", () => {
    const hcl = [
      "# backups",
      'namespace "default" {',
      '  policy = "read" // jobs, not variables',
      "  variables {",
      '    path "backups/daily/*" { capabilities = ["read", "list"] }',
      '    path "shared/*" {',
      '      capabilities = ["read"]',
      "    }",
      '    path "shared/secret" { capabilities = ["deny", "read"] }',
      "  }",
      "}",
      'namespace "ops" { variables { path "x" { capabilities = ["list",] } } }',
      'node { policy = "read" }',
    ].join("\n");
    expect(variableGrants(hcl)).toEqual([
      { namespace: "default", path: "backups/daily/*", capabilities: ["read", "list"] },
      { namespace: "default", path: "shared/*", capabilities: ["read", "list"] },
      { namespace: "default", path: "shared/secret", capabilities: ["deny"] },
      { namespace: "ops", path: "x", capabilities: ["list"] },
    ]);
  });

  test("values that are words (true, false) are read, not refused", () => {
    expect(variableGrants('namespace "default" { sentinel = true variables { path "x" { capabilities = ["read"] } } }')).toEqual([
      { namespace: "default", path: "x", capabilities: ["read", "list"] },
    ]);
  });

  test("block comments; only namespace blocks' variables, only variables' paths; a block without labels or capabilities grants nothing", () => {
    const hcl = [
      '/* a comment, over\ntwo lines */ namespace "default" {',
      '  host_volume "data" { path "not-a-variable" { capabilities = ["read"] } }',
      '  variables { path "a/*" { capabilities = ["read"] } other "b" { capabilities = ["read"] } }',
      "}",
      'agent { variables { path "c" { capabilities = ["read"] } } }',
      "namespace { variables { path { } } }",
      'namespace "=" { variables { path "d" { capabilities = ["list"] } } }',
    ].join("\n");
    expect(variableGrants(hcl)).toEqual([
      { namespace: "default", path: "a/*", capabilities: ["read", "list"] },
      { namespace: "", path: "", capabilities: [] },
      { namespace: "=", path: "d", capabilities: ["list"] },
    ]);
  });

  test.each([
    ["a name where a value is", 'namespace "default" { = }', 'expected a name, found "="'],
    ["a string where a name is", 'namespace "default" { "}" }', 'expected a name, found "}"'],
    ["an unclosed block", 'namespace "default" { variables {', "a block is not closed"],
    ["a block without a body", 'namespace "default" variables', "block namespace has no body"],
    ["a value that is not one", 'namespace "default" { policy = }', "expected a value"],
    ["an unclosed list", 'namespace "default" { variables { path "x" { capabilities = ["read" "list"] } } }', "a list is not closed"],
    ["a heredoc", 'namespace "default" { policy = <<EOF\nread\nEOF\n}', 'unexpected "<"'],
    ["a string where a name is, the block left open", 'namespace "default" { "}"', 'expected a name, found "}"'],
    ["an attribute without a value at the end", 'namespace "default" { policy =', "expected a value"],
    ["a list without an element at the end", 'namespace "default" { variables { path "x" { capabilities = [', "expected a value"],
    ["a list left open after an element", 'namespace "default" { variables { path "x" { capabilities = ["read"', "a list is not closed"],
  ])("says why it cannot read %s", (_what, hcl, message) => {
    expect(() => variableGrants(hcl)).toThrow(message);
  });

  test.each([
    ["an unclosed block", 'namespace "default" { variables {'],
    ["a heredoc", 'namespace "default" { policy = <<EOF\nread\nEOF\n}'],
    ["a block without a body", 'namespace "default" variables'],
    ["an unclosed list", 'namespace "default" { variables { path "x" { capabilities = ["read" "list"] } } }'],
  ])("refuses what it cannot read: %s", (_what, hcl) => {
    expect(() => variableGrants(hcl)).toThrow();
  });
});

describe("what a workload identity may do with a variable (acl/acl.go matchingVariablesCapabilitySet)", () => {
  const claim: WorkloadClaim = { namespace: "default", job: "app", group: "web", task: "server" };

  test.each(["nomad/jobs", "nomad/jobs/app", "nomad/jobs/app/web", "nomad/jobs/app/web/server"])("its own tree without a policy: %s", (path) => {
    expect(workloadMay("read", "default", path, claim, [])).toBe(true);
    expect(workloadMay("list", "default", path, claim, [])).toBe(true);
    expect(workloadMay("write", "default", path, claim, [])).toBe(false);
  });

  test.each([
    ["another job's", "default", "nomad/jobs/db"],
    ["below its task's", "default", "nomad/jobs/app/web/server/extra"],
    ["another group's", "default", "nomad/jobs/app/worker"],
    ["its own path in another namespace", "ops", "nomad/jobs/app"],
    ["a path outside nomad/jobs", "default", "backups/daily/volumes/x"],
  ])("not %s variables without a policy", (_what, namespace, path) => {
    expect(workloadMay("read", namespace, path, claim, [])).toBe(false);
  });

  test("a glob grants what it matches, stars crossing slashes; the closest glob decides, an exact path before both", () => {
    const grants = [
      { namespace: "default", path: "backups/*", capabilities: ["read", "list"] },
      { namespace: "default", path: "backups/private/*", capabilities: ["deny"] },
      { namespace: "default", path: "backups/private/open", capabilities: ["read", "list"] },
      { namespace: "*", path: "shared/*", capabilities: ["list"] },
    ];
    expect(workloadMay("read", "default", "backups/daily/volumes/x", claim, grants)).toBe(true);
    expect(workloadMay("read", "default", "backups/private/key", claim, grants)).toBe(false);
    expect(workloadMay("read", "default", "backups/private/open", claim, grants)).toBe(true);
    expect(workloadMay("list", "ops", "shared/flags", claim, grants)).toBe(true);
    expect(workloadMay("read", "ops", "shared/flags", claim, grants)).toBe(false);
    expect(workloadMay("read", "default", "backupsX", claim, grants)).toBe(false);
  });

  test("policies add up: one's deny on a path does not take away another's read of it", () => {
    const grants = [
      { namespace: "default", path: "shared/x", capabilities: ["deny"] },
      { namespace: "default", path: "shared/x", capabilities: ["read", "list"] },
    ];
    expect(workloadMay("read", "default", "shared/x", claim, grants)).toBe(true);
  });

  test("a star counts against its glob: of two globs, the one whose stars match fewer characters decides, wherever it sorts", () => {
    // "*b/x" leaves one character to its star (difference 2), "ab*" two (difference 3); "*b/x" sorts first.
    const grants = [
      { namespace: "default", path: "*b/x", capabilities: ["read"] },
      { namespace: "default", path: "ab*", capabilities: ["deny"] },
    ];
    expect(workloadMay("read", "default", "ab/x", claim, grants)).toBe(true);
    // Stars add to the difference: "ab/*" and "*b/c*" both come to 2, and the tie goes to the later, "ab/*"; were stars taken off, "*b/c*" would win.
    const stars = [
      { namespace: "default", path: "ab/*", capabilities: ["read"] },
      { namespace: "default", path: "*b/c*", capabilities: ["deny"] },
    ];
    expect(workloadMay("read", "default", "ab/cd", claim, stars)).toBe(true);
  });

  test("of globs as close, the last in byte order decides (Nomad's stable sort with <= puts ties first)", () => {
    const grants = [
      { namespace: "default", path: "a*/x", capabilities: ["read"] },
      { namespace: "default", path: "ab/*", capabilities: ["deny"] },
    ];
    expect(workloadMay("read", "default", "ab/x", claim, grants)).toBe(false);
    expect(workloadMay("read", "default", "ab/x", claim, [...grants].reverse())).toBe(false);
  });
});

describe(`${RULE} a task reads only the Nomad variables its workload identity may read`, () => {
  const task = (templates: string[], name = "server"): Task => ({
    Name: name,
    Driver: "docker",
    Config: { image: "docker.io/library/busybox:1.37.0" },
    Resources: { CPU: 50, MemoryMB: 32 },
    Templates: templates.map((text, i) => ({ EmbeddedTmpl: text, DestPath: `local/t${i}.env`, Envvars: true })),
  });
  const job = (templates: string[], id = "app", namespace?: string): Job => ({
    ID: id,
    Type: "batch",
    Datacenters: ["dc1"],
    ...(namespace ? { Namespace: namespace } : {}),
    TaskGroups: [{ Name: "web", Tasks: [task(templates)] }],
  });
  const listing = '{{ range nomadVarList "lists/daily/" }}{{ with nomadVar .Path }}{{ .items }} {{ end }}{{ end }}';
  const variable = (stack: HomelabStack, id: string, path: string) =>
    new Variable(stack, id, { provider: providerOf(stack, "nomad"), path, namespace: "default", items: { items: "x" } });

  test("compliant: a job reading its own nomad/jobs/<job> variable", () => {
    expect(findingsOf(RULE, "nomad-main", (s) => new NomadJob(s, "Job", { job: job(['{{ with nomadVar "nomad/jobs/app" }}{{ .password }}{{ end }}']) }))).toEqual([]);
  });

  test("another job's variable: found, naming the path and the job", () => {
    expect(findingsOf(RULE, "nomad-main", (s) => new NomadJob(s, "Job", { job: job(['{{ with nomadVar "nomad/jobs/db" }}{{ .password }}{{ end }}']) }))).toEqual([
      `test/Job/Resource: group web, task server: reads Nomad variable nomad/jobs/db, which job app's workload identity may not read (its template cannot render, so the task does not start)`,
    ]);
  });

  test("a variable of another namespace (path@namespace): found, saying which namespace", () => {
    const found = findingsOf(RULE, "nomad-main", (s) => new NomadJob(s, "Job", { job: job(['{{ with nomadVar "nomad/jobs/app@ops" }}{{ .x }}{{ end }}']) }));
    expect(found).toEqual([expect.stringContaining("reads Nomad variable nomad/jobs/app in namespace ops, which job app's workload identity may not read")]);
  });

  test("compliant: a listing with NomadJobVariableReader bound to the job, every listed variable read and listed", () => {
    const found = findingsOf(RULE, "nomad-main", (s) => {
      variable(s, "A", "lists/daily/volumes/a");
      variable(s, "B", "lists/daily/volumes/b");
      new NomadJobVariableReader(s, "Reader", { jobId: "app", prefix: "lists/daily/" });
      new NomadJob(s, "Job", { job: job([listing]) });
    });
    expect(found).toEqual([]);
  });

  test("a listing without a policy: found, naming every variable Nomad would hide from it", () => {
    const found = findingsOf(RULE, "nomad-main", (s) => {
      variable(s, "A", "lists/daily/volumes/a");
      variable(s, "B", "lists/daily/volumes/b");
      variable(s, "Other", "lists/weekly/volumes/c");
      new NomadJob(s, "Job", { job: job([listing]) });
    });
    expect(found).toEqual([
      `test/Job/Resource: group web, task server: lists Nomad variables under lists/daily/, but job app's workload identity may not list and read lists/daily/volumes/a, lists/daily/volumes/b: Nomad leaves them out of the listing, which the template renders as if they did not exist`,
    ]);
  });

  test("a listing with the reader bound to another job, another namespace's job, another group or another task: found", () => {
    const bound = (jobAcl: { jobId: string; namespace: string; group?: string; task?: string }) => (s: HomelabStack) =>
      new AclPolicy(s, "Policy", {
        provider: providerOf(s, "nomad"),
        name: "reads",
        rulesHcl: 'namespace "*" { variables { path "lists/daily/*" { capabilities = ["read"] } } }',
        jobAcl,
      });
    for (const bind of [
      (s: HomelabStack) => new NomadJobVariableReader(s, "Reader", { jobId: "other", prefix: "lists/daily/" }),
      bound({ jobId: "app", namespace: "ops" }),
      bound({ jobId: "app", namespace: "default", group: "worker" }),
      bound({ jobId: "app", namespace: "default", group: "web", task: "sidecar" }),
    ]) {
      const found = findingsOf(RULE, "nomad-main", (s) => {
        variable(s, "A", "lists/daily/volumes/a");
        bind(s);
        new NomadJob(s, "Job", { job: job([listing]) });
      });
      expect(found).toEqual([expect.stringContaining("may not list and read lists/daily/volumes/a")]);
    }
  });

  test("compliant: a policy bound to the job, its group, or its group and task", () => {
    for (const jobAcl of [{ jobId: "app", namespace: "default" }, { jobId: "app", namespace: "default", group: "web" }, { jobId: "app", namespace: "default", group: "web", task: "server" }]) {
      const found = findingsOf(RULE, "nomad-main", (s) => {
        variable(s, "A", "lists/daily/volumes/a");
        new AclPolicy(s, "Policy", {
          provider: providerOf(s, "nomad"),
          name: "reads",
          rulesHcl: 'namespace "default" { variables { path "lists/daily/*" { capabilities = ["read"] } } }',
          jobAcl,
        });
        new NomadJob(s, "Job", { job: job([listing]) });
      });
      expect(found).toEqual([]);
    }
  });

  test("a listing the policy lets list but not read, while the template reads the items: found; listing only: compliant", () => {
    const build = (templates: string[]) => (s: HomelabStack) => {
      variable(s, "A", "lists/daily/volumes/a");
      new AclPolicy(s, "Policy", {
        provider: providerOf(s, "nomad"),
        name: "lists",
        rulesHcl: 'namespace "default" { variables { path "lists/daily/*" { capabilities = ["list"] } } }',
        jobAcl: { jobId: "app", namespace: "default" },
      });
      new NomadJob(s, "Job", { job: job(templates) });
    };
    expect(findingsOf(RULE, "nomad-main", build([listing]))).toEqual([expect.stringContaining("may not list and read lists/daily/volumes/a")]);
    expect(findingsOf(RULE, "nomad-main", build(['{{ range nomadVarList "lists/daily/" }}{{ .Path }}{{ end }}']))).toEqual([]);
  });

  test("a listing that reads no item needs list only, and the finding says list", () => {
    const found = findingsOf(RULE, "nomad-main", (s) => {
      variable(s, "A", "lists/daily/volumes/a");
      new NomadJob(s, "Job", { job: job(['{{ range nomadVarList "lists/daily/" }}{{ .Path }}{{ end }}']) });
    });
    expect(found).toEqual([expect.stringContaining("workload identity may not list lists/daily/volumes/a: Nomad leaves them out")]);
  });

  test("what a listing must see: the estate's Nomad variables in its namespace under its prefix, a variable without a namespace in default", () => {
    const found = findingsOf(RULE, "nomad-main", (s) => {
      new Variable(s, "Elsewhere", { provider: providerOf(s, "nomad"), path: "lists/daily/volumes/ops", namespace: "ops", items: { items: "x" } });
      new Variable(s, "Unnamespaced", { provider: providerOf(s, "nomad"), path: "lists/daily/volumes/plain", items: { items: "x" } });
      new Mount(s, "NotAVariable", { provider: providerOf(s, "vault"), path: "lists/daily/kv", type: "kv-v2" });
      new NomadJob(s, "Job", { job: job([listing]) });
    });
    expect(found).toEqual([expect.stringContaining("may not list and read lists/daily/volumes/plain: Nomad")]);
  });

  test("a policy bound to no job grants no task anything; one bound with an empty group binds the whole job", () => {
    const found = (jobAcl?: { jobId: string; namespace?: string; group?: string }) =>
      findingsOf(RULE, "nomad-main", (s) => {
        variable(s, "A", "lists/daily/volumes/a");
        new AclPolicy(s, "Policy", {
          provider: providerOf(s, "nomad"),
          name: "reads",
          rulesHcl: 'namespace "default" { variables { path "lists/daily/*" { capabilities = ["read"] } } }',
          ...(jobAcl ? { jobAcl } : {}),
        });
        new NomadJob(s, "Job", { job: job([listing]) });
      });
    expect(found()).toEqual([expect.stringContaining("may not list and read lists/daily/volumes/a")]);
    expect(found({ jobId: "app", namespace: "default", group: "" })).toEqual([]);
    expect(found({ jobId: "app" })).toEqual([]);
  });

  test("a bound policy that grants something else: found, with nothing said of the policy", () => {
    const found = findingsOf(RULE, "nomad-main", (s) => {
      new AclPolicy(s, "Policy", {
        provider: providerOf(s, "nomad"),
        name: "other-paths",
        rulesHcl: 'namespace "default" { variables { path "other/*" { capabilities = ["read"] } } }',
        jobAcl: { jobId: "app", namespace: "default" },
      });
      new NomadJob(s, "Job", { job: job(['{{ with nomadVar "shared/x" }}{{ .y }}{{ end }}']) });
    });
    expect(found).toEqual([
      "test/Job/Resource: group web, task server: reads Nomad variable shared/x, which job app's workload identity may not read (its template cannot render, so the task does not start)",
    ]);
  });

  test("two bound policies the rule cannot read: both named", () => {
    const found = findingsOf(RULE, "nomad-main", (s) => {
      for (const name of ["first", "second"]) {
        new AclPolicy(s, `Policy-${name}`, { provider: providerOf(s, "nomad"), name, rulesHcl: "namespace", jobAcl: { jobId: "app", namespace: "default" } });
      }
      new NomadJob(s, "Job", { job: job(['{{ with nomadVar "shared/x" }}{{ .y }}{{ end }}']) });
    });
    expect(found).toEqual([expect.stringMatching(/; policy first is not HCL this rule reads \(block namespace has no body\); policy second is not HCL this rule reads \(block namespace has no body\)$/)]);
  });

  test("a bound policy the rule cannot read grants nothing, and the finding says why", () => {
    const found = findingsOf(RULE, "nomad-main", (s) => {
      new AclPolicy(s, "Policy", {
        provider: providerOf(s, "nomad"),
        name: "heredoc",
        rulesHcl: 'namespace "default" { policy = <<EOF\nread\nEOF\n}',
        jobAcl: { jobId: "app", namespace: "default" },
      });
      new NomadJob(s, "Job", { job: job(['{{ with nomadVar "shared/x" }}{{ .y }}{{ end }}']) });
    });
    expect(found).toEqual([expect.stringMatching(/reads Nomad variable shared\/x, .*; policy heredoc is not HCL this rule reads \(unexpected "<"\)$/)]);
  });
});
