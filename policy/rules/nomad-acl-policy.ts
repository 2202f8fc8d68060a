/**
 * What a Nomad ACL policy grants on variables, and what a workload identity may do with a
 * variable, as Nomad 1.10 decides it (hashicorp/nomad acl/policy.go, acl/acl.go): an exact
 * path of a policy first, then the job's own tree, then the closest matching glob.
 */

/** One `path` block of a policy's `variables`: a namespace and a path, each possibly a glob. */
export interface VariableGrant {
  readonly namespace: string;
  readonly path: string;
  readonly capabilities: readonly string[];
}

/** The identity a task's template reads with (Nomad's ACLClaim). */
export interface WorkloadClaim {
  readonly namespace: string;
  readonly job: string;
  readonly group: string;
  readonly task: string;
}

type Token = { kind: "word" | "string" | "symbol"; text: string };

/** HCL's tokens, as far as ACL policies use them; anything else is refused. */
function tokens(hcl: string): Token[] {
  const out: Token[] = [];
  const re = /\s+|#[^\n]*|\/\/[^\n]*|\/\*[\s\S]*?\*\/|"((?:[^"\\]|\\.)*)"|([A-Za-z_][A-Za-z0-9_-]*)|([{}[\]=,])|(.)/g;
  for (const m of hcl.matchAll(re)) {
    if (m[1] !== undefined) out.push({ kind: "string", text: JSON.parse(`"${m[1]}"`) as string });
    else if (m[2] !== undefined) out.push({ kind: "word", text: m[2] });
    else if (m[3] !== undefined) out.push({ kind: "symbol", text: m[3] });
    else if (m[4] !== undefined) throw new Error(`unexpected ${JSON.stringify(m[4])}`);
  }
  return out;
}

interface Block {
  readonly type: string;
  readonly labels: readonly string[];
  readonly attributes: ReadonlyMap<string, unknown>;
  readonly blocks: readonly Block[];
}

/** The body of a block (or of the file): attributes `name = value` and nested blocks `type "label" { … }`. */
function body(input: Token[], at: { i: number }, closing: boolean): Pick<Block, "attributes" | "blocks"> {
  const attributes = new Map<string, unknown>();
  const blocks: Block[] = [];
  const next = () => input[at.i++];
  for (;;) {
    const t = next();
    if (!t) {
      if (closing) throw new Error("a block is not closed");
      return { attributes, blocks };
    }
    if (t.kind === "symbol" && t.text === "}" && closing) return { attributes, blocks };
    if (t.kind !== "word") throw new Error(`expected a name, found ${JSON.stringify(t.text)}`);
    if (input[at.i]?.text === "=" && input[at.i].kind === "symbol") {
      at.i++;
      attributes.set(t.text, value(input, at));
      continue;
    }
    const labels: string[] = [];
    while (input[at.i]?.kind === "string") labels.push(next().text);
    if (next()?.text !== "{") throw new Error(`block ${t.text} has no body`);
    blocks.push({ type: t.text, labels, ...body(input, at, true) });
  }
}

function value(input: Token[], at: { i: number }): unknown {
  const t = input[at.i++];
  if (t?.kind === "string") return t.text;
  if (t?.kind === "word") return t.text;
  if (t?.text !== "[") throw new Error("expected a value");
  const list: unknown[] = [];
  while (input[at.i]?.text !== "]") {
    list.push(value(input, at));
    if (input[at.i]?.text === ",") at.i++;
    else if (input[at.i]?.text !== "]") throw new Error("a list is not closed");
  }
  at.i++;
  return list;
}

/**
 * The variable grants of a policy's HCL rules, capabilities expanded as Nomad expands them
 * (read brings list; deny alone). Throws when the rules are not HCL this reads.
 */
export function variableGrants(rulesHcl: string): VariableGrant[] {
  const file = body(tokens(rulesHcl), { i: 0 }, false);
  return file.blocks
    .filter((b) => b.type === "namespace")
    .flatMap((ns) =>
      ns.blocks
        .filter((b) => b.type === "variables")
        .flatMap((variables) => variables.blocks.filter((b) => b.type === "path"))
        .map((path) => {
          const listed = path.attributes.get("capabilities");
          const capabilities = Array.isArray(listed) ? listed.map(String) : [];
          const expanded = capabilities.includes("deny") ? ["deny"] : capabilities.includes("read") && !capabilities.includes("list") ? [...capabilities, "list"] : capabilities;
          return { namespace: ns.labels[0] ?? "", path: path.labels[0] ?? "", capabilities: expanded };
        }),
    );
}

/** Nomad's globs (ryanuber/go-glob): `*` matches any run of characters, slashes included; nothing else is special. */
function globMatches(pattern: string, name: string): boolean {
  return new RegExp(`^${pattern.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\/]/g, "\\$&")).join(".*")}$`).test(name);
}

/**
 * Whether a workload with `claim`, holding the policies' `grants`, may do `operation` (read,
 * list) on the variable at `path` in `namespace`: Nomad's matchingVariablesCapabilitySet.
 */
export function workloadMay(operation: string, namespace: string, path: string, claim: WorkloadClaim, grants: readonly VariableGrant[]): boolean {
  const key = (g: { namespace: string; path: string }) => `${g.namespace}\u0000${g.path}`;
  const capabilitiesOf = (k: string) => new Set(grants.filter((g) => key(g) === k).flatMap((g) => g.capabilities));
  const name = key({ namespace, path });
  const exact = grants.some((g) => !g.namespace.includes("*") && !g.path.includes("*") && key(g) === name);
  if (exact) return capabilitiesOf(name).has(operation);
  if (namespace === claim.namespace) {
    const own = ["nomad/jobs", `nomad/jobs/${claim.job}`, `nomad/jobs/${claim.job}/${claim.group}`, `nomad/jobs/${claim.job}/${claim.group}/${claim.task}`];
    if (own.includes(path)) return operation === "read" || operation === "list";
  }
  // The closest matching glob: the fewest characters the glob leaves to its stars. Of equals, the last in byte order: Nomad walks a radix tree
  // (byte order) and stable-sorts with a <= comparison, which puts each tie before the ones already sorted.
  const globs = [...new Set(grants.filter((g) => g.namespace.includes("*") || g.path.includes("*")).map(key))].sort();
  const matching = globs.filter((k) => globMatches(k, name)).map((k) => ({ k, difference: name.length - k.length + (k.match(/\*/g) ?? []).length }));
  if (matching.length === 0) return false;
  const closest = matching.reduce((best, m) => (m.difference <= best.difference ? m : best));
  // A set is the union of every policy's capabilities for that key: deny empties only its own path block.
  return capabilitiesOf(closest.k).has(operation);
}
