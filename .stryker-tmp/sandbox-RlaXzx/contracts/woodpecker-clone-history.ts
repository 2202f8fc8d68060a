/**
 * A workflow that runs `npm run affected` gets the git history affected compares with.
 *
 * What the clone holds is what woodpeckerci/plugin-git does at the pinned version, stored in
 * .gen/contracts/woodpecker-plugin-git: a step's settings reach it as PLUGIN_<KEY> variables
 * (woodpecker compiler/convert.go); `partial` defaults to true and then forces `--depth=1
 * --filter=tree:0` whatever `depth` says, unless tags are fetched (defaults.go); `depth: 0`
 * passes no --depth at all, i.e. full history (plugin.go); and the plugin fetches one refspec,
 * `+<pipeline commit>:`, into FETCH_HEAD, with --no-tags: no branch, no remote-tracking ref
 * (plugin.go). So:
 * - every workflow running affected clones with plugin-git, full history (partial: false, depth: 0);
 * - a pull-request workflow, which compares with its target branch, gets that branch before
 *   affected: from a clone step with `ref` (before the clone of the pipeline's commit, which
 *   must come last) or from a `git fetch` command, neither shallow;
 * - the CI_* variables those commands read are ones Woodpecker sets for the workflow's events.
 * - every remote-tracking ref the affected step reads (origin/<branch>, e.g. a deploy's
 *   origin/deployed) is fetched before it, by a clone step with that `ref` or a `git fetch`;
 *   plugin-git writes no other.
 * A base that is an ancestor of the pushed commit (CI_PREV_COMMIT_SHA) is held by full history.
 */
// @ts-nocheck

import { ContractCheck, ContractFinding, ValidateInput } from "./contract";
import { upstreamLabel } from "./stored";
import { joinPath } from "./synthesized";
import { PluginGitClone, readWoodpeckerContracts, ServerClone, ServerVariables, WoodpeckerContracts } from "./woodpecker-stored";
import { parseImage, parseWorkflow, Path, PLUGIN_GIT_IMAGE, Step, stepsOf, workflowEvents, workflowLocation } from "./woodpecker-workflow";

const TARGET_BRANCH = "CI_COMMIT_TARGET_BRANCH";
const AFFECTED = /\bnpm\s+run\b.*\baffected\b/;
const FULL_HISTORY_FIX = "set partial: false and depth: 0 in the clone step's settings";
/** Options of `git fetch` that leave or make the repository shallow or filtered. */
const SHALLOW_FETCH = /\s--(depth|deepen|shallow-since|shallow-exclude|filter)\b/;

/** Every command with its path, in the order the workflow lists them. */
function commandsOf(steps: readonly Step[]): Array<{ path: Path; text: string }> {
  return steps.flatMap((s) => [s.body.commands ?? []].flat().map((text: unknown, i: number) => ({ path: [...s.path, "commands", i], text: String(text) })));
}

/** A clone step's `ref` setting (PLUGIN_REF): the ref it fetches and checks out instead of the pipeline's commit. */
function refOf(clone: Step): { key: string; value: string } | undefined {
  const entry = Object.entries<unknown>(clone.body.settings ?? {}).find(([key]) => key.toLowerCase() === "ref");
  return entry && typeof entry[1] === "string" && entry[1] ? { key: entry[0], value: entry[1] } : undefined;
}

/** A setting's value as Woodpecker puts it in the plugin's environment (compiler/settings/params.go). */
function asEnvValue(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return undefined; // a secret or a structure: not known before the pipeline runs
}

/** Go's strconv.ParseBool, which the plugin's flags use. */
function goBool(text: string): boolean | undefined {
  if (/^(1|t|T|TRUE|true|True)$/.test(text)) return true;
  if (/^(0|f|F|FALSE|false|False)$/.test(text)) return false;
  return undefined;
}

/** Go's strconv.ParseInt(text, 0, 64), which the plugin's int flags use. */
function goInt(text: string): number | undefined {
  const m = /^([+-]?)(0x[0-9a-f]+|0o?[0-7]+|0b[01]+|[1-9][0-9]*|0)$/i.exec(text.replace(/_/g, ""));
  if (!m) return undefined;
  const digits = m[2].replace(/^0(?=[0-7])/, "0o");
  return (m[1] === "-" ? -1 : 1) * Number(digits);
}

class Checker {
  readonly findings: ContractFinding[] = [];
  private readonly plugin: PluginGitClone;
  private readonly server: ServerClone;
  private readonly variables: ServerVariables;
  private readonly pluginVersion: string;

