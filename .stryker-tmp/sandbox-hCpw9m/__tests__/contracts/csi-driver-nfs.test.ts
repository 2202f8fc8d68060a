// @ts-nocheck
import { checkCsiDriverNfs, CsiDriverNfsContract } from "../../contracts/csi-driver-nfs";
import { SynthesizedStack } from "../../contracts/contract";
import { readProvenance } from "../../contracts/stored";
import { csiDriverNfsControllerJob, csiDriverNfsNodeJob, nfsVolumeParameters } from "../../jobspecs/csi-driver-nfs";
import { IMAGES } from "../../jobspecs/images";
import { Job } from "../../jobspecs/model";
import { toTerraformJobspec } from "../../jobspecs/render";
import { readCsiDriverNfs } from "../../scripts/contracts/csi-driver-nfs";
import { UpstreamRepo } from "../../scripts/lib/upstream";
import { testInventory } from "../helpers/synth";

const NFS = testInventory.nomad.bitcoin.nfs;
const ARGS = "plugin/nomad_job.Nodes.jobspec.TaskGroups[0].Tasks[0].Config.args";
const VOLUME = "bitcoin/nomad_csi_volume.Data";

/** The estate's node plugin job (args edited) and a volume of its plugin (parameters edited), each in its stack, on one cluster. */
function input(editArgs: (args: string[]) => string[] = (a) => a, parameters: Record<string, string> = nfsVolumeParameters(NFS), pluginId = "nfs") {
  const job = structuredClone(csiDriverNfsNodeJob({ datacenters: ["homelab"] }, "nfs")) as Record<string, any>;
  job.TaskGroups[0].Tasks[0].Config.args = editArgs([...job.TaskGroups[0].Tasks[0].Config.args]);
  const provider = { nomad: [{ address: "http://bitcoin-nomad.home.arpa:4646" }] };
  const stacks: SynthesizedStack[] = [
    { id: "plugin", json: { provider, resource: { nomad_job: { Nodes: { json: true, jobspec: toTerraformJobspec(job as Job) } } } } },
    { id: "bitcoin", json: { provider, resource: { nomad_csi_volume: { Data: { volume_id: "nfs_app_data", plugin_id: pluginId, parameters } } } } },
  ];
  return { stacks, workflows: [] };
}

describe("csi-driver-nfs: flags and volume parameters against the driver's source", () => {
  test("the estate's plugin jobs and volume parameters have no finding", () => {
    expect(checkCsiDriverNfs(input())).toEqual([]);
    const controller = csiDriverNfsControllerJob({ datacenters: ["homelab"] }, "nfs");
    const stacks: SynthesizedStack[] = [{ id: "p", json: { resource: { nomad_job: { C: { json: true, jobspec: toTerraformJobspec(controller) } } } } }];
    expect(checkCsiDriverNfs({ stacks, workflows: [] })).toEqual([]);
  });

  test("fails on a flag the binary does not define, which makes it exit, with a guess", () => {
    const [finding, ...rest] = checkCsiDriverNfs(input((a) => [...a, "--driver-name=nfs"]));
    expect(rest).toEqual([]);
    expect(finding.where).toMatch(new RegExp(`^${ARGS.replace(/[.[\]]/g, "\\$&")}\\[\\d\\]$`));
    expect(finding.problem).toMatch(/^group "nodes", task "plugin": flag -driver-name is not defined, and the binary exits on it; did you mean -drivername\?/);
    expect(finding.upstream).toMatch(/^csi-driver-nfs@4\.12\.1 cmd\/nfsplugin\/main\.go$/);
  });

  test("fails on a value of the wrong type and on a positional argument", () => {
    const problems = checkCsiDriverNfs(input((a) => [...a, "--vol-stats-cache-expire-in-minutes=ten", "serve"])).map((f) => f.problem);
    expect(problems).toEqual([expect.stringMatching(/flag -vol-stats-cache-expire-in-minutes=ten must be an integer/), expect.stringMatching(/"serve" is not a flag: the driver takes no positional arguments/)]);
  });

  test("fails on a volume parameter CreateVolume refuses, a missing required one, and an unknown onDelete", () => {
    const findings = checkCsiDriverNfs(input(undefined, { server: NFS.server, sahre: NFS.export, onDelete: "keep" }));
    expect(findings.map((f) => `${f.where}: ${f.problem}`)).toEqual([
      expect.stringMatching(new RegExp(`^${VOLUME}\\.parameters\\.sahre: CreateVolume refuses parameter "sahre" \\("invalid parameter"\\); did you mean share\\?`)),
      `${VOLUME}.parameters: parameter share is required ("share is a required parameter")`,
      `${VOLUME}.parameters.onDelete: onDelete "keep" is not one of "", "delete", "retain", "archive"`,
    ]);
  });

  test("parameter names are compared as the driver does, ignoring case", () => {
    expect(checkCsiDriverNfs(input(undefined, { SERVER: NFS.server, Share: NFS.export, ONDELETE: "Retain" }))).toEqual([]);
  });

  test("volumes of other plugins are not its business", () => {
    expect(checkCsiDriverNfs(input(undefined, { anything: "x" }, "glusterfs"))).toEqual([]);
  });

  test("the stored contract is for the image the estate pins", () => {
    expect(readProvenance("csi-driver-nfs").ref).toBe(IMAGES.csiDriverNfs.tag);
  });
});

