/**
 * A value made by the first test that reads it, then kept for the file's other tests. A synth
 * shared by a describe block is made this way rather than while jest collects the tests: code
 * run at collection belongs to no test, so mutation testing would count every mutant it reaches
 * as "static" and run the whole area's tests for each (scripts/lib/mutation-config.ts).
 */
export function lazy<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
