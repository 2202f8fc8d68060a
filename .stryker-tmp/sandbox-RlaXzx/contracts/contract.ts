/**
 * The shape of a contract check: what `npm run validate` runs over the synthesized estate
 * and the CI workflows. A contract is what the software consuming an artifact accepts
 * (Terraform's parser, a CRD's schema, a chart's values, Nomad's API structs …), taken
 * from that software at the version the estate pins, never from our own idea of it.
 */
// @ts-nocheck


/** One synthesized stack, as read from cdktf.out/stacks/<id>/cdk.tf.json. */
export interface SynthesizedStack {
  readonly id: string;
  readonly json: Readonly<Record<string, any>>;
}

/** A CI workflow file, e.g. ".woodpecker/deploy.yaml", with its text. */
export interface WorkflowFile {
  readonly file: string;
  readonly text: string;
}

/** What the checks read: nothing is synthesized for them. */
export interface ValidateInput {
  readonly stacks: readonly SynthesizedStack[];
  readonly workflows: readonly WorkflowFile[];
}

/** One broken contract. */
export interface ContractFinding {
  /** Where: "<stack>/<resource address>.<attribute path>", or "<workflow file>:<path>". */
  readonly where: string;
  /** What is wrong: the bad value and what the upstream contract allows. */
  readonly problem: string;
  /** The contract broken, as "project@version file", e.g. "nomad@1.10.5 api/tasks.go". */
  readonly upstream: string;
}

export interface ContractCheck {
  /** Short id, e.g. "terraform-strings". */
  readonly id: string;
  /** One line for the README: what is checked against what. */
  readonly description: string;
  check(input: ValidateInput): readonly ContractFinding[];
}

/** A finding as one line: `stack/resource.path: problem (upstream: project@version file)`. */
export function formatFinding(f: ContractFinding): string {
  return `${f.where}: ${f.problem} (upstream: ${f.upstream})`;
}
