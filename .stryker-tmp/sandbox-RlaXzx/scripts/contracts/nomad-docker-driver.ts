/**
 * nomad-docker-driver: the docker driver's task config spec (taskConfigSpec in
 * drivers/docker/config.go at the estate's Nomad version), read from the hclspec
 * constructor calls that declare it: NewObject, NewAttr, NewBlock, NewBlockList/Set,
 * NewBlockAttrs, NewDefault (its default is dropped: only the shape matters). Specs
 * named by a variable (mountBodySpec) are followed.
 */
// @ts-nocheck

import { DriverSpec } from "../../contracts/nomad-driver-spec";
import { NOMAD_TAG, NOMAD_VERSION } from "../../contracts/nomad-version";
import { writeStoredContract } from "../../contracts/stored";
import { UpstreamRepo } from "../lib/upstream";
import { ContractGenerator } from "./generator";
import { goStringValue, tokenizeGo } from "./go-structs";
import { NOMAD_REPOSITORY } from "./nomad-api";

const CONFIG_FILE = "drivers/docker/config.go";
const ROOT = "taskConfigSpec";

type Expr =
  | { readonly kind: "call"; readonly fn: string; readonly args: readonly Expr[]; readonly line: number }
  | { readonly kind: "string"; readonly value: string }
  | { readonly kind: "ident"; readonly name: string; readonly line: number }
  | { readonly kind: "map"; readonly entries: ReadonlyArray<readonly [string, Expr]> }
  | { readonly kind: "other" };

type Tok = ReturnType<typeof tokenizeGo>[number];

/** Parses the Go expressions assigned to `name = hclspec.…` in a file. */
export function readSpecAssignments(source: string, file: string): Map<string, Expr> {
  const tokens = tokenizeGo(source, file).filter((t) => t.kind !== "newline" && t.kind !== "comment");
  let pos = 0;
  const at = (o = 0): Tok | undefined => tokens[pos + o];
  const fail = (message: string): never => {
    throw new Error(`${file}:${at()?.line ?? "end"}: ${message}`);
  };
  const take = (text: string) => (at()?.text === text ? tokens[pos++] : fail(`expected ${JSON.stringify(text)}, found ${JSON.stringify(at()?.text)}`));

  const skipBalanced = () => {
    const open = tokens[pos++].text;
    const close = { "(": ")", "[": "]", "{": "}" }[open]!;
    for (let depth = 1; depth > 0; pos++) {
      if (!at()) fail("unbalanced brackets");
      if (at()!.kind === "punct" && at()!.text === open) depth++;
      else if (at()!.kind === "punct" && at()!.text === close) depth--;
    }
  };

  const expr = (): Expr => {
    const t = at() ?? fail("unexpected end of file");
    if (t.kind === "string") {
      pos++;
      return { kind: "string", value: goStringValue(t.text) };
    }
    if (t.kind === "ident" && t.text === "map") {
      pos++;
      skipBalanced(); // [string]
      while (at()?.text !== "{") pos++; // *hclspec.Spec
      take("{");
      const entries: Array<[string, Expr]> = [];
      while (at()?.text !== "}") {
        const key = at()?.kind === "string" ? goStringValue(tokens[pos++].text) : fail("expected a string key in the spec map");
        take(":");
        entries.push([key, expr()]);
        if (at()?.text === ",") pos++;
      }
      take("}");
      return { kind: "map", entries };
    }
    if (t.kind === "ident") {
      let name = tokens[pos++].text;
      while (at()?.text === "." && tokens[pos + 1]?.kind === "ident") {
        name += `.${tokens[pos + 1].text}`;
        pos += 2;
      }
      if (at()?.text !== "(") return { kind: "ident", name, line: t.line };
      take("(");
      const args: Expr[] = [];
      while (at()?.text !== ")") {
        args.push(expr());
        if (at()?.text === ",") pos++;
      }
      take(")");
      return { kind: "call", fn: name, args, line: t.line };
    }
    // Literals of no interest to the shape (numbers, slices of labels): skipped whole.
    if (t.text === "[" || t.text === "{" || t.text === "(") {
      skipBalanced();
      if (at()?.kind === "ident") pos++;
      if (at()?.text === "{") skipBalanced();
    } else {
      pos++;
    }
    return { kind: "other" };
  };

  const found = new Map<string, Expr>();
  for (; pos < tokens.length; pos++) {
    const [name, eq, pkg, dot] = [at(), at(1), at(2), at(3)];
    if (name?.kind === "ident" && eq?.text === "=" && at(-1)?.text !== ":" && at(-1)?.text !== "!" && pkg?.text === "hclspec" && dot?.text === ".") {
      pos += 2;
      found.set(name.text, expr());
      pos--;
    }
  }
  return found;
}

