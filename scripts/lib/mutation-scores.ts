/**
 * The per-file score table of Stryker's JSON reports (mutation-testing-elements' schema), so
 * that a run over several areas ends with one table. Score as Stryker counts it: killed and
 * timed-out mutants over every valid one (survived and uncovered included; compile errors and
 * ignored mutants excluded).
 */
export interface ReportedMutant {
  readonly status: string;
  readonly mutatorName?: string;
  readonly replacement?: string;
  readonly location?: { readonly start: { readonly line: number; readonly column: number } };
}

export interface MutationReport {
  readonly files: Record<string, { readonly mutants: readonly ReportedMutant[] }>;
}

export interface FileScore {
  readonly file: string;
  readonly killed: number;
  readonly timeout: number;
  readonly survived: number;
  readonly noCoverage: number;
  readonly compileErrors: number;
  readonly ignored: number;
  /** Percent, or undefined for a file without a valid mutant. */
  readonly score: number | undefined;
}

export function fileScores(report: MutationReport): FileScore[] {
  return Object.entries(report.files)
    .map(([file, { mutants }]) => {
      const count = (status: string) => mutants.filter((m) => m.status === status).length;
      const [killed, timeout, survived, noCoverage] = ["Killed", "Timeout", "Survived", "NoCoverage"].map(count);
      const valid = killed + timeout + survived + noCoverage;
      return {
        file,
        killed,
        timeout,
        survived,
        noCoverage,
        compileErrors: count("CompileError") + count("RuntimeError"),
        ignored: count("Ignored"),
        score: valid ? ((killed + timeout) / valid) * 100 : undefined,
      };
    })
    .sort((a, b) => a.file.localeCompare(b.file));
}

/** A Markdown table of the scores, files under `bar` percent marked. */
export function scoreTable(scores: readonly FileScore[], bar: number): string {
  const rows = scores.map((s) => {
    const score = s.score === undefined ? "n/a" : `${s.score.toFixed(2)}%${s.score < bar ? " (below " + bar + "%)" : ""}`;
    return `| ${s.file} | ${s.killed} | ${s.timeout} | ${s.survived} | ${s.noCoverage} | ${s.compileErrors} | ${s.ignored} | ${score} |`;
  });
  return ["| file | killed | timeout | survived | no coverage | errors | ignored | score |", "| --- | --- | --- | --- | --- | --- | --- | --- |", ...rows].join("\n");
}

/**
 * Every mutant no test killed, one line each as the closing notes list them:
 * `file:line:column Mutator -> replacement`, "(no coverage)" when no test ran its code.
 */
export function survivorLines(report: MutationReport): string[] {
  return Object.entries(report.files)
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([file, { mutants }]) =>
      mutants
        .filter((m) => m.status === "Survived" || m.status === "NoCoverage")
        .sort((a, b) => (a.location?.start.line ?? 0) - (b.location?.start.line ?? 0) || (a.location?.start.column ?? 0) - (b.location?.start.column ?? 0))
        .map((m) => {
          const where = m.location ? `${m.location.start.line}:${m.location.start.column}` : "?";
          const replacement = (m.replacement ?? "").replace(/\s+/g, " ");
          return `${file}:${where} ${m.mutatorName ?? "?"} -> ${replacement}${m.status === "NoCoverage" ? " (no coverage)" : ""}`;
        }),
    );
}
