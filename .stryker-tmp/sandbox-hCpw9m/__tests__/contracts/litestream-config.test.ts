// @ts-nocheck
import { checkLitestreamConfigs } from "../../contracts/litestream-config";
import { litestreamTasks } from "../../jobspecs/litestream";
import { inputWithJob, JOBSPEC, validJob } from "./nomad-fixtures";

/** A job whose group runs the app plus the estate's own Litestream tasks; `edit` changes the rendered config text. */
const jobWithLitestream = (edit: (config: string) => string = (c) => c) => {
  const job = validJob();
  const tasks = litestreamTasks({
    databases: ["/alloc/data/app.db"],
    replica: { endpoint: "http://minio.service.consul:9000", bucket: "litestream", path: "web" },
    credentials: { source: "nomad-variable", path: "nomad/jobs/web" },
  }) as Array<Record<string, any>>;
  for (const task of tasks) task.Templates = task.Templates.map((t: any) => (t.DestPath === "local/litestream.yml" ? { ...t, EmbeddedTmpl: edit(t.EmbeddedTmpl) } : t));
  job.TaskGroups[0].Tasks.push(...tasks);
  return job;
};
// The restore task is Tasks[1], the replicating sidecar Tasks[2]; both read the same file.
const CONFIG_OF = (task: number) => `${JOBSPEC}.TaskGroups[0].Tasks[${task}].Templates[0].EmbeddedTmpl`;

describe("litestream-config: rendered litestream.yml against Litestream's config structs", () => {
  test("the config the estate renders has no finding", () => {
    expect(checkLitestreamConfigs(inputWithJob(jobWithLitestream()))).toEqual([]);
  });

  test("fails on an unknown key, for every task reading the file, with Litestream's keys and a guess", () => {
    const findings = checkLitestreamConfigs(inputWithJob(jobWithLitestream((c) => c.replace("force-path-style:", "force-path-styl:"))));
    expect(findings.map((f) => f.where)).toEqual([CONFIG_OF(1), CONFIG_OF(2)]);
    expect(findings[0].problem).toMatch(
      /^group "web", task "litestream-restore": \/local\/litestream\.yml dbs\[0\]\.replica\.force-path-styl: unknown field "force-path-styl" \(value true\): Litestream's ReplicaConfig has no such field and would ignore it; did you mean force-path-style\?; ReplicaConfig has: .*\bbucket\b/,
    );
    expect(findings[0].upstream).toMatch(/^litestream@\d+\.\d+\.\d+ cmd\/litestream\/main\.go$/);
  });

  test("fails on a key at the wrong level, saying where it belongs", () => {
    const [finding] = checkLitestreamConfigs(inputWithJob(jobWithLitestream((c) => c.replace("  - path:", "  - sync-interval: 1s\n    path:"))));
    expect(finding.problem).toMatch(/dbs\[0\]\.sync-interval: unknown field "sync-interval".*sync-interval is a field of Config, ReplicaConfig, not of DBConfig/);
  });

  test("fails on a value Litestream cannot decode into the field's type", () => {
    const [finding] = checkLitestreamConfigs(inputWithJob(jobWithLitestream((c) => `${c}snapshot:\n  interval: every hour\n`)));
    expect(finding.problem).toMatch(/snapshot\.interval: "every hour" does not fit SnapshotConfig\.interval, which is \*time\.Duration in Litestream: expected a duration such as "30s"/);
  });

  test("neutralizes Nomad template actions: control lines vanish, values are accepted, keys stay checked", () => {
    const templated = (c: string) => `{{ with nomadVar "nomad/jobs/web" }}\nlogging:\n  level: {{ .log_level }}\n  colour: {{ .colour }}\n{{ end }}\n${c}`;
    const findings = checkLitestreamConfigs(inputWithJob(jobWithLitestream(templated)));
    expect(findings.map((f) => f.problem)).toEqual([expect.stringMatching(/logging\.colour: unknown field "colour"/), expect.stringMatching(/logging\.colour: unknown field "colour"/)]);
  });

  test("fails when the task reads a -config file no template renders", () => {
    const job = jobWithLitestream();
    job.TaskGroups[0].Tasks[2].Config.args = ["replicate", "-config", "/local/litestream.yaml"];
    const [finding] = checkLitestreamConfigs(inputWithJob(job));
    expect(finding.where).toBe(`${JOBSPEC}.TaskGroups[0].Tasks[2].Config.args`);
    expect(finding.problem).toMatch(/Litestream reads -config \/local\/litestream\.yaml, but no template of the task renders it \(templates: local\/litestream\.yml, secrets\/litestream\.env\)/);
  });

  test("fails when a task runs another Litestream version than the stored contract", () => {
    const job = jobWithLitestream();
    job.TaskGroups[0].Tasks[1].Config.image = "docker.io/litestream/litestream:0.3.13";
    const [finding] = checkLitestreamConfigs(inputWithJob(job));
    expect(finding.problem).toMatch(/runs Litestream 0\.3\.13 but the stored contract is for .*: run npm run contracts -- litestream-config/);
  });
});
