/**
 * democratic-csi-config: which driver config options democratic-csi reads, derived from its
 * JavaScript source at the image's tag (jobspecs/images.ts), for each driver the estate
 * configures (jobspecs/democratic-csi.ts).
 *
 * How the key set is derived (TypeScript's parser over the JavaScript, no code is run):
 * 1. bin/democratic-csi loads the YAML into a variable (`options = yaml.load(…)`) and
 *    src/driver/factory.js maps each `driver:` name (a `case "nfs-client":`) to a class.
 * 2. The class chain is followed through `extends` and `require(…)`: for nfs-client,
 *    ControllerNfsClientDriver → ControllerClientCommonDriver → CsiBaseDriver.
 * 3. In those files the options object is `this.options`, `x.options` where
 *    `const x = this`, a constructor's `options` parameter, and the loaded variable in bin/.
 *    Every read of it is followed outwards into a path: `.a.b`, `["a"]`,
 *    `[config_key]` (a variable set from getConfigKey(), whose literal return value in the
 *    chain is the driver's own section, "nfs"), `_.get(options, "a.b")`,
 *    `"a" in options.x` and `options.x.hasOwnProperty("a")`; a computed key or template
 *    part makes the path end in `*` (anything below). A path handed on whole (an argument,
 *    a return value) is marked `whole`: what is read inside it cannot be seen. A string
 *    method called on a path (`.split(",")`) types it as a string; a list method as a list.
 */
// @ts-nocheck

import * as ts from "typescript";
import { DemocraticCsiOptions, DriverOptions, OptionRead } from "../../contracts/democratic-csi-options";
import { writeStoredContract } from "../../contracts/stored";
import { democraticCsiConfig } from "../../jobspecs/democratic-csi";
import { IMAGES } from "../../jobspecs/images";
import { UpstreamRepo } from "../lib/upstream";
import { ContractGenerator } from "./generator";

const REPOSITORY = "democratic-csi/democratic-csi";
const ENTRY = "bin/democratic-csi";
const FACTORY = "src/driver/factory.js";
const STRING_METHODS = new Set(["split", "replace", "replaceAll", "toLowerCase", "toUpperCase", "startsWith", "endsWith", "trim", "padStart"]);
const LIST_METHODS = new Set(["push", "map", "forEach", "filter", "some", "every", "join", "concat", "find"]);

function parse(file: string, text: string): ts.SourceFile {
  // bin/democratic-csi starts with a #! line, which the parser accepts.
  return ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
}

function visit(node: ts.Node, fn: (n: ts.Node) => void): void {
  fn(node);
  node.forEachChild((child) => visit(child, fn));
}

function stringOf(node: ts.Node | undefined): string | undefined {
  return node && (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) ? node.text : undefined;
}

/** `require("./x")` resolved to a repository path of a .js file, relative to `from`. */
function resolveRequire(repo: UpstreamRepo, ref: string, from: string, spec: string): string {
  const dir = from.split("/").slice(0, -1);
  for (const part of spec.split("/")) {
    if (part === "..") dir.pop();
    else if (part !== ".") dir.push(part);
  }
  const base = dir.join("/");
  for (const candidate of [base, `${base}.js`, `${base}/index.js`]) if (repo.has(ref, candidate) && candidate.endsWith(".js")) return candidate;
  throw new Error(`${from}: cannot resolve require(${JSON.stringify(spec)}) at ${ref}`);
}

/** Names bound by `const { A, B } = require("x")` / `const A = require("x").A`, to the module path. */
function requires(source: ts.SourceFile): Map<string, string> {
  const found = new Map<string, string>();
  visit(source, (n) => {
    if (!ts.isVariableDeclaration(n) || !n.initializer) return;
    let init: ts.Expression = n.initializer;
    if (ts.isPropertyAccessExpression(init)) init = init.expression;
    if (!ts.isCallExpression(init) || !ts.isIdentifier(init.expression) || init.expression.text !== "require") return;
    const spec = stringOf(init.arguments[0]);
    if (!spec?.startsWith(".")) return;
    if (ts.isObjectBindingPattern(n.name)) for (const el of n.name.elements) found.set(el.name.getText(), spec);
    else if (ts.isIdentifier(n.name)) found.set(n.name.text, spec);
  });
  return found;
}

/** The factory's driver names, and the class each one builds. */
function factoryDrivers(source: ts.SourceFile): Map<string, string> {
  const found = new Map<string, string>();
  visit(source, (n) => {
    if (!ts.isCaseBlock(n)) return;
    let pending: string[] = [];
    for (const clause of n.clauses) {
      if (ts.isCaseClause(clause)) {
        const name = stringOf(clause.expression);
        if (name) pending.push(name);
      }
      const built = clause.statements.find(ts.isReturnStatement)?.expression;
      if (built && ts.isNewExpression(built) && ts.isIdentifier(built.expression)) {
        for (const name of pending) found.set(name, built.expression.text);
        pending = [];
      }
    }
  });
  return found;
}

