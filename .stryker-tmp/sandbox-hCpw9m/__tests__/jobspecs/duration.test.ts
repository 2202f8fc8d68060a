// @ts-nocheck
import { hours, milliseconds, minutes, seconds } from "../../jobspecs/duration";

test("durations are integer nanoseconds", () => {
  expect(milliseconds(250)).toBe(250_000_000);
  expect(seconds(10)).toBe(10_000_000_000);
  expect(minutes(5)).toBe(300_000_000_000);
  expect(hours(1)).toBe(3_600_000_000_000);
  expect(Number.isInteger(seconds(1.5))).toBe(true);
});

test("fails if a duration is negative or not finite", () => {
  expect(() => seconds(-1)).toThrow(/duration -1 s must be a finite number of at least 0/);
  expect(() => minutes(Number.NaN)).toThrow(/duration NaN min/);
});

test("fails if a duration overflows a safe integer of nanoseconds", () => {
  expect(() => hours(1e9)).toThrow(/too large/);
});
