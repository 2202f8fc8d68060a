// @ts-nocheck
import { checkDemocraticCsiConfigs } from "../../contracts/democratic-csi-config";
import { democraticCsiNodeJob } from "../../jobspecs/democratic-csi";
import { UpstreamRepo } from "../../scripts/lib/upstream";
import { deriveDemocraticCsiOptions } from "../../scripts/contracts/democratic-csi-options";
import { inputWithJob, JOBSPEC } from "./nomad-fixtures";

const CONFIG = `${JOBSPEC}.TaskGroups[0].Tasks[0].Templates[0].EmbeddedTmpl`;
/** The estate's own node plugin job, with its rendered driver config edited. */
const pluginJob = (edit: (config: string) => string = (c) => c) => {
  const job = structuredClone(democraticCsiNodeJob({ datacenters: ["dc1"] }, "glusterfs")) as Record<string, any>;
  const template = job.TaskGroups[0].Tasks[0].Templates[0];
  template.EmbeddedTmpl = edit(template.EmbeddedTmpl);
  return job;
};
const findingsFor = (edit: (config: string) => string) => checkDemocraticCsiConfigs(inputWithJob(pluginJob(edit)));

describe("democratic-csi-config: the rendered driver config against what the driver reads", () => {
  test("the config the estate renders has no finding", () => {
    expect(checkDemocraticCsiConfigs(inputWithJob(pluginJob()))).toEqual([]);
  });

  test("fails on an option key the driver never reads, with a guess and the keys it reads there", () => {
    const [finding, ...rest] = findingsFor((c) => c.replace("shareHost:", "shareHst:"));
    expect(rest).toEqual([]);
    expect(finding.where).toBe(CONFIG);
    expect(finding.problem).toMatch(
      /^group "nodes", task "plugin": \$\{NOMAD_TASK_DIR\}\/driver-config-file\.yaml nfs\.shareHst: not read by democratic-csi's ControllerNfsClientDriver, so it would be ignored \(value "127\.0\.0\.1"\); did you mean nfs\.shareHost\? read under nfs: .*\bshareBasePath\b/,
    );
    expect(finding.upstream).toMatch(/^democratic-csi@\d+\.\d+\.\d+ src\/driver\/controller-nfs-client\/index\.js$/);
  });

  test("fails on mount_flags given as a list: the driver splits a comma-separated string", () => {
    const [finding] = findingsFor((c) => c.replace(/mount_flags: .*/, "mount_flags: [noatime, hard]"));
    expect(finding.problem).toMatch(/node\.mount\.mount_flags: a list \(2 items\), but the driver uses it as a string \(src\/driver\/index\.js:\d+\)/);
  });

  test("fails on a driver name the factory does not know", () => {
    const [finding] = findingsFor((c) => c.replace("driver: nfs-client", "driver: nfs-clients"));
    expect(finding.problem).toMatch(/driver: "nfs-clients" is not a democratic-csi driver \(the factory throws "invalid csi driver"\); did you mean nfs-client\? drivers: .*\bsmb-client\b/);
    expect(finding.upstream).toMatch(/ src\/driver\/factory\.js$/);
  });

  test("fails when --driver-config-file names a file no template renders", () => {
    const job = pluginJob();
    job.TaskGroups[0].Tasks[0].Templates[0].DestPath = "local/driver.yaml";
    const [finding] = checkDemocraticCsiConfigs(inputWithJob(job));
    expect(finding.where).toBe(`${JOBSPEC}.TaskGroups[0].Tasks[0].Config.args`);
    expect(finding.problem).toMatch(/reads --driver-config-file \$\{NOMAD_TASK_DIR\}\/driver-config-file\.yaml, but no template of the task renders it \(templates: local\/driver\.yaml\)/);
  });
});

describe("deriving the options a driver reads from its source", () => {
  // JavaScript written for this test, in the shape of democratic-csi's entry point, factory and driver classes.
  const files: Record<string, string> = {
    "bin/democratic-csi": `#!/usr/bin/env -S node\nlet options;\noptions = yaml.load(text);\nconsole.log(options.driver);\n`,
    "src/driver/factory.js": `const { DemoDriver } = require("./demo");\nfunction factory(ctx, options) {\n  switch (options.driver) {\n    case "demo":\n    case "demo-alias":\n      return new DemoDriver(ctx, options);\n    default:\n      throw new Error("invalid csi driver");\n  }\n}\n`,
    "src/driver/demo/index.js": `const { BaseDriver } = require("../base");\nclass DemoDriver extends BaseDriver {\n  getConfigKey() { return "demo"; }\n  share() {\n    const driver = this;\n    const config_key = driver.getConfigKey();\n    return driver.options[config_key].shareHost;\n  }\n}\nmodule.exports.DemoDriver = DemoDriver;\n`,
    "src/driver/base.js": `const _ = require("lodash");\nclass BaseDriver {\n  constructor(ctx, options) {\n    this.options = options;\n    if (!("mount" in options.node)) {}\n  }\n  flags() {\n    return _.get(this.options, "node.mount.mount_flags").split(",");\n  }\n  check(fs_type) {\n    return this.options.node.checkFilesystem[fs_type];\n  }\n  context(id) {\n    return _.get(this.options, \`_private.volume_context.\${id}\`);\n  }\n}\nmodule.exports.BaseDriver = BaseDriver;\n`,
  };
  const repo = { show: (_ref: string, path: string) => files[path], has: (_ref: string, path: string) => path in files } as unknown as UpstreamRepo;

  test("follows the factory's class through extends and require, and records each read path", () => {
    const derived = deriveDemocraticCsiOptions(repo, "v0", ["demo"]);
    expect(derived.drivers).toEqual(["demo", "demo-alias"]);
    const demo = derived.byDriver.demo;
    expect(demo).toMatchObject({ class: "DemoDriver", configKey: "demo", files: ["bin/democratic-csi", "src/driver/factory.js", "src/driver/demo/index.js", "src/driver/base.js"] });
    expect(Object.keys(demo.paths).sort()).toEqual(["_private.volume_context.*", "demo.shareHost", "driver", "node.checkFilesystem.*", "node.mount", "node.mount.mount_flags"]);
    expect(demo.paths["node.mount.mount_flags"]).toEqual({ at: "src/driver/base.js:8", type: "string" });
    expect(demo.paths["demo.shareHost"]).toEqual({ at: "src/driver/demo/index.js:7", whole: true });
  });
});
