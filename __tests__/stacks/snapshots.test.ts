import { expectStackSnapshot, obsoleteStackSnapshots } from "../helpers/stack-snapshots";
import { synthEstate } from "../helpers/estate";

// One snapshot file per stack (__tests__/stacks/snapshots/<stack>.json), taken through the
// real synth path (backends, cross-stack wiring, aspects), so a pull request shows the
// infrastructure diff of exactly the stacks it changes. A backstop: the behaviour of each
// stack is asserted in its own test file.
const { stacks } = synthEstate();
const ids = Object.keys(stacks).sort();

test.each(ids)("stack %s", (id) => {
  expectStackSnapshot(id, stacks[id]);
});

test("no snapshot is left for a stack the estate no longer has (-u removes them)", () => {
  expect(obsoleteStackSnapshots(ids)).toEqual([]);
});
