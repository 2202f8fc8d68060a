// @ts-nocheck
import { checkNomadDockerDriver } from "../../contracts/nomad-docker-driver";
import { readSpecAssignments, toDriverSpec } from "../../scripts/contracts/nomad-docker-driver";
import { inputWithJob, JOBSPEC, validJob } from "./nomad-fixtures";

const CONFIG = `${JOBSPEC}.TaskGroups[0].Tasks[0].Config`;
const findingsFor = (config: Record<string, unknown>) => {
  const job = validJob();
  job.TaskGroups[0].Tasks[0].Config = config;
  return checkNomadDockerDriver(inputWithJob(job));
};
const image = validJob().TaskGroups[0].Tasks[0].Config.image as string;

describe("nomad-docker-driver: docker task Config against the driver's spec", () => {
  test("a config of known keys and types has no finding, blocks given as an object or a list", () => {
    expect(
      findingsFor({
        image,
        args: ["-c", "x"],
        privileged: true,
        mount: [{ type: "bind", source: "/", target: "/host", bind_options: { propagation: "rshared" } }],
        ulimit: [{ nofile: "65536" }],
        auth: { username: "u" },
      }),
    ).toEqual([]);
  });

  test("fails on a key the driver does not declare, with a guess and the allowed keys", () => {
    const [finding] = findingsFor({ image, privilaged: true });
    expect(finding.where).toBe(`${CONFIG}.privilaged`);
    expect(finding.problem).toMatch(/^group "web", task "nginx": unsupported argument "privilaged" \(value true\) in the driver config: Nomad rejects it when the task starts; did you mean privileged\? allowed: .*\bnetwork_mode\b/);
    expect(finding.upstream).toMatch(/^nomad@\d+\.\d+\.\d+ drivers\/docker\/config\.go$/);
  });

  test("fails on a value of the wrong type, inside blocks too", () => {
    const findings = findingsFor({ image, ports: "http", mount: [{ type: "tmpfs", target: "/tmp", tmpfs_options: { size: "64M" } }] });
    expect(findings.map((f) => [f.where, f.problem])).toEqual([
      [`${CONFIG}.ports`, expect.stringMatching(/"http" does not fit ports, declared list\(string\) by the driver: expected a list/)],
      [`${CONFIG}.mount[0].tmpfs_options.size`, expect.stringMatching(/"64M" does not fit mount\.tmpfs_options\.size, declared number by the driver: expected a number/)],
    ]);
  });

  test("fails on ulimit given as a plain object: the driver declares a list of maps", () => {
    const [finding] = findingsFor({ image, ulimit: { nofile: "65536" } });
    expect(finding.problem).toMatch(/an object does not fit ulimit, declared list\(map\(string\)\) by the driver: expected a list of objects/);
  });

  test("fails when the required image is missing", () => {
    expect(findingsFor({ command: "nginx" }).map((f) => f.problem)).toEqual([expect.stringMatching(/image is required by the driver and missing/)]);
  });
});

describe("the hclspec reader", () => {
  // Go written for this test, in the shape of a driver's config.go.
  const source = `package demo

var (
	innerSpec = hclspec.NewObject(map[string]*hclspec.Spec{
		"size": hclspec.NewAttr("size", "number", false),
	})

	taskConfigSpec = hclspec.NewObject(map[string]*hclspec.Spec{
		"image": hclspec.NewAttr("image", "string", true),
		"pull_timeout": hclspec.NewDefault(
			hclspec.NewAttr("pull_timeout", "string", false),
			hclspec.NewLiteral(\`"5m"\`),
		),
		"mount":   hclspec.NewBlockList("mount", innerSpec),
		"options": hclspec.NewBlockAttrs("options", "string", false),
		"auth": hclspec.NewBlock("auth", false, hclspec.NewObject(map[string]*hclspec.Spec{
			"user": hclspec.NewAttr("user", "string", false),
		})),
	})
)
`;

  test("turns constructor calls into the stored spec, following named specs and dropping defaults", () => {
    const named = readSpecAssignments(source, "demo/config.go");
    expect(toDriverSpec(named.get("taskConfigSpec")!, named, "demo/config.go")).toEqual({
      kind: "object",
      attributes: {
        auth: { kind: "block", required: false, body: { kind: "object", attributes: { user: { kind: "attr", type: "string", required: false } } } },
        image: { kind: "attr", type: "string", required: true },
        mount: { kind: "block_list", body: { kind: "object", attributes: { size: { kind: "attr", type: "number", required: false } } } },
        options: { kind: "block_attrs", type: "string", required: false },
        pull_timeout: { kind: "attr", type: "string", required: false },
      },
    });
  });

  test("fails naming file and line on a constructor it does not know", () => {
    const named = readSpecAssignments('package demo\n\nvar s = hclspec.NewMagic("x")\n', "demo/config.go");
    expect(() => toDriverSpec(named.get("s")!, named, "demo/config.go")).toThrow(/^demo\/config\.go:3: hclspec\.NewMagic is not an hclspec constructor/);
  });
});
