/**
 * The intent summary of a change: per affected stack, in deploy order, what changes in the
 * terms the operator thinks in (intent.ts), fact by fact, with data loss first and loud. Pure
 * functions of the two synthesized sides (synth-since), so a test can build the sides itself.
 */
import { AddressChange } from "../../policy/address-record";
import { parseImageRef } from "../../jobspecs/images";
import { catalogStacksOfSynth } from "../catalog";
import {
  affectedStacks,
  changedStacks,
  consumedOutputs,
  describeStatefulChange,
  removedInDestroyOrder,
  removedStacks,
  StackFiles,
  statefulChangeList,
  statefulChangeRank,
} from "./affected-core";
import { INTENT_CATEGORIES, IntentCategory, stackIntent, StackIntent } from "./intent";
import { StackJson } from "./references";
import { SynthSide } from "./synth-since";

/** One fact that differs between the two sides. */
export interface FactChange {
  readonly category: IntentCategory;
  /** "moved in"/"moved out": the same fact leaves one stack and arrives in another (`stack`). */
  readonly change: "new" | "removed" | "changed" | "moved in" | "moved out";
  readonly name: string;
  readonly before?: string;
  readonly after?: string;
  /** For a move between stacks: the stack it comes from or goes to. */
  readonly stack?: string;
}

/** What changes in one stack. */
export interface StackChange {
  readonly id: string;
  readonly status: "new" | "changed" | "removed" | "reads";
  readonly tier?: number;
  readonly cluster?: string;
  readonly critical?: boolean;
  readonly facts: readonly FactChange[];
  /** Resources that hold data moving or leaving Terraform's hands with their data kept. */
  readonly keptData: readonly string[];
  /**
   * Terraform addresses created, imported (an existing object adopted by an import block),
   * changed in place or replaced, moved (from → to), forgotten with their object kept, and destroyed.
   */
  readonly resources: {
    readonly added: readonly string[];
    readonly imported: readonly string[];
    readonly changed: readonly string[];
    readonly moved: readonly string[];
    readonly forgotten: readonly string[];
    readonly removed: readonly string[];
  };
  /** For a stack affected only through what it reads: the stacks whose outputs it reads. */
  readonly reads: readonly string[];
}

export interface IntentSummary {
  /** Destroyed or orphaned data, one line each: shown first. */
  readonly dataLoss: readonly string[];
  /** Stacks no longer synthesized, in the order to destroy them by hand. */
  readonly removedStacks: readonly string[];
  readonly stacks: readonly StackChange[];
}

/** Every fact that differs, category by category. */
export function diffIntent(before: StackIntent | undefined, after: StackIntent | undefined): FactChange[] {
  const changes: FactChange[] = [];
  for (const category of INTENT_CATEGORIES) {
    const was = before?.[category] ?? new Map<string, string>();
    const now = after?.[category] ?? new Map<string, string>();
    for (const [name, value] of now) {
      if (!was.has(name)) changes.push({ category, change: "new", name, after: value });
      else if (was.get(name) !== value) changes.push({ category, change: "changed", name, before: was.get(name), after: value });
    }
    for (const [name, value] of was) if (!now.has(name)) changes.push({ category, change: "removed", name, before: value });
  }
  return changes;
}

function parse(files: StackFiles | undefined): StackJson | undefined {
  const text = files?.get("cdk.tf.json");
  return text === undefined ? undefined : JSON.parse(text);
}

/** Each resource's configuration, cdktf's metadata apart, by Terraform address. */
function resourceConfigs(json: StackJson | undefined): Map<string, string> {
  const configs = new Map<string, string>();
  for (const [type, byName] of Object.entries<Record<string, Record<string, unknown>>>(json?.resource ?? {})) {
    for (const [name, body] of Object.entries(byName)) {
      const { "//": _metadata, ...config } = body;
      configs.set(`${type}.${name}`, JSON.stringify(config));
    }
  }
  return configs;
}

/** A resource's configuration with its references to moved addresses rewritten to where they moved. */
function followMoves(config: string, moves: readonly { readonly from: string; readonly to: string }[]): string {
  return moves.reduce(
    (text, m) => text.replace(new RegExp(`(?<![\\w.-])${m.from.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\w-])`, "g"), m.to),
    config,
  );
}

