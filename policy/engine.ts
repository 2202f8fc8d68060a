import { Acknowledgement, MIN_REASON_LENGTH } from "./acknowledge";
import { EstateProblem, Rule, RuleContext, RuleLevel, SynthStack } from "./rule";

/** An acknowledgement as found in the tree: where it sits and what it accepts. */
export interface PlacedAcknowledgement extends Acknowledgement {
  readonly stackId: string;
  readonly path: string;
}

export interface Finding {
  readonly stackId: string;
  readonly path: string;
  readonly ruleId: string;
  readonly level: RuleLevel;
  readonly message: string;
  readonly fix: string;
  /** The reason it was accepted, when an acknowledgement covers it. */
  readonly acknowledged?: string;
}

export interface Report {
  readonly findings: readonly Finding[];
  readonly errors: number;
  readonly warnings: number;
  readonly acknowledged: number;
}

/** Pseudo-rule id under which problems with acknowledgements themselves are reported. */
export const ACK_RULE_ID = "HL-ACK";
/** Pseudo-rule id for cdktf's own validation errors (e.g. a resource with no provider). */
export const SYNTH_RULE_ID = "HL-SYNTH";

/** Runs every rule over the synthesized stacks and applies the acknowledgements. */
export function evaluate(
  stacks: readonly SynthStack[],
  rules: readonly Rule[],
  acknowledgements: readonly PlacedAcknowledgement[],
  context: RuleContext,
): Report {
  const raw: Finding[] = [];
  for (const rule of rules) {
    const problems: EstateProblem[] =
      rule.scope === "estate"
        ? [...rule.check(stacks, context)]
        : stacks.flatMap((stack) =>
            stack.resources.flatMap((resource) => {
              const verdict = rule.check(resource, context);
              return verdict === "not-applicable"
                ? []
                : verdict.map((problem) => ({ stackId: stack.id, path: resource.path, ...(typeof problem === "string" ? { message: problem } : problem) }));
            }),
          );
    for (const p of problems) {
      raw.push({ ...p, ruleId: rule.id, level: rule.level, fix: p.fix ?? rule.fix });
    }
  }

  const rulesById = new Map(rules.map((r) => [r.id, r]));
  const ackProblems: Finding[] = [];
  const valid = acknowledgements.filter((ack) => {
    const rule = rulesById.get(ack.ruleId);
    const problem = !rule
      ? `acknowledges unknown rule ${ack.ruleId}`
      : rule.acknowledgeable === false
        ? `acknowledges ${ack.ruleId}, which cannot be acknowledged`
        : ack.reason.trim().length < MIN_REASON_LENGTH
          ? `acknowledges ${ack.ruleId} with reason ${JSON.stringify(ack.reason)}, shorter than ${MIN_REASON_LENGTH} characters`
          : undefined;
    if (problem) {
      ackProblems.push({
        stackId: ack.stackId,
        path: ack.path,
        ruleId: ACK_RULE_ID,
        level: "error",
        message: problem,
        fix: `use a rule id from the README's rule list, a rule that allows acknowledgements, and a reason of ${MIN_REASON_LENGTH}+ characters saying why`,
      });
    }
    return !problem;
  });

  const used = new Set<PlacedAcknowledgement>();
  const findings: Finding[] = raw.map((f) => {
    const ack = valid.find((a) => a.ruleId === f.ruleId && covers(a.path, f.path));
    if (!ack) return f;
    used.add(ack);
    return { ...f, acknowledged: ack.reason };
  });
  for (const ack of valid) {
    if (used.has(ack)) continue;
    findings.push({
      stackId: ack.stackId,
      path: ack.path,
      ruleId: ACK_RULE_ID,
      level: "warning",
      message: `stale acknowledgement of ${ack.ruleId}: no finding of that rule at or under this construct`,
      fix: "remove the acknowledgement",
    });
  }
  return withFindings({ findings, errors: 0, warnings: 0, acknowledged: 0 }, ackProblems);
}

/** A report with more findings added, sorted and counted again. */
export function withFindings(report: Report, more: readonly Finding[]): Report {
  // Field by field: one key joined with "\0" would not do, as localeCompare ignores control characters.
  const findings = [...report.findings, ...more].sort(
    (a, b) => a.stackId.localeCompare(b.stackId) || a.path.localeCompare(b.path) || a.ruleId.localeCompare(b.ruleId),
  );
  const open = findings.filter((f) => f.acknowledged === undefined);
  return {
    findings,
    errors: open.filter((f) => f.level === "error").length,
    warnings: open.filter((f) => f.level === "warning").length,
    acknowledged: findings.length - open.length,
  };
}

function covers(ackPath: string, findingPath: string): boolean {
  return findingPath === ackPath || findingPath.startsWith(`${ackPath}/`);
}

/** One line per open error: what synth prints when it refuses. */
export function formatErrors(report: Report): string[] {
  return report.findings
    .filter((f) => f.level === "error" && f.acknowledged === undefined)
    .map((f) => `[${f.ruleId}] ${f.path}: ${f.message}; fix: ${f.fix}`);
}
