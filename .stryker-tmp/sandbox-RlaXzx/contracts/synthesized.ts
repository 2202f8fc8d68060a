/** Reading the synthesized estate back: stacks from cdktf.out, resources and their attribute paths. */
// @ts-nocheck

import { existsSync, readdirSync, readFileSync } from "fs";
import { join } from "path";
import { SynthesizedStack, WorkflowFile } from "./contract";

/** Every stack under `<outdir>/stacks`, sorted by id; fails when nothing was synthesized. */
export function readSynthesizedStacks(outdir: string): SynthesizedStack[] {
  const dir = join(outdir, "stacks");
  if (!existsSync(dir)) throw new Error(`${outdir}/stacks does not exist: run npm run synth first`);
  const ids = readdirSync(dir)
    .filter((id) => existsSync(join(dir, id, "cdk.tf.json")))
    .sort();
  if (ids.length === 0) throw new Error(`${outdir}/stacks holds no synthesized stack: run npm run synth first`);
  return ids.map((id) => ({ id, json: JSON.parse(readFileSync(join(dir, id, "cdk.tf.json"), "utf8")) }));
}

/** A resource or data source of a stack, with its Terraform address. */
export interface StackResource {
  /** "helm_release.Traefik_Release_EFA1CED8", or "data.nomad_plugin.X" for data sources. */
  readonly address: string;
  readonly type: string;
  readonly name: string;
  readonly mode: "managed" | "data";
  readonly body: Readonly<Record<string, any>>;
}

/** Every managed resource and data source of a stack. */
export function stackResources(stack: SynthesizedStack): StackResource[] {
  const found: StackResource[] = [];
  for (const mode of ["managed", "data"] as const) {
    const blocks = (mode === "managed" ? stack.json.resource : stack.json.data) ?? {};
    for (const [type, byName] of Object.entries<Record<string, any>>(blocks)) {
      for (const [name, body] of Object.entries(byName)) {
        found.push({ address: `${mode === "data" ? "data." : ""}${type}.${name}`, type, name, mode, body });
      }
    }
  }
  return found;
}

/** The resources of one type across stacks. */
export function resourcesOfType(stacks: readonly SynthesizedStack[], type: string): Array<StackResource & { stack: string }> {
  return stacks.flatMap((stack) => stackResources(stack).filter((r) => r.type === type).map((r) => ({ ...r, stack: stack.id })));
}

/** An attribute path as Terraform prints it: `spec.template.container[0].command[1]`. */
export function joinPath(path: readonly (string | number)[]): string {
  return path
    .map((p, i) => (typeof p === "number" ? `[${p}]` : /^[A-Za-z_][A-Za-z0-9_-]*$/.test(p) ? `${i ? "." : ""}${p}` : `[${JSON.stringify(p)}]`))
    .join("");
}

/** Where a value sits, for a finding: `<stack>/<address>.<path>`. */
export function locate(stack: string, address: string, path: readonly (string | number)[] = []): string {
  const rest = joinPath(path);
  return `${stack}/${address}${rest && !rest.startsWith("[") ? "." : ""}${rest}`;
}

/** The CI workflows under <root>/.woodpecker/, named relative to the repository root. */
export function readWorkflows(root: string): WorkflowFile[] {
  const dir = join(root, ".woodpecker");
  return readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort()
    .map((f) => ({ file: `.woodpecker/${f}`, text: readFileSync(join(dir, f), "utf8") }));
}
