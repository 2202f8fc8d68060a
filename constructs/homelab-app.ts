import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { dirname, join, sep } from "path";
import { App, Aspects, TerraformStack } from "cdktf";
import { IConstruct } from "constructs";
import "./cdktf-overheads";
import { Inventory, loadInventory } from "../inventory";
import { evaluate, Finding, formatErrors, Report, SYNTH_RULE_ID, withFindings } from "../policy/engine";
import { ALL_RULES } from "../policy/packs";
import { AddressRecord } from "../policy/address-record";
import { Rule, SynthStack } from "../policy/rule";
import { RuleCollector, SynthesizedBlocks } from "../policy/rule-aspect";
import type { HomelabStack } from "./homelab-stack";
import { MUTATING_ASPECTS } from "./stack-aspects";
import { protectStatefulResources } from "./stateful-protection";
import { deployOrder, OrderedStack, StackInfo, tierViolations } from "./stack-graph";
import { stagingPath, withStaging } from "./synth-staging";

export interface HomelabAppProps {
  /** @default - the operator's file named by HOMELAB_INVENTORY, else the embedded default */
  readonly inventory?: Inventory;
  /** Where the synthesized stacks land. @default - CDKTF_OUTDIR (set by the cdktf CLI), else "cdktf.out" */
  readonly outdir?: string;
  /** @default - every house rule (policy/packs) */
  readonly rules?: readonly Rule[];
  /**
   * Whether synth judges the stacks by the house rules. False synthesizes without judging, for
   * a comparison of what is synthesized (affected, diff), which the rules never change; their
   * verdict stays synth's. cdktf's own validations still refuse.
   * @default true
   */
  readonly judge?: boolean;
  /**
   * The record of where stateful resources live, checked by HL-STATE-3.
   * @default - not checked (apps other than the estate: tests, fixtures)
   */
  readonly addresses?: AddressRecord;
}

/** Raised when the estate cannot be synthesized; nothing has been written to the output directory. */
export class EstateError extends Error {
  constructor(
    readonly problems: readonly string[],
    readonly report?: Report,
  ) {
    super(`synth failed, nothing was written:\n  ${problems.join("\n  ")}`);
    this.name = "EstateError";
  }
}

/** A synthesized tree: file contents by path relative to the output directory. */
type StagedFiles = ReadonlyMap<string, Buffer>;

/**
 * The app of the estate. It synthesizes into a private staging directory (which lasts only
 * as long as that synth: constructs/synth-staging), runs the house rules over every stack,
 * and writes the result into the output directory only when every stack synthesized and no
 * check failed, so a failed synth leaves nothing partial.
 */
export class HomelabApp extends App {
  static of(construct: IConstruct): HomelabApp {
    const root = construct.node.root;
    if (!(root instanceof HomelabApp)) {
      throw new Error(`${construct.node.path}: stacks of this estate must be created in a HomelabApp`);
    }
    return root;
  }

  /**
   * The entry point of an app file: builds the estate with `define`, synthesizes it, and
   * on failure prints the message (every problem, no stack trace) and exits non-zero.
   */
  static run(define: (app: HomelabApp) => void, props: HomelabAppProps = {}): void {
    try {
      const app = new HomelabApp(props);
      define(app);
      app.synth();
      console.log(`synthesized ${app.stacks.length} stacks into ${app.targetDir}/stacks/`);
    } catch (err) {
      console.error((err as Error).message);
      process.exit(1);
    }
  }

  readonly inventory: Inventory;
  /** The directory the synthesized stacks are copied to. */
  readonly targetDir: string;
  private readonly rules: readonly Rule[];
  private readonly judge: boolean;
  private readonly addresses?: AddressRecord;
  private prepared = false;
  private report?: Report;
  private synthesizedStacks?: readonly SynthStack[];
  private staged?: StagedFiles;

  constructor(props: HomelabAppProps = {}) {
    const staging = stagingPath();
    // Validations run after the rules (see check()), so one failed synth lists both.
    super({ outdir: staging, stackTraces: false, skipValidation: true });
    // cdktf's App creates its outdir at once; ours exists only while check() synthesizes.
    rmSync(staging, { recursive: true, force: true });
    this.targetDir = props.outdir ?? process.env.CDKTF_OUTDIR ?? "cdktf.out";
    this.inventory = props.inventory ?? loadInventory();
    this.rules = props.rules ?? ALL_RULES;
    this.judge = props.judge ?? true;
    this.addresses = props.addresses;
  }

  /** Every stack of the app, ours and plain TerraformStacks alike. */
  get stacks(): TerraformStack[] {
    return this.node.findAll().filter(TerraformStack.isStack);
  }

  /**
   * Resolves cross-stack references (which adds the dependencies between stacks)
   * without writing anything; idempotent.
   */
  prepare(): void {
    if (this.prepared) return;
    this.stacks.forEach((stack) => stack.prepareStack());
    this.prepared = true;
  }

  /**
   * Every stack with its tier, cluster, dependencies and place in the deploy order; refuses
   * what synth refuses about the graph (a tier-0 stack depending on a tier-1 one, a cycle).
   */
  describeStacks(): OrderedStack[] {
    this.prepare();
    const infos = this.stackInfos();
    const problems = tierViolations(infos);
    if (problems.length) throw new EstateError(problems);
    return deployOrder(infos);
  }

