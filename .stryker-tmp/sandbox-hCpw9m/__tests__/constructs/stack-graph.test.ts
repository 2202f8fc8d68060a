// @ts-nocheck
import { deployOrder, StackInfo, tierViolations, withDependents } from "../../constructs/stack-graph";

const stack = (id: string, tier: 0 | 1 | undefined, ...dependencies: string[]): StackInfo => ({ id, tier, dependencies });

test("deploy order: tier 0 first, dependencies before dependents, ties by id", () => {
  const order = deployOrder([
    stack("matrix", 1, "minio"),
    stack("minio", 1, "plugin"),
    stack("plugin", 1),
    stack("vault", 0),
    stack("dbaas", 0, "cnpg"),
    stack("cnpg", 0),
  ]);
  expect(order.map((s) => `${s.order}:${s.id}`)).toEqual(["1:cnpg", "2:dbaas", "3:vault", "4:plugin", "5:minio", "6:matrix"]);
});

test("fails on a cycle, naming the stacks in it", () => {
  expect(() => deployOrder([stack("a", 1, "b"), stack("b", 1, "c"), stack("c", 1, "a"), stack("d", 1)])).toThrow(
    "stacks form a dependency cycle: a -> b -> c -> a; no deploy order exists",
  );
});

test("tier 0 may depend on tier 0 only", () => {
  expect(tierViolations([stack("vault", 0, "platform"), stack("platform", 0)])).toEqual([]);
  expect(tierViolations([stack("vault", 0, "apps", "raw"), stack("apps", 1), stack("raw", undefined)])).toEqual([
    expect.stringMatching(/^stack vault \(tier 0\) depends on stack apps \(tier 1\)/),
    expect.stringMatching(/^stack vault \(tier 0\) depends on stack raw \(a stack with no tier\)/),
  ]);
});

test("dependents are found transitively, and nothing else", () => {
  const stacks = [stack("a", 1), stack("b", 1, "a"), stack("c", 1, "b"), stack("d", 1)];
  expect([...withDependents(stacks, new Set(["a"]))].sort()).toEqual(["a", "b", "c"]);
  expect([...withDependents(stacks, new Set(["d"]))]).toEqual(["d"]);
});
