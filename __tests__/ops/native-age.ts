/**
 * The real `age-encryption` package for in-process tests. It is ESM-only, which jest's
 * module system cannot load; Node's own loader can (require of ESM, Node >= 20.19), so a
 * test file hands it to jest as the module's mock:
 *
 *   jest.mock("age-encryption", () => jest.requireActual<typeof import("./native-age")>("./native-age").nativeAge());
 *
 * Nothing is faked: the state code runs in the test's process (so coverage and mutation
 * testing see it) and encrypts with the same library as the CLI.
 */
export function nativeAge(): unknown {
  const nodeModule = jest.requireActual<{ _load(request: string, parent: null, isMain: boolean): unknown }>("module");
  return nodeModule._load(require.resolve("age-encryption"), null, false);
}
