/**
 * The files a Nomad task's program reads that the job itself renders: which template
 * writes a path named in the task's arguments, and that template's text with Nomad's own
 * template actions neutralized so the file can be parsed at plan time.
 */
// @ts-nocheck

import { parseImageRef } from "../jobspecs/images";
import { jobTasks, SynthesizedJob } from "./nomad-jobs";

/** Stands in for the value of a template action: what Nomad renders only on the client. */
export const RUNTIME_VALUE = "NOMAD_TEMPLATE_VALUE";

/** Whether a parsed value was (or contains) a template action, so its real type is unknown here. */
export function isRuntimeValue(value: unknown): boolean {
  return typeof value === "string" && value.includes(RUNTIME_VALUE);
}

/** Nomad's task directory variables, as the docker driver mounts them. */
const TASK_DIR_VARIABLES: Record<string, string> = {
  NOMAD_TASK_DIR: "/local",
  NOMAD_SECRETS_DIR: "/secrets",
  NOMAD_ALLOC_DIR: "/alloc",
};

/** A path inside the task as a task-directory-relative path: "/local/x", "${NOMAD_TASK_DIR}/x" and "local/x" are one file. */
export function taskRelativePath(path: string): string {
  const expanded = path.replace(/\$\{(NOMAD_[A-Z_]+)\}/g, (all, name: string) => TASK_DIR_VARIABLES[name] ?? all);
  const parts: string[] = [];
  for (const part of expanded.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") parts.pop();
    else parts.push(part);
  }
  // A template's DestPath is relative to the task directory; "../alloc" is the shared alloc dir.
  return parts.join("/");
}

/** The value of a command-line option in a task's args: `-config x`, `-config=x`, `--driver-config-file=x`. */
export function optionValue(args: readonly unknown[], names: readonly string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (typeof arg !== "string") continue;
    for (const name of names) {
      if (arg === name && typeof args[i + 1] === "string") return args[i + 1] as string;
      if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
    }
  }
  return undefined;
}

/** Whether a task's docker image is of a repository ("docker.io/litestream/litestream" matches "litestream/litestream:0.5.8"). */
function runsImage(task: Record<string, any>, repository: string): { tag?: string } | undefined {
  const image = task.Config?.image;
  if (typeof image !== "string") return undefined;
  const ref = parseImageRef(image);
  const short = (r: string) => r.replace(/^docker\.io\//, "").replace(/^library\//, "");
  return short(ref.repository) === short(repository) ? { tag: ref.tag } : undefined;
}

/** The template of a task that renders `path`, with its index in Templates. */
function templateRendering(task: Record<string, any>, path: string): { template: Record<string, any>; index: number } | undefined {
  const wanted = taskRelativePath(path);
  const templates: unknown[] = Array.isArray(task.Templates) ? task.Templates : [];
  const index = templates.findIndex((t: any) => typeof t?.DestPath === "string" && taskRelativePath(t.DestPath) === wanted);
  return index < 0 ? undefined : { template: templates[index] as Record<string, any>, index };
}

/** A task running a program's image, and the config file its arguments name, as the job renders it. */
export interface ProgramTask {
  readonly job: SynthesizedJob;
  /** Path to the task inside the job: TaskGroups[i].Tasks[j]. */
  readonly path: readonly (string | number)[];
  readonly task: Record<string, any>;
  /** The image tag it runs. */
  readonly tag?: string;
  /** The config file its arguments name, when they name one. */
  readonly configPath?: string;
  /** The template rendering that file: where its text is, and the text with actions neutralized. */
  readonly rendered?: { readonly at: readonly (string | number)[]; readonly text: string };
  /** The task's template destinations, for a message when none renders the file. */
  readonly destinations: string;
}

/** Every task of the jobs running an image of `repository`, with the config file named by one of `configOptions`. */
export function programTasks(jobs: readonly SynthesizedJob[], repository: string, configOptions: readonly string[]): ProgramTask[] {
  return jobs.flatMap((job) =>
    jobTasks(job.job).flatMap(({ task, path }) => {
      const image = runsImage(task, repository);
      if (!image) return [];
      const configPath = optionValue(Array.isArray(task.Config?.args) ? task.Config.args : [], configOptions);
      const found = configPath === undefined ? undefined : templateRendering(task, configPath);
      const rendered = found && {
        at: [...path, "Templates", found.index, "EmbeddedTmpl"],
        text: neutralizeTemplate(String(found.template.EmbeddedTmpl ?? ""), found.template.LeftDelim, found.template.RightDelim),
      };
      const destinations = (Array.isArray(task.Templates) ? task.Templates : []).map((t: any) => t?.DestPath).join(", ") || "none";
      return [{ job, path, task, tag: image.tag, configPath, rendered, destinations }];
    }),
  );
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * A template's text as the program would roughly see it, for parsing at plan time: a line
 * holding only control actions (`{{ with … }}`, `{{ range … }}`, `{{ end }}`, `{{ else }}`,
 * comments) is dropped, since it renders to nothing; every other action is replaced by
 * RUNTIME_VALUE, a plain scalar. Keys and structure written literally stay checkable;
 * values Nomad fills in at run time are accepted as any scalar.
 */
export function neutralizeTemplate(text: string, leftDelim = "{{", rightDelim = "}}"): string {
  const action = new RegExp(`${escapeRegExp(leftDelim)}[\\s\\S]*?${escapeRegExp(rightDelim)}`, "g");
  const control = new RegExp(`^${escapeRegExp(leftDelim)}-?\\s*(?:/\\*[\\s\\S]*?\\*/|(?:if|else|end|range|with|define|block)\\b[\\s\\S]*?)\\s*-?${escapeRegExp(rightDelim)}$`);
  return text
    .split("\n")
    .filter((line) => {
      const actions = line.match(action) ?? [];
      return !(actions.length > 0 && line.replace(action, "").trim() === "" && actions.every((a) => control.test(a)));
    })
    .map((line) => line.replace(action, RUNTIME_VALUE))
    .join("\n");
}
