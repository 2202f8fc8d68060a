/**
 * cronexpr: the cron grammar Nomad's periodic jobs are parsed with (nomad/structs
 * PeriodicConfig.Validate calls hashicorp/cronexpr's Parse), at the cronexpr version Nomad's
 * go.mod requires at the estate's Nomad tag. Read from the library's source as data: each
 * field's name, bounds and value pattern, the entry layouts, the named months and days, the
 * @macros, how many fields Parse reads and which are optional; plus the expressions the
 * library's own tests parse or expect to fail, as examples the checker is tested against.
 */
import { CronGrammar, CronExamples } from "../../jobspecs/cron";
import { NOMAD_TAG, NOMAD_VERSION } from "../../contracts/nomad-version";
import { writeStoredContract } from "../../contracts/stored";
import { UpstreamRepo } from "../lib/upstream";
import { ContractGenerator } from "./generator";
import { NOMAD_REPOSITORY } from "./nomad-api";

const REPOSITORY = "hashicorp/cronexpr";
const MODULE = "github.com/hashicorp/cronexpr";
const PARSE_FILE = "cronexpr_parse.go";
const MAIN_FILE = "cronexpr.go";
const TEST_FILE = "cronexpr_test.go";
const FIELDS = ["second", "minute", "hour", "dom", "month", "dow", "year"] as const;

/** The first capture of `pattern` in `text`, or a failure saying upstream changed shape. */
function capture(text: string, pattern: RegExp, what: string): string {
  const found = pattern.exec(text);
  if (!found) throw new Error(`cronexpr: cannot find ${what} (${pattern}); the upstream code has changed shape: update scripts/contracts/cronexpr.ts`);
  return found[1];
}

/** A Go map literal of backquoted keys to numbers: `jan`: 1, … */
function tokenMap(source: string, name: string): Record<string, number> {
  const body = capture(source, new RegExp(`${name} = map\\[string\\]int\\{([\\s\\S]*?)\\n\\t\\}`), `map ${name}`);
  const entries = [...body.matchAll(/[`"]([^`"]+)[`"]:\s*(\d+)/g)].map((m) => [m[1], Number(m[2])] as const);
  if (!entries.length) throw new Error(`cronexpr: map ${name} has no entries; the upstream code has changed shape`);
  return Object.fromEntries(entries);
}

