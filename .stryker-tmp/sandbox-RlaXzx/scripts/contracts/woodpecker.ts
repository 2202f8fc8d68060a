/**
 * `npm run contracts -- woodpecker`: what the Woodpecker server accepts and provides, read from
 * woodpecker-ci/woodpecker at the server version the operator runs:
 * - schema.json: the workflow JSON schema its linter validates every workflow against
 *   (pipeline/frontend/yaml/linter/schema/schema.json, draft-07), annotations removed;
 * - clone.json: what a workflow without a clone: section gets (the default clone plugin and its
 *   settings) and how a step's settings reach a plugin (PLUGIN_<KEY> environment variables);
 * - variables.json: the CI_* variables a step sees, and those set only for pull requests.
 */
// @ts-nocheck

import { writeStoredContract } from "../../contracts/stored";
import { ServerClone, ServerVariables, WOODPECKER_CONTRACT } from "../../contracts/woodpecker-stored";
import { UpstreamRepo } from "../lib/upstream";
import { ContractGenerator } from "./generator";

/**
 * The Woodpecker server the workflows run on. No operator guide names a version; this is the
 * latest v3 release when the contracts were generated. Bump it with the server, then run
 * `npm run contracts -- woodpecker` and review the diff.
 */
export const WOODPECKER_SERVER_VERSION = "3.17.0";

const SCHEMA = "pipeline/frontend/yaml/linter/schema/schema.json";
const LINTER = "pipeline/frontend/yaml/linter/schema/schema.go";
const COMPILER = "pipeline/frontend/yaml/compiler/compiler.go";
const CONVERT = "pipeline/frontend/yaml/compiler/convert.go";
const CONSTANTS = "shared/constant/constant.go";
const METADATA = "pipeline/frontend/metadata/environment.go";
const RUNTIME = "pipeline/runtime/step.go";
const AGENT = "agent/runner.go";

/** Keywords that only annotate a schema; keys of these maps name properties, not keywords. */
const ANNOTATIONS = new Set(["$id", "$comment", "title", "description"]);
const NAMED_SCHEMAS = new Set(["properties", "patternProperties", "definitions"]);

/** The schema without annotations: what validation uses, nothing else. */
export function withoutAnnotations(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(withoutAnnotations);
  if (schema === null || typeof schema !== "object") return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (ANNOTATIONS.has(key) && typeof value === "string") continue;
    if (NAMED_SCHEMAS.has(key) && value && typeof value === "object") {
      out[key] = Object.fromEntries(Object.entries(value).map(([name, sub]) => [name, withoutAnnotations(sub)]));
    } else if (key === "enum" || key === "const" || key === "default" || key === "required") {
      out[key] = value;
    } else {
      out[key] = withoutAnnotations(value);
    }
  }
  return out;
}

/** The one match of `pattern` in an upstream file, or an error saying the code moved. */
export function extract(text: string, pattern: RegExp, what: string): RegExpExecArray {
  const m = pattern.exec(text);
  if (!m) throw new Error(`${what}: not found; the upstream code changed, read it again and update the generator`);
  return m;
}

/** The body of the first `{ … }` block that starts at the end of `opening`. */
function block(text: string, opening: RegExp, what: string): string {
  const m = extract(text, opening, what);
  let depth = 1;
  let i = m.index + m[0].length;
  for (; i < text.length && depth > 0; i++) depth += text[i] === "{" ? 1 : text[i] === "}" ? -1 : 0;
  return text.slice(m.index + m[0].length, i - 1);
}

export const woodpeckerGenerator: ContractGenerator = {
  name: WOODPECKER_CONTRACT,
  description: `woodpecker-ci/woodpecker v${WOODPECKER_SERVER_VERSION}: workflow schema, default clone, CI_* variables`,
  generate() {
    const repository = "woodpecker-ci/woodpecker";
    const ref = `v${WOODPECKER_SERVER_VERSION}`;
    const repo = UpstreamRepo.open(repository);
    const schema = JSON.parse(repo.show(ref, SCHEMA));
    if (schema.$schema !== "http://json-schema.org/draft-07/schema#") throw new Error(`${SCHEMA}: $schema is ${schema.$schema}, the check validates draft-07`);
    extract(repo.show(ref, LINTER), /gojsonschema\.Validate\(/, `${LINTER}: the linter validates with gojsonschema`);

    const compiler = repo.show(ref, COMPILER);
    const defaults = extract(compiler, /cloneSettings := map\[string\]any\{([^}]*)\}/, `${COMPILER}: the default clone's settings`)[1];
    const clone: ServerClone = {
      defaultClonePlugin: extract(repo.show(ref, CONSTANTS), /DefaultClonePlugin = "([^"]+)"/, `${CONSTANTS}: DefaultClonePlugin`)[1],
      defaultCloneSettings: Object.fromEntries([...defaults.matchAll(/"([^"]+)":\s*"([^"]*)"/g)].map((m) => [m[1], m[2]])),
      settingsEnvPrefix: extract(repo.show(ref, CONVERT), /ParamsToEnv\(container\.Settings, environment, "([A-Z_]+)", true/, `${CONVERT}: settings to env`)[1],
    };

    const metadata = repo.show(ref, METADATA);
    const names = (text: string) => [...text.matchAll(/(?:setNonEmptyEnvVar\(params, |params\[|[Ee]nvironment\[)"(CI_[A-Z0-9_]+)"/g)].map((m) => m[1]);
    const variables: ServerVariables = {
      // The pipeline metadata, then what the compiler, the runtime and the agent add to every step.
      set: [...new Set([METADATA, CONVERT, RUNTIME, AGENT].flatMap((file) => names(file === METADATA ? metadata : repo.show(ref, file))))].sort(),
      pullRequestOnly: [...new Set(names(block(metadata, /if pipeline\.Event\.IsPull\(\) \{/, `${METADATA}: the pull-request variables`)))].sort(),
    };

    writeStoredContract(
      WOODPECKER_CONTRACT,
      {
        project: "woodpecker",
        version: WOODPECKER_SERVER_VERSION,
        repository,
        ref,
        commit: repo.commit(ref),
        sources: [SCHEMA, LINTER, COMPILER, CONVERT, CONSTANTS, METADATA, RUNTIME, AGENT],
        command: `npm run contracts -- ${WOODPECKER_CONTRACT}`,
      },
      { "schema.json": withoutAnnotations(schema), "clone.json": clone, "variables.json": variables },
    );
    return [WOODPECKER_CONTRACT];
  },
};