describe("reading the contract from the driver's source", () => {
  // Go written for this test, in the shape of csi-driver-nfs' main, controller and package constants.
  const files: Record<string, string> = {
    "cmd/nfsplugin/main.go": `package main\nvar (\n\tendpoint = flag.String("endpoint", "unix://tmp/csi.sock", "CSI endpoint")\n\tcache = flag.Int("cache-minutes", 10, "x")\n)\nfunc main() {\n\tklog.InitFlags(nil)\n}\n`,
    "vendor/k8s.io/klog/v2/klog.go": `func init() {\n\tcommandLine.BoolVar(&logging.toStderr, "logtostderr", true, "x")\n\tcommandLine.Var(&logging.verbosity, "v", "x")\n}\n`,
    "pkg/nfs/nfs.go": `package nfs\nconst (\n\tparamServer = "server"\n\tparamShare = "share"\n\tparamOnDelete = "ondelete"\n)\n`,
    "pkg/nfs/utils.go": `package nfs\nconst (\n\tretain = "retain"\n)\nvar supportedOnDeleteValues = []string{"", retain}\n`,
    "pkg/nfs/nodeserver.go": `package nfs\nfunc p() { return fmt.Sprintf("%v is a required parameter", paramShare) }\n`,
    "pkg/nfs/controllerserver.go":
      `package nfs\nfunc (cs *ControllerServer) CreateVolume(ctx context.Context) {\n\tfor k, v := range parameters {\n\t\tswitch strings.ToLower(k) {\n\t\tcase paramServer:\n\t\tcase paramShare:\n\t\tcase paramOnDelete:\n\t\tdefault:\n\t\t\treturn nil, status.Errorf(codes.InvalidArgument, "invalid parameter %q in storage class", k)\n\t\t}\n\t}\n}\n` +
      `func newNFSVolume() {\n\tif server == "" {\n\t\treturn nil, fmt.Errorf("%v is a required parameter", paramServer)\n\t}\n}\n`,
  };
  const repo = {
    show: (_ref: string, path: string) => files[path],
    list: (_ref: string, dir: string) => Object.keys(files).filter((f) => f.startsWith(`${dir}/`)),
  } as unknown as UpstreamRepo;

  test("flags of main and klog, CreateVolume's accepted and required parameters, the onDelete values", () => {
    const contract: CsiDriverNfsContract = readCsiDriverNfs(repo, "v0");
    expect(contract).toEqual({
      flags: { endpoint: "string", "cache-minutes": "int", logtostderr: "bool", v: "value" },
      createVolumeParameters: ["ondelete", "server", "share"],
      requiredParameters: ["server", "share"],
      onDeleteParameter: "ondelete",
      onDeleteValues: ["", "retain"],
    });
  });

  test("fails loudly when CreateVolume no longer refuses unknown parameters", () => {
    const lax: Record<string, string> = { ...files, "pkg/nfs/controllerserver.go": files["pkg/nfs/controllerserver.go"].replace(/default:[^}]*/, "") };
    const laxRepo = { ...repo, show: (_r: string, p: string) => lax[p], list: repo.list } as unknown as UpstreamRepo;
    expect(() => readCsiDriverNfs(laxRepo, "v0")).toThrow(/CreateVolume's parameter switch no longer refuses unknown parameters/);
  });
});
