import { evaluate, Finding, formatErrors, PlacedAcknowledgement, withFindings } from "../../policy/engine";
import { EstateRule, ResourceRule, RuleLevel, SynthResource, SynthStack, Verdict } from "../../policy/rule";
import { context } from "./k8s-rules.fixtures";

/** Rules and stacks made up for the engine: what it does with verdicts, not what any house rule says. */
const resourceRule = (id: string, check: (r: SynthResource) => Verdict, extra: Partial<ResourceRule> = {}): ResourceRule => ({
  id,
  scope: "resource",
  level: "error",
  description: `rule ${id}`,
  fix: `fix ${id}`,
  check,
  ...extra,
});
const estateRule = (id: string, check: EstateRule["check"], level: RuleLevel = "warning"): EstateRule => ({ id, scope: "estate", level, description: `rule ${id}`, fix: `fix ${id}`, check });
const resource = (stackId: string, name: string, type = "thing"): SynthResource => ({ type, path: `${stackId}/${name}`, stackId, attributes: {} });
const stackOf = (id: string, ...names: string[]): SynthStack => ({ id, tier: 1, resources: names.map((n) => resource(id, n)) });
const ack = (path: string, ruleId: string, reason = "a reason of some length"): PlacedAcknowledgement => ({ stackId: path.split("/")[0], path, ruleId, reason });
/** A rule that finds "bad" in every resource whose path says Bad. */
const BAD = resourceRule("HL-T-1", (r) => (r.path.includes("Bad") ? ["bad"] : []), { fix: "make it good" });
const brief = (f: Finding) => [f.ruleId, f.level, f.path, f.message, ...(f.acknowledged === undefined ? [] : [f.acknowledged])];

describe("evaluate: rules into findings", () => {
  test("a resource rule's messages become findings on the resource, with the rule's id, level and fix", () => {
    const report = evaluate([stackOf("a", "Bad", "Good")], [BAD], [], context);
    expect(report.findings).toEqual([{ stackId: "a", path: "a/Bad", ruleId: "HL-T-1", level: "error", message: "bad", fix: "make it good" }]);
    expect([report.errors, report.warnings, report.acknowledged]).toEqual([1, 0, 0]);
  });

  test("not applicable and an empty list both mean nothing to report; several messages mean several findings", () => {
    const rule = resourceRule("HL-T-2", (r) => (r.path === "a/One" ? "not-applicable" : r.path === "a/Two" ? [] : ["first", "second"]));
    expect(evaluate([stackOf("a", "One", "Two", "Three")], [rule], [], context).findings.map(brief)).toEqual([
      ["HL-T-2", "error", "a/Three", "first"],
      ["HL-T-2", "error", "a/Three", "second"],
    ]);
  });

  test("an estate rule sees every stack at once and places its problems itself", () => {
    const seen: string[] = [];
    const rule = estateRule("HL-T-3", (stacks) => {
      seen.push(...stacks.map((s) => s.id));
      return [{ stackId: "b", path: "b/Where", message: `${stacks.length} stacks` }];
    });
    const report = evaluate([stackOf("a"), stackOf("b")], [rule], [], context);
    expect(seen).toEqual(["a", "b"]);
    expect(report.findings).toEqual([{ stackId: "b", path: "b/Where", ruleId: "HL-T-3", level: "warning", message: "2 stacks", fix: "fix HL-T-3" }]);
    expect([report.errors, report.warnings]).toEqual([0, 1]);
  });

  test("a problem that carries its own fix keeps it; the others get the rule's fix", () => {
    const resourceFitted = resourceRule("HL-T-8", () => ["general", { message: "fitted", fix: "set restore" }], { fix: "add the sidecar" });
    const estateFitted = estateRule("HL-T-9", () => [
      { stackId: "a", path: "a/One", message: "estate fitted", fix: "move it" },
      { stackId: "a", path: "a/Two", message: "estate general" },
    ]);
    const fixes = evaluate([stackOf("a", "One")], [resourceFitted, estateFitted], [], context).findings.map((f) => [f.ruleId, f.path, f.message, f.fix]);
    expect(fixes).toEqual([
      ["HL-T-8", "a/One", "general", "add the sidecar"],
      ["HL-T-8", "a/One", "fitted", "set restore"],
      ["HL-T-9", "a/One", "estate fitted", "move it"],
      ["HL-T-9", "a/Two", "estate general", "fix HL-T-9"],
    ]);
  });

  test("the rules see the context they are given", () => {
    const rule = resourceRule("HL-T-4", () => []);
    const check = jest.spyOn(rule, "check");
    evaluate([stackOf("a", "One")], [rule], [], context);
    expect(check).toHaveBeenCalledWith(expect.objectContaining({ path: "a/One" }), context);
  });
});

