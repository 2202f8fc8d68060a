import type { Inventory } from "../inventory";
import type { AddressRecord } from "./address-record";

/**
 * The shape of a house rule. A rule is a small pure function: it sees one synthesized
 * resource (its Terraform type and attributes after tokens resolve, snake_case as in the
 * JSON) or, for whole-estate facts, every stack, and says what is wrong.
 */

export type RuleLevel = "error" | "warning";

/** One resource as synthesized into cdk.tf.json. */
export interface SynthResource {
  /** Terraform type, e.g. "nomad_csi_volume"; data sources are "data.<type>". */
  readonly type: string;
  /** Construct path, e.g. "matrix/SynapseConfig/Resource". */
  readonly path: string;
  /** Terraform's name for it in its stack, as references use it ("${vault_mount.Kv_E29FB789.path}"). */
  readonly logicalId?: string;
  readonly stackId: string;
  /** Attributes as in the JSON: snake_case keys, references as "${...}" strings. */
  readonly attributes: Readonly<Record<string, unknown>>;
  /**
   * The resource's Terraform "//" comment without cdktf's metadata: facts a construct
   * records for the rules that Terraform ignores (a volume's backup choice). @default - none
   */
  readonly comment?: Readonly<Record<string, unknown>>;
}

/** One stack as synthesized. */
export interface SynthStack {
  readonly id: string;
  /** undefined for a plain TerraformStack. */
  readonly tier?: 0 | 1;
  readonly cluster?: string;
  /** True for stacks that must not depend on NFS (monitoring, alerting). */
  readonly critical?: boolean;
  /** The stacks it depends on directly (deployed before it). @default - none */
  readonly dependencies?: readonly string[];
  readonly resources: readonly SynthResource[];
  /** The stack's `moved` blocks: addresses whose resource now lives at another address. @default - none */
  readonly moved?: readonly { readonly from: string; readonly to: string }[];
  /** The stack's `removed` blocks: addresses taken out of Terraform's hands, destroyed or kept. @default - none */
  readonly removed?: readonly { readonly from: string; readonly destroy: boolean }[];
}

/** What a rule may consult besides the resource: the estate's inventory (middleware names…). */
export interface RuleContext {
  readonly inventory: Inventory;
  /** The committed record of where stateful resources live (state/addresses.json). @default - not checked */
  readonly addresses?: AddressRecord;
}

/** A problem with the fix that fits its case, where the rule's general fix would mislead. */
export interface FittedProblem {
  readonly message: string;
  readonly fix: string;
}

/**
 * What a rule concludes about one resource. "not-applicable" when the rule does not
 * concern it; otherwise the list of problems (empty = compliant), each one sentence
 * naming the bad value, with its own fix where the rule's general one does not fit.
 */
export type Verdict = "not-applicable" | readonly (string | FittedProblem)[];

interface RuleBase {
  /** e.g. "HL-STATE-1". */
  readonly id: string;
  readonly level: RuleLevel;
  /** One line: what the rule demands. */
  readonly description: string;
  /** How to fix a finding. */
  readonly fix: string;
  /** Rules whose breach is never acceptable refuse acknowledgements. @default true */
  readonly acknowledgeable?: boolean;
}

/** A rule about one resource at a time. */
export interface ResourceRule extends RuleBase {
  readonly scope: "resource";
  check(resource: SynthResource, context: RuleContext): Verdict;
}

/** A problem a stack- or estate-wide rule found, pinned to the construct it concerns. */
export interface EstateProblem {
  readonly stackId: string;
  readonly path: string;
  readonly message: string;
  /** The fix that fits this case. @default - the rule's fix */
  readonly fix?: string;
}

/** A rule that needs a whole stack or the whole estate (every stack of the app). */
export interface EstateRule extends RuleBase {
  readonly scope: "estate";
  check(stacks: readonly SynthStack[], context: RuleContext): readonly EstateProblem[];
}

export type Rule = ResourceRule | EstateRule;
