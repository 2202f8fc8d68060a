/** Chart values as Helm combines them: the chart's defaults under the release's values. */
// @ts-nocheck


export type Values = Record<string, unknown>;

export function isMap(v: unknown): v is Values {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}

/**
 * Helm's coalescing: maps merge key by key, anything else in `values` replaces the
 * default, and a null in `values` deletes the key (how a release removes a default).
 */
export function coalesceValues(values: Values, defaults: Values): Values {
  const out: Values = { ...defaults };
  for (const [key, value] of Object.entries(values)) {
    if (value === null) delete out[key];
    else if (isMap(value) && isMap(defaults[key])) out[key] = coalesceValues(value, defaults[key] as Values);
    else out[key] = value;
  }
  return out;
}

/** Every leaf path of a values tree (an empty map or list counts as a leaf). */
export function leafPaths(values: unknown, prefix: string[] = []): string[][] {
  if (!isMap(values) || Object.keys(values).length === 0) return [prefix];
  return Object.entries(values).flatMap(([k, v]) => leafPaths(v, [...prefix, k]));
}

/** The value at a path, or undefined. */
export function valueAt(values: unknown, path: readonly string[]): unknown {
  let v: unknown = values;
  for (const key of path) {
    if (!isMap(v)) return undefined;
    v = v[key];
  }
  return v;
}
