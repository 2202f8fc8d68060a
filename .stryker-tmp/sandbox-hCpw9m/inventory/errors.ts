// @ts-nocheck
import { CREDENTIAL_FORMATS } from "../policy/rules/no-secret-literals";

/** At most this many problems are listed: a runaway file still gets a readable message. */
const MAX_PROBLEMS = 50;

/** Raised for an inventory that cannot be used; lists every problem at once, each naming where. */
export class InventoryError extends Error {
  readonly problems: readonly string[];

  constructor(
    readonly source: string,
    problems: readonly string[],
  ) {
    const listed = problems.length > MAX_PROBLEMS ? [...problems.slice(0, MAX_PROBLEMS), `... and ${problems.length - MAX_PROBLEMS} more`] : problems;
    super(`invalid inventory (${source}):\n  ${listed.join("\n  ")}`);
    this.name = "InventoryError";
    this.problems = listed;
  }
}

/** A place in the inventory file, 1-based as editors count. */
export interface SourcePosition {
  readonly line: number;
  readonly col: number;
}

/** "file:line:col: " — the form editors and CI logs turn into a link — or "" without a position. */
export function at(file: string, position: SourcePosition | undefined): string {
  return position ? `${file}:${position.line}:${position.col}: ` : "";
}

/** The 1-based line and column of a character offset in `text`. */
export function positionIn(text: string, offset: number): SourcePosition {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf("\n") + 1;
  return { line: before.split("\n").length, col: offset - lineStart + 1 };
}

const SHOWN_CHARACTERS = 60;

/**
 * A value as an error message shows it: JSON, cut after 60 characters, everything outside
 * printable ASCII escaped (so a Cyrillic "а" in a host name shows as \u0430, a NUL as
 * \u0000), and never a value that looks like a credential.
 */
export function showValue(value: unknown): string {
  let json: string;
  try {
    json = JSON.stringify(value) ?? String(value);
  } catch {
    return "<a value that cannot be shown (circular)>";
  }
  const credential = CREDENTIAL_FORMATS.find(([, pattern]) => pattern.test(json));
  if (credential) return `<not shown: looks like ${credential[0]}>`;
  const text = typeof value === "string" ? value : json;
  const chars = [...text];
  const cut = chars.length > SHOWN_CHARACTERS;
  const shown = typeof value === "string" ? JSON.stringify(chars.slice(0, SHOWN_CHARACTERS).join("")) : chars.slice(0, SHOWN_CHARACTERS).join("");
  const escaped = shown.replace(/[^\x20-\x7e]/gu, (c) => {
    const code = c.codePointAt(0)!;
    return code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
  return cut ? `${escaped}... (${chars.length} characters)` : escaped;
}
