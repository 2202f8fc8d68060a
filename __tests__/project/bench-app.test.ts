import { defineBenchEstate } from "../../scripts/bench-app";
import { synthApp } from "../helpers/synth";

// The benchmark's scaled app must keep synthesizing cleanly (every rule passing) as the
// estate changes, or `npm run bench` breaks unnoticed. Synthesized here as the bench's
// process does (HomelabApp.synth), at twice the estate.
test("the benchmark app synthesizes the estate plus as many copies of a representative stack", () => {
  const { stacks, report } = synthApp((app) => defineBenchEstate(app, 2));
  const ids = Object.keys(stacks);
  expect(ids.filter((id) => id.startsWith("bench-copy-")).length).toBe(ids.length / 2);
  expect(report.findings.filter((f) => f.level === "error" && f.acknowledged === undefined)).toEqual([]);
});
