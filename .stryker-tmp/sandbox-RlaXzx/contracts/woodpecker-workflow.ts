/**
 * A Woodpecker workflow read the way Woodpecker reads it before linting: YAML with anchors
 * and merge keys resolved, turned into plain JSON data (woodpecker's
 * pipeline/frontend/yaml/linter/schema/schema.go parses, resolves merges, then converts).
 */
// @ts-nocheck

import YAML from "yaml";
import { WorkflowFile } from "./contract";
import { joinPath } from "./synthesized";

/** The clone plugin whose behaviour is stored (familiar image name). */
export const PLUGIN_GIT_IMAGE = "woodpeckerci/plugin-git";

/** A workflow's data, or why it is not YAML. */
export type ParsedWorkflow = { readonly file: string; readonly doc: unknown; readonly error?: undefined } | { readonly file: string; readonly doc?: undefined; readonly error: string };

export function parseWorkflow(workflow: WorkflowFile): ParsedWorkflow {
  const document = YAML.parseDocument(workflow.text, { merge: true, prettyErrors: true });
  const [error] = document.errors;
  if (error) return { file: workflow.file, error: error.message.split("\n")[0].replace(/:$/, "") };
  return { file: workflow.file, doc: document.toJS() };
}

/** Where a value sits in a workflow, for a finding: `.woodpecker/deploy.yaml:steps[2].environment`. */
export function workflowLocation(file: string, path: readonly (string | number)[]): string {
  return path.length ? `${file}:${joinPath(path)}` : file;
}

/** A path in a workflow: keys and list indexes. */
export type Path = (string | number)[];

/** A step of `steps:`, `clone:` or `services:`, with where it sits. */
export interface Step {
  readonly path: Path;
  readonly body: Record<string, any>;
}

/** The steps of a section, as a list (`- name: x`) or a map (`x: {…}`); Woodpecker takes both. */
export function stepsOf(section: unknown, key: string): Step[] {
  if (Array.isArray(section)) return section.map((body, i) => ({ path: [key, i], body: body ?? {} }));
  if (section && typeof section === "object") return Object.entries(section).map(([name, body]) => ({ path: [key, name], body: body ?? {} }));
  return [];
}

/** The events a workflow runs on (when[].event); undefined when a condition names none, i.e. any event. */
export function workflowEvents(doc: unknown): string[] | undefined {
  const when = (doc as { when?: unknown } | undefined)?.when;
  if (when === undefined) return undefined;
  const conditions = [when].flat() as Array<{ event?: string | string[] } | null>;
  if (conditions.some((c) => c?.event === undefined)) return undefined;
  return [...new Set(conditions.flatMap((c) => [c!.event!].flat()))];
}

/** An image reference split as Docker reads it; `name` is the familiar name (no docker.io/, no library/). */
export function parseImage(image: string): { name: string; tag?: string } {
  const [withoutDigest] = image.split("@");
  const slash = withoutDigest.lastIndexOf("/");
  const colon = withoutDigest.lastIndexOf(":");
  const hasTag = colon > slash;
  const name = (hasTag ? withoutDigest.slice(0, colon) : withoutDigest).replace(/^(index\.)?docker\.io\//, "").replace(/^library\//, "");
  return { name, tag: hasTag ? withoutDigest.slice(colon + 1) : undefined };
}
