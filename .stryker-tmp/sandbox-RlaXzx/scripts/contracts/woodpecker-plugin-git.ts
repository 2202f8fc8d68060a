/**
 * `npm run contracts -- woodpecker-plugin-git`: what the clone plugin really fetches, read from
 * woodpecker-ci/plugin-git at the version the workflows' clone steps pin (the workflows are the
 * one place that version is written):
 * - settings: every PLUGIN_* variable the plugin reads, its flag, type and default (flags.go);
 * - partial: partial clone forces a depth and a filter, and fetching tags turns it off (defaults.go);
 * - fetch: the one ref fetched, when --depth is passed, whether tags come along (plugin.go).
 */
// @ts-nocheck

import { readWorkflows } from "../../contracts/synthesized";
import { writeStoredContract } from "../../contracts/stored";
import { PLUGIN_GIT_CONTRACT, PluginGitClone, PluginSetting } from "../../contracts/woodpecker-stored";
import { parseImage, parseWorkflow, PLUGIN_GIT_IMAGE, stepsOf } from "../../contracts/woodpecker-workflow";
import { UpstreamRepo } from "../lib/upstream";
import { repoRoot } from "../repo-root";
import { extract } from "./woodpecker";
import { ContractGenerator } from "./generator";

const FLAGS = "flags.go";
const DEFAULTS = "defaults.go";
const PLUGIN = "plugin.go";

/** The plugin-git version the workflows' clone steps pin; they must agree. */
export function pinnedPluginGitVersion(root = repoRoot()): string {
  const tags = new Set<string>();
  for (const workflow of readWorkflows(root)) {
    const parsed = parseWorkflow(workflow);
    for (const step of stepsOf((parsed.doc as { clone?: unknown } | undefined)?.clone, "clone")) {
      const image = parseImage(String(step.body.image ?? ""));
      if (image.name === PLUGIN_GIT_IMAGE && image.tag) tags.add(image.tag);
    }
  }
  if (tags.size !== 1) throw new Error(`the workflows' clone steps pin ${tags.size ? [...tags].join(", ") : "no"} ${PLUGIN_GIT_IMAGE} version(s): pin exactly one`);
  return [...tags][0];
}

function settingsOf(flags: string): PluginSetting[] {
  const settings: PluginSetting[] = [];
  for (const [, type, body] of flags.matchAll(/&cli\.(\w+)Flag\{([\s\S]*?)\n\t\},/g)) {
    const flag = extract(body, /Name:\s*"([^"]+)"/, `${FLAGS}: a flag's name`)[1];
    const envs = [...(/cli\.EnvVars\(([^)]*)\)/.exec(body)?.[1] ?? "").matchAll(/"(PLUGIN_[A-Z0-9_]+)"/g)].map((m) => m[1]);
    const value = /Value:\s*([^,\n]+),/.exec(body)?.[1].trim();
    if (!["Bool", "Int", "String", "Duration"].includes(type)) throw new Error(`${FLAGS}: flag ${flag} has type ${type}, unknown to the generator`);
    const zero = type === "Bool" ? false : type === "Int" ? 0 : "";
    const parsed = value === undefined ? zero : /^(true|false)$/.test(value) ? value === "true" : /^\d+$/.test(value) ? Number(value) : /^"(.*)"$/.exec(value)?.[1] ?? value;
    for (const env of envs) settings.push({ env, flag, type: type as PluginSetting["type"], default: parsed });
  }
  if (!settings.some((s) => s.env === "PLUGIN_DEPTH") || !settings.some((s) => s.env === "PLUGIN_PARTIAL")) {
    throw new Error(`${FLAGS}: no PLUGIN_DEPTH or PLUGIN_PARTIAL flag; the upstream code changed, read it again and update the generator`);
  }
  return settings.sort((a, b) => a.env.localeCompare(b.env));
}

export const pluginGitGenerator: ContractGenerator = {
  name: PLUGIN_GIT_CONTRACT,
  description: `woodpecker-ci/plugin-git at the version the clone steps pin: settings, partial clone, fetch`,
  generate() {
    const version = pinnedPluginGitVersion();
    const repository = "woodpecker-ci/plugin-git";
    const repo = UpstreamRepo.open(repository);
    // 2.x tags are bare versions; older ones carry a v.
    const ref = repo.tags().includes(version) ? version : `v${version}`;
    const defaults = repo.show(ref, DEFAULTS);
    const plugin = repo.show(ref, PLUGIN);
    const partial = extract(defaults, /if p\.Config\.Partial \{\s*p\.Config\.Depth = (\d+)\s*p\.Config\.filter = "([^"]+)"\s*\}/, `${DEFAULTS}: what partial does`);
    const contract: PluginGitClone = {
      settings: settingsOf(repo.show(ref, FLAGS)),
      partial: {
        forcesDepth: Number(partial[1]),
        filter: partial[2],
        disabledByTags: /if p\.Config\.Tags && p\.Config\.Partial \{[^}]*p\.Config\.Partial = false/.test(defaults),
        tagsDefaultOnEvent: extract(defaults, /if p\.Pipeline\.Event == "(\w+)" && !c\.IsSet\("tags"\) \{[^}]*p\.Config\.Tags = true/, `${DEFAULTS}: tags on tag events`)[1],
      },
      fetch: {
        noDepthAt: Number(extract(plugin, /if depth != (\d+) \{\s*cmd\.Args = append\(cmd\.Args, fmt\.Sprintf\("--depth=%d", depth\)\)/, `${PLUGIN}: --depth`)[1]),
        refspec: extract(plugin, /cmd\.Args = append\(cmd\.Args, fmt\.Sprintf\("([^"]*)", ref\)\)/, `${PLUGIN}: the refspec fetched`)[1],
        tagsOption: extract(plugin, /tags_option := "([^"]+)"/, `${PLUGIN}: the tags option`)[1],
      },
    };
    // What the clone-history check builds on: one ref into FETCH_HEAD, through a remote named
    // origin (so git also updates origin/<branch> for a branch ref), a ref checked out from FETCH_HEAD.
    if (contract.fetch.refspec !== "+%s:") throw new Error(`${PLUGIN}: the plugin now fetches ${contract.fetch.refspec}; read it again and update contracts/woodpecker-clone-history.ts`);
    extract(plugin, /"remote",\s*"add",\s*"origin",/, `${PLUGIN}: the origin remote`);
    extract(plugin, /func checkoutHead\(\)[^}]*"checkout",\s*"-qf",\s*"FETCH_HEAD",/, `${PLUGIN}: a ref is checked out from FETCH_HEAD`);
    writeStoredContract(
      PLUGIN_GIT_CONTRACT,
      {
        project: "plugin-git",
        version,
        repository,
        ref,
        commit: repo.commit(ref),
        sources: [FLAGS, DEFAULTS, PLUGIN],
        command: `npm run contracts -- ${PLUGIN_GIT_CONTRACT}`,
      },
      { "clone.json": contract },
    );
    return [PLUGIN_GIT_CONTRACT];
  },
};
