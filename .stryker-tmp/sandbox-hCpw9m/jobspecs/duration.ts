/**
 * Durations as the Nomad API wants them: integer nanoseconds. The branded type means a
 * bare number (seconds? milliseconds?) cannot be put where a duration belongs; make one
 * with the helpers below.
 */
// @ts-nocheck

export type Nanoseconds = number & { readonly __unit: "ns" };

const NS_PER_MS = 1_000_000;

function ns(value: number, factor: number, unit: string): Nanoseconds {
  if (!Number.isFinite(value) || value < 0) {
    throw new Error(`duration ${value} ${unit} must be a finite number of at least 0`);
  }
  const result = Math.round(value * factor);
  if (!Number.isSafeInteger(result)) throw new Error(`duration ${value} ${unit} is too large to express in nanoseconds`);
  return result as Nanoseconds;
}

export const milliseconds = (n: number): Nanoseconds => ns(n, NS_PER_MS, "ms");
export const seconds = (n: number): Nanoseconds => ns(n, 1000 * NS_PER_MS, "s");
export const minutes = (n: number): Nanoseconds => ns(n, 60 * 1000 * NS_PER_MS, "min");
export const hours = (n: number): Nanoseconds => ns(n, 3600 * 1000 * NS_PER_MS, "h");
