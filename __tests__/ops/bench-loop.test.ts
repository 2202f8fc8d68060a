import { medianRun } from "../../scripts/bench-loop";
import { TreeRun } from "../../scripts/lib/process-tree";

const run = (seconds: number, status: number | null = 0): TreeRun => ({ status, seconds, peakMiB: 100, output: "" });

test("the bench reports the run of median wall time", () => {
  expect(medianRun([run(1.6), run(1.2), run(1.3)]).seconds).toBe(1.3);
  expect(medianRun([run(1.2)]).seconds).toBe(1.2);
});

test("a failed run is reported whatever its time: a median never hides a failure", () => {
  const failed = run(0.1, 1);
  expect(medianRun([run(1.3), failed, run(1.2)])).toBe(failed);
  expect(medianRun([run(1.3), run(1.2), run(1.4, null)]).status).toBeNull();
});