function resourceChanges(before: StackJson | undefined, after: StackJson | undefined): StackChange["resources"] {
  const was = resourceConfigs(before);
  const now = resourceConfigs(after);
  // A moved block carries a resource to its new address; a removed block that keeps it only forgets it.
  const moves = ((after?.moved ?? []) as Array<{ from: string; to: string }>).filter((m) => was.has(m.from) && !now.has(m.from) && now.has(m.to));
  const forgotten = ((after?.removed ?? []) as Array<{ from: string; lifecycle?: { destroy?: boolean } }>)
    .filter((r) => r.lifecycle?.destroy === false && was.has(r.from))
    .map((r) => r.from);
  const importedTo = new Set(((after?.import ?? []) as Array<{ to: string }>).map((i) => i.to).filter((a) => !was.has(a)));
  const movedTo = new Set(moves.map((m) => m.to));
  const movedFrom = new Set(moves.map((m) => m.from));
  // What each address held before, read with the moves applied: a reference to a moved resource
  // resolves to the same object, so it is no change (Terraform's plan shows none either).
  const held = new Map([...was].map(([a, config]) => [a, followMoves(config, moves)]));
  for (const m of moves) held.set(m.to, held.get(m.from)!);
  return {
    added: [...now.keys()].filter((a) => !was.has(a) && !movedTo.has(a) && !importedTo.has(a)).sort(),
    imported: [...now.keys()].filter((a) => importedTo.has(a)).sort(),
    changed: [...now.keys()].filter((a) => held.has(a) && held.get(a) !== now.get(a)).sort(),
    moved: moves.map((m) => `${m.from} → ${m.to}`).sort(),
    forgotten: forgotten.sort(),
    removed: [...was.keys()].filter((a) => !now.has(a) && !movedFrom.has(a) && !forgotten.includes(a)).sort(),
  };
}

/** The intent summary of going from `before` to `after`. */
export function intentSummary(before: SynthSide, after: SynthSide): IntentSummary {
  const intents = (side: SynthSide) => new Map(catalogStacksOfSynth(side.stacks, side.files).map((s) => [s.id, { stack: s, intent: stackIntent(s) }]));
  const was = intents(before);
  const now = intents(after);
  const dataChanges = statefulChangeList(before.files, after.files);
  const kept = (id: string) => dataChanges.filter((c: AddressChange) => c.stackId === id && statefulChangeRank(c) === 2).map(describeStatefulChange);
  const changed = changedStacks(before.files, after.files);
  const affected = affectedStacks(before.files, after.files);
  const removed = removedInDestroyOrder(before.stacks, removedStacks(before.files, after.files));

  const present = after.stacks
    .filter((s) => affected.has(s.id))
    .map((s): StackChange => {
      const json = parse(after.files.get(s.id));
      const reads = changed.has(s.id) ? [] : [...consumedOutputs(json ?? {}).keys()].filter((p) => affected.has(p)).sort();
      return {
        id: s.id,
        status: !was.has(s.id) ? "new" : changed.has(s.id) ? "changed" : "reads",
        tier: s.tier,
        cluster: s.cluster,
        critical: s.critical,
        facts: diffIntent(was.get(s.id)?.intent, now.get(s.id)?.intent).filter((f) => was.has(s.id) || f.category !== "stack"),
        keptData: kept(s.id),
        resources: resourceChanges(parse(before.files.get(s.id)), json),
        reads,
      };
    });
  const gone = removed.map((id): StackChange => {
    const old = was.get(id);
    return {
      id,
      status: "removed",
      tier: old?.stack.tier,
      cluster: old?.stack.cluster,
      critical: old?.stack.critical,
      facts: diffIntent(old?.intent, undefined).filter((f) => f.category !== "stack"),
      keptData: [],
      resources: resourceChanges(parse(before.files.get(id)), undefined),
      reads: [],
    };
  });
  return {
    dataLoss: dataChanges.filter((c) => statefulChangeRank(c) < 2).sort((a, b) => statefulChangeRank(a) - statefulChangeRank(b)).map(describeStatefulChange),
    removedStacks: removed,
    stacks: movesBetweenStacks([...present, ...gone]),
  };
}

/**
 * A fact that goes from one stack and appears, the same, in another (a grant or an intention
 * handed to the service's own stack) is a move between them, not a removal and an addition.
 */
function movesBetweenStacks(stacks: readonly StackChange[]): StackChange[] {
  const key = (f: FactChange, value: string | undefined) => `${f.category}\u0000${f.name}\u0000${value ?? ""}`;
  const arriving = new Map<string, string>();
  const leaving = new Map<string, string>();
  for (const s of stacks) {
    for (const f of s.facts) {
      if (f.change === "new") arriving.set(key(f, f.after), s.id);
      if (f.change === "removed") leaving.set(key(f, f.before), s.id);
    }
  }
  const moved = (f: FactChange): FactChange => {
    const to = f.change === "removed" ? arriving.get(key(f, f.before)) : undefined;
    const from = f.change === "new" ? leaving.get(key(f, f.after)) : undefined;
    if (to) return { ...f, change: "moved out", stack: to };
    if (from) return { ...f, change: "moved in", stack: from };
    return f;
  };
  return stacks.map((s) => ({ ...s, facts: s.facts.map(moved) }));
}

const TITLES: Record<IntentCategory, string> = {
  volumes: "Volumes and claims",
  routes: "Routes and their auth",
  grants: "Secret grants",
  intentions: "Mesh intentions (Consul)",
  images: "Images and versions",
  backups: "Backups and retention",
  schedules: "Schedules",
  stack: "Stack",
};

