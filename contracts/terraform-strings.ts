/**
 * Every string of every synthesized stack through real Terraform's template parser.
 *
 * In Terraform JSON, every string in an expression position is a template: `${…}` is an
 * interpolation and `%{…}` a directive, so a shell's `${HOSTNAME##*-}` or Nomad's
 * `${attr.cpu.arch}` left unescaped either fails to parse or refers to something that does
 * not exist, and the first plan fails. The check writes each string as the `input` of its
 * own `terraform_data` (built in, no provider download) and runs `terraform validate`:
 * Terraform itself reports syntax errors, unknown functions and references whose root it
 * cannot resolve. References to what the stack really declares (its resources, data
 * sources, modules, variables, locals) are replaced by stand-in variables first, so only
 * what Terraform could not resolve in the real stack is reported.
 */
import { spawnSync } from "child_process";
import { mkdtempSync, rmSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { ContractCheck, ContractFinding, SynthesizedStack, ValidateInput } from "./contract";
import { locate } from "./synthesized";

/** A string Terraform parses as a template, and where it sits. */
export interface TemplateString {
  readonly stack: string;
  /** "kubernetes_stateful_set_v1.Cluster_StatefulSet_7BA40E81", "output.x", "locals", "provider.nomad". */
  readonly address: string;
  readonly path: readonly (string | number)[];
  readonly text: string;
}

/** Meta-arguments whose values are references or literals, not templates. */
const NOT_TEMPLATES = new Set(["//", "depends_on", "provider", "providers", "source", "version", "ignore_changes", "replace_triggered_by"]);

function collect(stack: string, address: string, value: unknown, path: (string | number)[], into: TemplateString[]): void {
  if (typeof value === "string") {
    into.push({ stack, address, path, text: value });
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => collect(stack, address, v, [...path, i], into));
  } else if (value !== null && typeof value === "object") {
    for (const [key, v] of Object.entries(value)) {
      if (NOT_TEMPLATES.has(key)) continue;
      // Keys of objects in expressions are templates too.
      if (key.includes("{")) into.push({ stack, address, path: [...path, key, "(key)"], text: key });
      collect(stack, address, v, [...path, key], into);
    }
  }
}

/** Every template string of a stack: resources, data sources, outputs, locals, modules, providers, imports. */
export function templateStrings(stack: SynthesizedStack): TemplateString[] {
  const found: TemplateString[] = [];
  const j = stack.json;
  for (const [block, prefix] of [["resource", ""], ["data", "data."]] as const) {
    for (const [type, byName] of Object.entries<Record<string, unknown>>(j[block] ?? {})) {
      for (const [name, body] of Object.entries(byName)) collect(stack.id, `${prefix}${type}.${name}`, body, [], found);
    }
  }
  for (const [name, body] of Object.entries<Record<string, unknown>>(j.output ?? {})) {
    collect(stack.id, `output.${name}`, { value: body.value, precondition: body.precondition }, [], found);
  }
  for (const [name, value] of Object.entries(j.locals ?? {})) collect(stack.id, `local.${name}`, value, [], found);
  for (const [name, body] of Object.entries(j.module ?? {})) collect(stack.id, `module.${name}`, body, [], found);
  for (const [name, configs] of Object.entries(j.provider ?? {})) {
    [configs].flat().forEach((config, i) => collect(stack.id, `provider.${name}[${i}]`, config, [], found));
  }
  ([j.import ?? []].flat() as Array<Record<string, unknown>>).forEach((imp, i) => collect(stack.id, `import[${i}]`, { id: imp.id }, [], found));
  return found;
}

/** The reference roots a stack declares, as they appear in expressions: "nomad_job.x", "data.t.x", "module.m", "var.v", "local.l". */
export function declaredRoots(stack: SynthesizedStack): string[] {
  const j = stack.json;
  const roots: string[] = [];
  for (const [type, byName] of Object.entries<object>(j.resource ?? {})) for (const name of Object.keys(byName)) roots.push(`${type}.${name}`);
  for (const [type, byName] of Object.entries<object>(j.data ?? {})) for (const name of Object.keys(byName)) roots.push(`data.${type}.${name}`);
  for (const name of Object.keys(j.module ?? {})) roots.push(`module.${name}`);
  for (const name of Object.keys(j.variable ?? {})) roots.push(`var.${name}`);
  for (const name of Object.keys(j.locals ?? {})) roots.push(`local.${name}`);
  return roots;
}

const IDENT = "[A-Za-z_][A-Za-z0-9_-]*";
const REFERENCE = new RegExp(`(?<![A-Za-z0-9_.-])(?:data\\.${IDENT}\\.${IDENT}|${IDENT}\\.${IDENT})(?![A-Za-z0-9_-])`, "g");

/** The text with every reference to a declared root replaced by a stand-in variable. */
function standIn(text: string, roots: Map<string, string>): string {
  return text.replace(REFERENCE, (ref) => roots.get(ref) ?? ref);
}

interface Diagnostic {
  severity: string;
  summary: string;
  detail?: string;
  snippet?: { context?: string; code?: string; highlight_start_offset?: number; highlight_end_offset?: number };
}

