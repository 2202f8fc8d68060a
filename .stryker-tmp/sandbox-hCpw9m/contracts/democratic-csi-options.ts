/**
 * What democratic-csi reads from its driver config file, as stored data: for each driver
 * the estate uses, every option path its code reads (derived from the driver's source by
 * scripts/contracts/democratic-csi-options.ts), and a check of a parsed config against it.
 *
 * democratic-csi loads the YAML whole and hands it to the driver class, which reads what it
 * needs with `this.options.a.b`, `_.get(options, "a.b")`, `"x" in options.a` …; a key
 * nobody reads is silently ignored, so a misspelt option is a setting that never applies.
 */
// @ts-nocheck

import { closest, showValue } from "./go-struct-schema";

/** One option path the driver reads ("nfs.shareHost"; "node.format.*": anything below). */
export interface OptionRead {
  /** The first place it is read, "src/driver/index.js:735". */
  readonly at: string;
  /** Read as a whole value (passed on, compared): keys below it cannot be checked. */
  readonly whole?: true;
  /** Inferred from how it is used: a string method is called on it, or a list method. */
  readonly type?: "string" | "list";
}

export interface DriverOptions {
  /** The class the factory builds for this driver name. */
  readonly class: string;
  /** The upstream files read for it: the entry point and the class chain. */
  readonly files: readonly string[];
  /** What the driver's getConfigKey() returns: the section holding its own settings. */
  readonly configKey: string;
  readonly paths: Readonly<Record<string, OptionRead>>;
}

export interface DemocraticCsiOptions {
  /** Every driver name the factory accepts. */
  readonly drivers: readonly string[];
  readonly byDriver: Readonly<Record<string, DriverOptions>>;
}

export interface OptionProblem {
  readonly path: readonly (string | number)[];
  readonly problem: string;
}

/** Every key of `config` that the driver does not read, and values of the wrong inferred type. */
export function checkDriverOptions(config: Record<string, unknown>, options: DriverOptions, isRuntimeValue: (v: unknown) => boolean = () => false): OptionProblem[] {
  const problems: OptionProblem[] = [];
  const paths = Object.keys(options.paths);
  /** The keys read directly under a path ([] for the top level). */
  const keysUnder = (prefix: readonly string[]) =>
    [...new Set(paths.filter((p) => prefix.every((k, i) => p.split(".")[i] === k) && p.split(".").length > prefix.length).map((p) => p.split(".")[prefix.length]))].sort();

  const walk = (value: Record<string, unknown>, prefix: string[]) => {
    if (options.paths[[...prefix, "*"].join(".")]) return; // read with a computed key: anything goes
    for (const [key, v] of Object.entries(value)) {
      const path = [...prefix, key];
      const read = options.paths[path.join(".")];
      const children = keysUnder(path);
      const isSection = v !== null && typeof v === "object" && !Array.isArray(v);
      if (read?.whole) continue; // passed on whole: what is read below it is not known
      if (children.length) {
        if (isSection) walk(v as Record<string, unknown>, path);
        else if (!read) problems.push({ path, problem: `${showValue(v)}, but the driver reads it as a section with keys ${children.join(", ")}` });
        continue;
      }
      if (read) {
        if (read.type && !isRuntimeValue(v) && misfit(v, read.type)) problems.push({ path, problem: `${showValue(v)}, but the driver uses it as a ${read.type} (${read.at})` });
        continue;
      }
      const siblings = keysUnder(prefix).filter((k) => k !== "*");
      const guess = closest(key, siblings);
      problems.push({
        path,
        problem:
          `not read by democratic-csi's ${options.class}, so it would be ignored (value ${showValue(v)}); ` +
          `${guess ? `did you mean ${[...prefix, guess].join(".")}? ` : ""}read under ${prefix.length ? prefix.join(".") : "the top level"}: ${siblings.join(", ")}`,
      });
    }
  };
  walk(config, []);
  return problems;
}

function misfit(value: unknown, type: "string" | "list"): boolean {
  return type === "string" ? typeof value !== "string" : !Array.isArray(value);
}