/** Text safe in Markdown: no HTML tag, no code span cut open. Cron stars stay as they are: a star between spaces emphasises nothing. */
const md = (text: string) => text.replace(/[\\<`]/g, (c) => `\\${c}`);
const name = (text: string) => `\`${text.replace(/`/g, "'")}\``;

/** An image change as its version change, where the repository stays. */
function versionChange(before: string, after: string): string | undefined {
  const a = parseImageRef(before);
  const b = parseImageRef(after);
  return a.repository === b.repository && a.tag && b.tag ? `${md(a.repository)} ${md(a.tag)} → ${md(b.tag)}` : undefined;
}

function factLine(f: FactChange): string {
  const value = (v: string | undefined) => (v ? `: ${md(v)}` : "");
  switch (f.change) {
    case "new":
      return `- new: ${name(f.name)}${value(f.after)}`;
    case "removed":
      return `- removed: ${name(f.name)}${value(f.before)}`;
    case "moved in":
      return `- moved here from ${name(f.stack ?? "")}: ${name(f.name)}${value(f.after)}`;
    case "moved out":
      return `- moved to ${name(f.stack ?? "")}: ${name(f.name)}${value(f.before)}`;
    case "changed": {
      const version = f.category === "images" ? versionChange(f.before ?? "", f.after ?? "") : undefined;
      return `- changed: ${name(f.name)}: ${version ?? `${md(f.before || "(nothing)")} → ${md(f.after || "(nothing)")}`}`;
    }
  }
}

function stackHeading(s: StackChange): string {
  const what = [s.cluster, s.tier === undefined ? undefined : `tier ${s.tier}`, s.critical ? "critical" : undefined].filter(Boolean).join(", ");
  const status = { new: "new stack", changed: "", removed: "REMOVED from the code", reads: "reads a changed output" }[s.status];
  return `### ${s.id}${status ? ` (${status})` : ""}${what ? ` · ${what}` : ""}`;
}

function resourceLine(r: StackChange["resources"]): string | undefined {
  const parts = [
    r.added.length ? `${r.added.length} to add` : undefined,
    r.imported.length ? `${r.imported.length} to import, the existing object adopted (${r.imported.join(", ")})` : undefined,
    r.changed.length ? `${r.changed.length} to change (${r.changed.join(", ")})` : undefined,
    r.moved.length ? `${r.moved.length} to move (${r.moved.join(", ")})` : undefined,
    r.forgotten.length ? `${r.forgotten.length} to forget, the object kept (${r.forgotten.join(", ")})` : undefined,
    r.removed.length ? `${r.removed.length} to destroy (${r.removed.join(", ")})` : undefined,
  ].filter(Boolean);
  return parts.length ? `Terraform resources: ${parts.join("; ")}.` : undefined;
}

/** A PR comment holds 65,536 characters on GitHub; Forgejo's is larger. */
export const MAX_SUMMARY_CHARS = 60_000;

/** The summary as Markdown, readable as plain text in a CI log too. */
export function renderIntent(summary: IntentSummary, title: string, maxChars = MAX_SUMMARY_CHARS): string {
  const lines = [`## ${md(title)}`, ""];
  if (!summary.stacks.length && !summary.dataLoss.length) lines.push("No stack changes.", "");
  if (summary.dataLoss.length) lines.push("**DATA LOSS: read this first.**", "", ...summary.dataLoss.map((l) => `- **${md(l)}**`), "");
  if (summary.removedStacks.length) {
    lines.push(
      `**STACKS REMOVED from the code:** ${summary.removedStacks.map(name).join(", ")}. The pipelines never destroy them: destroy them by hand, in this order (the reverse of the deploy order).`,
      "",
    );
  }
  if (summary.stacks.length) lines.push(`Affected stacks, in deploy order: ${summary.stacks.map((s) => name(s.id)).join(", ")}.`, "");
  for (const s of summary.stacks) {
    lines.push(stackHeading(s), "");
    if (s.reads.length) lines.push(`Its own files are unchanged; it reads outputs of ${s.reads.map(name).join(", ")} that may change, so its plan may differ.`, "");
    for (const category of INTENT_CATEGORIES) {
      const facts = s.facts.filter((f) => f.category === category);
      const kept = category === "volumes" ? s.keptData.map((l) => `- ${md(l)}`) : [];
      if (facts.length || kept.length) lines.push(`**${TITLES[category]}**`, "", ...kept, ...facts.map(factLine), "");
    }
    const resources = resourceLine(s.resources);
    if (resources) lines.push(md(resources), "");
  }
  const text = `${lines.join("\n").trimEnd()}\n`;
  if (text.length <= maxChars) return text;
  const cut = text.lastIndexOf("\n", maxChars - 200);
  return `${text.slice(0, cut)}\n\n(cut at ${maxChars} characters: run \`npm run diff -- --since <ref>\` for the rest)\n`;
}