  constructor(
    private readonly file: string,
    private readonly contracts: WoodpeckerContracts,
  ) {
    this.plugin = contracts.pluginGit.clone;
    this.server = contracts.server.clone;
    this.variables = contracts.server.variables;
    this.pluginVersion = contracts.pluginGit.provenance.version;
  }

  private add(path: Path, problem: string, upstream: string): void {
    this.findings.push({ where: workflowLocation(this.file, path), problem, upstream });
  }
  private pluginSource(file: string): string {
    return upstreamLabel(this.contracts.pluginGit.provenance, file);
  }
  private serverSource(file: string): string {
    return upstreamLabel(this.contracts.server.provenance, file);
  }

  check(doc: Record<string, any>): void {
    const commands = commandsOf(stepsOf(doc.steps, "steps"));
    const affectedAt = commands.findIndex((c) => AFFECTED.test(c.text));
    if (affectedAt < 0) return; // nothing here needs history
    const affected = commands[affectedAt];
    const runsAffected = `affected (${joinPath(affected.path)}) compares with an earlier commit`;
    const events = workflowEvents(doc) ?? ["push", "pull_request", this.plugin.partial.tagsDefaultOnEvent];
    const compiler = this.serverSource("pipeline/frontend/yaml/compiler/compiler.go");

    if (doc.skip_clone === true) {
      this.add(["skip_clone"], `skip_clone: true leaves no repository, but ${runsAffected}; remove skip_clone and ${FULL_HISTORY_FIX}`, compiler);
      return;
    }
    const clones = stepsOf(doc.clone, "clone");
    if (clones.length === 0) {
      this.add(
        ["clone"],
        `no clone steps: Woodpecker clones with ${this.server.defaultClonePlugin} and settings ${JSON.stringify(this.server.defaultCloneSettings)} only, ` +
          `which leaves partial at plugin-git's default (true: --depth=${this.plugin.partial.forcesDepth}), but ${runsAffected}; ` +
          `add a clone step with ${PLUGIN_GIT_IMAGE}:${this.pluginVersion} and ${FULL_HISTORY_FIX}`,
        compiler,
      );
      return;
    }
    if (!clones.every((clone) => this.isPinnedPluginGit(clone, runsAffected))) return;
    for (const clone of clones) this.checkFullHistory(clone, events, runsAffected);

    const last = clones[clones.length - 1];
    const lastRef = refOf(last);
    if (lastRef) {
      this.add(
        [...last.path, "settings", lastRef.key],
        `ref ${JSON.stringify(lastRef.value)} makes plugin-git check out that ref (git checkout FETCH_HEAD) instead of the pipeline's commit, and this is the last clone step, ` +
          `so the pipeline would run on it; put the clone of the pipeline's commit (no ref) last`,
        this.pluginSource("plugin.go"),
      );
    }
    const fetches = commands.slice(0, affectedAt).filter((c) => /\bgit\s+fetch\b/.test(c.text) && c.text.includes(TARGET_BRANCH));
    const targetClones = clones.slice(0, -1).filter((c) => refOf(c)?.value.includes(TARGET_BRANCH));
    if (events.some((e) => e.startsWith("pull_request"))) this.checkTargetBranch(targetClones, fetches, affected.path);

    const affectedStep = affected.path.slice(0, 2).join("/");
    const affectedCommands = commands.filter((c) => c.path.slice(0, 2).join("/") === affectedStep);
    this.checkRemoteRefs(affectedCommands, clones.slice(0, -1), commands.slice(0, affectedAt));
    this.checkVariables(
      [
        ...targetClones.map((c) => ({ path: [...c.path, "settings", refOf(c)!.key], text: refOf(c)!.value })),
        ...fetches,
        ...commands.filter((c) => c.path.slice(0, 2).join("/") === affectedStep),
      ],
      events,
    );
  }

  /** A clone step whose fetch is known: plugin-git at the version whose behaviour is stored. */
  private isPinnedPluginGit(clone: Step, runsAffected: string): boolean {
    const image = parseImage(String(clone.body.image ?? ""));
    const version = this.pluginVersion;
    if (image.name !== PLUGIN_GIT_IMAGE) {
      this.add([...clone.path, "image"], `${JSON.stringify(clone.body.image)} is not ${PLUGIN_GIT_IMAGE}, whose fetch is the one known here, but ${runsAffected}; clone with ${PLUGIN_GIT_IMAGE}:${version}`, this.pluginSource("plugin.go"));
      return false;
    }
    if (image.tag !== version) {
      this.add(
        [...clone.path, "image"],
        `${PLUGIN_GIT_IMAGE}:${image.tag ?? "(no tag)"} is not the version whose clone behaviour is stored (${version}); pin ${version}, or after a bump run npm run contracts -- woodpecker-plugin-git`,
        this.pluginSource("flags.go"),
      );
      return false;
    }
    return true;
  }

