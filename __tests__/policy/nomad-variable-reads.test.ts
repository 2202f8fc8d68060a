import { AclPolicy } from "@cdktf/provider-nomad/lib/acl-policy";
import { Variable } from "@cdktf/provider-nomad/lib/variable";
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