function classDecl(source: ts.SourceFile, name: string): ts.ClassDeclaration | undefined {
  return source.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === name);
}

/** The string literal a class's getConfigKey() returns, if it declares one. */
function configKeyOf(cls: ts.ClassDeclaration): string | undefined {
  const method = cls.members.find((m): m is ts.MethodDeclaration => ts.isMethodDeclaration(m) && m.name.getText() === "getConfigKey");
  const ret = method?.body?.statements.find(ts.isReturnStatement);
  return stringOf(ret?.expression);
}

interface Reader {
  readonly paths: Map<string, OptionRead>;
  readonly configKey: string;
}

function record(reader: Reader, path: readonly string[], at: string, extra: Omit<OptionRead, "at"> = {}): void {
  if (path.length === 0) return;
  const key = path.join(".");
  const before = reader.paths.get(key);
  reader.paths.set(key, { at: before?.at ?? at, ...(before?.whole || extra.whole ? { whole: true as const } : {}), ...(before?.type ?? extra.type ? { type: before?.type ?? extra.type } : {}) });
}

/** The type a value is used as when a string or list method is called on it (`_.get(…).split(",")`). */
function usedAs(value: ts.Expression): Omit<OptionRead, "at"> {
  const access = value.parent;
  if (!ts.isPropertyAccessExpression(access) || access.expression !== value || !ts.isCallExpression(access.parent)) return {};
  if (STRING_METHODS.has(access.name.text)) return { type: "string" };
  if (LIST_METHODS.has(access.name.text)) return { type: "list" };
  return {};
}

/** Follows one reference to the options object outwards and records the path it reads. */
function followRead(root: ts.Expression, reader: Reader, configKeyNames: ReadonlySet<string>, at: string): void {
  const path: string[] = [];
  let node: ts.Expression = root;
  for (;;) {
    const parent: ts.Node = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
      const name = parent.name.text;
      const call = parent.parent;
      if (ts.isCallExpression(call) && call.expression === parent) {
        // A method called on the value read so far.
        if (name === "hasOwnProperty") {
          const key = stringOf(call.arguments[0]);
          record(reader, key ? [...path, key] : [...path, "*"], at);
          return;
        }
        const type = usedAs(node);
        return record(reader, path, at, type.type ? type : { whole: true });
      }
      path.push(name);
      node = parent;
      continue;
    }
    if (ts.isElementAccessExpression(parent) && parent.expression === node) {
      const arg = parent.argumentExpression;
      const literal = stringOf(arg);
      if (literal !== undefined) path.push(literal);
      else if (ts.isIdentifier(arg) && configKeyNames.has(arg.text)) path.push(reader.configKey);
      else return record(reader, [...path, "*"], at);
      node = parent;
      continue;
    }
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.InKeyword && parent.right === node) {
      const key = stringOf(parent.left);
      return record(reader, [...path, key ?? "*"], at);
    }
    if (ts.isCallExpression(parent) && parent.arguments[0] === node && parent.expression.getText() === "_.get") {
      const arg = parent.arguments[1];
      const literal = stringOf(arg);
      if (literal !== undefined) return record(reader, [...path, ...literal.split(".")], at, usedAs(parent));
      if (arg && ts.isTemplateExpression(arg)) return record(reader, [...path, ...arg.head.text.split(".").filter(Boolean), "*"], at);
      return record(reader, [...path, "*"], at);
    }
    // Assigned to (a default the driver fills in) or used as a value.
    const assigned = ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
    const tested = ts.isBinaryExpression(parent) || ts.isIfStatement(parent) || ts.isPrefixUnaryExpression(parent) || ts.isConditionalExpression(parent);
    return record(reader, path, at, assigned || tested ? {} : { whole: true });
  }
}

/** Every read of the options object in one file of the chain. */
function readOptions(source: ts.SourceFile, file: string, reader: Reader): void {
  const thisAliases = new Set<string>();
  const configKeyNames = new Set<string>();
  const loadedNames = new Set<string>();
  visit(source, (n) => {
    if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) {
      if (n.initializer.kind === ts.SyntaxKind.ThisKeyword) thisAliases.add(n.name.text);
      if (ts.isCallExpression(n.initializer) && n.initializer.expression.getText().endsWith(".getConfigKey")) configKeyNames.add(n.name.text);
    }
    if (ts.isBinaryExpression(n) && ts.isIdentifier(n.left) && ts.isCallExpression(n.right) && n.right.expression.getText() === "yaml.load") loadedNames.add(n.left.text);
  });
  const line = (n: ts.Node) => `${file}:${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}`;
  visit(source, (n) => {
    // this.options / driver.options
    if (ts.isPropertyAccessExpression(n) && n.name.text === "options" && (n.expression.kind === ts.SyntaxKind.ThisKeyword || (ts.isIdentifier(n.expression) && thisAliases.has(n.expression.text)))) {
      followRead(n, reader, configKeyNames, line(n));
      return;
    }
    // The loaded YAML in bin/, and a constructor's options parameter (not where they are declared, nor a property named so).
    if (!ts.isIdentifier(n) || isNameOf(n) || !(loadedNames.has(n.text) || isConstructorOptions(n))) return;
    followRead(n, reader, configKeyNames, line(n));
  });
}