  /** What one clone step fetches on each event, per plugin-git's flags (defaults), defaults.go (partial) and plugin.go (--depth). */
  private checkFullHistory(clone: Step, events: readonly string[], runsAffected: string): void {
    const prefix = this.server.settingsEnvPrefix;
    const settingsPath = [...clone.path, "settings"];
    const given = new Map<string, { key: string; value: unknown }>();
    for (const [key, value] of Object.entries<unknown>(clone.body.settings ?? {})) {
      const env = prefix + key.replace(/[.-]/g, "_").toUpperCase();
      if (this.plugin.settings.some((s) => s.env === env)) {
        given.set(env, { key, value });
      } else {
        const known = this.plugin.settings.map((s) => s.env.slice(prefix.length).toLowerCase()).join(", ");
        this.add([...settingsPath, key], `${PLUGIN_GIT_IMAGE}@${this.pluginVersion} reads no ${env}, so setting ${JSON.stringify(key)} is ignored; known settings: ${known}`, this.pluginSource("flags.go"));
      }
    }
    /** A setting as the plugin parses it; undefined when unset (or unparseable, which is reported). */
    const read = <T>(name: string, parse: (text: string) => T | undefined, kind: string): { value?: T; key?: string } => {
      const setting = given.get(prefix + name);
      if (!setting) return {};
      const text = asEnvValue(setting.value);
      const value = text === undefined ? undefined : parse(text);
      if (value === undefined) this.add([...settingsPath, setting.key], `${JSON.stringify(setting.value)} is not ${kind}, which plugin-git's ${name.toLowerCase()} flag needs`, this.pluginSource("flags.go"));
      return { value, key: setting.key };
    };
    const defaultOf = (name: string) => this.plugin.settings.find((s) => s.env === prefix + name)!.default;
    const tags = read("TAGS", goBool, "a boolean");
    const partial = read("PARTIAL", goBool, "a boolean");
    const depth = read("DEPTH", goInt, "an integer");

    // Events with the same outcome share one finding.
    const outcomes = new Map<string, string[]>();
    for (const event of events) {
      const fetchesTags = tags.value ?? (tags.key === undefined && event === this.plugin.partial.tagsDefaultOnEvent);
      const partialClone = (partial.value ?? (defaultOf("PARTIAL") as boolean)) && !(this.plugin.partial.disabledByTags && fetchesTags);
      const depthFetched = depth.value ?? (defaultOf("DEPTH") as number);
      const outcome = partialClone ? "partial" : depthFetched === this.plugin.fetch.noDepthAt ? "full" : String(depthFetched);
      outcomes.set(outcome, [...(outcomes.get(outcome) ?? []), event]);
    }
    for (const [outcome, on] of outcomes) {
      if (outcome === "full") continue;
      if (outcome === "partial") {
        const why = partial.key === undefined ? "partial is unset and plugin-git defaults it to true" : "partial is true";
        this.add(
          partial.key === undefined ? settingsPath : [...settingsPath, partial.key],
          `${why}, which fetches --depth=${this.plugin.partial.forcesDepth} --filter=${this.plugin.partial.filter} whatever depth says (on ${on.join(", ")} events): ` +
            `the clone holds only the pipeline's commit, but ${runsAffected}; ${FULL_HISTORY_FIX}`,
          this.pluginSource("defaults.go"),
        );
      } else {
        this.add(
          [...settingsPath, depth.key ?? "depth"],
          `depth ${outcome} fetches --depth=${outcome} (on ${on.join(", ")} events): the clone holds only the last ${outcome} commit(s), but ${runsAffected}; ` +
            `set depth: ${this.plugin.fetch.noDepthAt} (no --depth: full history)`,
          this.pluginSource("plugin.go"),
        );
      }
    }
  }