export function readCronGrammar(parseSource: string, mainSource: string): Omit<CronGrammar, "nomadVersion" | "version"> {
  const fields = Object.fromEntries(
    FIELDS.map((field) => {
      const body = capture(parseSource, new RegExp(`${field}Descriptor = fieldDescriptor\\{([\\s\\S]*?)\\n\\t\\}`), `${field}Descriptor`);
      return [
        field,
        {
          name: capture(body, /name:\s*"([^"]+)"/, `${field} name`),
          min: Number(capture(body, /min:\s*(\d+)/, `${field} min`)),
          max: Number(capture(body, /max:\s*(\d+)/, `${field} max`)),
          valuePattern: capture(body, /valuePattern:\s*`([^`]+)`/, `${field} valuePattern`),
          tokens: /atoi:\s*atoi,/.test(body) ? "number" : field === "month" ? "month" : field === "dow" ? "dow" : capture(body, /atoi:\s*(\w+)/, `${field} atoi`),
        },
      ];
    }),
  ) as CronGrammar["fields"];
  const layout = (name: string) => capture(parseSource, new RegExp(`${name}\\s*=\\s*\`([^\`]+)\``), name);
  const macros = Object.fromEntries(
    [...capture(parseSource, /cronNormalizer = strings\.NewReplacer\(([\s\S]*?)\)/, "cronNormalizer").matchAll(/"(@\w+)",\s*"([^"]+)"/g)].map((m) => [m[1], m[2]]),
  );
  // The interval bound is code, not data: check its shape and record what it says.
  capture(parseSource, /(directive\.step < 1 \|\| directive\.step > desc\.max)/, "the interval bound");
  return {
    fields,
    layouts: {
      wildcard: layout("layoutWildcard"),
      value: layout("layoutValue"),
      range: layout("layoutRange"),
      wildcardAndInterval: layout("layoutWildcardAndInterval"),
      valueAndInterval: layout("layoutValueAndInterval"),
      rangeAndInterval: layout("layoutRangeAndInterval"),
      lastDom: layout("layoutLastDom"),
      workdom: layout("layoutWorkdom"),
      lastWorkdom: layout("layoutLastWorkdom"),
      dowOfLastWeek: layout("layoutDowOfLastWeek"),
      dowOfSpecificWeek: layout("layoutDowOfSpecificWeek"),
    },
    fieldFinder: capture(parseSource, /fieldFinder\s*=\s*regexp\.MustCompile\(`([^`]+)`\)/, "fieldFinder"),
    entryFinder: capture(parseSource, /entryFinder\s*=\s*regexp\.MustCompile\(`([^`]+)`\)/, "entryFinder"),
    tokens: { number: tokenMap(parseSource, "numberTokens"), month: tokenMap(parseSource, "monthTokens"), dow: tokenMap(parseSource, "dowTokens") },
    macros,
    interval: { min: 1, max: "field max" },
    fieldCount: {
      min: Number(capture(mainSource, /if fieldCount < (\d+) \{/, "the minimum field count")),
      readAtMost: Number(capture(mainSource, /if fieldCount > (\d+) \{\s*fieldCount = \d+/, "the fields read")),
      secondsWhen: Number(capture(mainSource, /if fieldCount == (\d+) \{\s*err = expr\.secondFieldHandler/, "when the second field is read")),
    },
  };
}

/** The expressions cronexpr's own tests parse, and the ones they expect Parse to refuse. */
export function readCronExamples(testSource: string): Omit<CronExamples, "version"> {
  const accepted = new Set<string>();
  // crontests: { "<expr>", "<time layout>", …
  for (const m of testSource.matchAll(/\{\s*"([^"]+)",\s*"[^"]*2006[^"]*",/g)) accepted.add(m[1]);
  for (const m of testSource.matchAll(/MustParse\("([^"]+)"\)/g)) accepted.add(m[1]);
  const bench = capture(testSource, /benchmarkExpressions = \[\]string\{([\s\S]*?)\n\}/, "benchmarkExpressions");
  for (const m of bench.matchAll(/"([^"]+)"/g)) accepted.add(m[1]);
  const refused = [...testSource.matchAll(/_, err :?= Parse\("([^"]+)"\)\s*\n\s*if err == nil/g)].map((m) => m[1]);
  if (accepted.size < 10 || refused.length < 1) throw new Error("cronexpr: found too few test expressions; the upstream test file has changed shape");
  return { accepted: [...accepted].sort(), refused: [...new Set(refused)].sort() };
}

export const cronexprGenerator: ContractGenerator = {
  name: "cronexpr",
  description: `the cron grammar of ${REPOSITORY} at the version ${NOMAD_REPOSITORY}@${NOMAD_TAG}'s go.mod requires (Nomad periodic jobs)`,
  generate() {
    const nomad = UpstreamRepo.open(NOMAD_REPOSITORY);
    const goMod = nomad.show(NOMAD_TAG, "go.mod");
    const ref = capture(goMod, new RegExp(`\\n\\s*${MODULE.replace(/\./g, "\\.")} (v[0-9][^\\s]*)`), `${MODULE} in go.mod`);
    const version = ref.replace(/^v/, "");
    const repo = UpstreamRepo.open(REPOSITORY);
    const commit = repo.commit(ref);
    const grammar: CronGrammar = {
      version,
      nomadVersion: NOMAD_VERSION,
      ...readCronGrammar(repo.show(ref, PARSE_FILE), repo.show(ref, MAIN_FILE)),
    };
    const examples: CronExamples = { version, ...readCronExamples(repo.show(ref, TEST_FILE)) };
    writeStoredContract(
      "cronexpr",
      {
        project: "cronexpr",
        version,
        repository: REPOSITORY,
        ref,
        commit,
        sources: [`${NOMAD_REPOSITORY}@${NOMAD_TAG} go.mod`, MAIN_FILE, PARSE_FILE, TEST_FILE],
        command: "npm run contracts -- cronexpr",
      },
      { "grammar.json": grammar, "examples.json": examples },
    );
    return ["cronexpr"];
  },
};
