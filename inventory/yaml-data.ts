import { CST, Document, isAlias, isMap, isScalar, LineCounter, Parser, parseDocument, visit, YAMLError, YAMLMap } from "yaml";
import { at, InventoryError, positionIn, SourcePosition } from "./errors";

/** The inventory is five levels deep; anything past this is not an inventory (and deep enough input overflows the parser's stack). */
export const MAX_NESTING = 32;
/** How many nodes aliases may expand to, as the yaml package counts them (its maxAliasCount): a billion laughs stops here. */
export const MAX_ALIAS_COUNT = 100;

/** Plain data parsed from an inventory file, and where each value of it is written. */
export interface ParsedInventoryText {
  readonly data: unknown;
  /** Where the value (or its key) at a path is written, else its nearest enclosing value; undefined when unknown. */
  position(path: readonly PropertyKey[], part?: "value" | "key"): SourcePosition | undefined;
}

/**
 * YAML (or JSON, which YAML reads too) as plain data. Refused, with the file, line and
 * column: syntax errors; tags (`!!binary`, `!!js/function`: an inventory is plain data,
 * not typed objects) and nesting deeper than MAX_NESTING, both found on the parser's
 * tokens before anything recursive runs; more than one document; keys that are not
 * strings or appear twice (1 and "1" included); aliases that refer to themselves or to
 * nothing, or expand past MAX_ALIAS_COUNT. A .json file must also be strict JSON.
 */
export function parseInventoryText(text: string, file: string): ParsedInventoryText {
  const fail = (problems: string[]): never => {
    throw new InventoryError(file, problems);
  };
  if (/\.json$/i.test(file)) {
    const problem = jsonSyntaxProblem(text, file);
    if (problem) fail([problem]);
  }
  const lineCounter = new LineCounter();
  const where = (offset: number) => at(file, lineCounter.linePos(offset));
  const syntaxProblems = syntaxTreeProblems(withoutStackTraces(() => [...new Parser(lineCounter.addNewLine).parse(text)]));
  if (syntaxProblems.length) fail(syntaxProblems.map(({ offset, problem }) => `${where(offset)}${problem}`));
  // Duplicate keys are found by plainDataProblems: the yaml package's own check is quadratic in a mapping's size.
  // Not prettyErrors: it copies the error's whole line into each message, quadratic on a long line of errors.
  const doc = withoutStackTraces(() => parseDocument(text, { uniqueKeys: false, prettyErrors: false, strict: true, schema: "core", merge: false }));
  const yamlProblems = [...doc.errors, ...doc.warnings].map((error) => `${where(error.pos[0])}${describeYamlError(error)}`);
  if (yamlProblems.length) fail(yamlProblems);
  const problems = plainDataProblems(doc, where);
  if (problems.length) fail(problems);

  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (err) {
    const message = (err as Error).message;
    return fail([
      /alias count/i.test(message)
        ? `aliases expand to more than ${MAX_ALIAS_COUNT} nodes (a "billion laughs"); write the values out or use fewer aliases`
        : `cannot be read as plain data: ${message.split("\n")[0]}`,
    ]);
  }
  if (data === null || data === undefined) fail(["the file holds no data (it is empty or only comments); an inventory is a YAML mapping, see inventory/default.ts"]);
  return {
    data,
    position(path, part = "value") {
      if (part === "key" && path.length > 0) {
        const parent = doc.getIn(path.slice(0, -1) as unknown[], true);
        const name = String(path[path.length - 1]);
        const pair = isMap(parent) ? parent.items.find(({ key }) => isScalar(key) && String(key.value) === name) : undefined;
        if (isScalar(pair?.key) && pair.key.range) return lineCounter.linePos(pair.key.range[0]);
      }
      for (let n = path.length; n >= 0; n--) {
        const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
        if (node && typeof node === "object" && node.range) return lineCounter.linePos(node.range[0]);
      }
      return undefined;
    },
  };
}

/**
 * Runs the yaml package without capturing stack traces: it makes an error object for every
 * problem it finds (thirty thousand for a file of stray brackets), and each capture cost more
 * than the parse; only their messages and positions are read.
 */
function withoutStackTraces<T>(parse: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return parse();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/** The first JSON syntax error of a .json file, with its line and column. */
function jsonSyntaxProblem(text: string, file: string): string | undefined {
  const error = jsonError(text);
  if (!error) return undefined;
  const what = error.message.replace(/ in JSON at position \d+.*$/s, "").replace(/, ".*" is not valid JSON$/s, "");
  return `${at(file, positionIn(text, jsonErrorOffset(text)))}not valid JSON: ${what} (a .json inventory is strict JSON: no trailing commas, no comments)`;
}

function jsonError(text: string): Error | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (err) {
    return err as Error;
  }
}

