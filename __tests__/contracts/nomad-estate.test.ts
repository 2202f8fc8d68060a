import { readTerraformLiteral, terraformLiteral } from "../../constructs/terraform-literal";
import { SynthesizedStack, ValidateInput } from "../../contracts/contract";
import { checkDemocraticCsiConfigs } from "../../contracts/democratic-csi-config";
import { checkLitestreamConfigs } from "../../contracts/litestream-config";
import { checkNomadApi } from "../../contracts/nomad-api";
import { checkNomadDockerDriver } from "../../contracts/nomad-docker-driver";
import { synthEstate } from "../helpers/estate";

let estate: ValidateInput;
beforeAll(() => {
  const { stacks } = synthEstate();
  estate = { stacks: Object.entries(stacks).map(([id, json]) => ({ id, json })), workflows: [] };
});

/** A copy of the input whose every JSON job went through `edit`. */
function editJobs(input: ValidateInput, edit: (job: Record<string, any>) => void): ValidateInput {
  const stacks: SynthesizedStack[] = input.stacks.map((s) => {
    const json = structuredClone(s.json) as Record<string, any>;
    for (const resource of Object.values<any>(json.resource?.nomad_job ?? {})) {
      if (resource.json !== true) continue;
      const spec = JSON.parse(readTerraformLiteral(resource.jobspec));
      edit(spec.Job);
      resource.jobspec = terraformLiteral(JSON.stringify(spec));
    }
    return { id: s.id, json };
  });
  return { ...input, stacks };
}

/** Every JSON job of the estate, parsed. */
function estateJobs(): Array<Record<string, any>> {
  return estate.stacks
    .flatMap((s) => Object.values<any>(s.json.resource?.nomad_job ?? {}))
    .filter((r) => r.json === true)
    .map((r) => JSON.parse(readTerraformLiteral(r.jobspec)).Job);
}

function estateTasks(): Array<Record<string, any>> {
  return estateJobs().flatMap((job) => job.TaskGroups.flatMap((g: any) => g.Tasks));
}

const templateOf = (task: Record<string, any>, file: RegExp) => (task.Templates ?? []).find((t: any) => file.test(t.DestPath));

// estate.test.ts runs every check over the estate and expects no finding; this file shows
// those checks are not vacuous: each reads every artifact of its kind in the estate.
describe("the Nomad contract checks read all of the estate", () => {
  test("nomad-api reads every JSON job: an unknown field in each is one finding each", () => {
    const jobs = estateJobs();
    expect(jobs.length).toBeGreaterThan(0);
    expect(checkNomadApi(editJobs(estate, (job) => (job.Datacentres = job.Datacenters))).map((f) => f.problem)).toEqual(
      jobs.map(() => expect.stringMatching(/^unknown field "Datacentres" .*did you mean Datacenters\?/)),
    );
  });

  test("nomad-docker-driver reads every docker task's Config", () => {
    const docker = estateTasks().filter((t) => t.Driver === "docker");
    expect(docker.length).toBeGreaterThan(0);
    const findings = checkNomadDockerDriver(editJobs(estate, (job) => job.TaskGroups.forEach((g: any) => g.Tasks.forEach((t: any) => (t.Config.privilaged = true)))));
    expect(findings.map((f) => f.problem)).toEqual(docker.map(() => expect.stringMatching(/unsupported argument "privilaged" \(value true\) in the driver config: .*did you mean privileged\?/)));
  });

  test("litestream-config reads every Litestream config the estate renders", () => {
    const readers = estateTasks().filter((t) => /litestream\/litestream:/.test(t.Config?.image) && t.Config.args.includes("-config"));
    expect(readers.length).toBeGreaterThan(0);
    const broken = editJobs(estate, (job) =>
      job.TaskGroups.forEach((g: any) =>
        g.Tasks.forEach((t: any) => {
          const template = templateOf(t, /litestream\.yml$/);
          if (template) template.EmbeddedTmpl = `${template.EmbeddedTmpl}retention-days: 7\n`;
        }),
      ),
    );
    expect(checkLitestreamConfigs(broken).map((f) => f.problem)).toEqual(readers.map(() => expect.stringMatching(/unknown field "retention-days" \(value 7\): Litestream.s \w+ has no such field and would ignore it/)));
  });

  test("democratic-csi-config reads every driver config the estate renders", () => {
    const plugins = estateTasks().filter((t) => /democratic-csi:/.test(t.Config?.image));
    expect(plugins.length).toBeGreaterThan(0);
    const broken = editJobs(estate, (job) =>
      job.TaskGroups.forEach((g: any) =>
        g.Tasks.forEach((t: any) => {
          const template = templateOf(t, /driver-config-file\.yaml$/);
          if (template) template.EmbeddedTmpl = `${template.EmbeddedTmpl}instanceId: x\n`;
        }),
      ),
    );
    expect(checkDemocraticCsiConfigs(broken).map((f) => f.problem)).toEqual(plugins.map(() => expect.stringMatching(/instanceId: not read by .*did you mean instance_id\?/)));
  });
});