/** Whether an identifier only names something (a property, a parameter, a variable) rather than reading a value. */
function isNameOf(n: ts.Identifier): boolean {
  const p = n.parent;
  return ((ts.isPropertyAccessExpression(p) || ts.isPropertyAssignment(p) || ts.isVariableDeclaration(p)) && p.name === n) || ts.isParameter(p);
}

/** Whether an identifier is, inside a constructor, that constructor's second parameter: the driver options. */
function isConstructorOptions(n: ts.Identifier): boolean {
  for (let p: ts.Node | undefined = n.parent; p; p = p.parent) {
    if (ts.isConstructorDeclaration(p)) return p.parameters[1]?.name.getText() === n.text;
  }
  return false;
}

/** The option paths one driver name reads, from the entry point through its class chain. */
function driverOptions(repo: UpstreamRepo, ref: string, driver: string, factory: ts.SourceFile): DriverOptions {
  const className = factoryDrivers(factory).get(driver);
  if (!className) throw new Error(`${FACTORY} at ${ref} builds no class for driver ${driver}`);
  const chain: Array<{ file: string; source: ts.SourceFile; cls: ts.ClassDeclaration }> = [];
  let file = resolveRequire(repo, ref, FACTORY, requires(factory).get(className) ?? fail(`${FACTORY}: ${className} is not required`));
  let name: string | undefined = className;
  while (name) {
    const source = parse(file, repo.show(ref, file));
    const cls: ts.ClassDeclaration = classDecl(source, name) ?? fail(`${file}: no class ${name}`);
    chain.push({ file, source, cls });
    const parent: string | undefined = cls.heritageClauses?.[0]?.types[0]?.expression.getText();
    if (!parent) break;
    file = resolveRequire(repo, ref, file, requires(source).get(parent) ?? fail(`${file}: ${parent} is not required`));
    name = parent;
  }
  const configKey = chain.map((c) => configKeyOf(c.cls)).find((k) => k !== undefined) ?? fail(`${driver}: no getConfigKey() returning a literal in ${chain.map((c) => c.file).join(", ")}`);
  const reader: Reader = { paths: new Map(), configKey };
  readOptions(parse(ENTRY, repo.show(ref, ENTRY)), ENTRY, reader);
  for (const { file: f, source } of chain) readOptions(source, f, reader);
  const paths = Object.fromEntries([...reader.paths.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { class: className, files: [ENTRY, FACTORY, ...chain.map((c) => c.file)], configKey, paths };
}

function fail(message: string): never {
  throw new Error(message);
}

/** Derives the stored contract from a checkout of democratic-csi at `ref`, for the given drivers. */
export function deriveDemocraticCsiOptions(repo: UpstreamRepo, ref: string, drivers: readonly string[]): DemocraticCsiOptions {
  const factory = parse(FACTORY, repo.show(ref, FACTORY));
  return {
    drivers: [...factoryDrivers(factory).keys()].sort(),
    byDriver: Object.fromEntries(drivers.map((d) => [d, driverOptions(repo, ref, d, factory)])),
  };
}

export const democraticCsiOptionsGenerator: ContractGenerator = {
  name: "democratic-csi-config",
  description: `the driver config options democratic-csi reads (${REPOSITORY} at ${IMAGES.democraticCsi.tag}, the image's tag)`,
  generate() {
    const ref = IMAGES.democraticCsi.tag;
    const repo = UpstreamRepo.open(REPOSITORY);
    // The drivers the estate configures; the plugin id does not change which driver that is.
    const drivers = [(democraticCsiConfig("plugin") as { driver: string }).driver];
    const data = deriveDemocraticCsiOptions(repo, ref, drivers);
    const sources = [...new Set(Object.values(data.byDriver).flatMap((d) => d.files))];
    writeStoredContract(
      "democratic-csi-config",
      { project: "democratic-csi", version: ref.replace(/^v/, ""), repository: REPOSITORY, ref, commit: repo.commit(ref), sources, command: "npm run contracts -- democratic-csi-config" },
      { "options.json": data },
    );
    return ["democratic-csi-config"];
  },
};
