/**
 * The shapes of the stored Woodpecker contracts: the generators in scripts/contracts/ write
 * them (`npm run contracts -- woodpecker | woodpecker-plugin-git`), the checks read them.
 */
// @ts-nocheck

import { Provenance, readProvenance, readStoredJson } from "./stored";

/** Woodpecker server data: schema.json, clone.json, variables.json. */
export const WOODPECKER_CONTRACT = "woodpecker";
/** The clone plugin's behaviour: clone.json. */
export const PLUGIN_GIT_CONTRACT = "woodpecker-plugin-git";

/** The server's side of cloning (compiler.go, constant.go, convert.go). */
export interface ServerClone {
  /** The image a workflow without clone steps is cloned with. */
  readonly defaultClonePlugin: string;
  /** The only settings that default clone gets. */
  readonly defaultCloneSettings: Readonly<Record<string, string>>;
  /** A step's setting `key` reaches its plugin as <prefix><KEY>. */
  readonly settingsEnvPrefix: string;
}

/** The CI_* variables a step sees (metadata, compiler, runtime, agent). */
export interface ServerVariables {
  readonly set: readonly string[];
  /** Set only when the pipeline event is a pull request. */
  readonly pullRequestOnly: readonly string[];
}

/** One setting of plugin-git, as a step's `settings:` key reaches it (PLUGIN_<KEY>). */
export interface PluginSetting {
  readonly env: string;
  readonly flag: string;
  readonly type: "Bool" | "Int" | "String" | "Duration";
  /** The flag's default when the variable is unset: its Value, else Go's zero value. */
  readonly default: boolean | number | string;
}

/** What plugin-git fetches (flags.go, defaults.go, plugin.go). */
export interface PluginGitClone {
  readonly settings: readonly PluginSetting[];
  readonly partial: {
    /** partial replaces the depth with this, whatever depth says. */
    readonly forcesDepth: number;
    readonly filter: string;
    /** Fetching tags turns partial off. */
    readonly disabledByTags: boolean;
    /** Tags are fetched by default on this pipeline event. */
    readonly tagsDefaultOnEvent: string;
  };
  readonly fetch: {
    /** --depth is passed unless depth is this value: full history of the fetched ref. */
    readonly noDepthAt: number;
    /** The one refspec fetched, `+%s:` with the pipeline's commit (or PLUGIN_REF), into FETCH_HEAD. */
    readonly refspec: string;
    /** What is passed unless tags are fetched. */
    readonly tagsOption: string;
  };
}

export interface WoodpeckerContracts {
  readonly server: { readonly provenance: Provenance; readonly clone: ServerClone; readonly variables: ServerVariables };
  readonly pluginGit: { readonly provenance: Provenance; readonly clone: PluginGitClone };
}

/** Both stored contracts; fails naming the command when one was never generated. */
export function readWoodpeckerContracts(): WoodpeckerContracts {
  return {
    server: {
      provenance: readProvenance(WOODPECKER_CONTRACT),
      clone: readStoredJson<ServerClone>(WOODPECKER_CONTRACT, "clone.json"),
      variables: readStoredJson<ServerVariables>(WOODPECKER_CONTRACT, "variables.json"),
    },
    pluginGit: { provenance: readProvenance(PLUGIN_GIT_CONTRACT), clone: readStoredJson<PluginGitClone>(PLUGIN_GIT_CONTRACT, "clone.json") },
  };
}