  /**
   * Synthesizes every stack into staging, keeps the result in memory (for synth() to write
   * out) and runs the house rules over it. Throws for estate problems (tiers, cycles) and
   * synth errors; rule findings, errors included, are returned for the caller to judge. Runs
   * once; later calls return the same report.
   */
  check(): Report {
    if (this.report) return this.report;

    const collected = this.stacks.map((stack) => {
      MUTATING_ASPECTS.forEach((make) => Aspects.of(stack).add(make()));
      const collector = new RuleCollector(stack);
      Aspects.of(stack).add(collector);
      return { stack, collector };
    });
    const { synthStacks, acknowledgements } = withStaging(this.outdir, () => {
      // cdktf's synth prepares every stack (a resolve of every element); the graph is judged
      // after that preparation, the only one unless describeStacks() came first. Throws on tier
      // violations and cycles: the staged output is then never committed.
      super.synth();
      this.prepared = true;
      this.describeStacks();
      const acknowledgements = collected.flatMap(({ collector }) => collector.acknowledgements);
      const synthStacks = protectStatefulResources(
        this.outdir,
        collected.map(({ stack, collector }) => {
          const ours = stack as Partial<HomelabStack>;
          const json = stagedStack(this.outdir, stack.node.id);
          return {
            id: stack.node.id,
            tier: ours.tier,
            cluster: ours.cluster,
            critical: ours.critical,
            dependencies: stack.dependencies.map((d) => d.node.id).sort(),
            resources: collector.resourcesIn(json),
            ...movesOf(json),
          };
        }),
        acknowledgements,
      );
      this.staged = readTree(this.outdir);
      return { synthStacks, acknowledgements };
    });
    this.synthesizedStacks = synthStacks;
    const report = this.judge
      ? evaluate(synthStacks, this.rules, acknowledgements, { inventory: this.inventory, addresses: this.addresses })
      : { findings: [], errors: 0, warnings: 0, acknowledged: 0 };
    this.report = withFindings(report, this.stacks.flatMap(validationFindings));
    return this.report;
  }

  /** Every stack's resources as synthesized (tokens resolved), once check() has run. */
  get synthesized(): readonly SynthStack[] {
    if (!this.synthesizedStacks) this.check();
    return this.synthesizedStacks!;
  }

  /**
   * Synthesizes, refuses on any open error finding, prints warnings, and only then
   * writes the output directory.
   */
  synth(): void {
    const report = this.check();
    const errors = formatErrors(report);
    if (errors.length) throw new EstateError(errors, report);
    for (const f of report.findings) {
      if (f.level === "warning" && f.acknowledged === undefined) {
        process.stderr.write(`warning [${f.ruleId}] ${f.path}: ${f.message}; fix: ${f.fix}\n`);
      }
    }
    commitOutput(this.staged!, this.targetDir);
  }

  private stackInfos(): StackInfo[] {
    return this.stacks.map((stack) => {
      const ours = stack as Partial<HomelabStack>;
      return {
        id: stack.node.id,
        tier: ours.tier,
        cluster: ours.cluster,
        dependencies: stack.dependencies.map((d) => d.node.id).sort(),
      };
    });
  }
}

/** A synthesized stack's JSON as staged (none for a stack cdktf wrote nothing for). */
function stagedStack(outdir: string, id: string): StagedStack {
  const file = join(outdir, "stacks", id, "cdk.tf.json");
  return existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as StagedStack) : {};
}

type StagedStack = SynthesizedBlocks & {
  readonly moved?: Array<{ from: string; to: string }>;
  readonly removed?: Array<{ from: string; lifecycle?: { destroy?: boolean } }>;
};

/** A synthesized stack's `moved` and `removed` blocks, as Terraform will read them. */
function movesOf(json: StagedStack): Pick<SynthStack, "moved" | "removed"> {
  return {
    moved: json.moved?.map(({ from, to }) => ({ from, to })),
    removed: json.removed?.map((r) => ({ from: r.from, destroy: r.lifecycle?.destroy !== false })),
  };
}

/** cdktf's own validations of a stack (providers present, …) as error findings. */
function validationFindings(stack: TerraformStack): Finding[] {
  try {
    stack.runAllValidations();
    return [];
  } catch (err) {
    return [
      {
        stackId: stack.node.id,
        path: stack.node.path,
        ruleId: SYNTH_RULE_ID,
        level: "error",
        message: (err as Error).message.split("\n\nIf you wish to ignore")[0].replace(/\s*\n\s*/g, " "),
        fix: "see the message; cdktf refuses this stack",
      },
    ];
  }
}

/** Every file under `dir`, by path relative to it. */
function readTree(dir: string): StagedFiles {
  const files = new Map<string, Buffer>();
  for (const rel of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, rel);
    if (statSync(path).isFile()) files.set(rel, readFileSync(path));
  }
  return files;
}

/**
 * Writes a finished synth into the output directory. Terraform's working files
 * (.terraform/, the lock file) in a stack directory survive; stack directories that are
 * no longer synthesized go, as the cdktf CLI does.
 */
function commitOutput(staged: StagedFiles, target: string): void {
  const stagedStacks = [...new Set([...staged.keys()].filter((rel) => rel.startsWith(`stacks${sep}`)).map((rel) => rel.split(sep)[1]))];
  const targetStacks = join(target, "stacks");
  mkdirSync(targetStacks, { recursive: true });
  for (const old of readdirSync(targetStacks)) {
    if (!stagedStacks.includes(old)) rmSync(join(targetStacks, old), { recursive: true, force: true });
  }
  for (const id of stagedStacks) {
    const dir = join(targetStacks, id);
    if (existsSync(dir)) {
      for (const entry of readdirSync(dir)) {
        if (!entry.startsWith(".terraform")) rmSync(join(dir, entry), { recursive: true, force: true });
      }
    }
  }
  for (const [rel, content] of staged) {
    mkdirSync(dirname(join(target, rel)), { recursive: true });
    writeFileSync(join(target, rel), content);
  }
}