describe("evaluate: acknowledgements", () => {
  test("an acknowledgement covers its rule's findings on its construct and below, not a sibling whose name merely starts alike", () => {
    const report = evaluate([stackOf("a", "Bad", "Bad/Inner", "BadSibling")], [BAD], [ack("a/Bad", "HL-T-1", "kept on purpose, see runbook")], context);
    expect(report.findings.map(brief)).toEqual([
      ["HL-T-1", "error", "a/Bad", "bad", "kept on purpose, see runbook"],
      ["HL-T-1", "error", "a/Bad/Inner", "bad", "kept on purpose, see runbook"],
      ["HL-T-1", "error", "a/BadSibling", "bad"],
    ]);
    expect([report.errors, report.warnings, report.acknowledged]).toEqual([1, 0, 2]);
  });

  test("an acknowledgement of one rule leaves another rule's finding on the same construct open", () => {
    const other = resourceRule("HL-T-5", () => ["other"]);
    const report = evaluate([stackOf("a", "Bad")], [BAD, other], [ack("a/Bad", "HL-T-1")], context);
    expect(report.findings.map(brief)).toEqual([
      ["HL-T-1", "error", "a/Bad", "bad", "a reason of some length"],
      ["HL-T-5", "error", "a/Bad", "other"],
    ]);
  });

  test("an acknowledgement that covers nothing is a stale warning on its construct", () => {
    const report = evaluate([stackOf("a", "Good")], [BAD], [ack("a/Good", "HL-T-1")], context);
    expect(report.findings).toEqual([
      {
        stackId: "a",
        path: "a/Good",
        ruleId: "HL-ACK",
        level: "warning",
        message: "stale acknowledgement of HL-T-1: no finding of that rule at or under this construct",
        fix: "remove the acknowledgement",
      },
    ]);
    expect([report.errors, report.warnings, report.acknowledged]).toEqual([0, 1, 0]);
  });

  const refused = (reason: string, rule: ResourceRule = BAD) => evaluate([stackOf("a", "Bad")], [rule], [ack("a/Bad", rule.id, reason)], context);
  const ACK_FIX = "use a rule id from the README's rule list, a rule that allows acknowledgements, and a reason of 10+ characters saying why";

  test("a reason of ten characters is enough; nine, or ten spaces, or nine padded with spaces, are refused and cover nothing", () => {
    expect(refused("0123456789").findings.map(brief)).toEqual([["HL-T-1", "error", "a/Bad", "bad", "0123456789"]]);
    for (const reason of ["012345678", " ".repeat(10), "  012345678  "]) {
      const report = refused(reason);
      expect(report.findings).toEqual([
        { stackId: "a", path: "a/Bad", ruleId: "HL-ACK", level: "error", message: `acknowledges HL-T-1 with reason ${JSON.stringify(reason)}, shorter than 10 characters`, fix: ACK_FIX },
        { stackId: "a", path: "a/Bad", ruleId: "HL-T-1", level: "error", message: "bad", fix: "make it good" },
      ]);
      expect([report.errors, report.acknowledged]).toEqual([2, 0]);
    }
  });

  test("an unknown rule, or one that refuses acknowledgements, is an error and covers nothing; acknowledgeable true or unset allows them", () => {
    expect(evaluate([stackOf("a", "Bad")], [BAD], [ack("a/Bad", "HL-NOPE-1")], context).findings.map(brief)).toEqual([
      ["HL-ACK", "error", "a/Bad", "acknowledges unknown rule HL-NOPE-1"],
      ["HL-T-1", "error", "a/Bad", "bad"],
    ]);
    const strict = resourceRule("HL-T-6", () => ["strict"], { acknowledgeable: false });
    expect(refused("a reason of some length", strict).findings.map(brief)).toEqual([
      ["HL-ACK", "error", "a/Bad", "acknowledges HL-T-6, which cannot be acknowledged"],
      ["HL-T-6", "error", "a/Bad", "strict"],
    ]);
    const lenient = resourceRule("HL-T-7", () => ["lenient"], { acknowledgeable: true });
    expect(refused("a reason of some length", lenient).acknowledged).toBe(1);
  });
});

describe("the report", () => {
  const finding = (stackId: string, path: string, ruleId: string, level: RuleLevel, acknowledged?: string): Finding => ({ stackId, path, ruleId, level, message: "m", fix: "f", acknowledged });

  test("findings sorted by stack, then path, then rule; counted open errors, open warnings, and acknowledged", () => {
    const report = withFindings({ findings: [finding("b", "b/A", "HL-2", "error")], errors: 9, warnings: 9, acknowledged: 9 }, [
      finding("ab", "ab/A", "HL-1", "warning"),
      finding("a", "a/B", "HL-1", "error", "accepted for a reason"),
      finding("a", "a/A", "HL-2", "warning", "accepted for a reason"),
      finding("a", "a/A", "HL-1", "error"),
      finding("a", "a/A/B", "HL-1", "warning"),
    ]);
    expect(report.findings.map((f) => `${f.stackId} ${f.path} ${f.ruleId}`)).toEqual(["a a/A HL-1", "a a/A HL-2", "a a/A/B HL-1", "a a/B HL-1", "ab ab/A HL-1", "b b/A HL-2"]);
    expect([report.errors, report.warnings, report.acknowledged]).toEqual([2, 2, 2]);
  });

  test("formatErrors: one line per open error, with rule, path, message and fix", () => {
    const report = withFindings({ findings: [], errors: 0, warnings: 0, acknowledged: 0 }, [
      { ...finding("a", "a/X", "HL-1", "error"), message: "broken", fix: "mend it" },
      finding("a", "a/Y", "HL-1", "warning"),
      finding("a", "a/Z", "HL-1", "error", "accepted for a reason"),
    ]);
    expect(formatErrors(report)).toEqual(["[HL-1] a/X: broken; fix: mend it"]);
  });
});