  /**
   * Pull requests compare with the target branch, which the pipeline's clone does not hold. A
   * clone step with `ref` fetches that branch through the origin remote the plugin configures,
   * so git also updates origin/<branch> (git-fetch(1), "configured remote-tracking branches");
   * a `git fetch` command works too, where the step can authenticate.
   */
  private checkTargetBranch(targetClones: readonly Step[], fetches: ReadonlyArray<{ path: Path; text: string }>, affectedPath: Path): void {
    if (targetClones.length === 0 && fetches.length === 0) {
      this.add(
        affectedPath,
        `a pull request compares with its target branch, which the clone does not hold (plugin-git fetches only ${this.plugin.fetch.refspec.replace("%s", "<pipeline commit>")} ` +
          `with ${this.plugin.fetch.tagsOption}); before the clone of the pipeline's commit, add a ${PLUGIN_GIT_IMAGE}:${this.pluginVersion} clone step with ` +
          `settings ref: refs/heads/\${${TARGET_BRANCH}}, partial: false, depth: 0, and compare with origin/\$\${${TARGET_BRANCH}}`,
        this.pluginSource("plugin.go"),
      );
    }
    for (const shallow of fetches.filter((c) => SHALLOW_FETCH.test(c.text))) {
      this.add(shallow.path, `${JSON.stringify(shallow.text)} fetches the target branch shallow or filtered, so its merge base with the pull request may be missing; drop the option`, this.pluginSource("plugin.go"));
    }
  }

  /**
   * Every origin/<branch> the affected step reads was fetched before it: by a clone step with
   * `ref: refs/heads/<branch>` (not the last one) or a `git fetch` naming it. A step's `$${X}`
   * is Woodpecker's escape of the shell's `${X}`; a clone setting's `${X}` is substituted by
   * Woodpecker, so both name the same branch.
   */
  private checkRemoteRefs(
    affectedCommands: ReadonlyArray<{ path: Path; text: string }>,
    earlierClones: readonly Step[],
    earlierCommands: ReadonlyArray<{ path: Path; text: string }>,
  ): void {
    const normalize = (text: string) => text.replace(/\$\$\{/g, "${").replace(/["']/g, "");
    const cloned = earlierClones.map((c) => normalize(refOf(c)?.value ?? "")).filter(Boolean);
    const fetched = earlierCommands.filter((c) => /\bgit\s+fetch\b/.test(c.text)).map((c) => normalize(c.text));
    for (const c of affectedCommands) {
      for (const [, raw] of c.text.matchAll(/\borigin\/((?:\$\$?\{[A-Z0-9_]+\}|[A-Za-z0-9._-])+)/g)) {
        const branch = normalize(raw);
        if (branch.includes(TARGET_BRANCH)) continue; // a pull request's target branch: checkTargetBranch says more
        if (cloned.includes(`refs/heads/${branch}`) || fetched.some((f) => f.includes(branch))) continue;
        this.add(
          c.path,
          `reads origin/${branch}, which nothing fetches before it: plugin-git fetches only ${this.plugin.fetch.refspec.replace("%s", "<pipeline commit>")} ` +
            `and writes no remote-tracking ref of its own; before the clone of the pipeline's commit, add a ${PLUGIN_GIT_IMAGE}:${this.pluginVersion} clone step ` +
            `with settings ref: refs/heads/${branch}, partial: false, depth: 0`,
          this.pluginSource("plugin.go"),
        );
      }
    }
  }

  /** The CI_* variables the history commands read exist for the workflow's events. */
  private checkVariables(commands: ReadonlyArray<{ path: Path; text: string }>, events: readonly string[]): void {
    const upstream = this.serverSource("pipeline/frontend/metadata/environment.go");
    const onlyPulls = events.every((e) => e.startsWith("pull_request"));
    for (const c of commands) {
      for (const [, name] of c.text.matchAll(/\$\$?\{?(CI_[A-Z0-9_]+)/g)) {
        if (!this.variables.set.includes(name)) {
          this.add(c.path, `${name} is not a variable Woodpecker sets: it expands to an empty string`, upstream);
        } else if (this.variables.pullRequestOnly.includes(name) && !onlyPulls) {
          this.add(c.path, `${name} is set only for pull-request events, but the workflow also runs on ${events.filter((e) => !e.startsWith("pull_request")).join(", ")}`, upstream);
        }
      }
    }
  }
}

/** Findings for one workflow; a workflow that is not YAML is the schema check's to report. */
export function checkCloneHistory(file: string, text: string): ContractFinding[] {
  const parsed = parseWorkflow({ file, text });
  if (parsed.error !== undefined || !parsed.doc || typeof parsed.doc !== "object") return [];
  const checker = new Checker(file, readWoodpeckerContracts());
  checker.check(parsed.doc as Record<string, any>);
  return checker.findings;
}

export const woodpeckerCloneHistory: ContractCheck = {
  id: "woodpecker-clone-history",
  description: "a workflow running affected clones the full history with plugin-git (partial: false, depth: 0) and, for pull requests, fetches the target branch",
  check: (input: ValidateInput) => input.workflows.flatMap((w) => checkCloneHistory(w.file, w.text)),
};
