// @ts-nocheck
import { Report } from "./engine";
import { Rule } from "./rule";

/** Renders rows as a plain-text table with aligned columns. */
export function textTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const render = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [render(header), render(widths.map((w) => "-".repeat(w))), ...rows.map(render)].join("\n");
}

/** The report as `npm run check` prints it: one row per finding, then the summary line. */
export function formatReport(report: Report, stackCount: number): string {
  const rows = report.findings.map((f) => [
    f.stackId,
    f.path,
    f.ruleId,
    f.acknowledged === undefined ? f.level : "acknowledged",
    f.acknowledged === undefined ? `${f.message}; fix: ${f.fix}` : `reason: ${f.acknowledged}`,
  ]);
  const table = rows.length ? `${textTable(["stack", "construct path", "rule", "level", "finding or acknowledgement reason"], rows)}\n\n` : "";
  return `${table}${summaryLine(report, stackCount)}`;
}

export function summaryLine(report: Report, stackCount: number): string {
  return `${report.errors} error(s), ${report.warnings} warning(s), ${report.acknowledged} acknowledged, across ${stackCount} stack(s)`;
}

/** The rule list as a Markdown table, for the README. */
export function rulesMarkdown(rules: readonly Rule[]): string {
  const rows = rules.map((r) => `| ${r.id} | ${r.level}${r.acknowledgeable === false ? " (no acknowledgement)" : ""} | ${r.description} |`);
  return ["| id | level | rule |", "| --- | --- | --- |", ...rows].join("\n");
}
