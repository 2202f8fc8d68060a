/**
 * csi-driver-nfs: what kubernetes-csi/csi-driver-nfs accepts at the image's tag
 * (jobspecs/images.ts), read from its Go source. The driver has no config file: its
 * command-line flags and each volume's CreateVolume parameters are its configuration.
 *
 * - Flags: cmd/nfsplugin/main.go's `flag.<Type>("name", …)`, plus klog's, which main
 *   copies in with klog.InitFlags (the vendored klog.go's `commandLine.<Type>Var(&…, "name", …)`).
 *   Go's flag package exits on a flag it does not define.
 * - Parameters: the case labels of CreateVolume's `switch strings.ToLower(k)`, whose default
 *   refuses the volume ("invalid parameter … in storage class"), resolved through the
 *   package's string constants; which ones are required ("%v is a required parameter"),
 *   and the onDelete values `validateOnDeleteValue` accepts (supportedOnDeleteValues).
 */
// @ts-nocheck

import { CsiDriverNfsContract, CSI_DRIVER_NFS_CONTRACT } from "../../contracts/csi-driver-nfs";
import { writeStoredContract } from "../../contracts/stored";
import { IMAGES } from "../../jobspecs/images";
import { UpstreamRepo } from "../lib/upstream";
import { ContractGenerator } from "./generator";

const REPOSITORY = "kubernetes-csi/csi-driver-nfs";
const MAIN = "cmd/nfsplugin/main.go";
const KLOG = "vendor/k8s.io/klog/v2/klog.go";
const PACKAGE = "pkg/nfs";
const CONTROLLER = `${PACKAGE}/controllerserver.go`;

/** `name = "value"` string constants of a Go package's files (const blocks and single consts). */
function stringConstants(files: readonly string[]): Map<string, string> {
  const found = new Map<string, string>();
  for (const text of files) {
    for (const m of text.matchAll(/^\s*(?:const\s+)?([A-Za-z_]\w*)\s*(?:string\s*)?=\s*"([^"\\]*)"\s*$/gm)) found.set(m[1], m[2]);
  }
  return found;
}

/** The body of a Go function, from its signature to the closing brace at column 0. */
function functionBody(text: string, signature: RegExp, file: string): string {
  const start = text.search(signature);
  if (start < 0) throw new Error(`${file}: no function matching ${signature}`);
  const end = text.indexOf("\n}\n", start);
  return text.slice(start, end < 0 ? undefined : end);
}

function resolve(names: readonly string[], constants: Map<string, string>, where: string): string[] {
  return names.map((name) => {
    if (name === '""') return "";
    const value = constants.get(name);
    if (value === undefined) throw new Error(`${where}: ${name} is not a string constant of ${PACKAGE}`);
    return value;
  });
}

export function readCsiDriverNfs(repo: UpstreamRepo, ref: string): CsiDriverNfsContract {
  const main = repo.show(ref, MAIN);
  const flags: Record<string, string> = {};
  for (const m of main.matchAll(/\bflag\.(String|Bool|Int|Int64|Uint|Uint64|Float64|Duration)\(\s*"([^"]+)"/g)) flags[m[2]] = m[1].toLowerCase();
  if (!Object.keys(flags).length) throw new Error(`${MAIN}: no flag.<Type>("name", …) definitions found`);
  if (/\bklog\.InitFlags\(/.test(main)) {
    const klog = repo.show(ref, KLOG);
    for (const m of klog.matchAll(/\bcommandLine\.(String|Bool|Int|Int64|Uint|Uint64|Duration)?Var\(\s*&[^,]+,\s*"([^"]+)"/g)) {
      flags[m[2]] = m[1] ? m[1].toLowerCase() : "value";
    }
  }

  const packageFiles = repo
    .list(ref, PACKAGE)
    .filter((f) => f.endsWith(".go") && !f.endsWith("_test.go"))
    .map((f) => repo.show(ref, f));
  const constants = stringConstants(packageFiles);
  const controller = repo.show(ref, CONTROLLER);
  const create = functionBody(controller, /func \(cs \*ControllerServer\) CreateVolume\(/, CONTROLLER);
  const switchStart = create.indexOf("switch strings.ToLower(k) {");
  if (switchStart < 0) throw new Error(`${CONTROLLER}: CreateVolume no longer switches on strings.ToLower(k)`);
  const switchBody = create.slice(switchStart, create.indexOf("\n\t}\n", switchStart));
  if (!/default:\s*\n\s*return nil, status\.Errorf\(codes\.InvalidArgument, "invalid parameter/.test(switchBody)) {
    throw new Error(`${CONTROLLER}: CreateVolume's parameter switch no longer refuses unknown parameters`);
  }
  const cases = [...switchBody.matchAll(/case ([A-Za-z_]\w*):/g)].map((m) => m[1]);
  const parameters = resolve(cases, constants, CONTROLLER);

  const all = packageFiles.join("\n");
  const required = resolve([...all.matchAll(/"%v is a required parameter", ([A-Za-z_]\w*)\)/g)].map((m) => m[1]), constants, PACKAGE);
  const onDeleteList = /supportedOnDeleteValues\s*=\s*\[\]string\{([^}]*)\}/.exec(all);
  if (!onDeleteList) throw new Error(`${PACKAGE}: supportedOnDeleteValues not found`);
  const onDeleteValues = resolve(onDeleteList[1].split(",").map((s) => s.trim()).filter(Boolean), constants, PACKAGE);
  const onDeleteParameter = constants.get("paramOnDelete");
  if (!onDeleteParameter) throw new Error(`${PACKAGE}: paramOnDelete not found`);

  return {
    flags,
    createVolumeParameters: [...new Set(parameters)].sort(),
    requiredParameters: [...new Set(required)].sort(),
    onDeleteParameter,
    onDeleteValues,
  };
}

export const csiDriverNfsGenerator: ContractGenerator = {
  name: CSI_DRIVER_NFS_CONTRACT,
  description: `csi-driver-nfs's flags and CreateVolume parameters (${REPOSITORY} ${MAIN}, ${CONTROLLER} at the image's tag)`,
  generate() {
    const ref = IMAGES.csiDriverNfs.tag;
    const repo = UpstreamRepo.open(REPOSITORY);
    const contract = readCsiDriverNfs(repo, ref);
    writeStoredContract(
      CSI_DRIVER_NFS_CONTRACT,
      {
        project: "csi-driver-nfs",
        version: ref.replace(/^v/, ""),
        repository: REPOSITORY,
        ref,
        commit: repo.commit(ref),
        sources: [MAIN, KLOG, CONTROLLER, `${PACKAGE}/nfs.go`, `${PACKAGE}/nodeserver.go`, `${PACKAGE}/utils.go`],
        command: `npm run contracts -- ${CSI_DRIVER_NFS_CONTRACT}`,
      },
      { "driver.json": contract },
    );
    return [CSI_DRIVER_NFS_CONTRACT];
  },
};