/** Converts the parsed constructor calls into the stored spec. */
export function toDriverSpec(e: Expr, named: ReadonlyMap<string, Expr>, file: string, seen: readonly string[] = []): DriverSpec {
  const where = "line" in e ? `${file}:${e.line}` : file;
  if (e.kind === "ident") {
    const target = named.get(e.name);
    if (!target || seen.includes(e.name)) throw new Error(`${where}: spec ${e.name} is not an hclspec assignment of this file`);
    return toDriverSpec(target, named, file, [...seen, e.name]);
  }
  if (e.kind !== "call") throw new Error(`${where}: expected an hclspec constructor call`);
  const str = (i: number) => {
    const a = e.args[i];
    if (a?.kind !== "string") throw new Error(`${where}: argument ${i + 1} of ${e.fn} is not a string literal`);
    return a.value;
  };
  const bool = (i: number) => {
    const a = e.args[i];
    if (a?.kind !== "ident" || (a.name !== "true" && a.name !== "false")) throw new Error(`${where}: argument ${i + 1} of ${e.fn} is not true or false`);
    return a.name === "true";
  };
  const nested = (i: number) => toDriverSpec(e.args[i], named, file, seen);
  switch (e.fn) {
    case "hclspec.NewObject": {
      const map = e.args[0];
      if (map?.kind !== "map") throw new Error(`${where}: NewObject takes a map literal`);
      const attributes: Record<string, DriverSpec> = {};
      for (const [key, value] of map.entries) {
        // hcldec reads the name given to the constructor; the map key only names the result.
        const name = decodedName(value);
        if (name !== undefined && name !== key) throw new Error(`${where}: spec key ${key} decodes attribute ${name}; this reader assumes they match`);
        attributes[key] = toDriverSpec(value, named, file, seen);
      }
      return { kind: "object", attributes: Object.fromEntries(Object.entries(attributes).sort(([a], [b]) => (a < b ? -1 : 1))) };
    }
    case "hclspec.NewAttr":
      return { kind: "attr", type: str(1), required: bool(2) };
    case "hclspec.NewBlock":
      return { kind: "block", required: bool(1), body: nested(2) };
    case "hclspec.NewBlockAttrs":
      return { kind: "block_attrs", type: str(1), required: bool(2) };
    case "hclspec.NewBlockList":
    case "hclspec.NewBlockSet":
      return { kind: "block_list", body: nested(1) };
    case "hclspec.NewBlockListLimited":
    case "hclspec.NewBlockSetLimited":
      return { kind: "block_list", body: nested(3) };
    case "hclspec.NewDefault":
      return nested(0);
    default:
      throw new Error(`${where}: ${e.fn} is not an hclspec constructor this reader knows`);
  }
}

/** The attribute or block name a constructor call decodes (its first argument; NewDefault's primary's). */
function decodedName(e: Expr | undefined): string | undefined {
  if (e?.kind !== "call") return undefined;
  if (e.fn === "hclspec.NewDefault") return decodedName(e.args[0]);
  return e.args[0]?.kind === "string" ? e.args[0].value : undefined;
}

export const nomadDockerDriverGenerator: ContractGenerator = {
  name: "nomad-docker-driver",
  description: `the docker driver's task config spec (${NOMAD_REPOSITORY} ${CONFIG_FILE} at ${NOMAD_TAG})`,
  generate() {
    const repo = UpstreamRepo.open(NOMAD_REPOSITORY);
    const commit = repo.commit(NOMAD_TAG);
    const named = readSpecAssignments(repo.show(NOMAD_TAG, CONFIG_FILE), CONFIG_FILE);
    const root = named.get(ROOT);
    if (!root) throw new Error(`${CONFIG_FILE} at ${NOMAD_TAG} has no ${ROOT}`);
    writeStoredContract(
      "nomad-docker-driver",
      {
        project: "nomad",
        version: NOMAD_VERSION,
        repository: NOMAD_REPOSITORY,
        ref: NOMAD_TAG,
        commit,
        sources: [CONFIG_FILE],
        command: "npm run contracts -- nomad-docker-driver",
      },
      { "task-config.json": toDriverSpec(root, named, CONFIG_FILE) },
    );
    return ["nomad-docker-driver"];
  },
};