/** Versions of the terraform found on each PATH this process asked about: the binary does not change under it. */
const versions = new Map<string, string>();

/** The Terraform version on PATH, or an error saying what to install. */
export function terraformVersion(): string {
  const path = process.env.PATH ?? "";
  const known = versions.get(path);
  if (known) return known;
  const r = spawnSync("terraform", ["version", "-json"], { encoding: "utf8", env: terraformEnv() });
  if (r.error || r.status !== 0) {
    throw new Error("terraform-strings needs the terraform binary (1.11) on PATH: https://developer.hashicorp.com/terraform/install");
  }
  const version = JSON.parse(r.stdout).terraform_version as string;
  versions.set(path, version);
  return version;
}

function terraformEnv(): NodeJS.ProcessEnv {
  // Only what Terraform needs to run offline; no credentials reach it.
  return { PATH: process.env.PATH, HOME: process.env.HOME, CHECKPOINT_DISABLE: "1", TF_IN_AUTOMATION: "1" };
}

/**
 * The interpolations and directives of a string that do not start with a declared root:
 * what Terraform stumbled on, for the message.
 */
function suspects(text: string, roots: ReadonlyMap<string, string>): string[] {
  const sequences = text.match(/(?<![$])\$\{[^}]{0,60}\}?|(?<![%])%\{[^}]{0,60}\}?/g) ?? [];
  return sequences.filter((seq) => {
    const inner = seq.slice(2).trim();
    return ![...roots.keys(), "path.", "terraform."].some((root) => inner.startsWith(root));
  });
}

const FIX =
  "a literal ${ or %{ meant for a shell, Nomad or a template engine is written $${ or %%{ in Terraform JSON; " +
  "build the string through the construct that escapes it (terraformLiteral), and refer to Terraform values only through references";

/**
 * The string where Terraform reads it: a condition as a condition (where ephemeral values such as
 * `terraform.applying` are allowed), anything else as a value Terraform keeps (`input`).
 */
function inItsPlace(s: TemplateString, text: string): Record<string, unknown> {
  const [block] = s.path.slice(-3);
  if (s.path.at(-1) === "condition" && (block === "precondition" || block === "postcondition")) {
    return { lifecycle: { [block]: [{ condition: text, error_message: "checked by terraform-strings." }] } };
  }
  return { input: text };
}

/** Runs Terraform's parser over the strings; returns a finding for every error it reports. */
export function checkTemplateStrings(stacks: readonly SynthesizedStack[]): ContractFinding[] {
  const strings: TemplateString[] = [];
  const config: Record<string, any> = { variable: {}, resource: { terraform_data: {} } };
  const hasTemplate = /[$%]\{/;
  const rootsByStack = new Map<string, Map<string, string>>();
  for (const stack of stacks) {
    const roots = new Map<string, string>();
    rootsByStack.set(stack.id, roots);
    for (const root of declaredRoots(stack)) {
      const name = `ref${Object.keys(config.variable).length}`;
      config.variable[name] = {};
      roots.set(root, `var.${name}`);
    }
    for (const s of templateStrings(stack)) {
      if (!hasTemplate.test(s.text)) continue; // nothing for the parser to find
      config.resource.terraform_data[`s${strings.length}`] = inItsPlace(s, standIn(s.text, roots));
      strings.push(s);
    }
  }
  if (strings.length === 0) return [];

  const version = terraformVersion();
  const dir = mkdtempSync(join(tmpdir(), "homelab-tfparse-"));
  try {
    writeFileSync(join(dir, "main.tf.json"), JSON.stringify(config, null, 1));
    const r = spawnSync("terraform", ["validate", "-json", "-no-color"], { cwd: dir, encoding: "utf8", env: terraformEnv(), maxBuffer: 1 << 28 });
    let diagnostics: Diagnostic[];
    try {
      diagnostics = JSON.parse(r.stdout).diagnostics;
    } catch {
      throw new Error(`terraform validate did not answer in JSON (exit ${r.status}): ${r.stderr.trim().slice(0, 400)}`);
    }
    const upstream = `terraform@${version} template parser (terraform validate)`;
    return diagnostics
      .filter((d) => d.severity === "error")
      .map((d) => {
        const index = /terraform_data\.s(\d+)\b/.exec(d.snippet?.context ?? "")?.[1];
        const s = index === undefined ? undefined : strings[Number(index)];
        if (!s) throw new Error(`terraform validate reported an error outside the strings checked: ${d.summary}: ${d.detail ?? ""}`);
        const excerpt = suspects(s.text, rootsByStack.get(s.stack)!).join(", ");
        const detail = (d.detail ?? "").split("\n")[0];
        return {
          where: locate(s.stack, s.address, s.path),
          problem: `${d.summary}${excerpt ? ` at ${excerpt}` : ""}: ${detail} (in ${JSON.stringify(s.text.length > 160 ? `${s.text.slice(0, 157)}...` : s.text)}); ${FIX}`,
          upstream,
        };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export const terraformStrings: ContractCheck = {
  id: "terraform-strings",
  description: "every string of every stack parses as a Terraform template and refers only to what the stack declares (terraform validate)",
  check: (input: ValidateInput) => checkTemplateStrings(input.stacks),
};