/**
 * Where JSON.parse gives up: the last character of the shortest prefix that is already
 * wrong, found by bisection (V8 gives no position for some errors). A prefix is still
 * right when it parses or only ends too early.
 */
function jsonErrorOffset(text: string): number {
  const wrong = (length: number): boolean => {
    const error = jsonError(text.slice(0, length));
    if (!error || /Unexpected end of JSON input/.test(error.message)) return false;
    const position = /at position (\d+)/.exec(error.message)?.[1];
    return position === undefined || Number(position) < length;
  };
  if (!wrong(text.length)) return text.length;
  let [right, wrongLength] = [0, text.length];
  while (wrongLength - right > 1) {
    const middle = Math.floor((right + wrongLength) / 2);
    if (wrong(middle)) wrongLength = middle;
    else right = middle;
  }
  return wrongLength - 1;
}

const COLLECTIONS = new Set(["block-map", "block-seq", "flow-collection"]);

/**
 * Tags (`!!binary`, `!!js/function`, `!secret`: an inventory is plain data, not typed
 * objects) and the first collection nested deeper than MAX_NESTING, read from the parser's
 * concrete syntax tree before anything is built from it. The parser keeps its own stack
 * and this walk an explicit one, so no depth of input can overflow the call stack here.
 */
function syntaxTreeProblems(tokens: Iterable<CST.Token>): Array<{ offset: number; problem: string }> {
  const problems: Array<{ offset: number; problem: string }> = [];
  const pending: Array<[unknown, number]> = [];
  for (const token of tokens) pending.push([token, 0]);
  while (pending.length) {
    const [node, depth] = pending.pop()!;
    if (Array.isArray(node)) {
      for (const child of node) pending.push([child, depth]);
      continue;
    }
    if (!node || typeof node !== "object") continue;
    const token = node as Partial<CST.SourceToken> & Record<string, unknown>;
    if (token.type === "tag") problems.push({ offset: token.offset!, problem: `YAML tag ${token.source}: ${NO_TAGS}` });
    const collection = typeof token.type === "string" && COLLECTIONS.has(token.type);
    if (collection && depth >= MAX_NESTING) {
      return [{ offset: token.offset!, problem: `nested more than ${MAX_NESTING} levels deep; an inventory is a few levels of mappings and lists` }];
    }
    for (const child of Object.values(token)) if (child && typeof child === "object") pending.push([child, collection ? depth + 1 : depth]);
  }
  return problems.sort((a, b) => a.offset - b.offset);
}

const NO_TAGS = "an inventory is plain data, without tags";

/** What a yaml package error or warning says, in the inventory's words where they differ. */
function describeYamlError(error: YAMLError): string {
  return error.code === "MULTIPLE_DOCS" ? 'the file holds more than one YAML document ("---"); an inventory is one document' : `not valid YAML: ${error.message}`;
}

/** Keys that are not strings or appear twice in one mapping (1 and "1" included: they are one key once loaded). */
function keyProblems(map: YAMLMap, where: (offset: number) => string): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { key } of map.items) {
    const offset = (key as { range?: [number] } | null)?.range?.[0] ?? map.range?.[0] ?? 0;
    if (!isScalar(key)) {
      problems.push(`${where(offset)}a key must be a plain string, not a list, mapping or alias`);
      continue;
    }
    const name = String(key.value);
    if (seen.has(name)) problems.push(`${where(offset)}key ${JSON.stringify(name.slice(0, 60))} appears twice in one mapping; keep one`);
    seen.add(name);
  }
  return problems;
}

/** Keys that are not plain or appear twice, self-referring or dangling aliases: what makes a document more than a tree of plain data. */
function plainDataProblems(doc: Document, where: (offset: number) => string): string[] {
  const problems: string[] = [];
  // The latest anchor of each name so far, as YAML resolves an alias (the yaml package's
  // own alias.resolve searches the whole document each time: quadratic in the aliases).
  const anchors = new Map<string, unknown>();
  // One Node visitor: the yaml package calls a Map visitor instead of Node for mappings, not as well.
  visit(doc, {
    Node(_key, node, path) {
      const offset = node.range?.[0] ?? 0;
      if (isAlias(node)) {
        const target = anchors.get(node.source);
        if (!target) problems.push(`${where(offset)}alias *${node.source} refers to no anchor before it`);
        else if (path.includes(target as never)) {
          problems.push(`${where(offset)}alias *${node.source} is inside the value it refers to (a cycle); an inventory is a tree`);
        }
        return;
      }
      if (node.anchor) anchors.set(node.anchor, node);
      if (isMap(node)) for (const problem of keyProblems(node, where)) problems.push(problem);
    },
  });
  return problems;
}
