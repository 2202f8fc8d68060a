/**
 * A stack's JSON as a reviewer should read it: keys sorted, and strings that hold JSON
 * documents (Nomad jobspecs, policies) parsed so they show as indented structure.
 */
// @ts-nocheck

export function snapshotView(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(snapshotView);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, snapshotView((value as Record<string, unknown>)[k])]),
    );
  }
  if (typeof value === "string" && /^\s*[{[]/.test(value)) {
    try {
      return { "(embedded JSON)": snapshotView(JSON.parse(value)) };
    } catch {
      return value;
    }
  }
  return value;
}
