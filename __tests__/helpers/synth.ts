import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from "fs";
import { tmpdir } from "os";
import { join } from "path";
import { Construct } from "constructs";
import { ClusterId, HomelabApp, HomelabStack, Tier } from "../../constructs";
import { defaultInventory, Inventory, parseInventory } from "../../inventory";
import { AddressRecord } from "../../policy/address-record";
import { Report } from "../../policy/engine";
import { Rule } from "../../policy/rule";

/** The embedded default inventory, parsed: what tests build from. */
export const testInventory: Inventory = parseInventory(defaultInventory, "embedded default");

/** A synthesized stack's cdk.tf.json. */
export type StackJson = Record<string, any>;

export interface SynthResult {
  /** Parsed cdk.tf.json of every synthesized stack, by id. */
  readonly stacks: Record<string, StackJson>;
  /** Other files written beside each stack, by stack id then relative path. */
  readonly files: Record<string, Record<string, string>>;
  readonly report: Report;
}

export interface SynthOptions {
  readonly inventory?: Inventory;
  readonly rules?: readonly Rule[];
  /** The stateful-address record to hold the app to (HL-STATE-3). @default - none */
  readonly addresses?: AddressRecord;
  /** Whether the house rules judge it (HomelabApp's `judge`). @default true */
  readonly judge?: boolean;
}

/**
 * Synthesizes an app through the real path (HomelabApp.synth: staging, rules, backends,
 * cross-stack wiring) into a temporary directory and reads every stack back.
 */
export function synthApp(define: (app: HomelabApp) => void, options: SynthOptions = {}): SynthResult {
  const outdir = mkdtempSync(join(tmpdir(), "homelab-test-"));
  try {
    const app = new HomelabApp({ outdir, inventory: options.inventory ?? testInventory, rules: options.rules, addresses: options.addresses, judge: options.judge });
    define(app);
    app.synth();
    const stacks: Record<string, StackJson> = {};
    const files: Record<string, Record<string, string>> = {};
    for (const id of readdirSync(join(outdir, "stacks"))) {
      const dir = join(outdir, "stacks", id);
      files[id] = {};
      for (const rel of readdirSync(dir, { recursive: true }) as string[]) {
        const path = join(dir, rel);
        if (!statSync(path).isFile()) continue;
        if (rel === "cdk.tf.json") stacks[id] = JSON.parse(readFileSync(path, "utf8"));
        else files[id][rel] = readFileSync(path, "utf8");
      }
    }
    return { stacks, files, report: app.check() };
  } finally {
    rmSync(outdir, { recursive: true, force: true });
  }
}

/** Runs the house rules over an app without failing on findings: for rule tests. */
export function checkApp(define: (app: HomelabApp) => void, options: SynthOptions = {}): Report {
  const app = new HomelabApp({
    outdir: join(tmpdir(), "homelab-unused"),
    inventory: options.inventory ?? testInventory,
    rules: options.rules,
    addresses: options.addresses,
    judge: options.judge,
  });
  define(app);
  return app.check();
}

export interface TestStackOptions {
  readonly tier?: Tier;
  readonly cluster?: ClusterId;
  readonly id?: string;
}

/** A bare HomelabStack for construct tests. */
export function testStack(app: HomelabApp, options: TestStackOptions = {}): HomelabStack {
  return new HomelabStack(app, options.id ?? "test", {
    tier: options.tier ?? 1,
    cluster: options.cluster ?? "kubernetes",
    description: "test stack",
  });
}

/**
 * Builds constructs in one test stack and returns that stack's synthesized JSON.
 * Constructor errors surface as thrown errors, as at real synth.
 */
export function synthWith(build: (scope: Construct) => void, options: TestStackOptions & SynthOptions = {}): StackJson {
  const id = options.id ?? "test";
  const result = synthApp((app) => build(testStack(app, options)), options);
  return result.stacks[id];
}

/** The resources of one Terraform type in a stack's JSON, by logical id. */
export function resourcesOf(stack: StackJson, type: string): Record<string, any> {
  return stack.resource?.[type] ?? {};
}

/** The single resource of a type; fails when there is not exactly one. */
export function onlyResource(stack: StackJson, type: string): any {
  const all = Object.values(resourcesOf(stack, type));
  if (all.length !== 1) throw new Error(`expected exactly one ${type}, found ${all.length}`);
  return all[0];
}

/** The backup choice of volumes that exist only in a test: nothing to back up, and why. */
export const NO_BACKUP = { none: "a test volume that holds no data" } as const;
