import { defineEstate } from "../../main";
import { snapshotView } from "../helpers/snapshot";
import { synthApp } from "../helpers/synth";

// One snapshot per stack, taken through the real synth path (backends, cross-stack
// wiring, aspects), so a pull request shows the infrastructure diff. A backstop: the
// behaviour of each stack is asserted in its own test file.
const { stacks } = synthApp(defineEstate);

test.each(Object.keys(stacks).sort())("stack %s", (id) => {
  expect(snapshotView(stacks[id])).toMatchSnapshot();
});
