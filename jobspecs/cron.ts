/**
 * Whether a schedule is a cron expression Nomad's periodic jobs accept: the steps of
 * hashicorp/cronexpr's Parse (the library Nomad validates `periodic.crons` with), run over
 * its grammar as stored from its source (.gen/contracts/cronexpr, `npm run contracts --
 * cronexpr`). Stricter than the library in two places, both silent mistakes upstream: more
 * than seven fields (it ignores the rest) and a reversed range such as 20-5 (it accepts it
 * and never fires).
 */
import { readStoredJson } from "../contracts/stored";

type FieldKey = "second" | "minute" | "hour" | "dom" | "month" | "dow" | "year";

/** The stored grammar (grammar.json). */
export interface CronGrammar {
  /** cronexpr's version, from Nomad's go.mod. */
  readonly version: string;
  /** The Nomad version whose go.mod named it. */
  readonly nomadVersion: string;
  readonly fields: Readonly<Record<FieldKey, { readonly name: string; readonly min: number; readonly max: number; readonly valuePattern: string; readonly tokens: "number" | "month" | "dow" }>>;
  readonly layouts: Readonly<Record<
    "wildcard" | "value" | "range" | "wildcardAndInterval" | "valueAndInterval" | "rangeAndInterval" | "lastDom" | "workdom" | "lastWorkdom" | "dowOfLastWeek" | "dowOfSpecificWeek",
    string
  >>;
  readonly fieldFinder: string;
  readonly entryFinder: string;
  readonly tokens: Readonly<Record<"number" | "month" | "dow", Readonly<Record<string, number>>>>;
  readonly macros: Readonly<Record<string, string>>;
  readonly interval: { readonly min: number; readonly max: "field max" };
  readonly fieldCount: { readonly min: number; readonly readAtMost: number; readonly secondsWhen: number };
}

/** Expressions from cronexpr's own tests (examples.json). */
export interface CronExamples {
  readonly version: string;
  readonly accepted: readonly string[];
  readonly refused: readonly string[];
}

let stored: CronGrammar | undefined;

/** The stored grammar (read once). */
export function cronGrammar(): CronGrammar {
  return (stored ??= readStoredJson<CronGrammar>("cronexpr", "grammar.json"));
}

/** RE2 classes that differ from JavaScript's: \s is [\t\n\f\r ] and \d is [0-9] in Go. */
function goRegExp(pattern: string): RegExp {
  return new RegExp(pattern.replace(/\\S/g, "[^\\t\\n\\f\\r ]").replace(/\\s/g, "[\\t\\n\\f\\r ]"), "g");
}

function layout(grammar: CronGrammar, name: keyof CronGrammar["layouts"], field: FieldKey): RegExp {
  return new RegExp(grammar.layouts[name].split("%value%").join(grammar.fields[field].valuePattern));
}

/** What is wrong with one field, or undefined; mirrors genericFieldParse and the dom/dow handlers. */
function fieldProblem(grammar: CronGrammar, field: FieldKey, text: string): string | undefined {
  const desc = grammar.fields[field];
  const value = (s: string) => grammar.tokens[desc.tokens][s] ?? 0;
  const step = (s: string) => grammar.tokens.number[s] ?? 0;
  const entries = text.match(goRegExp(grammar.entryFinder)) ?? [];
  if (!entries.length) return `${desc.name} field: missing directive`;
  for (const entry of entries) {
    const s = entry.toLowerCase();
    if (layout(grammar, "wildcard", field).test(s) || layout(grammar, "value", field).test(s)) continue;
    let m = layout(grammar, "range", field).exec(s);
    if (m) {
      const [first, last] = [value(m[1]), value(m[2])];
      // Day-of-week spans may end in 7 (Sunday), which cronexpr reads as 6.
      if (first > (field === "dow" && last === 0 ? 6 : last)) return `range ${entry} in the ${desc.name} field is reversed (cronexpr accepts it and never fires)`;
      continue;
    }
    const interval = (stepText: string) =>
      step(stepText) < grammar.interval.min || step(stepText) > desc.max ? `invalid interval ${s} (the step must be ${grammar.interval.min} to ${desc.max})` : undefined;
    if ((m = layout(grammar, "wildcardAndInterval", field).exec(s))) {
      const bad = interval(m[1]);
      if (bad) return bad;
      continue;
    }
    if ((m = layout(grammar, "valueAndInterval", field).exec(s))) {
      const bad = interval(m[2]);
      if (bad) return bad;
      continue;
    }
    if ((m = layout(grammar, "rangeAndInterval", field).exec(s))) {
      const bad = interval(m[3]);
      if (bad) return bad;
      if (value(m[1]) > value(m[2])) return `range ${entry} in the ${desc.name} field is reversed (cronexpr accepts it and never fires)`;
      continue;
    }
    if (field === "dom" && ["lastDom", "lastWorkdom", "workdom"].some((l) => layout(grammar, l as keyof CronGrammar["layouts"], field).test(s))) continue;
    if (field === "dow" && ["dowOfLastWeek", "dowOfSpecificWeek"].some((l) => layout(grammar, l as keyof CronGrammar["layouts"], field).test(s))) continue;
    return `syntax error in ${desc.name} field: '${entry}'`;
  }
  return undefined;
}

/** Why cronexpr (Nomad's cron parser) would refuse `spec`, or undefined when it parses. */
export function cronexprError(spec: string, grammar: CronGrammar = cronGrammar()): string | undefined {
  let cron = spec;
  for (const [macro, expansion] of Object.entries(grammar.macros)) cron = cron.split(macro).join(expansion);
  const fields = cron.match(goRegExp(grammar.fieldFinder)) ?? [];
  const { min, readAtMost, secondsWhen } = grammar.fieldCount;
  if (fields.length < min) return "missing field(s)";
  if (fields.length > readAtMost) return `${fields.length} fields: cronexpr reads ${readAtMost} at most and ignores the rest`;
  const order: FieldKey[] = [...(fields.length === secondsWhen ? ["second" as const] : []), "minute", "hour", "dom", "month", "dow", "year"];
  for (const [i, text] of fields.entries()) {
    const problem = fieldProblem(grammar, order[i], text);
    if (problem) return problem;
  }
  return undefined;
}

/** What a schedule may be, for messages. */
export function cronAllowed(grammar: CronGrammar = cronGrammar()): string {
  const { min, readAtMost } = grammar.fieldCount;
  return (
    `${min} to ${readAtMost} fields, [second] minute hour day-of-month month day-of-week [year], such as "0 2 * * *"; ` +
    `each a list of *, N, N-M, */S, N/S or N-M/S (day-of-month also L, LW, NW; day-of-week also NL, N#K), ` +
    `or one of ${Object.keys(grammar.macros).join(", ")} (cronexpr ${grammar.version}, Nomad ${grammar.nomadVersion}'s parser)`
  );
}

/** A one-sentence problem naming the field, the value and what is allowed, or undefined when Nomad accepts it. */
export function cronScheduleProblem(field: string, spec: string, grammar: CronGrammar = cronGrammar()): string | undefined {
  if (typeof spec !== "string") return `${field} ${JSON.stringify(spec)} must be a cron expression string; allowed: ${cronAllowed(grammar)}`;
  const error = cronexprError(spec, grammar);
  return error === undefined ? undefined : `${field} ${JSON.stringify(spec)} is not a cron expression Nomad accepts (${error}); allowed: ${cronAllowed(grammar)}`;
}
